"""`newsgraph_quote_links`: what quotes say about outlets, as relations.

A speaker is QUOTED_BY the outlet it gave its words to ("told the BBC", "in an interview
with Univision"); an article CITES the outlets it attributes words to ("the Times
reported"), but not its own. Believing, praising or citing something is not being quoted.
(Who published a statement is no relation: the statement is reported by articles, and an
article is PUBLISHED_BY its outlet.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...model.graph import EntityType, RelationType
from ...model.names import name_key
from ..lexicon import Lexicon
from .arguments import Arguments
from .relations import allowed, deduplicate
from .speakers import quote_extent
from .rules import CITES_ATTRIBUTION, QUOTED_BY
from .types import (
    Actor,
    FoundQuote,
    FoundRelation,
    QuoteKind,
    register_extensions,
)


@Language.factory(
    "newsgraph_quote_links",
    requires=["doc._.ng_quotes", "doc._.ng_relations", "doc._.ng_entities"],
    assigns=["doc._.ng_relations"],
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
        return doc

    def _article_outlet(self, doc: Doc, args: Arguments) -> Actor | None:
        """The article's own outlet, when the article names it."""
        key = name_key(doc._.ng_outlet or "")
        own = next((e.index for e in args.entities if key and e.key == key and e.type is EntityType.OUTLET), None)
        return Actor(own) if own is not None else None

    def _from_quote(self, doc: Doc, args: Arguments, quote: FoundQuote, outlet: Actor | None) -> list[FoundRelation]:
        speaker = quote.speaker
        if speaker is None or quote.kind is not QuoteKind.SPEECH:
            return []  # believing, praising or citing something is not being quoted
        span = quote_extent(quote)
        if args.acting_type(speaker) is EntityType.OUTLET:
            if outlet is not None and args.identity(speaker) == args.identity(outlet):
                return []
            relation, source, target, rule = RelationType.CITES, None, speaker, CITES_ATTRIBUTION
        else:
            target = quote.receiver
            if target is None:
                return []
            relation, source, rule = RelationType.QUOTED_BY, speaker, QUOTED_BY[quote.rule]
        if not allowed(args, relation, source, target):
            return []
        return [FoundRelation(
            type=relation, source_actor=source, target_actor=target, span=span, sentence=quote.sentence or span,
            rule=rule, quote=tuple(quote.parts), direct=quote.direct,
        )]
