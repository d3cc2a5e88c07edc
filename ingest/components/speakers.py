"""`newsgraph_speakers`: who speaks in each quote and attribution, and whom it was told to.

The speaker is the actor the attribution's speaker token names (a place that speaks is its
government: "Beijing said"); the receiver is the outlet the quote was given to: "told the
BBC", "in an interview with Univisión", "a statement to the Times", or a speaker described
as "who spoke with the Times". Direct quotes and indirect attributions together, in text
order, are `doc._.ng_quotes`, each with the sentence(s) holding it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model.graph import EntityType
from ..lexicon import Lexicon
from .arguments import Arguments
from .relations import sentence_span
from .syntax import children, governing_verb, prep_objects
from .types import Actor, FoundQuote, register_extensions


@Language.factory(
    "newsgraph_speakers",
    requires=["doc._.ng_direct_quotes", "doc._.ng_indirect_quotes", "doc._.ng_mentions", "doc._.ng_entities"],
    assigns=["doc._.ng_quotes"],
    default_config={},
)
def make_speaker_finder(nlp: Language, name: str) -> SpeakerFinder:
    return SpeakerFinder()


class SpeakerFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.receiver_nouns = self.lexicon.word_list("receiver_nouns")
        self.interview_verbs = self.lexicon.word_list("interview_verbs")
        self.receiver_prepositions = tuple(sorted(self.lexicon.word_list("receiver_prepositions")))

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_speakers needs initialize(lexicon=...) first")
        args = Arguments(doc, self.lexicon)
        quotes = [*(doc._.ng_direct_quotes or []), *(doc._.ng_indirect_quotes or [])]
        quotes.sort(key=lambda q: q.content)
        doc._.ng_quotes = [self._with_speaker(doc, args, q) for q in quotes]
        return doc

    def _with_speaker(self, doc: Doc, args: Arguments, quote: FoundQuote) -> FoundQuote:
        quote = replace(quote, sentence=sentence_span(args, quote_extent(quote)))
        speaker = doc[quote.speaker_token] if quote.speaker_token is not None else None
        actor = args.actor_at(speaker) if speaker is not None else None
        if actor is None:
            return replace(quote, speaker=None, receiver=None)
        cue = doc[quote.cue_token] if quote.cue_token is not None else None
        receiver = self._receiver(args, cue, speaker)
        if receiver is not None and args.identity(receiver) == args.identity(actor):
            receiver = None
        return replace(quote, speaker=actor, receiver=receiver)

    def _receiver(self, args: Arguments, cue: Token | None, speaker: Token | None) -> Actor | None:
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
            actor = args.actor_at(token)
            if actor is not None and args.acting_type(actor) is EntityType.OUTLET:
                return actor
        return None

    def _receiver_tokens(self, verb: Token) -> list[Token]:
        """ "told X", "to X", "with X", "in an interview with X", "a statement to X"."""
        found = children(verb, "dative", "dobj") if verb.lemma_.lower() == "tell" else []
        found += prep_objects(verb, *self.receiver_prepositions)
        nouns = [obj for obj in prep_objects(verb, "in", "during") if obj.lemma_.lower() in self.receiver_nouns]
        nouns += [c for c in verb.children if c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in self.receiver_nouns]
        for noun in nouns:
            found += prep_objects(noun, *self.receiver_prepositions)
        return found


def quote_extent(quote: FoundQuote) -> tuple[int, int]:
    """From the first to the last char of the quote's content, cue and speaker."""
    parts = [quote.content, *(p for p in (quote.cue, quote.speaker_span) if p is not None)]
    return min(p[0] for p in parts), max(p[1] for p in parts)
