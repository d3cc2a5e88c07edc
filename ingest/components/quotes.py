"""`newsgraph_quotes`: quotes and reported speech, with speaker, cue and receiver.

Direct quotes (text in quotation marks) are attributed, best first, by: the
reporting verb above the quote in the parse (`"…," X said`, `X told reporters
that Y "…"`), a report noun above it ("a statement that …"), a reporting verb
hanging from the quote (`"…" said X` parsed the other way round), "according
to X", a reporting sentence ending in a colon just before the quote (even in
the previous paragraph), and the nearest reporting verb around the quote
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
are one quote with several parts.

Indirect speech: a reporting or belief verb with a clausal complement ("X
said that …", and "…, X said" after the content), and "according to X, …".

The speaker is the subject of the cue (or, when the subject is a description
with no entity, "the man", its noun phrase); the receiver is the outlet the
quote was given to: "told the BBC", "in an interview with Univisión", "a
statement to the Times", or a speaker described as "who spoke with the Times".
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model.graph import EntityType
from ..lexicon import Lexicon, load_lexicon
from .arguments import Arguments
from .quote_spans import find_quote_spans, tokens_in
from .syntax import children, governing_verb, prep_objects, subject
from .types import FoundQuote, QuoteKind, register_extensions

_MIN_UNATTRIBUTED_TOKENS = 5
_NOT_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
_NOT_SPEAKER_PRONOUNS = frozenset({"this", "that", "these", "those", "what", "which", "there", "here"})
_MAX_CUE_SENTENCE_TOKENS = 12  # `"…!" he wrote.` : a short sentence right after a quote may hold its cue
_CUE_OPENING_TOKENS = 6  # `"…!" LeVell declared, a point he …`: or one that opens with speaker and cue
_DOUBLE_QUOTES = frozenset({'"', "“", "”", "''", "``", "«", "»", "„"})
_CLOSING_CUE_PUNCT = frozenset({",", "?", "!"})  # `"…," Y said` / `"…?" asked Y`
_TRAILING_CUE_TOKENS = 12
_POLL_NOUNS = frozenset({"poll", "polls", "polling", "survey", "ranking", "rankings"})
_COLON_SOURCE_TOKENS = 6  # a name of a few words: "Gov. Mary Fallin:"
_SENTENCE_STOPS = frozenset({".", ";", ":"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
_RECEIVER_PREPS = ("to", "with")
# children of a cue verb that hold what is reported
_COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "dative", "prep", "advcl", "npadvmod"})
_FRONTED_COMPLEMENT_DEPS = frozenset({"ccomp", "dep"})  # `Nothing he said "…," she said`
_NOUN_COMPLEMENT_DEPS = frozenset({"acl", "ccomp"})  # "a statement that …"
_STANCE_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "acomp", "dative", "prep"})  # not "Saturday"


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
        self.attitude = lexicon.word_list("attitude_verbs")
        self.clausal_attitude = lexicon.word_list("clausal_attitude_verbs")
        self.report_nouns = lexicon.word_list("report_nouns")
        self.receiver_nouns = lexicon.word_list("receiver_nouns")
        self.interview_verbs = lexicon.word_list("interview_verbs")
        self.not_speaking_nouns = lexicon.word_list("not_speaking_nouns")

    def __call__(self, doc: Doc) -> Doc:
        args = Arguments(doc, self.lexicon)
        spans = find_quote_spans(args.text)
        quoted = tokens_in(doc, spans)
        quotes: list[FoundQuote] = []
        for start, end in spans:
            quote = self._direct(doc, args, start, end, quotes, quoted)
            if quote is None:
                continue
            if quotes and _same_attribution(quotes[-1], quote):
                quotes[-1] = _joined(quotes[-1], quote)
            else:
                quotes.append(quote)
        quotes.extend(self._indirect(doc, args, [p for q in quotes for p in q.parts]))
        quotes.sort(key=lambda q: q.content)
        doc._.ng_quotes = quotes
        doc._.ng_entities = args.entities
        return doc

    # ---- direct quotes -----------------------------------------------------------------

    def _direct(
        self, doc: Doc, args: Arguments, start: int, end: int, earlier: list[FoundQuote], quoted: frozenset[int]
    ) -> FoundQuote | None:
        content = doc.char_span(start, end, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        if _is_title(content):
            return None  # the book "The Tragedy of Lyndon Johnson"
        inside = set(range(content.start, content.end))
        is_clause = any(t.pos_ in ("VERB", "AUX") for t in content)
        cues = [(rule, cue, speaker if speaker is not None and speaker.i not in inside and self._can_speak(args, speaker) else None)
                for rule, cue, speaker in self._cues(doc, args, content, inside, quoted)]  # no speaker inside its quote
        cue = next((c for c in cues if c[2] is not None), None) or (cues[0] if cues else None)
        if cue is not None:
            rule, cue_token, speaker = cue
            reported = self._reported_span(cue_token, content, inside)
            if reported is None and not is_clause and not _linked(cue_token, content, inside) and not (
                rule == "quote.verb_after" and _opens_sentence(args, content)
            ):
                return None  # a quoted name or scare quote, not speech; but `"Debate recap," tweeted X` is
            part = reported if reported is not None else (start, end)
            return self._quote(doc, args, [part], True, rule, cue_token, speaker)
        if not is_clause:
            return None
        previous = earlier[-1] if earlier else None
        if previous is not None and previous.speaker_span is not None and self._continues(doc, args, previous, content):
            return replace(previous, parts=[(start, end)], rule="quote.continuation")
        speaker = self._previous_subject(doc, args, content)
        if speaker is not None:
            return self._quote(doc, args, [(start, end)], True, "quote.previous_subject", None, speaker)
        if len(content) >= _MIN_UNATTRIBUTED_TOKENS:
            return FoundQuote(parts=[(start, end)], direct=True, rule="quote.unattributed")  # speech, no speaker
        return None

    def _cues(self, doc: Doc, args: Arguments, content: Span, inside: set[int], quoted: frozenset[int]):
        """Candidate (rule, cue token, speaker token) for a quote, best first."""
        roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
        trailing = self._trailing_cue(args, content)
        for root in roots:
            for ancestor in root.ancestors:
                if ancestor.i in inside:
                    continue
                if self._is_cue_verb(ancestor):
                    if trailing is not None and (trailing[0] in ancestor.ancestors or trailing[0].head.i in inside):
                        # `Nothing X said "…," Y said`, `X admitted it was "…," Y reported`: Y's words
                        yield "quote.verb_after", *trailing
                    speaker = args.speaker_of(ancestor)
                    if (speaker is None or speaker.i in inside) and ancestor.i >= content.end:
                        speaker = _name_after_quote(args, content, ancestor)
                    yield "quote.verb_above", ancestor, speaker
                    break
                if ancestor.lemma_.lower() in self.report_nouns:
                    yield "quote.report_noun", ancestor, self._speaker_of_noun(args, ancestor)
                    break
        for root in roots:  # nearest first: `Asked by X whether …, she said, “…”` is hers
            for child in sorted(root.children, key=lambda c: _distance(c, content)):
                if child.i not in inside and child.dep_ not in ("conj", "cc") and self._is_cue_verb(child):
                    speaker = args.speaker_of(child)
                    if speaker is None or speaker.i in inside:  # "telling the crowd, “…”" hung on the quote
                        outside = next((a for a in root.ancestors if a.i not in inside), None)
                        speaker = args.speaker_of(outside) if outside is not None else None
                    yield "quote.verb_below", child, speaker
        if trailing is not None:
            yield "quote.verb_after", *trailing  # the parse hung the verb elsewhere: "…," X, the guru, tweeted
        frame = self._frame(doc, args, content, inside, quoted)
        for token in frame:
            if token.lower_ == "according":
                for obj in prep_objects(token, "to") or [o for to in token.children for o in children(to, "pobj")]:
                    yield "quote.according_to", token, obj
        intro = self._colon_intro(doc, args, content)
        if intro is not None:
            if intro.pos_ in ("VERB", "AUX"):
                yield "quote.colon_intro", intro, args.speaker_of(intro)
            elif args.mention_at(intro) is None:
                yield "quote.colon_intro", intro, self._speaker_of_noun(args, intro)
            else:
                yield "quote.colon_intro", intro, intro
        cues = [t for t in frame if self._is_cue_verb(t) and args.speaker_of(t) is not None]
        for cue in sorted(cues, key=lambda t: _distance(t, content)):
            yield "quote.nearest_verb", cue, args.speaker_of(cue)

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
            if self._is_cue_verb(token):
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
            if self._is_cue_verb(token) and args.speaker_of(token) is not None:
                return token
        before = i - 1
        mention = args.mention_at(doc[before]) if before >= 0 else None
        if mention is not None and args.mentions[mention].end == before + 1:
            return doc[args.mentions[mention].head]  # "Frank Newport and Jim Harter: “…”"
        for token in reversed(lead_in):
            if token.lemma_.lower() in self.report_nouns and self._speaker_of_noun(args, token) is not None:
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
        if not (self._is_cue_verb(root) or self._is_attitude_verb(root)):
            return None
        speaker = args.speaker_of(root)
        entity = args.actor_at(speaker) if speaker is not None else None
        if entity is None or args.entities[entity].type is not EntityType.PERSON:
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
        bounds = _char_bounds(doc, start, end)
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
            self._is_cue_verb(t) and self._other_speaker(args, previous, args.speaker_of(t)) for t in gap
        )

    def _other_speaker(self, args: Arguments, previous: FoundQuote, speaker: Token | None) -> bool:
        """Someone else speaks: not the previous quote's speaker (`"…," X said, suggesting …`)."""
        if speaker is None:
            return False
        entity = args.actor_at(speaker)
        if entity is not None and entity == previous.speaker_entity:
            return False
        return _speaker_span(args, speaker) != previous.speaker_span

    # ---- indirect attributions -----------------------------------------------------------

    def _indirect(self, doc: Doc, args: Arguments, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        found = []
        for token in doc:
            if _inside(token.idx, direct_parts):
                continue
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                found.extend(self._according_to(doc, args, token, direct_parts))
            elif token.text == ":" and token.i > 0:
                found.extend(self._colon_source(doc, args, token, direct_parts))
            elif token.lower_ == "in" and any(o.lemma_.lower() in _POLL_NOUNS for o in children(token, "pobj")):
                found.extend(self._in_poll(doc, args, token, direct_parts))
            elif self._is_cue_verb(token) or self._is_attitude_verb(token):
                found.extend(self._reported_clause(doc, args, token, direct_parts))
        return found

    def _is_attitude_verb(self, token: Token) -> bool:
        """Verbs of stance as annotators count them ("criticized X", "polls show that …");
        the ambiguous ones only with a clause ("believes that …", "hopes to …")."""
        if token.pos_ != "VERB":
            return False
        lemma = token.lemma_.lower()
        if lemma in self.attitude:
            return True
        return lemma in self.clausal_attitude and any(c.dep_ in ("ccomp", "xcomp") for c in token.children)

    def _reported_clause(self, doc: Doc, args: Arguments, verb: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "X said (that) CLAUSE", and the reporting clause after its content: "CLAUSE, X reported"."""
        speaker = args.speaker_of(verb)
        if speaker is None:
            return self._agentless(doc, args, verb, direct_parts)
        lemma = verb.lemma_.lower()
        rule = "indirect.speech" if lemma in self.speech else "indirect.belief" if lemma in self.belief else "indirect.attitude"
        clauses = [(c.left_edge.i, c.right_edge.i + 1) for c in verb.children if c.dep_ == "ccomp"]
        kind = self._kind(verb)
        head = verb.head
        if not clauses and verb.dep_ in ("ccomp", "parataxis", "advcl", "conj") and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
            shared_subject = subject(verb)
            shared = (  # "..., saying" shares the subject of the clause it hangs from
                shared_subject is not None and shared_subject.i == speaker.i and not children(verb, "nsubj")
            )
            if not self._is_cue_verb(head) and not shared:  # "CLAUSE, the Times reported"
                clauses = [(head.left_edge.i, verb.left_edge.i)]
                rule += "_after"
        if not clauses and verb.dep_ == "parataxis" and head.i > verb.i and head.pos_ in ("VERB", "AUX") \
                and not children(verb, *_STANCE_OBJECT_DEPS) and not self._is_cue_verb(head):
            return self._parenthetical(doc, args, verb, speaker, rule, direct_parts)
        if not clauses and self._is_attitude_verb(verb):  # "criticized X for Y", "reported a rise in profits"
            complements = [c for c in verb.rights if c.dep_ in _STANCE_OBJECT_DEPS]
            if complements:
                clauses = [(complements[0].left_edge.i, complements[-1].right_edge.i + 1)]
                rule, kind = "indirect.attitude", QuoteKind.ATTITUDE  # an object, not reported words
        found = []
        for a, b in clauses:
            span = _char_bounds(doc, a, b)
            if span is None or any(_overlap(span, part) for part in direct_parts) or _is_title(doc[a:b]):
                continue  # a direct quote inside carries this attribution already; a title is no content
            found.append(replace(self._quote(doc, args, [span], False, rule, verb, speaker), kind=kind))
        return found

    def _agentless(self, doc: Doc, args: Arguments, verb: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "The bank is expected to hold rates", "Trump is said to be furious": a view or report
        with no one named, the whole clause its content."""
        lemma = verb.lemma_.lower()
        if not (children(verb, "auxpass") and children(verb, "xcomp")) or (lemma not in self.belief and lemma not in self.speech):
            return []
        span = _char_bounds(doc, verb.left_edge.i, verb.right_edge.i + 1)
        if span is None or any(_overlap(span, part) for part in direct_parts):
            return []
        rule = "indirect.speech_agentless" if lemma in self.speech else "indirect.belief_agentless"
        return [self._quote(doc, args, [span], False, rule, verb, None)]

    def _in_poll(self, doc: Doc, args: Arguments, prep: Token, direct_parts: list[tuple[int, int]]) -> list[FoundQuote]:
        """ "Trump is ahead in the polls", "In the new Post-ABC poll, Trump wins 1 in 3 voters":
        the poll says the clause it qualifies."""
        head = prep.head
        if head.pos_ not in ("VERB", "AUX"):
            return []
        clause = self._clause_without(head, prep)
        if clause is None or any(_overlap(clause, part) for part in direct_parts):
            return []
        poll = next(o for o in children(prep, "pobj") if o.lemma_.lower() in _POLL_NOUNS)
        return [self._quote(doc, args, [clause], False, "indirect.in_poll", prep, poll)]

    def _parenthetical(
        self, doc: Doc, args: Arguments, verb: Token, speaker: Token, rule: str, direct_parts: list[tuple[int, int]]
    ) -> list[FoundQuote]:
        """ "The goal, he said, is to forge a cease-fire": the clause around the reporting
        phrase, in two parts."""
        head = verb.head
        parts = [
            b for b in (_char_bounds(doc, head.left_edge.i, verb.left_edge.i), _char_bounds(doc, verb.right_edge.i + 1, head.right_edge.i + 1))
            if b is not None
        ]
        if not parts or any(_overlap(part, other) for part in parts for other in direct_parts):
            return []
        return [self._quote(doc, args, parts, False, rule + "_parenthetical", verb, speaker)]

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
        return [self._quote(doc, args, [clause], False, "indirect.according_to", token, objects[0])]

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
        content = _char_bounds(doc, colon.i + 1, line_end)
        if content is None or any(_overlap(content, part) for part in direct_parts):
            return []
        return [self._quote(doc, args, [content], False, "indirect.colon_source", colon, speaker)]

    def _clause_without(self, head: Token, prep: Token) -> tuple[int, int] | None:
        """The clause `head` heads minus the "according to X" phrase, as char offsets: the
        longer of what precedes and what follows the phrase ("According to X, CLAUSE",
        "CLAUSE, according to X, the station in Y" with the apposition parsed into the clause)."""
        start, end = head.left_edge.i, head.right_edge.i + 1
        cut_a, cut_b = prep.left_edge.i, prep.right_edge.i + 1
        sides = [b for b in (_char_bounds(head.doc, start, cut_a), _char_bounds(head.doc, cut_b, end)) if b is not None]
        return max(sides, key=lambda b: b[1] - b[0], default=None)

    # ---- speakers, cues, receivers ----------------------------------------------------------

    def _can_speak(self, args: Arguments, token: Token) -> bool:
        """Anyone and any named thing may speak; a date, a number, "this" or "the tone" may not."""
        if args.mention_at(token) is not None:
            return True
        if token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year":
            return True  # "the 43-year-old asked", though NER calls it a DATE
        if token.ent_type_ in _NOT_SPEAKER_ENTITIES or token.like_num:
            return False
        if token.pos_ in ("PRON", "DET"):
            return token.lower_ not in _NOT_SPEAKER_PRONOUNS
        return token.lemma_.lower() not in self.not_speaking_nouns

    def _kind(self, cue: Token | None) -> QuoteKind:
        """What a cue reports: words (said; "according to"; a name and a colon), a belief, a stance."""
        if cue is None or cue.pos_ not in ("VERB", "AUX"):
            return QuoteKind.SPEECH
        lemma = cue.lemma_.lower()
        if lemma in self.speech or _puts_it(cue):
            return QuoteKind.SPEECH
        reporter = cue
        while reporter.dep_ in ("ccomp", "conj", "xcomp", "advcl") and reporter.head.i != reporter.i:
            reporter = reporter.head
            if reporter.lemma_.lower() in self.speech:
                return QuoteKind.SPEECH  # "said in an interview he believes “…”": reported words
        return QuoteKind.BELIEF if lemma in self.belief else QuoteKind.ATTITUDE

    def _is_cue_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return token.pos_ in ("VERB", "AUX") and (
            lemma in self.speech or lemma in self.belief or lemma in self.attitude or _puts_it(token)
        )

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
        self, doc: Doc, args: Arguments, parts: list[tuple[int, int]], direct: bool, rule: str,
        cue: Token | None, speaker: Token | None,
    ) -> FoundQuote:
        entity = args.actor_at(speaker) if speaker is not None else None
        receiver = self._receiver(args, cue, speaker) if entity is not None else None
        return FoundQuote(
            parts=parts, direct=direct, rule=rule, kind=self._kind(cue),
            speaker_span=_speaker_span(args, speaker) if speaker is not None else None,
            speaker_entity=entity, cue=_cue_span(cue) if cue is not None else None,
            receiver_entity=receiver if receiver != entity else None,
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


def _puts_it(verb: Token) -> bool:
    """ "As The Post's Dana Milbank puts it, “…”": a way of saying, as a cue."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def _is_title(span: Span) -> bool:
    """A span that is nothing but a title NER found: a book, a show, a song."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.ent_type_ == "WORK_OF_ART" for t in words)


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
    if quote.rule == "quote.continuation":
        return True
    return previous.direct and quote.direct and previous.cue is not None and previous.cue == quote.cue


def _joined(previous: FoundQuote, quote: FoundQuote) -> FoundQuote:
    return replace(previous, parts=[*previous.parts, *quote.parts])


def _speaker_span(args: Arguments, speaker: Token) -> tuple[int, int]:
    """The speaker's mention, or the noun phrase of a speaker no entity stands for ("the man")."""
    mention = args.mention_at(speaker)
    doc = args.doc
    if mention is not None and args.mentions[mention].start <= speaker.i < args.mentions[mention].end:
        m = args.mentions[mention]
        return doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
    start = speaker.left_edge.i
    marks = [t.i for t in doc[start : speaker.i] if t.text in _DOUBLE_QUOTES]  # not "the Times‘ sources"
    if marks:  # `"…?" the 43-year-old asked`, the quote parsed into the phrase: after its last mark
        start = marks[-1] + 1
    return doc[start].idx, speaker.idx + len(speaker)


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
