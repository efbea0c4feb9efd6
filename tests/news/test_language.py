"""The English check."""

from __future__ import annotations

from tariffscope.news.language import english_share, looks_english

ENGLISH = (
    "Swiss President Karin Keller-Sutter said that US Commerce Secretary Howard Lutnick "
    "told her that the two nations will be able to reach a good trade deal."
)
GERMAN = (
    "Die Schweizer Bundespräsidentin Karin Keller-Sutter sagte, dass US-Handelsminister Howard "
    "Lutnick ihr gesagt habe, dass die beiden Nationen ein gutes Abkommen erreichen."
)
KOREAN = (
    "이재명 대통령은 러트닉 미 상무장관이 양국이 좋은 무역 협정에 도달할 수 있다고 말했다고 밝혔다."
)


def test_english_is_english() -> None:
    assert looks_english(ENGLISH)
    assert english_share(ENGLISH) > 0.25


def test_other_languages_are_not() -> None:
    assert not looks_english(GERMAN)
    assert not looks_english(KOREAN)


def test_short_latin_text_is_accepted() -> None:
    assert looks_english("Tariffs rise")
