"""What direct quotes and indirect attributions share: which words are cues, what a cue
reports (words, a belief, a stance), who may speak, and the spans of speaker, cue and content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from .arguments import Arguments
from .types import FoundQuote, QuoteKind

_HEAD_ONLY_ORIGIN = "anaphor:definite"  # the mention of "the officers" is "officers"

_NOT_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
_DOUBLE_QUOTES = frozenset({'"', "“", "”", "''", "``", "«", "»", "„"})


class Cues:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.speech = lexicon.word_list("speech_verbs")
        self.belief = lexicon.word_list("belief_verbs")
        self.attitude = lexicon.word_list("attitude_verbs")
        self.clausal_attitude = lexicon.word_list("clausal_attitude_verbs")
        self.report_nouns = lexicon.word_list("report_nouns")
        self.not_speaking_nouns = lexicon.word_list("not_speaking_nouns")
        self.not_speaker_pronouns = lexicon.word_list("not_speaker_pronouns")

    def is_cue_verb(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return token.pos_ in ("VERB", "AUX") and (
            lemma in self.speech or lemma in self.belief or lemma in self.attitude or puts_it(token)
        )

    def is_attitude_verb(self, token: Token) -> bool:
        """Verbs of stance as annotators count them ("criticized X", "polls show that …");
        the ambiguous ones only with a clause ("believes that …", "hopes to …")."""
        if token.pos_ != "VERB":
            return False
        lemma = token.lemma_.lower()
        if lemma in self.attitude:
            return True
        return lemma in self.clausal_attitude and any(c.dep_ in ("ccomp", "xcomp") for c in token.children)

    def kind(self, cue: Token | None) -> QuoteKind:
        """What a cue reports: words (said; "according to"; a name and a colon), a belief, a stance."""
        if cue is None or cue.pos_ not in ("VERB", "AUX"):
            return QuoteKind.SPEECH
        lemma = cue.lemma_.lower()
        if lemma in self.speech or puts_it(cue):
            return QuoteKind.SPEECH
        reporter = cue
        while reporter.dep_ in ("ccomp", "conj", "xcomp", "advcl") and reporter.head.i != reporter.i:
            reporter = reporter.head
            if reporter.lemma_.lower() in self.speech:
                return QuoteKind.SPEECH  # "said in an interview he believes “…”": reported words
        return QuoteKind.BELIEF if lemma in self.belief else QuoteKind.ATTITUDE

    def can_speak(self, args: Arguments, token: Token) -> bool:
        """Anyone and any named thing may speak; a date, a number, "this" or "the tone" may not."""
        if args.mention_at(token) is not None:
            return True
        if token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 2].lower_ == "year":
            return True  # "the 43-year-old asked", though NER calls it a DATE
        if token.ent_type_ in _NOT_SPEAKER_ENTITIES or token.like_num:
            return False
        if token.pos_ in ("PRON", "DET"):
            return token.lower_ not in self.not_speaker_pronouns
        return token.lemma_.lower() not in self.not_speaking_nouns

    def speaker_of_noun(self, args: Arguments, noun: Token) -> Token | None:
        """ "In a statement, X said", "X issued a statement", "X's statement to Y"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return child
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return args.speaker_of(verb) if verb.pos_ in ("VERB", "AUX") else None

    def quote(
        self, doc: Doc, args: Arguments, parts: list[tuple[int, int]], direct: bool, rule: str,
        cue: Token | None, speaker: Token | None,
    ) -> FoundQuote:
        """A quote with its cue and the token naming its speaker (newsgraph_speakers finds who that is)."""
        return FoundQuote(
            parts=parts, direct=direct, rule=rule, kind=self.kind(cue),
            speaker_span=speaker_span(args, speaker) if speaker is not None else None,
            speaker_token=speaker.i if speaker is not None else None,
            cue=cue_span(cue) if cue is not None else None, cue_token=cue.i if cue is not None else None,
        )


def speaker_span(args: Arguments, speaker: Token) -> tuple[int, int]:
    """The speaker's mention, or the noun phrase of a speaker no entity stands for ("the man")
    or of a definite description whose mention is its head noun ("the Ohio lawmaker")."""
    mention = args.mention_at(speaker)
    doc = args.doc
    if mention is not None and args.mentions[mention].start <= speaker.i < args.mentions[mention].end \
            and args.mentions[mention].origin != _HEAD_ONLY_ORIGIN:
        m = args.mentions[mention]
        return doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])
    start = speaker.left_edge.i
    marks = [t.i for t in doc[start : speaker.i] if t.text in _DOUBLE_QUOTES]  # not "the Times‘ sources"
    if marks:  # `"…?" the 43-year-old asked`, the quote parsed into the phrase: after its last mark
        start = marks[-1] + 1
    return doc[start].idx, speaker.idx + len(speaker)


def cue_span(cue: Token) -> tuple[int, int]:
    if cue.lower_ == "according":
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        end_token = to or cue
        return cue.idx, end_token.idx + len(end_token)
    return cue.idx, cue.idx + len(cue)


def char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Char offsets of tokens [start, end) without punctuation or spaces at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def puts_it(verb: Token) -> bool:
    """ "As The Post's Dana Milbank puts it, “…”": a way of saying, as a cue."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def is_title(span: Span) -> bool:
    """A span that is nothing but a title NER found: a book, a show, a song."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.ent_type_ == "WORK_OF_ART" for t in words)

