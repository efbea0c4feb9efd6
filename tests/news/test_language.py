"""The English check."""

from __future__ import annotations

from tariffscope.news.language import english_share, looks_english

ENGLISH = (
    "Japanese Prime Minister Shigeru Ishiba said that US Treasury Secretary Scott Bessent "
    "told him that the two nations will be able to reach a good trade deal."
)
GERMAN = (
    "Der japanische Ministerpräsident Shigeru Ishiba sagte, dass US-Finanzminister Scott "
    "Bessent ihm gesagt habe, dass die beiden Nationen ein gutes Abkommen erreichen."
)
JAPANESE = (
    "石破茂首相は、ベッセント米財務長官が両国は良い貿易協定に達することができると述べたと語った。"
)


def test_english_is_english() -> None:
    assert looks_english(ENGLISH)
    assert english_share(ENGLISH) > 0.25


def test_other_languages_are_not() -> None:
    assert not looks_english(GERMAN)
    assert not looks_english(JAPANESE)


def test_short_latin_text_is_accepted() -> None:
    assert looks_english("Tariffs rise")
