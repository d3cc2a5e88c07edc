"""`newsgraph_indirect_quotes`: reported speech, beliefs and stances without quotation marks.

A reporting or belief verb with a clausal complement ("X said that …", and "…, X said"
after the content, "The goal, he said, is …" around it), a stance verb with an object
("criticized X for Y"), agentless views ("is expected to", "is said to"), "according to
X, …", "in the polls", and a named source before a colon ("FALLIN: I think …"). Content
a direct quote already carries is left to it.
"""

from __future__ import annotations

from dataclasses import replace

import numpy
from spacy.attrs import IDX, LOWER, ORTH, POS
from spacy.strings import hash_string
from spacy.symbols import AUX, VERB
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lexicon import Lexicon
from .arguments import Arguments
from .attribution import Cues, char_bounds, is_title
from .rules import AFTER, PARENTHETICAL, QuoteRule
from .syntax import children, prep_objects, subject
from .types import FoundQuote, QuoteKind, register_extensions

_COLON_SOURCE_TOKENS = 6  # a name of a few words: "Gov. Mary Fallin:"
_STANCE_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "acomp", "dative", "prep"})  # not "Saturday"


@Language.factory(
    "newsgraph_indirect_quotes",
    requires=["doc._.ng_direct_quotes", "doc._.ng_mentions", "doc._.ng_entities"],
    assigns=["doc._.ng_indirect_quotes"],
    default_config={},
)
def make_indirect_quote_finder(nlp: Language, name: str) -> IndirectQuoteFinder:
    return IndirectQuoteFinder()


class IndirectQuoteFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.cues = Cues(self.lexicon)
        self.speech = self.cues.speech
        self.belief = self.cues.belief
        self.poll_nouns = self.lexicon.word_list("poll_nouns")

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_indirect_quotes needs initialize(lexicon=...) first")
        args = Arguments(doc, self.lexicon)
        direct_parts = [p for q in doc._.ng_direct_quotes or [] for p in q.parts]
        doc._.ng_indirect_quotes = self._indirect(doc, args, direct_parts)
        return doc

    def _indirect(self, doc: Doc, args: Arguments, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        found = []
        for i in numpy.flatnonzero(_may_report(doc) & ~_inside(doc, direct_parts)):
            token = doc[int(i)]
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                found.extend(self._according_to(doc, args, token, direct_parts))
            elif token.text == ":" and token.i > 0:
                found.extend(self._colon_source(doc, args, token, direct_parts))
            elif token.lower_ == "in" and any(o.lemma_.lower() in self.poll_nouns for o in children(token, "pobj")):
                found.extend(self._in_poll(doc, args, token, direct_parts))
            elif self.cues.is_cue_verb(token) or self.cues.is_attitude_verb(token):
                found.extend(self._reported_clause(doc, args, token, direct_parts))
        return found

    def _reported_clause(self, doc: Doc, args: Arguments, verb: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "X said (that) CLAUSE", and the reporting clause after its content: "CLAUSE, X reported"."""
        speaker = args.speaker_of(verb)
        if speaker is None:
            return self._agentless(doc, args, verb, direct_parts)
        lemma = verb.lemma_.lower()
        rule = QuoteRule.SPEECH if lemma in self.speech else QuoteRule.BELIEF if lemma in self.belief else QuoteRule.ATTITUDE
        clauses = [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children if c.dep_ == "ccomp"]
        kind = self.cues.kind(verb)
        head = verb.head
        if not clauses and verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
            shared_subject = subject(verb)
            shared = (  # "..., saying" shares the subject of the clause it hangs from
                shared_subject is not None and shared_subject.i == speaker.i and not children(verb, "nsubj")
            )
            if not self.cues.is_cue_verb(head) and not shared:  # "CLAUSE, the Times reported"
                clauses = [(head.left_edge.i, verb.left_edge.i)]
                rule = AFTER[rule]
        if not clauses and verb.dep_ == "parataxis" and head.i > verb.i and head.pos_ in ("VERB", "AUX") \
                and not children(verb, *_STANCE_OBJECT_DEPS) and not self.cues.is_cue_verb(head):
            return self._parenthetical(doc, args, verb, speaker, rule, direct_parts)
        if not clauses and self.cues.is_attitude_verb(verb):  # "criticized X for Y", "reported a rise in profits"
            complements = [c for c in verb.rights if c.dep_ in _STANCE_OBJECT_DEPS]
            if complements:
                clauses = [(complements[0].left_edge.i, complements[-1].right_edge.i + 1)]
                rule, kind = QuoteRule.ATTITUDE, QuoteKind.ATTITUDE  # an object, not reported words
        found = []
        for a, b in clauses:
            span = char_bounds(doc, a, b)
            if span is None or any(_overlap(span, part) for part in direct_parts) or is_title(doc[a:b]):
                continue  # a direct quote inside carries this attribution already; a title is no content
            found.append(replace(self.cues.quote(doc, args, [span], False, rule, verb, speaker), kind=kind))
        return found

    def _agentless(self, doc: Doc, args: Arguments, verb: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "The bank is expected to hold rates", "Trump is said to be furious": a view or report
        with no one named, the whole clause its content."""
        lemma = verb.lemma_.lower()
        if not (children(verb, "auxpass") and children(verb, "xcomp")) or (lemma not in self.belief and lemma not in self.speech):
            return []
        span = char_bounds(doc, verb.left_edge.i, verb.right_edge.i + 1)
        if span is None or any(_overlap(span, part) for part in direct_parts):
            return []
        rule = QuoteRule.SPEECH_AGENTLESS if lemma in self.speech else QuoteRule.BELIEF_AGENTLESS
        return [self.cues.quote(doc, args, [span], False, rule, verb, None)]

    def _in_poll(self, doc: Doc, args: Arguments, prep: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "Trump is ahead in the polls", "In the new Post-ABC poll, Trump wins 1 in 3 voters":
        the poll says the clause it qualifies."""
        head = prep.head
        if head.pos_ not in ("VERB", "AUX"):
            return []
        clause = self._clause_without(head, prep)
        if clause is None or any(_overlap(clause, part) for part in direct_parts):
            return []
        poll = next(o for o in children(prep, "pobj") if o.lemma_.lower() in self.poll_nouns)
        return [self.cues.quote(doc, args, [clause], False, QuoteRule.IN_POLL, prep, poll)]

    def _parenthetical(
        self, doc: Doc, args: Arguments, verb: Token, speaker: Token, rule: str, direct_parts: list[tuple[int, int]]
    ) -> list[FoundQuote]:
        """ "The goal, he said, is to forge a cease-fire": the clause around the reporting
        phrase, in two parts."""
        head = verb.head
        parts = [
            b for b in (char_bounds(doc, head.left_edge.i, verb.left_edge.i), char_bounds(doc, verb.right_edge.i + 1, head.right_edge.i + 1))
            if b is not None
        ]
        if not parts or any(_overlap(part, other) for part in parts for other in direct_parts):
            return []
        return [self.cues.quote(doc, args, parts, False, PARENTHETICAL[rule], verb, speaker)]

    def _according_to(self, doc: Doc, args: Arguments, token: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        objects = [obj for to in token.children for obj in children(to, "pobj")] + prep_objects(token, "to")
        head = token.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # "…, according to X" on a noun
            head = head.head
        while head.dep_ == "conj" and head.head.i != head.i:  # "A, B and C, according to X": all three
            head = head.head
        if not objects or head.i == token.i:
            return []
        clause = self._clause_without(head, token)
        if clause is None or any(_overlap(clause, part) for part in direct_parts):
            return []
        return [self.cues.quote(doc, args, [clause], False, QuoteRule.INDIRECT_ACCORDING_TO, token, objects[0])]

    def _colon_source(self, doc: Doc, args: Arguments, colon: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "Obama: I'm Optimistic Americans Will Say No", "FALLIN: I think …" - a named source
        opening its line or sentence, a colon, and what it says up to the end of the line
        (headlines, transcripts, Q&A, bulleted statements)."""
        line_start = colon.i
        while line_start > 0 and "\n" not in doc[line_start - 1].text:
            line_start -= 1
        speaker = None
        for start in dict.fromkeys((line_start, args.sentences.of(colon.i).start)):
            before = [t for t in doc[start : colon.i] if not t.is_space]
            mention = args.mention_at(before[-1]) if before and len(before) <= _COLON_SOURCE_TOKENS else None
            if mention is not None and args.mentions[mention].start == before[0].i:
                speaker = before[-1]  # the whole lead-in is one name: "Update:" and "Washington, D.C.:" are not sources
                break
        if speaker is None:
            return []
        line_end = colon.i + 1
        while line_end < len(doc) and "\n" not in doc[line_end].text:
            line_end += 1
        content = char_bounds(doc, colon.i + 1, line_end)
        if content is None or any(_overlap(content, part) for part in direct_parts):
            return []
        return [self.cues.quote(doc, args, [content], False, QuoteRule.COLON_SOURCE, colon, speaker)]

    def _clause_without(self, head: Token, prep: Token) -> tuple[int, int] | None:
        """The clause `head` heads minus the "according to X" phrase, as char offsets: the
        longer of what precedes and what follows the phrase ("According to X, CLAUSE",
        "CLAUSE, according to X, the station in Y" with the apposition parsed into the clause)."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        cut_a, cut_b = prep.left_edge.i, prep.right_edge.i + 1
        sides = [b for b in (char_bounds(head.doc, start, cut_a), char_bounds(head.doc, cut_b, end)) if b is not None]
        return max(sides, key=lambda b: b[1] - b[0], default=None)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


_ACCORDING_OR_IN = numpy.array([hash_string("according"), hash_string("in")], dtype=numpy.uint64)
_COLON = numpy.uint64(hash_string(":"))
_VERB_POS = numpy.array([VERB, AUX], dtype=numpy.uint64)


def _may_report(doc: Doc) -> numpy.ndarray:
    """Per token: can `_indirect` do anything with it ("according", ":", "in", a verb), so
    that no Token object is made for the others."""
    if not len(doc):
        return numpy.zeros(0, dtype=bool)
    attrs = doc.to_array([LOWER, ORTH, POS])
    return (numpy.isin(attrs[:, 0], _ACCORDING_OR_IN) | (attrs[:, 1] == _COLON)
            | numpy.isin(attrs[:, 2], _VERB_POS))


def _inside(doc: Doc, spans: list[tuple[int, int]]) -> numpy.ndarray:
    """Per token: does it start inside one of the character spans `spans`."""
    offsets = doc.to_array(IDX).astype(numpy.int64) if len(doc) else numpy.zeros(0, dtype=numpy.int64)
    inside = numpy.zeros(len(doc), dtype=bool)
    for a, b in spans:
        inside |= (offsets >= a) & (offsets < b)
    return inside

