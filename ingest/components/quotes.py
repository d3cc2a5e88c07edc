"""`newsgraph_quotes`: quotes and reported speech, with speaker, cue and receiver.

Direct quotes (content in quotation marks) are attributed, in order, by:
the reporting verb above the quote in the parse (`"…," X said`, `X said: "…"`,
`X told reporters that Y "…"`), a reporting verb hanging from the quote
(`"…" said X` parsed the other way round), "according to X", a report noun
("a statement", "an interview"), the nearest reporting verb in the sentence,
and finally the previous quote's speaker when a quote continues without a
cue. Indirect attributions: a reporting or belief verb with a clausal
complement ("X said that …"), and "according to X, …".

The receiver is the outlet a quote was given to: "told the BBC", "in an
interview with Univisión", "a statement to the Times", or a speaker described
as "who spoke with the Times".
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.graph.model import EntityType

from ..lexicon import Lexicon, load_lexicon
from .arguments import Arguments
from .quote_spans import find_quote_spans
from .syntax import children, governing_verb, prep_objects, subject
from .types import FoundQuote, register_extensions

_MIN_UNATTRIBUTED_TOKENS = 5
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_RECEIVER_PREPS = ("to", "with")


@Language.factory(
    "newsgraph_quotes",
    requires=["doc._.ng_entities"],
    assigns=["doc._.ng_quotes"],
)
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(load_lexicon())


class QuoteFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        register_extensions()
        self.lexicon = lexicon
        self.speech = lexicon.word_list("speech_verbs")
        self.belief = lexicon.word_list("belief_verbs")
        self.report_nouns = lexicon.word_list("report_nouns")
        self.receiver_nouns = lexicon.word_list("receiver_nouns")
        self.interview_verbs = lexicon.word_list("interview_verbs")

    def __call__(self, doc: Doc) -> Doc:
        args = Arguments(doc, self.lexicon)
        quotes: list[FoundQuote] = []
        spans = find_quote_spans(doc.text)
        for start, end in spans:
            quote = self._direct(doc, args, start, end, quotes)
            if quote is not None:
                quotes.append(quote)
        quotes.extend(self._indirect(doc, args, spans))
        quotes.sort(key=lambda q: q.content)
        doc._.ng_quotes = quotes
        doc._.ng_entities = args.entities
        return doc

    # ---- direct quotes -----------------------------------------------------------------

    def _direct(self, doc: Doc, args: Arguments, start: int, end: int, earlier: list[FoundQuote]) -> FoundQuote | None:
        content = doc.char_span(start, end, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        inside = set(range(content.start, content.end))
        clause = any(t.pos_ in ("VERB", "AUX") for t in content)
        for rule, cue, speaker in self._cues(doc, args, content, inside):
            if not clause and rule != "quote.verb_above":
                return None  # a quoted name or scare-quoted phrase, not speech
            entity = args.actor_at(speaker) if speaker is not None else None
            return self._quote(doc, args, (start, end), True, rule, cue, speaker, entity)
        if not clause:
            return None
        previous = earlier[-1] if earlier else None
        if previous is not None and previous.speaker_entity is not None and self._continues(doc, previous, content):
            return FoundQuote(
                content=(start, end), direct=True, rule="quote.continuation",
                speaker_mention=previous.speaker_mention, speaker_entity=previous.speaker_entity,
                cue=previous.cue, receiver_entity=previous.receiver_entity,
            )
        if len(content) >= _MIN_UNATTRIBUTED_TOKENS:
            return FoundQuote(content=(start, end), direct=True, rule="quote.unattributed")
        return None

    def _cues(self, doc: Doc, args: Arguments, content: Span, inside: set[int]):
        """Candidate (rule, cue token, speaker token) for a quote, best first."""
        roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
        for root in roots:
            for ancestor in root.ancestors:
                if ancestor.i in inside:
                    continue
                if self._is_cue_verb(ancestor):
                    yield "quote.verb_above", ancestor, args.speaker_of(ancestor)
                    break
                if ancestor.lemma_.lower() in self.report_nouns:
                    yield "quote.report_noun", ancestor, self._speaker_of_noun(args, ancestor)
                    break
        for root in roots:
            for child in root.children:
                if child.i not in inside and self._is_cue_verb(child):
                    yield "quote.verb_below", child, args.speaker_of(child)
        frame = self._frame(doc, content, inside)
        for token in frame:
            if token.lower_ == "according":
                objects = prep_objects(token, "to") or [
                    obj for to in token.children for obj in children(to, "pobj")
                ]
                for obj in objects:
                    yield "quote.according_to", token, obj
        cues = [t for t in frame if self._is_cue_verb(t) and args.speaker_of(t) is not None]
        for cue in sorted(cues, key=lambda t: min(abs(t.i - content.start), abs(t.i - content.end))):
            yield "quote.nearest_verb", cue, args.speaker_of(cue)
        before = doc[content.start - 1] if content.start > 0 else None
        if before is not None and before.i - 1 >= 0 and doc[before.i - 1].text == ":":
            colon = doc[before.i - 1]
            for token in reversed(list(colon.sent)):
                if token.i < colon.i and self._is_cue_verb(token) and args.speaker_of(token) is not None:
                    yield "quote.colon_intro", token, args.speaker_of(token)
                    break

    def _frame(self, doc: Doc, content: Span, inside: set[int]) -> list[Token]:
        """Tokens of the quote's sentence(s) outside any quote."""
        first = doc[content.start].sent.start
        last = doc[content.end - 1].sent.end
        if content.end < len(doc) and doc[content.end].sent.start == last:
            last = doc[content.end].sent.end  # the cue may follow in the next parse "sentence"
        spans = find_quote_spans(doc.text[doc[first].idx : doc[last - 1].idx + len(doc[last - 1])]) if last > first else []
        offset = doc[first].idx
        quoted = set()
        for a, b in spans:
            span = doc.char_span(a + offset, b + offset, alignment_mode="expand")
            if span is not None:
                quoted.update(range(span.start, span.end))
        return [doc[i] for i in range(first, last) if i not in inside and i not in quoted]

    def _continues(self, doc: Doc, previous: FoundQuote, content: Span) -> bool:
        """A cue-less quote in the same or the next paragraph as an attributed direct quote,
        with no reporting verb in between, continues it."""
        if not previous.direct:
            return False
        gap_start = max(previous.content[1], previous.cue[1] if previous.cue else 0)  # after "...," X said
        if gap_start > content.start_char:
            return False
        gap_text = doc.text[gap_start : content.start_char]
        paragraph_breaks = len(_PARAGRAPH_BREAK.findall(gap_text))
        gap = doc.char_span(gap_start, content.start_char, alignment_mode="expand") or []
        return paragraph_breaks <= 1 and not any(self._is_cue_verb(t) for t in gap)

    # ---- indirect attributions -----------------------------------------------------------

    def _indirect(self, doc: Doc, args: Arguments, direct_spans: list[tuple[int, int]]) -> list[FoundQuote]:
        found = []
        for token in doc:
            if _inside(token.idx, direct_spans):
                continue
            if token.lower_ == "according" and token.dep_ == "prep":
                found.extend(self._according_to(doc, args, token, direct_spans))
            elif self._is_cue_verb(token):
                found.extend(self._reported_clause(doc, args, token, direct_spans))
        return found

    def _reported_clause(self, doc: Doc, args: Arguments, verb: Token, direct_spans: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "X said (that) CLAUSE", and the reporting clause after its content: "CLAUSE, X reported"."""
        speaker = args.speaker_of(verb)
        if speaker is None:
            return []
        rule = "indirect.speech" if verb.lemma_.lower() in self.speech else "indirect.belief"
        clauses = [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children if c.dep_ == "ccomp"]
        head = verb.head
        if not clauses and verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
            shared_subject = subject(verb)
            shared = (  # "..., saying" shares the subject of the clause it hangs from
                shared_subject is not None and shared_subject.i == speaker.i and not children(verb, "nsubj")
            )
            if not self._is_cue_verb(head) and not shared:
                clauses = [(head.left_edge.i, verb.left_edge.i)]
                rule += "_after"
        found = []
        for a, b in clauses:
            span = _char_bounds(doc, a, b)
            if span is None or any(_overlap(span, quoted) for quoted in direct_spans):
                continue  # a direct quote inside carries this attribution already
            found.append(self._quote(doc, args, span, False, rule, verb, speaker, args.actor_at(speaker)))
        return found

    def _according_to(self, doc: Doc, args: Arguments, token: Token, direct_spans: list[tuple[int, int]]) -> list[FoundQuote]:
        objects = [obj for to in token.children for obj in children(to, "pobj")] + prep_objects(token, "to")
        head = token.head
        if not objects or head.i == token.i:
            return []
        clause = self._clause_without(head, token)
        if clause is None or any(_overlap(clause, quoted) for quoted in direct_spans):
            return []
        return [self._quote(doc, args, clause, False, "indirect.according_to", token, objects[0], args.actor_at(objects[0]))]

    def _clause_without(self, head: Token, prep: Token) -> tuple[int, int] | None:
        """The clause `head` heads minus the "according to X" phrase, as char offsets:
        what follows the phrase, or what precedes it when the phrase ends the clause."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        cut_a, cut_b = prep.left_edge.i, prep.right_edge.i + 1
        return _char_bounds(head.doc, cut_b, end) if end - cut_b > 1 else _char_bounds(head.doc, start, cut_a)

    # ---- speakers, cues, receivers ----------------------------------------------------------

    def _is_cue_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return token.pos_ in ("VERB", "AUX") and (lemma in self.speech or lemma in self.belief)

    def _speaker_of_noun(self, args: Arguments, noun: Token) -> Token | None:
        """ "In a statement, X said", "X issued a statement", "X's statement to Y"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return args.speaker_of(verb) if verb.pos_ in ("VERB", "AUX") else None

    def _quote(
        self, doc: Doc, args: Arguments, content: tuple[int, int], direct: bool, rule: str,
        cue: Token | None, speaker: Token | None, entity: int | None,
    ) -> FoundQuote:
        speaker_mention = None
        if speaker is not None:
            speaker_mention = args.mention_at(speaker)
        cue_span = _cue_span(cue) if cue is not None else None
        receiver = self._receiver(args, cue, speaker) if entity is not None else None
        if receiver == entity:
            receiver = None
        return FoundQuote(
            content=content, direct=direct, rule=rule, speaker_mention=speaker_mention,
            speaker_entity=entity, cue=cue_span, receiver_entity=receiver,
        )

    def _receiver(self, args: Arguments, cue: Token | None, speaker: Token | None) -> int | None:
        candidates: list[Token] = []
        verb = cue
        if cue is not None and cue.pos_ == "NOUN":
            candidates.extend(self._receiver_tokens(cue))
            verb = governing_verb(cue)
        for _ in range(3):
            if verb is None:
                break
            candidates.extend(self._receiver_tokens(verb))
            verb = verb.head if verb.dep_ in ("ccomp", "advcl", "conj", "xcomp") and verb.head.i != verb.i else None
        if speaker is not None:
            for child in speaker.children:
                if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in self.interview_verbs:
                    candidates.extend(self._receiver_tokens(child))
        for token in candidates:
            entity = args.actor_at(token)
            if entity is not None and args.entities[entity].type is EntityType.OUTLET:
                return entity
        return None

    def _receiver_tokens(self, verb: Token) -> list[Token]:
        """ "told X", "to X", "with X", "in an interview with X", "a statement to X"."""
        found = children(verb, "dative", "dobj") if verb.lemma_.lower() == "tell" else []
        found += prep_objects(verb, *_RECEIVER_PREPS)
        nouns = [obj for obj in prep_objects(verb, "in", "during") if obj.lemma_.lower() in self.receiver_nouns]
        nouns += [c for c in verb.children if c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in self.receiver_nouns]
        for noun in nouns:
            found += prep_objects(noun, *_RECEIVER_PREPS)
        return found


def _cue_span(cue: Token) -> tuple[int, int]:
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        end_token = to or cue
        return cue.idx, end_token.idx + len(end_token)
    return cue.idx, cue.idx + len(cue)


def _char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Char offsets of tokens [start, end) without punctuation or spaces at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return max(a[0], b[0]) < min(a[1], b[1])


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)
