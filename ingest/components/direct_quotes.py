"""`newsgraph_direct_quotes`: text in quotation marks that someone said, with its cue.

Direct quotes (text in quotation marks) are attributed, best first, by: the
reporting verb above the quote in the parse (`"…," X said`, `X told reporters
that Y "…"`), a report noun above it ("a statement that …"), a reporting verb
hanging from the quote (`"…" said X` parsed the other way round), "according
to X", a reporting sentence ending in a colon just before the quote (even in
the previous paragraph), a name signing the quote after a dash (`"…" — Jo Roe, 34,
a nurse`, vox pops and epigraphs), and the nearest reporting verb around the quote
(the sentence after it too: `"…!" he wrote.`, or one opening with speaker and
verb). Where the parse hangs the speaker's name inside the quote (`"…,"
Gene Sperling, an adviser, said`), the name between quote and verb speaks. A
quote with no cue continues the previous attributed quote when no one else's
reporting verb comes between them.

What is attributed is the reported content, as annotators mark it: a quoted
fragment inside a reported clause (`Rubio says Obama is "obsessed" with …`)
makes the whole clause the content; quoted fragments with no reporting clause
around them are names or scare quotes, not quotes. The pieces of one
attribution (`"A," X said, "B."`, a quote running on in the next paragraph)
are one quote with several parts. Each quote names the token that speaks;
who that is, and whom it was told to, is newsgraph_speakers' job.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model.graph import EntityType
from ..lexicon import Lexicon
from .arguments import Arguments
from .attribution import Cues, char_bounds, is_title, speaker_span
from .rules import QuoteRule
from .syntax import children, prep_objects
from .types import FoundQuote, register_extensions

_MAX_CUE_SENTENCE_TOKENS = 12  # `"…!" he wrote.` : a short sentence right after a quote may hold its cue
_CUE_OPENING_TOKENS = 6  # `"…!" LeVell declared, a point he …`: or one that opens with speaker and cue
_CLOSING_CUE_PUNCT = frozenset({",", "?", "!"})  # `"…," Y said` / `"…?" asked Y`
_TRAILING_CUE_TOKENS = 12
_CLOSING_QUOTE_MARKS = frozenset({"”", '"', "»", "'", "''"})
_SENTENCE_STOPS = frozenset({".", ";", ":"})
_SIGNATURE_DASHES = frozenset({"―", "—", "–", "-", "--"})  # a dash the tokenizer may glue to the closing mark
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# children of a cue verb that hold what is reported
_COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "dative", "prep", "advcl", "npadvmod"})
_FRONTED_COMPLEMENT_DEPS = frozenset({"ccomp", "dep"})  # `Nothing he said "…," she said`
_NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp"})  # "a statement that …"


@Language.factory(
    "newsgraph_direct_quotes",
    requires=["doc._.ng_quote_spans", "doc._.ng_quoted_tokens", "doc._.ng_mentions", "doc._.ng_entities"],
    assigns=["doc._.ng_direct_quotes"],
    default_config={"min_unattributed_tokens": 5},
)
def make_direct_quote_finder(nlp: Language, name: str, min_unattributed_tokens: int) -> DirectQuoteFinder:
    return DirectQuoteFinder(min_unattributed_tokens=min_unattributed_tokens)


class DirectQuoteFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self, *, min_unattributed_tokens: int) -> None:
        register_extensions()
        self.min_unattributed_tokens = min_unattributed_tokens  # a cue-less quote this long is speech anyway
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.cues = Cues(self.lexicon)
        self.speech = self.cues.speech
        self.report_nouns = self.cues.report_nouns

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_direct_quotes needs initialize(lexicon=...) first")
        args = Arguments(doc, self.lexicon)
        quoted = doc._.ng_quoted_tokens or frozenset()
        quotes: list[FoundQuote] = []
        for start, end in doc._.ng_quote_spans or []:
            quote = self._direct(doc, args, start, end, quotes, quoted)
            if quote is None:
                continue
            if quotes and _same_attribution(quotes[-1], quote):
                quotes[-1] = _joined(quotes[-1], quote)
            else:
                quotes.append(quote)
        doc._.ng_direct_quotes = quotes
        return doc

    def _direct(
        self, doc: Doc, args: Arguments, start: int, end: int, earlier: list[FoundQuote], quoted: frozenset[int]
    ) -> FoundQuote | None:
        content = doc.char_span(start, end, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        if is_title(content):
            return None  # the book "The Tragedy of Lyndon Johnson"
        inside = set(range(content.start, content.end))
        is_clause = any(t.pos_ in ("VERB", "AUX") for t in content)
        cues = [(rule, cue, speaker if speaker is not None and speaker.i not in inside and self.cues.can_speak(args, speaker) else None)
                for rule, cue, speaker in self._cues(doc, args, content, inside, quoted)]  # no speaker inside its quote
        cue = next((c for c in cues if c[2] is not None), None) or (cues[0] if cues else None)
        if cue is not None:
            rule, cue_token, speaker = cue
            if cue_token is None:  # signed with a dash: the whole quote is what the signer said
                return self.cues.quote(doc, args, [(start, end)], True, rule, None, speaker)
            reported = self._reported_span(cue_token, content, inside)
            if reported is None and not is_clause and not _linked(cue_token, content, inside) and not (
                rule == QuoteRule.VERB_AFTER and _opens_sentence(args, content)
            ):
                return None  # a quoted name or scare quote, not speech; but `"Debate recap," tweeted X` is
            part = reported if reported is not None else (start, end)
            return self.cues.quote(doc, args, [part], True, rule, cue_token, speaker)
        if not is_clause:
            return None
        previous = earlier[-1] if earlier else None
        if previous is not None and previous.speaker_span is not None and self._continues(doc, args, previous, content):
            return replace(previous, parts=[(start, end)], rule=QuoteRule.CONTINUATION)
        speaker = self._previous_subject(doc, args, content)
        if speaker is not None:
            return self.cues.quote(doc, args, [(start, end)], True, QuoteRule.PREVIOUS_SUBJECT, None, speaker)
        if len(content) >= self.min_unattributed_tokens:
            return FoundQuote(parts=[(start, end)], direct=True, rule=QuoteRule.UNATTRIBUTED)  # speech, no speaker
        return None

    def _cues(self, doc: Doc, args: Arguments, content: Span, inside: set[int], quoted: frozenset[int]):
        """Candidate (rule, cue token, speaker token) for a quote, best first."""
        roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
        trailing = self._trailing_cue(args, content)
        for root in roots:
            for ancestor in root.ancestors:
                if ancestor.i in inside:
                    continue
                if self.cues.is_cue_verb(ancestor):
                    if trailing is not None and (trailing[0] in ancestor.ancestors or trailing[0].head.i in inside):
                        # `Nothing X said "…," Y said`, `X admitted it was "…," Y reported`: Y's words
                        yield QuoteRule.VERB_AFTER, *trailing
                    speaker = args.speaker_of(ancestor)
                    if (speaker is None or speaker.i in inside) and ancestor.i >= content.end:
                        speaker = _name_after_quote(args, content, ancestor)
                    yield QuoteRule.VERB_ABOVE, ancestor, speaker
                    break
                if ancestor.lemma_.lower() in self.report_nouns:
                    yield QuoteRule.REPORT_NOUN, ancestor, self.cues.speaker_of_noun(args, ancestor)
                    break
        for root in roots:  # nearest first: `Asked by X whether …, she said, “…”` is hers
            for child in sorted(root.children, key=lambda c: _distance(c, content)):
                if child.i not in inside and child.dep_ not in ("conj", "cc") and self.cues.is_cue_verb(child):
                    speaker = args.speaker_of(child)
                    if speaker is None or speaker.i in inside:  # "telling the crowd, “…”" hung on the quote
                        outside = next((a for a in root.ancestors if a.i not in inside), None)
                        speaker = args.speaker_of(outside) if outside is not None else None
                    yield QuoteRule.VERB_BELOW, child, speaker
        if trailing is not None:
            yield QuoteRule.VERB_AFTER, *trailing  # the parse hung the verb elsewhere: "…," X, the guru, tweeted
        frame = self._frame(doc, args, content, inside, quoted)
        for token in frame:
            if token.lower_ == "according":
                for obj in prep_objects(token, "to") or [o for to in token.children for o in children(to, "pobj")]:
                    yield QuoteRule.ACCORDING_TO, token, obj
        intro = self._colon_intro(doc, args, content)
        if intro is not None:
            if intro.pos_ in ("VERB", "AUX"):
                yield QuoteRule.COLON_INTRO, intro, args.speaker_of(intro)
            elif args.mention_at(intro) is None:
                yield QuoteRule.COLON_INTRO, intro, self.cues.speaker_of_noun(args, intro)
            else:
                yield QuoteRule.COLON_INTRO, intro, intro
        signature = _dash_signature(args, content)
        if signature is not None:
            yield QuoteRule.DASH_SIGNATURE, None, signature
        cues = [t for t in frame if self.cues.is_cue_verb(t) and args.speaker_of(t) is not None]
        for cue in sorted(cues, key=lambda t: _distance(t, content)):
            yield QuoteRule.NEAREST_VERB, cue, args.speaker_of(cue)

    def _trailing_cue(self, args: Arguments, content: Span) -> tuple[Token, Token] | None:
        """ `"…," the Florida senator said.`: a quote closing on a comma, "?" or "!", then within
        a few words a speaker and a speech verb, or the verb and then the speaker (cue, speaker)."""
        doc = content.doc
        last = next((t for t in reversed(content) if not t.is_space), None)
        if last is None or last.text not in _CLOSING_CUE_PUNCT:
            return None
        i = content.end
        while i < len(doc) and (doc[i].is_quote or doc[i].is_space):
            i += 1
        for token in doc[i : min(i + _TRAILING_CUE_TOKENS, len(doc))]:
            if token.text in _SENTENCE_STOPS or token.is_quote or "\n" in token.text:
                break
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.speech:
                if token.i > i and any(c.dep_ in ("ccomp", "xcomp") for c in token.rights):
                    return None  # `…,” he claimed they had never met`: the verb has words of its own
                speaker = args.speaker_of(token)
                if speaker is None or speaker.i < i:
                    speaker = _unparsed_trailing_speaker(args, token, i)
                if speaker is None:
                    return None
                phrase = range(speaker.left_edge.i, speaker.right_edge.i + 1)
                if any(t.i not in phrase and t.pos_ != "ADV" for t in doc[i : token.i]):
                    return None  # between quote and verb only the speaker: `"…," the senator from Ohio said`
                return token, speaker
        return None

    def _frame(self, doc: Doc, args: Arguments, content: Span, inside: set[int], quoted: frozenset[int]) -> list[Token]:
        """Tokens around the quote that may hold its cue, outside any quote: the sentences the
        quote is in, and a short sentence right after it."""
        first = args.sentences.of(content.start).start
        last = args.sentences.of(content.end - 1).end
        after = last
        while after < len(doc) and (doc[after].is_space or doc[after].is_punct):
            after += 1
        if after < len(doc) and "\n" not in args.text[content.end_char : doc[after].idx]:
            following = args.sentences.of(after)
            if len(following) <= _MAX_CUE_SENTENCE_TOKENS or self._opens_with_cue(args, following):
                last = following.end
        return [doc[i] for i in range(first, last) if i not in inside and i not in quoted]

    def _opens_with_cue(self, args: Arguments, sentence: Span) -> bool:
        for token in sentence[:_CUE_OPENING_TOKENS]:
            if self.cues.is_cue_verb(token):
                speaker = args.speaker_of(token)
                return speaker is not None and sentence.start <= speaker.i < token.i
        return False

    def _colon_intro(self, doc: Doc, args: Arguments, content: Span) -> Token | None:
        """ `X said:`, `X issued a statement:` or just `X:` before the quote, possibly ending the
        previous paragraph. Returns the cue verb or noun, or the name itself when a name alone
        introduces the quote."""
        i = content.start - 1
        while i >= 0 and (doc[i].is_space or doc[i].text in ("“", '"', "«", "„")):
            i -= 1
        if i < 0 or doc[i].text != ":":
            return None
        lead_in = doc[args.sentences.of(i).start : i]
        for token in reversed(lead_in):
            if self.cues.is_cue_verb(token) and args.speaker_of(token) is not None:
                return token
        before = i - 1
        mention = args.mention_at(doc[before]) if before >= 0 else None
        if mention is not None and args.mentions[mention].end == before + 1:
            return doc[args.mentions[mention].head]  # "Frank Newport and Jim Harter: “…”"
        for token in reversed(lead_in):
            if token.lemma_.lower() in self.report_nouns and self.cues.speaker_of_noun(args, token) is not None:
                return token  # "X issued the following statement:"
        return None

    def _previous_subject(self, doc: Doc, args: Arguments, content: Span) -> Token | None:
        """A quote opening its paragraph or sentence, right after a sentence whose subject is a
        named actor doing something with words or stance ("Valastro praised …", then “…”)."""
        first = args.sentences.of(content.start).start
        previous = first - 1
        while previous >= 0 and doc[previous].is_space:
            previous -= 1
        if previous < 0 or len(_PARAGRAPH_BREAK.findall(args.text[doc[previous].idx : content.start_char])) > 1:
            return None
        root = args.sentences.of(previous).root
        if not (self.cues.is_cue_verb(root) or self.cues.is_attitude_verb(root)):
            return None
        speaker = args.speaker_of(root)
        actor = args.actor_at(speaker) if speaker is not None else None
        if actor is None or args.acting_type(actor) is not EntityType.PERSON:
            return None
        return speaker

    def _reported_span(self, cue: Token, content: Span, inside: set[int]) -> tuple[int, int] | None:
        """The reported content a quote belongs to: the complements of the cue that hold it.

        `told reporters that Venezuela "is a mess"` -> `that Venezuela "is a mess"`;
        `called Trump and Clinton "crazy"` -> `Trump and Clinton "crazy"`; a whole
        quote that is itself the complement stays as it is. None when the quote
        is not inside a complement of the cue (a name, a scare quote).
        """
        root = next((t for t in content if t.head.i not in inside or t.head.i == t.i), None)
        if root is None:
            return None
        child = root
        while child.head.i != cue.i:
            if child.head.i == child.i or child.head.lemma_.lower() in self.report_nouns:
                return None  # not under the cue, or under "in a statement": the quote is the content
            child = child.head
        verbal = cue.pos_ in ("VERB", "AUX")
        fronted = verbal and child.i < cue.i  # `Carter wrote of a “burn bag,” the Times reported`
        deps = _FRONTED_COMPLEMENT_DEPS if fronted else _COMPLEMENT_DEPS if verbal else _NOUN_COMPLEMENT_DEPS
        if child.dep_ not in deps:
            return None
        if fronted or child.dep_ == "ccomp":  # "told reporters that …": the clause, not the addressee
            start = child.left_edge.i
        else:  # "called Trump and Clinton “crazy”": the object goes with its complement
            start = min(c.left_edge.i for c in cue.rights if c.dep_ in deps and c.i <= child.i)
        end = child.right_edge.i + 1
        doc = content.doc
        outside_words = [t for t in doc[start:end] if t.i not in inside and not (t.is_punct or t.is_space)]
        if not outside_words:
            return None  # the quote is the whole complement: keep its own span
        bounds = char_bounds(doc, start, end)
        return None if bounds is None else (min(bounds[0], content.start_char), max(bounds[1], content.end_char))

    def _continues(self, doc: Doc, args: Arguments, previous: FoundQuote, content: Span) -> bool:
        """A cue-less quote in the same or the next paragraph as an attributed direct quote,
        with no other speaker's reporting verb in between, continues it."""
        if not previous.direct:
            return False
        gap_start = max(previous.content[1], previous.cue[1] if previous.cue else 0)  # after "...," X said
        if gap_start > content.start_char:
            return False
        gap_text = args.text[gap_start : content.start_char]
        paragraph_breaks = len(_PARAGRAPH_BREAK.findall(gap_text))
        gap = doc.char_span(gap_start, content.start_char, alignment_mode="expand") or []
        return paragraph_breaks <= 1 and not any(
            self.cues.is_cue_verb(t) and self._other_speaker(args, previous, args.speaker_of(t)) for t in gap
        )

    def _other_speaker(self, args: Arguments, previous: FoundQuote, speaker: Token | None) -> bool:
        """Someone else speaks: not the previous quote's speaker (`"…," X said, suggesting …`)."""
        if speaker is None:
            return False
        actor = args.actor_at(speaker)
        before = args.actor_at(args.doc[previous.speaker_token]) if previous.speaker_token is not None else None
        if actor is not None and args.identity(actor) == args.identity(before):
            return False
        return speaker_span(args, speaker) != previous.speaker_span


def _name_after_quote(args: Arguments, content: Span, cue: Token) -> Token | None:
    """ `"…," Gene Sperling, a top adviser, said`, the name parsed into the quote: the
    mention (or proper name) that opens the words between the quote and its cue."""
    doc = content.doc
    i = content.end
    while i < cue.i and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i >= cue.i:
        return None
    mention = args.mention_at(doc[i])
    if mention is not None and args.mentions[mention].start == i:
        return doc[args.mentions[mention].head]
    if doc[i].pos_ != "PROPN":
        return None
    while i + 1 < cue.i and doc[i + 1].pos_ == "PROPN":
        i += 1
    return doc[i]


def _dash_signature(args: Arguments, content: Span) -> Token | None:
    """ `"…" ― Edwin Roe` or `"…" — Jo Roe, 34, Tucson`: a dash right after the quote's closing mark
    (on its line or opening the next one), then a name that ends the line or goes on after a comma
    or parenthesis. The name's head token, or None."""
    doc = content.doc
    i = content.end
    while i < len(doc) and (doc[i].is_space or doc[i].text in _CLOSING_QUOTE_MARKS):
        i += 1
    if i >= len(doc) or doc[i].text.lstrip("".join(_CLOSING_QUOTE_MARKS)) not in _SIGNATURE_DASHES \
            or args.text[content.end_char : doc[i].idx].count("\n") > 1:
        return None
    start = i + 1
    while start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
        start += 1
    mention = args.mention_at(doc[start]) if start < len(doc) else None
    if mention is None or args.mentions[mention].start != start:
        return None
    end = args.mentions[mention].end
    if end < len(doc) and not (doc[end].text in (",", "(", ".") or "\n" in doc[end].text):
        return None  # "— Jo Roe said …": a sentence going on, not a signature
    return doc[args.mentions[mention].head]


def _unparsed_trailing_speaker(args: Arguments, verb: Token, start: int) -> Token | None:
    """The speaker of a verb right after a quote when the parse gave the verb no subject:
    `"…," Nate Silver, the guru who founded it, tweeted` (the verb hung on the name as a
    reduced relative clause), `"…," Ramos, 58, told AFP` (the verb a conjunct of the
    quote's), or `"…," said Oversight ranking Democrat Elijah Cummings` (a person named
    somewhere before the first punctuation after the verb)."""
    if verb.dep_ == "acl" and verb.head.i >= start:
        head = verb.head
        while head.dep_ == "appos" and head.head.i >= start:
            head = head.head
        return head
    doc = verb.doc
    if verb.i != start:
        return _name_with_appositive(args, doc[start], verb)
    for token in doc[verb.i + 1 : min(verb.i + 1 + _TRAILING_CUE_TOKENS, len(doc))]:
        if token.is_punct:
            break
        mention = args.mention_at(token)
        entity = args.mention_entity[mention] if mention is not None else None
        if entity is not None and args.entities[entity].type is EntityType.PERSON and args.mentions[mention].start == token.i:
            return doc[args.mentions[mention].head]
    return None


def _name_with_appositive(args: Arguments, first: Token, verb: Token) -> Token | None:
    """ `"…," Ramos, 58, told AFP`: a name right after the quote, and before the verb
    only what the parse hung on it (an age, a role between commas)."""
    mention = args.mention_at(first)
    if mention is None or args.mentions[mention].start != first.i:
        return None
    head = first.doc[args.mentions[mention].head]
    between = range(head.left_edge.i, head.right_edge.i + 1)
    if all(t.i in between or t.is_punct for t in first.doc[first.i : verb.i]):
        return head
    return None


def _distance(token: Token, content: Span) -> int:
    """Tokens between `token` and the nearer edge of the quote."""
    return min(abs(token.i - content.start), abs(token.i - content.end))


def _opens_sentence(args: Arguments, content: Span) -> bool:
    doc = content.doc
    return all(t.is_punct or t.is_space for t in doc[args.sentences.of(content.start).start : content.start])


def _linked(cue: Token, content: Span, inside: set[int]) -> bool:
    """The quote hangs right on its cue, or its cue right on the quote: dialogue (“Okay,” I said)."""
    return any(t.head.i == cue.i or cue.head.i == t.i for t in content if t.i in inside)


def _same_attribution(previous: FoundQuote, quote: FoundQuote) -> bool:
    """Pieces of one attribution: one cue for both (`"A," X said, "B"`), or a continuation."""
    if quote.rule == QuoteRule.CONTINUATION:
        return True
    return previous.direct and quote.direct and previous.cue is not None and previous.cue == quote.cue


def _joined(previous: FoundQuote, quote: FoundQuote) -> FoundQuote:
    """One attribution in several parts; two quotes of one reported clause (`said that "A" and
    that "B"`) give that clause twice: a part that overlaps one before it is merged into it."""
    parts: list[tuple[int, int]] = []
    for start, end in sorted([*previous.parts, *quote.parts]):
        if parts and start < parts[-1][1]:
            parts[-1] = (parts[-1][0], max(parts[-1][1], end))
        else:
            parts.append((start, end))
    return replace(previous, parts=parts)

