"""The ``tariffscope_quotes`` component: direct quotations, their speakers and who relayed them.

Quotations come from :func:`tariffscope.news.quote_marks.find_quote_spans`. The speaker is
found the way a reader finds it:

1. a speech verb ("said", "told", "wrote", "added", "according to", ...) outside the
   quotation in the sentences where it starts or ends; the nearest one wins. Its subject is
   the speaker: a name, a role phrase ("The First Minister"), a pronoun (resolved once for
   the story by :mod:`tariffscope.news.mention_chains`: the last person who spoke whose
   gender agrees, else the last person named as a subject), a document of a person ("Trump's
   letter", "his executive order") or something that is not a person (a statement, a
   ministry, "the countries"), which gives no speaker;
2. without a speech verb, a sentence ending in a colon before the quotation ("Trump
   replied:"), then the speaker of the quotation this one continues (the same paragraph after
   "..., Trump said." or the next paragraph of a multi-paragraph quote), then the person who
   spoke last in the sentence just before a quotation that opens its own sentence ("X told
   CBS on Sunday ... . \u201cWe expect ...\u201d");
3. relayed words: when the quoted sentence itself is "<person> stated/said/told ... that
   ...", or the speech verb is the complement of another person's speech verb ("Ishiba said
   Bessent told him ..."), that person is the speaker and the outer one is ``via``.

A subject the parser took from inside the quotation ('"...," X, chair of Y, said') gives way
to the person named between the quotation and the verb; an "according to" a document yields to
a named speaker of the same sentence; an attribution the parser split off after "!" or "?"
counts for the quotation before it. A relay needs a reported clause ("X said that ...").

Quotations of fewer than four words are fragments and are not output (their speech verbs
still count for pronouns). Quotations in the headline line are left out.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._persons import layout
from tariffscope.news._speakers import apposed_named, speech_subject
from tariffscope.news._syntax import doc_text, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.mention_chains import MentionChains, chains_of
from tariffscope.news.person_rules import person_rules
from tariffscope.news.quote_marks import QuoteSpan, find_quote_spans

__all__ = ["MIN_QUOTE_WORDS", "QuoteComponent", "make_quote_component"]

MIN_QUOTE_WORDS = 4
#: ``SpeechAct.speaker`` of a speech verb written with no subject ("... ,' said.").
NO_SUBJECT = -1


@dataclass(frozen=True, slots=True)
class SpeechAct:
    """A speech verb outside quotations: its token, the person speaking (None for a subject
    that is no person, :data:`NO_SUBJECT` for none written) and whether it relays (a medium
    or a document: "according to a report", "reported CNN")."""

    index: int
    verb: Token
    speaker: int | None
    relayed: bool = False


class QuoteComponent(LexiconComponent):
    """Find quotations and attribute them (writes ``doc._.tariffscope_quotes``)."""

    def annotate(self, doc: Doc) -> None:
        """Find, attribute and filter the quotations of one article."""
        persons = doc._.tariffscope_persons or []
        mentions = chains_of(doc)
        meta = doc._.tariffscope_meta or {}
        text = doc_text(doc)
        title = " ".join((meta.get("title") or "").split()).lower()
        headlines = [
            h for h in layout(doc)[1] if " ".join(text[h[0] : h[1]].split()).lower() == title
        ]
        spans = find_quote_spans(text)
        speech = self._speech_acts(doc, mentions, spans)
        out: list[dict[str, Any]] = []
        previous: dict[str, Any] | None = None
        for span in spans:
            speaker, via = self._attribute(doc, text, span, speech, mentions, previous)
            record: dict[str, Any] = {
                "text": text[span.start : span.end],
                "start": span.start,
                "end": span.end,
                "speaker_id": speaker,
                "via_id": via,
                "closed": span.closed,
            }
            previous = record
            if len(record["text"].split()) < MIN_QUOTE_WORDS:
                continue
            if any(s <= span.start < e for s, e in headlines):
                continue
            out.append(record)
        doc._.tariffscope_quotes = [
            {
                "text": r["text"],
                "start": r["start"],
                "end": r["end"],
                "speaker": None if r["speaker_id"] is None else persons[r["speaker_id"]]["name"],
                "via": None if r["via_id"] is None else persons[r["via_id"]]["name"],
            }
            for r in out
        ]

    # -- speech acts --------------------------------------------------------------------------
    def _speech_acts(
        self, doc: Doc, mentions: MentionChains, spans: list[QuoteSpan]
    ) -> list[SpeechAct]:
        """Every speech verb outside quotations, in order.

        Pronoun subjects were resolved once for the whole story by the mention chains.
        """
        rules = person_rules(self.lexicon).hits(doc).get("speech", {})
        inside = [(s.start, s.end) for s in spans]
        starts = [s for s, _ in inside]

        def named(token: Token) -> bool:
            end = token.idx + len(token.text)
            return mentions.person(token.idx, end, named_only=True) is not None

        acts: list[SpeechAct] = []
        for i in sorted(rules):  # the words of the speech rules, in order
            token = doc[i]
            k = bisect.bisect_right(starts, token.idx) - 1
            if k >= 0 and inside[k][0] <= token.idx < inside[k][1]:
                continue
            if rules[i].rule == "speech.according_to":
                objects = [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]
                speaker = self._person_of(objects[0], mentions) if objects else None
                acts.append(SpeechAct(token.i, token, speaker, relayed=True))
                continue
            subject = speech_subject(
                token, named, lambda t: self._person_of(t, mentions) is not None
            )
            speaker = None if subject is None else self._person_of(subject, mentions)
            if subject is not None and subject.idx < token.idx:
                q = bisect.bisect_right(starts, subject.idx) - 1
                if q >= 0 and inside[q][0] <= subject.idx < inside[q][1]:
                    # '"...," X, chair of Y, said': the parser took the quotation for the
                    # subject; the person named between it and the verb speaks
                    speaker = self._named_between(doc, inside[q][1], token.idx, mentions)
            if subject is None:
                speaker = NO_SUBJECT  # "... ,' said." : no subject written
            relayed = speaker in {None, NO_SUBJECT} and self._medium(token, subject)
            if relayed:
                speaker = None
            acts.append(SpeechAct(token.i, token, speaker, relayed))
        return acts

    def _medium(self, verb: Token, subject: Token | None) -> bool:
        """The verb relays others' words: its subject is a document ("a statement said") or
        an outlet, before it or inverted after it ("reported CNN")."""
        if subject is not None and subject.lemma_.lower() in self.lexicon.words(
            "person_document_nouns"
        ):
            return True
        heads = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "nsubj", "attr"}]
        for head in [subject, *heads] if subject is not None else heads:
            words = [t.text for t in head.subtree if t.pos_ == "PROPN"] or [head.text]
            if " ".join(words) in self.lexicon.outlets:
                return True
        return False

    @staticmethod
    def _named_between(doc: Doc, start: int, end: int, mentions: MentionChains) -> int | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            person = mentions.person(token.idx, token.idx + len(token.text), named_only=True)
            if person is not None:
                return person
        return None

    def _person_of(self, token: Token, mentions: MentionChains) -> int | None:
        """The person a subject names, or None for a non-person subject."""
        if token.lower_ in self.lexicon.words("person_not_speakers"):
            return None
        person = mentions.person_of(token)
        if person is not None:
            return person
        # "The opposition spokesperson, Y, told ...": the apposed name speaks
        name = apposed_named(token, lambda t: mentions.person_of(t) is not None)
        if name is not None:
            return mentions.person_of(name)
        documents = self.lexicon.words("person_document_nouns")
        agents = self.lexicon.words("person_agent_nouns")  # "X's office said": not X
        owned = token.lemma_.lower() in documents or token.pos_ in {"NOUN", "PROPN"}
        if owned and token.lower_ not in agents and token.lemma_.lower() not in agents:
            marks = self.lexicon.words("person_possessive_marks")
            for child in token.children:
                # "X's statement said": the owner, parsed as poss or as nmod with its "'s"
                owner = child.dep_ == "poss" or (
                    child.dep_ == "nmod" and any(c.text in marks for c in child.children)
                )
                if owner:
                    return self._person_of(child, mentions)
        # a name inside a longer subject: "China's Premier Li Qiang"
        left, right = token.left_edge.idx, token.idx + len(token.text)
        if token.pos_ == "PROPN":
            return mentions.person(left, right, named_only=True)
        return None

    # -- attribution --------------------------------------------------------------------------
    def _attribute(
        self,
        doc: Doc,
        text: str,
        span: QuoteSpan,
        speech: list[SpeechAct],
        mentions: MentionChains,
        previous: dict[str, Any] | None,
    ) -> tuple[int | None, int | None]:
        """The speaker and the relaying person (persons indices) of one quotation; ``text``
        is ``doc.text``, which spaCy joins anew on every read (once per document, not per
        quotation)."""
        first = doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is None:
            return None, None
        sent_start = doc[first.start].sent
        sent_end = doc[first.end - 1].sent
        lo, hi = sent_start.start, sent_end.end
        if (
            hi < len(doc)
            and first.end >= hi - 1
            and "\n" not in text[span.end : doc[hi].idx]
            and not any(lo <= a.index < hi for a in speech)
        ):
            # '"... the United States!" Trump wrote': the parser ends the sentence inside the
            # quotation and the attribution after it starts a new one (only when the
            # quotation's own sentence has no speech verb: "X said ... 'quote.' Y told")
            own = hi
            hi = doc[hi].sent.end
            # only a person's attribution reaches back ("... ,' Trump wrote."); a next
            # sentence that opens on another source ("According to the agency, ...") is not
            # about this quotation
            speech = [a for a in speech if a.index < own or a.speaker is not None]
        candidates = [a for a in speech if lo <= a.index < hi]
        if any(a.speaker is not None for a in candidates):
            # 'He said: "...," according to a report' / '... reported CNN': a medium relays
            # a person's words
            candidates = [a for a in candidates if a.speaker is not None or not a.relayed]
        # 'X said that the two can take their "quoted words"': the verb whose clause holds
        # the quotation speaks it, however near another verb is
        depth = {t.i: k for k, t in enumerate(doc[first.start].ancestors)}
        governing = [a for a in candidates if a.index in depth and a.speaker is not None]
        if governing:
            # "X said that Y 'will ...', he added": the clause holds it; the verb nearest
            # above the quotation in the parse speaks it
            candidates = [min(governing, key=lambda a: depth[a.index])]
        if candidates:
            act = min(
                candidates,
                key=lambda a: min(abs(a.verb.idx - span.end), abs(span.start - a.verb.idx)),
            )
            speaker = act.speaker
            if speaker == NO_SUBJECT:
                speaker = self._last_speaker(speech, act.index)
            via = None
            outer = self._outer_speaker(act.verb, speech)
            if outer is not None and speaker is not None and outer != speaker:
                via = outer
            return self._relay(doc, first, speaker, via, mentions)
        # a colon-ended sentence before the quotation: "Trump replied:"
        if lo > 0:
            before = doc[lo - 1].sent
            if before.text.rstrip().endswith(":"):
                acts = [a for a in speech if before.start <= a.index < before.end]
                if acts:
                    speaker = acts[-1].speaker
                    if speaker == NO_SUBJECT:
                        speaker = self._last_speaker(speech, acts[-1].index)
                    return self._relay(doc, first, speaker, None, mentions)
        if previous is not None and (span.continues or self._adjacent(text, previous, span)):
            return self._relay(doc, first, previous["speaker_id"], previous["via_id"], mentions)
        speaker = self._speaker_before(doc, text, span, lo, speech)
        return self._relay(doc, first, speaker, None, mentions)

    def _speaker_before(
        self, doc: Doc, text: str, span: QuoteSpan, lo: int, speech: list[SpeechAct]
    ) -> int | None:
        """A quotation that stands as its own sentence or paragraph right after a sentence in
        which a named person speaks ('X told CBS ... . "We expect ..."'): that person."""
        if lo == 0 or doc[lo].idx < span.start - 2:
            return None  # the quotation does not open its sentence
        before = doc[lo - 1].sent
        if text[before.end_char : span.start].count("\n") > 2:
            return None
        people = [
            a.speaker
            for a in speech
            if before.start <= a.index < before.end and a.speaker is not None and a.speaker >= 0
        ]
        return people[-1] if people else None

    def _adjacent(self, text: str, previous: dict[str, Any], span: QuoteSpan) -> bool:
        """The previous quotation ends in the sentence just before, in the same paragraph."""
        between = text[previous["end"] : span.start]
        if between.count("\n") > 2 or len(between) > 80:
            return False
        return previous["speaker_id"] is not None

    def _last_speaker(self, speech: list[SpeechAct], before: int) -> int | None:
        for act in reversed(speech):
            if act.index < before and act.speaker is not None and act.speaker >= 0:
                return act.speaker
        return None

    def _outer_speaker(self, verb: Token, speech: list[SpeechAct]) -> int | None:
        """The speaker of a speech verb that governs this one ("Ishiba said Bessent told");
        not a verb after it, on which the parser hung a sentence's first clause ("X said that
        ... 'quote', he added")."""
        current = verb
        for _ in range(3):
            if (
                current.dep_ not in {"ccomp", "conj", "xcomp", "advcl"}
                or current.head.i == current.i
                or current.head.i > verb.i
            ):
                return None
            current = current.head
            for act in speech:
                if act.verb.i == current.i and act.speaker is not None and act.speaker >= 0:
                    return act.speaker
        return None

    def _relay(
        self, doc: Doc, quoted: Span, speaker: int | None, via: int | None, mentions: MentionChains
    ) -> tuple[int | None, int | None]:
        """Words that report another person's speech: that person speaks, via ``speaker``."""
        if speaker is None or via is not None:
            return speaker, via
        root = doc[quoted.start].sent.root if quoted.start < len(doc) else None
        for token in quoted:
            if token.dep_ == "ROOT" or (root is not None and token.i == root.i):
                root = token
                break
        if root is None or not (quoted.start <= root.i < quoted.end):
            return speaker, via
        if root.pos_ != "VERB" or root.lemma_.lower() not in self.lexicon.words(
            "person_speech_verbs"
        ):
            return speaker, via
        if not any(child.dep_ == "ccomp" for child in root.children):
            return speaker, via  # '"Mark called me today"': no reported clause, no relay
        subject = subject_of(root)
        if subject is None:
            return speaker, via
        inner = mentions.person(
            subject.left_edge.idx, subject.idx + len(subject.text), named_only=True
        )
        if inner is not None and inner != speaker:
            return inner, speaker
        return speaker, via


@Language.factory(
    "tariffscope_quotes",
    assigns=["doc._.tariffscope_quotes"],
    requires=["doc._.tariffscope_persons", "doc._.tariffscope_chains", "token.dep"],
    default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}},
)
def make_quote_component(nlp: Language, name: str, lexicon: Lexicon) -> QuoteComponent:
    """Factory of ``tariffscope_quotes`` (see :class:`QuoteComponent`)."""
    return QuoteComponent(nlp, name, lexicon)
