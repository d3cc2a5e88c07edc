"""`newsgraph_name_types`: the type votes of each proper name, from the words around it.

A name NER found votes for NER's label, less when it only modifies a noun ("Trump
voters") or owns one; a title, a gendered title or a role noun in front votes Person
("dictator Nicolás Maduro"), and so do a gender or role noun in apposition ("Smith, a
reporter"), a he / she / his that the name's clause binds ("Smith claimed that he …") and
a relative "who" ("Smith, who …"), while a bound "its" or a relative "which" votes
Organization for a name NER called a person; an organization noun votes Organization ("oil firm
Yukos"), and so do one closing the name ("the Allende Foundation", "Ostra Foods", "Ostra
Corp"), what only a company
has ("X's shares", "a stake in X", "X's profit figures"), what a company reports ("X posted a
loss"), "Paris-based", where a person works ("an economist at X") and an organization noun that
a name NER called a person modifies ("the Maserati brand"); an outlet's closing word or noun
votes Outlet ("Canal Television", "the newspaper La Voz"), and so does what only an outlet has
or prints ("X's political editor", "a columnist for X", "an op-ed in X", "writing in X", "an
interview with X"); a court, legislature, ministry,
department or police force named as one votes Government ("the Ohio Supreme Court", "the Senate
Finance Committee", "Department of Health"); a list hung on a noun ("carmakers
including X and Y") votes that noun's type; an apposition naming a place votes Location
("Wilmington, the state's biggest city"), and so do a place word closing the name ("the Ostra
Straits"), where a facility is ("a plant in X") and the base of "The X, Y-based firm"; a
place that speaks is more likely a person NER mistyped ("Labott tweeted"), and so is a
title-case name opening with a known given name. A name NER missed that speaks votes
Person. Coordinated names tend to share a type: a name coordinated with a curated one
gets a vote for that type. The weights are data (`data/type_votes.json`); an entity's
type is the weighted majority over its mentions (newsgraph_coref), unless a curated
list fixes it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...model.graph import EntityType
from ...model.names import name_key
from ..lexicon import Lexicon
from .name_context import NameContext
from .types import Mention, register_extensions

_ITS = frozenset({"its"})


@Language.factory(
    "newsgraph_name_types",
    requires=["doc._.ng_names", "doc._.ng_quoted_tokens"],
    assigns=["doc._.ng_names"],  # the votes of its mentions
    default_config={},
)
def make_name_typer(nlp: Language, name: str) -> NameTyper:
    return NameTyper()


class NameTyper:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.context = NameContext(self.lexicon)
        self.weights = self.lexicon.vote_weights
        self.place_nouns = self.lexicon.word_list("place_nouns")
        words = self.lexicon.word_list
        self.list_types = (  # what "including X" lists, by the noun the list hangs on; outlets before organizations
            (EntityType.OUTLET, words("outlet_modifiers")),
            (EntityType.ORGANIZATION, words("organization_nouns")),
            (EntityType.PERSON, words("person_role_heads") | words("person_nouns")),
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_name_types needs initialize(lexicon=...) first")
        names: list[Mention] = doc._.ng_names or []
        for mention in names:
            if mention.origin.startswith("ner:"):
                self._ner_votes(doc, mention, mention.origin.removeprefix("ner:"))
            elif mention.origin == "speaker":
                mention.votes[EntityType.PERSON] = self.weights.speaker
            elif mention.origin == "titled":  # "Mr Prentis"
                mention.votes[EntityType.PERSON] = self.weights.person_cue
        self._votes_from_conjuncts(doc, names)
        return doc

    def _ner_votes(self, doc: Doc, mention: Mention, label: str) -> None:
        w, context = self.weights, self.context
        span = doc[mention.start : mention.end]
        head = doc[mention.head]
        mention.votes[w.ner_labels[label]] = w.ner_weight(head.dep_)
        if context.title_gender(doc, mention.start) is not None or context.has_title(doc, mention.start) \
                or context.has_person_modifier(head):
            _add_vote(mention, EntityType.PERSON, w.person_cue)
        quoted = doc._.ng_quoted_tokens or frozenset()
        if context.binds_pronoun(head, quoted):
            _add_vote(mention, EntityType.PERSON, w.bound_pronoun)
        if context.has_relative(head, ("who", "whom", "whose")):
            _add_vote(mention, EntityType.PERSON, w.relative_who)
        if label == "PERSON" and (context.binds_pronoun(head, quoted, pronouns=_ITS) or context.has_relative(head, ("which",))):
            _add_vote(mention, EntityType.ORGANIZATION, w.bound_pronoun)  # "X said its profits …", "X, which …"
        closer = span[-1].lower_.rstrip(".") if len(span) >= 2 and (span[-1].is_title or span[-1].is_upper) else ""
        state_body = label == "ORG" and context.names_state_body(span)  # "the Senate Finance Committee"
        # "a columnist for X", "an op-ed in X": where a journalist works is an outlet
        serves_as_outlet = label == "ORG" and not state_body and context.serves_as_outlet(head)
        named_organization = closer in context.organization_nouns or closer in context.organization_closers
        if state_body:  # "the Ohio Supreme Court", "Kent Police": the institution cues below are a state's here
            _add_vote(mention, EntityType.GOVERNMENT, w.state_body_cue)
        elif context.has_organization_modifier(head) or context.owns_organization_noun(head) or named_organization \
                or context.is_based_somewhere(head) or (context.employs_someone(head) and not serves_as_outlet) \
                or (label == "PERSON" and context.modifies_organization_noun(head)):
            _add_vote(mention, EntityType.ORGANIZATION, w.organization_cue)
        if context.reports_results(head):  # "X reported a rise in profits"
            _add_vote(mention, EntityType.ORGANIZATION, w.organization_cue)
        if context.names_outlet(span) or serves_as_outlet:  # "Canal Television", "the newspaper La Voz"
            _add_vote(mention, EntityType.OUTLET, w.outlet_cue)
        listed = context.listed_under(head)  # "carmakers including X, Y and Z"
        if listed is not None:
            for noun_type, nouns in self.list_types:
                if listed in nouns:
                    _add_vote(mention, noun_type, w.list_member)
                    break
        if closer in context.place_closers:  # "the Ostra Straits", "the Ostra Dam"
            _add_vote(mention, EntityType.LOCATION, w.place_apposition)
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.place_nouns for c in head.rights):
            _add_vote(mention, EntityType.LOCATION, w.place_apposition)  # "Wilmington, the state's biggest city"
        if context.is_located(head) or context.names_base(head):  # "a plant in X", "The X, Y-based firm"
            _add_vote(mention, EntityType.LOCATION, w.located_place)
        if label in ("GPE", "LOC") and context.speaks(head):
            # a place NER did not find in our lexicon that says something is a person NER
            # mistyped (a curated capital, "Beijing said", never gets here): "Labott tweeted"
            _add_vote(mention, EntityType.PERSON, w.speaking_place)
        given = self.lexicon.given_names.get(name_key(span[0].text))
        if given is not None and len(span) >= 2 and not named_organization \
                and all(t.is_title or t.is_upper for t in span if t.is_alpha):
            _add_vote(mention, EntityType.PERSON, w.given_name)

    def _votes_from_conjuncts(self, doc: Doc, names: list[Mention]) -> None:
        """ "the LSE and Euronext": a name coordinated with a curated one (an outlet, an
        organization, a government body) gets a vote for that type."""
        by_head = {m.head: m for m in names}
        for mention in names:
            if mention.fixed_type is None:
                continue
            for other in doc[mention.head].conjuncts:
                partner = by_head.get(other.i)
                if partner is not None and partner.fixed_type is None and mention.fixed_type is not EntityType.LOCATION:
                    _add_vote(partner, mention.fixed_type, self.weights.conjunct_of_curated)


def _add_vote(mention: Mention, entity_type: EntityType, weight: float) -> None:
    mention.votes[entity_type] = mention.votes.get(entity_type, 0.0) + weight
