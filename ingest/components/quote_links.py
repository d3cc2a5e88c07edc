"""`newsgraph_quote_links`: what quotes say about outlets, as relations.

A speaker is QUOTED_BY the outlet that received the quote ("told the BBC") or, failing
that, published the article; an article CITES the outlets it attributes words to ("the
Times reported"), but not its own. Believing, praising or citing something is not being
quoted. The article's own outlet becomes an entity of the article when it is not one yet.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...model.graph import EntityType, RelationType
from ...model.names import name_key
from ..lexicon import Lexicon
from .arguments import Arguments
from .relations import allowed, deduplicate, sentence_span
from .rules import CITES_ATTRIBUTION, QUOTED_BY
from .types import (
    Actor,
    FoundQuote,
    FoundRelation,
    LocalEntity,
    MentionKind,
    QuoteKind,
    register_extensions,
)


@Language.factory(
    "newsgraph_quote_links",
    requires=["doc._.ng_quotes", "doc._.ng_relations", "doc._.ng_entities"],
    assigns=["doc._.ng_relations", "doc._.ng_entities"],  # the article's outlet may join the entities
    default_config={},
)
def make_quote_linker(nlp: Language, name: str) -> QuoteLinker:
    return QuoteLinker()


class QuoteLinker:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_quote_links needs initialize(lexicon=...) first")
        args = Arguments(doc, self.lexicon)
        outlet = self._article_outlet(doc, args)
        found = [r for quote in doc._.ng_quotes or [] for r in self._from_quote(doc, args, quote, outlet)]
        doc._.ng_relations = [*(doc._.ng_relations or []), *deduplicate(args, found)]
        doc._.ng_entities = args.entities
        return doc

    def _article_outlet(self, doc: Doc, args: Arguments) -> Actor | None:
        """The article's own outlet as an entity: the one the article names, else a new one."""
        name = doc._.ng_outlet
        if not name:
            return None
        key = name_key(name)
        for entity in args.entities:
            if entity.key == key and entity.type is EntityType.OUTLET:
                return Actor(entity.index)
        index = len(args.entities)
        args.entities.append(LocalEntity(index=index, name=name, type=EntityType.OUTLET, kind=MentionKind.NAME,
                                         mentions=[], key=key, fixed_type=True))
        return Actor(index)

    def _from_quote(self, doc: Doc, args: Arguments, quote: FoundQuote, outlet: Actor | None) -> list[FoundRelation]:
        speaker = quote.speaker
        if speaker is None or quote.kind is not QuoteKind.SPEECH:
            return []  # believing, praising or citing something is not being quoted
        parts = [quote.content]
        if quote.cue is not None:
            parts.append(quote.cue)
        if quote.speaker_span is not None:
            parts.append(quote.speaker_span)
        span = (min(p[0] for p in parts), max(p[1] for p in parts))
        if args.acting_type(speaker) is EntityType.OUTLET:
            if outlet is not None and args.identity(speaker) == args.identity(outlet):
                return []
            relation, source, target, rule = RelationType.CITES, None, speaker, CITES_ATTRIBUTION
        else:
            target = quote.receiver if quote.receiver is not None else outlet
            if target is None:
                return []
            relation, source, rule = RelationType.QUOTED_BY, speaker, QUOTED_BY[quote.rule]
        if not allowed(args, relation, source, target):
            return []
        return [FoundRelation(
            type=relation, source_actor=source, target_actor=target, span=span, sentence=sentence_span(args, span),
            rule=rule, quote=tuple(quote.parts), direct=quote.direct,
        )]
