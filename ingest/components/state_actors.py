"""`newsgraph_state_actors`: a place that acts is its country's government.

"France breached the rules", "accused by Washington", "Beijing said", "sanctions against
Russia": the country (or its capital) acts as a state. Its mention moves from the place to
the country's government, which becomes an entity of the article if the article did not
name it; the quotes and relations it takes part in point at the government. A place acts
when a quote or relation has it as a party, or when it is the subject of a verb that is
more than being or lying somewhere (or the agent of a passive), the subject of a relative
clause that does ("Spain, which has opposed …"), or the agent of a noun of what states do
("the decision by Spain", "Spain's refusal"), or the subject of a stance ("France is opposed
to the plan").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model.graph import EntityType
from ...model.names import name_key
from ..lexicon import Lexicon
from .arguments import Arguments
from .types import (
    Actor,
    FoundQuote,
    FoundRelation,
    LocalEntity,
    MentionKind,
    register_extensions,
)


@Language.factory(
    "newsgraph_state_actors",
    requires=["doc._.ng_quotes", "doc._.ng_relations", "doc._.ng_mentions", "doc._.ng_entities"],
    assigns=["doc._.ng_entities", "doc._.ng_mention_entity", "doc._.ng_quotes", "doc._.ng_relations"],
    default_config={},
)
def make_state_actors(nlp: Language, name: str) -> StateActors:
    return StateActors()


class StateActors:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.state_verbs = self.lexicon.word_list("state_verbs")
        self.action_nouns = self.lexicon.word_list("state_action_nouns")
        self.stances = self.lexicon.word_list("state_stance_adjectives")  # "France is opposed to …"

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_state_actors needs initialize(lexicon=...) first")
        states = _States(doc._.ng_entities or [], doc._.ng_mention_entity or [])
        doc._.ng_quotes = [self._quote(states, q) for q in doc._.ng_quotes or []]
        doc._.ng_relations = [self._relation(states, r) for r in doc._.ng_relations or []]
        self._subjects(Arguments(doc, self.lexicon), states)
        doc._.ng_entities = states.entities
        doc._.ng_mention_entity = states.mention_entity
        return doc

    def _quote(self, states: _States, quote: FoundQuote) -> FoundQuote:
        if not any(a is not None and a.state for a in (quote.speaker, quote.receiver)):
            return quote
        return replace(quote, speaker=states.government_of(quote.speaker), receiver=states.government_of(quote.receiver))

    def _relation(self, states: _States, relation: FoundRelation) -> FoundRelation:
        if not any(a is not None and a.state for a in (relation.source_actor, relation.target_actor)):
            return relation
        return replace(relation, source_actor=states.government_of(relation.source_actor),
                       target_actor=states.government_of(relation.target_actor))

    def _subjects(self, args: Arguments, states: _States) -> None:
        """A country or capital that does something is its state: "France breached the rules",
        "accused by Washington", "Spain, which has opposed the plan", "the decision by Spain",
        "Spain's refusal", "US objections"."""
        for mention in args.mentions:
            if mention.country is None:
                continue
            head = args.doc[mention.head]
            verb = head.head
            acting = (head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in self.state_verbs) or (
                head.dep_ == "pobj" and verb.dep_ == "agent"
            ) or self._takes_a_stance(head) or self._relative_act(head) or self._owns_action(head)
            for conjunct in (head, *head.conjuncts) if acting else ():  # "Spain, Italy and Poland have …"
                states.government_of(args.actor_at(conjunct))

    def _takes_a_stance(self, head: Token) -> bool:
        """ "France is opposed to the plan", "Spain was keen to join": the subject of a stance on
        something (a to-phrase or an infinitive; not "Spain is ready for the summer")."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = head.head
        stance = verb if verb.lower_ in self.stances else next(
            (c for c in verb.children if c.dep_ == "acomp" and c.lower_ in self.stances), None)
        return stance is not None and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in stance.children)

    def _relative_act(self, head: Token) -> bool:
        """ "Spain, which has opposed the plan": a relative clause whose subject is the place."""
        return any(
            clause.dep_ == "relcl" and clause.pos_ == "VERB" and clause.lemma_.lower() not in self.state_verbs
            and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("which", "that") for w in clause.children)
            for clause in head.rights
        )

    def _owns_action(self, head: Token) -> bool:
        """ "the decision by Spain", "the efforts of Spain", "Spain's refusal", "US objections":
        the place is the agent of a noun of what states do (`state_action_nouns`)."""
        owner = head.head
        if head.dep_ == "pobj" and owner.lower_ in ("by", "of"):
            owner = owner.head
        elif head.dep_ not in ("poss", "compound"):
            return False
        return owner.pos_ == "NOUN" and owner.lemma_.lower() in self.action_nouns


class _States:
    """The article's entities, with the governments of the places that act added as needed."""

    def __init__(self, entities: list[LocalEntity], mention_entity: list[int | None]) -> None:
        self.entities = entities
        self.mention_entity = mention_entity

    def government_of(self, actor: Actor | None) -> Actor | None:
        """`actor` itself, or for a place acting, the government it stands for, which gets the mention."""
        if actor is None or actor.state is None:
            return actor
        key = name_key(actor.state)
        target = next((e.index for e in self.entities if e.key == key and e.type is EntityType.GOVERNMENT), None)
        if target is None:
            target = len(self.entities)
            self.entities.append(LocalEntity(index=target, name=actor.state, type=EntityType.GOVERNMENT,
                                             kind=MentionKind.NAME, mentions=[], key=key, fixed_type=True))
        if actor.mention is not None:
            self._move(actor.mention, target)
        return Actor(target, actor.mention)

    def _move(self, mention: int, target: int) -> None:
        old = self.mention_entity[mention]
        if old == target:
            return
        if old is not None:
            self.entities[old].mentions.remove(mention)
        self.entities[target].mentions.append(mention)
        self.entities[target].mentions.sort()
        self.mention_entity[mention] = target
