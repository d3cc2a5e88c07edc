"""`newsgraph_modality`: whether each event relation is asserted, and if not, what the text makes of it.

newsgraph_relations finds MET_WITH, ACCUSED and SANCTIONED with the token that triggered
each; this component reads the words around that trigger and sets the relation's
`modality` (cues as data, `data/modality.json`):
- on the trigger itself: a negation ("did not meet", "no charges"), an auxiliary ("will
  meet": planned; "could accuse": hypothetical), a conditional ("if they meet"), a question
  ("did they meet?"), a modifier
  of a trigger noun ("a possible meeting", "the planned talks"), a future time ("meet tomorrow");
- then up through the words the trigger depends on (its verb's object or complement, a
  preposition's object, an adjective's complement), the same cues on each, and the word's own
  meaning: "plans to meet", "is expected to meet", "asked for a meeting", "a request for
  talks", "is due to visit", "refused to meet", "denied meeting", "is to meet", "left without
  meeting".
Through a preposition of time or place only the future or a condition above counts ("did
not speak at the meeting": the meeting was; "will speak at the meeting": planned).
A reported clause keeps its own modality ("X said Y met Z" is asserted), except under a
verb of denial or a negated one ("X denied that he met Z", "I don't believe we met"). A clause
opened by "until", "when" with a verb not in the past is planned ("until I meet him"); a
purpose is what its going is ("will fly to Paris to meet X": planned), and planned while
the going is in progress ("was flying to Paris to meet X"). Denying or rejecting an accusation named as a
noun ("Y denied the allegations", "the allegations were rejected") leaves it asserted. A sanction threatened by its imposer
("threatened to impose sanctions") is an asserted threat: its status says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model.graph import EVENT_RELATIONS, Modality, RelationType, SanctionStatus
from ..lexicon import Lexicon
from .types import register_extensions

# how a word hangs from the one above it when both speak of the same event
_CHAIN_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "pcomp", "acomp", "attr", "oprd"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "visited Denver to meet X", "paid $5m to settle the suit": the visit is the meeting, the paying the settling
_NOT_SENT = frozenset({"GPE", "LOC", "FAC", "MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE", "TIME"})
_MAX_STEPS = 6


@dataclass(frozen=True)
class ModalityCues:
    negators: frozenset[str]
    negating_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    auxiliaries: dict[str, Modality]
    conditional_marks: frozenset[str]
    future_marks: frozenset[str]
    governing_verbs: dict[str, Modality]
    verb_prepositions: dict[str, str]
    disputing_verbs: frozenset[str]
    governing_nouns: dict[str, Modality]
    governing_adjectives: dict[str, Modality]
    noun_modifiers: dict[str, Modality]
    future_time_words: frozenset[str]
    progressive_future_auxiliaries: frozenset[str]
    be_to: Modality
    be_to_idioms: frozenset[str]
    not_yet_adverbs: frozenset[str]

    @classmethod
    def from_json(cls, row: dict) -> ModalityCues:
        def table(name: str) -> dict[str, Modality]:
            return {k: Modality(v) for k, v in row[name].items()}

        return cls(
            negators=frozenset(row["negators"]), negating_prepositions=frozenset(row["negating_prepositions"]),
            complement_prepositions=frozenset(row["complement_prepositions"]),
            auxiliaries=table("auxiliaries"),
            conditional_marks=frozenset(row["conditional_marks"]), future_marks=frozenset(row["future_marks"]),
            governing_verbs=table("governing_verbs"), verb_prepositions=dict(row["verb_prepositions"]),
            disputing_verbs=frozenset(row["disputing_verbs"]), governing_nouns=table("governing_nouns"),
            governing_adjectives=table("governing_adjectives"), noun_modifiers=table("noun_modifiers"),
            future_time_words=frozenset(row["future_time_words"]), be_to=Modality(row["be_to"]),
            be_to_idioms=frozenset(row["be_to_idioms"]),
            progressive_future_auxiliaries=frozenset(row["progressive_future_auxiliaries"]),
            not_yet_adverbs=frozenset(row["not_yet_adverbs"]),
        )


@lru_cache(maxsize=1)
def load_cues() -> ModalityCues:
    text = resources.files("newsgraph.ingest").joinpath("data/modality.json").read_text("utf-8")
    return ModalityCues.from_json(json.loads(text))


@Language.factory(
    "newsgraph_modality",
    requires=["doc._.ng_relations"],
    assigns=["doc._.ng_relations"],
    default_config={},
)
def make_modality_reader(nlp: Language, name: str) -> ModalityReader:
    return ModalityReader()


class ModalityReader:
    """Call `initialize(lexicon=...)` before use (`add_components` does); `cues=` replaces the data file's."""

    def __init__(self) -> None:
        register_extensions()
        self.cues: ModalityCues | None = None

    def initialize(
        self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
        cues: ModalityCues | None = None,
    ) -> None:
        from ..lexicon import load_lexicon

        self.cues = cues if cues is not None else load_cues()
        self.threat_words = (lexicon if lexicon is not None else load_lexicon()).word_list("threat_words")

    def __call__(self, doc: Doc) -> Doc:
        if self.cues is None:
            raise RuntimeError("newsgraph_modality needs initialize() first")
        relations = doc._.ng_relations or []
        updated = []
        for rel in relations:
            if rel.type in EVENT_RELATIONS and rel.trigger is not None:
                modality, cue = self.modality_of(doc[rel.trigger])
                if (rel.type is RelationType.SANCTIONED and rel.status is SanctionStatus.THREATENED
                        and cue is not None and cue.lemma_.lower() in self.threat_words):
                    modality = Modality.ASSERTED  # "threatened to impose sanctions": a threat that was made
                rel = replace(rel, modality=modality)
            updated.append(rel)
        doc._.ng_relations = updated
        return doc

    def modality_of(self, trigger: Token) -> tuple[Modality, Token | None]:
        """The modality the words around `trigger` give, and the word that gave it (None: asserted)."""
        cues = self.cues
        found = self._own(trigger, noun=trigger.pos_ in ("NOUN", "PROPN"))
        if found is not None:
            return found, trigger
        current = trigger
        for _ in range(_MAX_STEPS):
            head, dep = current.head, current.dep_
            if head.i == current.i:
                break
            lemma = head.lemma_.lower()
            if dep == "ccomp":  # a reported clause: only a denial above it counts ("I don't think we met")
                denial = head.pos_ in ("VERB", "AUX") and (
                    cues.governing_verbs.get(lemma) is Modality.DENIED or any(c.dep_ == "neg" for c in head.children))
                return (Modality.DENIED, head) if denial else (Modality.ASSERTED, None)
            if dep in _SUBJECT_DEPS:  # "the meeting did not take place", "talks will begin"
                found = self._own(head, noun=False)
                if dep == "nsubjpass" and lemma in cues.disputing_verbs and trigger.pos_ == "NOUN" and current is trigger:
                    return Modality.ASSERTED, None  # "the allegations were denied": they were made
                if found is None and dep == "nsubjpass" and head.pos_ == "VERB":
                    found = cues.governing_verbs.get(lemma)  # "the meeting was cancelled"
                return (found, head) if found is not None else (Modality.ASSERTED, None)
            if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
                # a purpose: "flew to Paris to meet X" as the going is; "was flying to Paris to meet X": not yet
                found = self._own(head, noun=False)
                if found is None and head.tag_ == "VBG" and any(c.dep_ == "aux" for c in head.children):
                    found = Modality.PLANNED
                if found is None and any(c.dep_ == "dobj" and c.i < current.i and c.ent_type_ not in _NOT_SENT
                                         and c.pos_ in ("PROPN", "PRON", "NOUN") for c in head.children):
                    found = Modality.PLANNED  # "sent two aides to meet X": the sending is, their meeting is to come
                return (found, head) if found is not None else (Modality.ASSERTED, None)
            if dep not in _CHAIN_DEPS:
                break
            if dep == "prep" and current.lower_ not in cues.complement_prepositions:
                # "spoke at the meeting": the verb says when the meeting was, not whether; "will speak at it": planned
                found = self._timing(head)
                return (found, head) if found is not None else (Modality.ASSERTED, None)
            if head.dep_ == "prep" or head.pos_ == "ADP":
                if lemma in cues.negating_prepositions:
                    return Modality.NEGATED, head  # "left without meeting X"
            elif head.pos_ in ("VERB", "AUX"):
                if lemma in cues.disputing_verbs and dep == "dobj" and trigger.pos_ == "NOUN" and current is trigger:
                    return Modality.ASSERTED, None  # "Y denied the allegations": they were made
                found = self._own(head, noun=False) or self._governing_verb(head, current)
                if found is None and lemma == "be" and dep == "xcomp" and current.lemma_.lower() not in cues.be_to_idioms:
                    found = cues.be_to  # "X is to meet Y"; but "Y is to blame" says who is
            elif head.pos_ == "NOUN":
                found = self._own(head, noun=True) or cues.governing_nouns.get(lemma)
            elif head.pos_ == "ADJ":
                found = cues.governing_adjectives.get(lemma)
            if found is not None:
                return found, head
            current = head
        return Modality.ASSERTED, None

    def _governing_verb(self, verb: Token, below: Token) -> Modality | None:
        """What a verb above the trigger makes of it ("plans to meet"); some only through their
        preposition or an infinitive ("called for talks", not "called the talks a success")."""
        lemma = verb.lemma_.lower()
        if lemma not in self.cues.governing_verbs and verb.tag_ == "VBZ" and verb.lower_.endswith("s"):
            lemma = verb.lower_[:-1]  # "hopes" the lemmatizer reads as "hop"
        if below.dep_ == "xcomp" and any(c.dep_ == "advmod" and c.lower_ in self.cues.not_yet_adverbs for c in verb.children):
            return Modality.NEGATED  # "has yet to meet"
        wanted = self.cues.verb_prepositions.get(lemma)
        if wanted is not None and below.dep_ != "xcomp" and not (below.dep_ == "prep" and below.lower_ == wanted):
            return None
        return self.cues.governing_verbs.get(lemma)

    def _timing(self, token: Token) -> Modality | None:
        """A word's future, modal or conditional, without its negation or meaning."""
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in self.cues.auxiliaries:
                return self.cues.auxiliaries[child.lower_]
            if child.dep_ == "mark" and child.lower_ in self.cues.conditional_marks:
                return Modality.HYPOTHETICAL
        return None

    def _own(self, token: Token, *, noun: bool) -> Modality | None:
        """The cues a word carries in its own children: negation, auxiliary, condition, a noun's modifier."""
        cues = self.cues
        for child in token.children:
            word = child.lower_
            if child.dep_ == "neg" or (noun and child.dep_ == "det" and word in cues.negators):
                return Modality.NEGATED
            if child.dep_ == "advmod" and word == "never":
                return Modality.NEGATED
            if child.dep_ == "punct" and word == "?":
                return Modality.HYPOTHETICAL  # "Did they meet?"
        for child in token.children:
            word = child.lower_
            if child.dep_ in ("aux", "auxpass") and word in cues.auxiliaries:
                return cues.auxiliaries[word]
            if child.dep_ == "mark" and word in cues.conditional_marks:
                return Modality.HYPOTHETICAL
            if child.dep_ == "advcl" and not noun and any(
                    g.dep_ == "mark" and g.lower_ in cues.conditional_marks for g in child.children):
                return Modality.HYPOTHETICAL  # "to sue X if the evidence arises"
            if child.dep_ == "mark" and word in cues.future_marks and token.tag_ not in ("VBD", "VBN"):
                return Modality.PLANNED  # "until I meet him"
            if noun and child.dep_ in ("amod", "compound", "acl") and word in cues.noun_modifiers:
                return cues.noun_modifiers[word]
            if child.dep_ in ("npadvmod", "advmod", "amod") and word in cues.future_time_words:
                return Modality.PLANNED
            if child.dep_ == "npadvmod" and any(g.dep_ == "amod" and g.lower_ in cues.future_time_words
                                                for g in child.children) \
                    and not any(g.dep_ == "det" and g.lower_ == "the" for g in child.children):
                return Modality.PLANNED  # "the meeting next week"; but "the next morning" follows a past day
        if not noun and self._progressive_with_a_day(token):
            return Modality.PLANNED
        return None

    def _progressive_with_a_day(self, verb: Token) -> bool:
        """ "is holding a meeting on Friday": a present progressive with a day on it or its object."""
        if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in self.cues.progressive_future_auxiliaries
                                         for c in verb.children):
            return False
        carriers = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return any(p.dep_ == "prep" and p.lower_ == "on" and any(o.ent_type_ == "DATE" for o in p.children)
                   for t in carriers for p in t.children)
