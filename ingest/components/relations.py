"""`newsgraph_relations`: relations between the article's entities, with evidence.

Relation rules are data (`data/relation_patterns.jsonl`): one spaCy
DependencyMatcher pattern per rule, plus how to find each argument from the
matched tokens: a matched node itself, the subject of a verb (looking up
through clauses that share it, or the agent of a passive), the possessor or
agent of a noun ("Washington's sanctions on X", "X held meetings with Y"), or
the possessor of a node ("on the U.S. government's sanctions list").
Conjoined arguments each get the relation ("He and other members ... were
accused").

Quotes become relations too: a speaker QUOTED_BY the outlet that received or
published the quote, and an article CITES the outlets it attributes to.

A relation is dropped when its trigger is negated or only wanted ("sought a
meeting"), when source and target are the same, or when the schema does not
allow the pair of types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from ...model.graph import (
    EntityType,
    NodeLabel,
    RelationType,
    SanctionStatus,
    relation_allowed,
)
from ...model.names import name_key
from ..lexicon import Lexicon, load_lexicon
from .arguments import Arguments
from .syntax import children, governing_verb, is_negated, subject, with_conjuncts
from .types import (
    FoundQuote,
    FoundRelation,
    LocalEntity,
    MentionKind,
    QuoteKind,
    register_extensions,
)

_UNASSERTED = frozenset({
    "want", "seek", "try", "plan", "hope", "request", "ask", "propose", "refuse", "decline", "cancel",
    "deny", "reject", "postpone", "expect", "schedule", "wish", "offer", "invite", "urge", "call",
})
_LIFTED = frozenset({"lift", "ease", "remove", "drop", "waive", "suspend", "end", "relax", "scrap", "rescind"})
_THREATENED = frozenset({"threaten", "warn", "consider", "propose", "weigh", "mull", "seek", "urge", "call", "push",
                         "plan", "face", "risk", "threat", "prepare", "demand", "want", "ask", "request", "recommend"})
_MODALS = frozenset({"could", "might", "may", "would", "will", "should"})
_STATEMENT_NOUNS = frozenset({"claim", "lawsuit", "suit", "statement", "complaint", "report", "letter", "motion", "case", "filing"})


@dataclass(frozen=True)
class RelationRule:
    id: str
    relation: RelationType
    pattern: list[dict]
    source: dict
    target: dict


@lru_cache(maxsize=1)
def load_rules() -> tuple[RelationRule, ...]:
    text = resources.files("newsgraph.ingest").joinpath("data/relation_patterns.jsonl").read_text("utf-8")
    rules = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            rules.append(RelationRule(row["id"], RelationType(row["relation"]), row["pattern"], row["source"], row["target"]))
    return tuple(rules)


@Language.factory(
    "newsgraph_relations",
    requires=["doc._.ng_entities", "doc._.ng_quotes"],
    assigns=["doc._.ng_relations"],
)
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp, load_lexicon(), load_rules())


class RelationFinder:
    def __init__(self, nlp: Language, lexicon: Lexicon, rules: tuple[RelationRule, ...]) -> None:
        register_extensions()
        self.lexicon = lexicon
        self.rules = {rule.id: rule for rule in rules}
        self.order = [rule.id for rule in rules]
        self.matcher = DependencyMatcher(nlp.vocab, validate=True)
        for rule in rules:
            self.matcher.add(rule.id, [rule.pattern])
        self.triggers = frozenset(_trigger_lemmas(rules))

    def __call__(self, doc: Doc) -> Doc:
        args = Arguments(doc, self.lexicon)
        _countries_acting(args)
        found: list[FoundRelation] = []
        matches = []
        for sentence in args.sentences.spans:  # the matcher indexes every token: only sentences with a trigger
            if any(t.lemma_.lower() in self.triggers for t in sentence):
                matches += [(m, [sentence.start + i for i in ids]) for m, ids in self.matcher(sentence)]
        matches.sort(key=lambda m: (self.order.index(doc.vocab.strings[m[0]]), m[1]))
        for match_id, token_ids in matches:
            rule = self.rules[doc.vocab.strings[match_id]]
            nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(rule.pattern, token_ids)}
            found.extend(self._from_match(doc, args, rule, nodes))
        outlet = self._article_outlet(doc, args)
        for quote in doc._.ng_quotes or []:
            found.extend(self._from_quote(doc, args, quote, outlet))
        doc._.ng_relations = _deduplicate(found)
        doc._.ng_entities = args.entities
        return doc

    # ---- pattern matches -----------------------------------------------------------

    def _from_match(self, doc: Doc, args: Arguments, rule: RelationRule, nodes: dict[str, Token]) -> list[FoundRelation]:
        trigger = nodes["trigger"]
        if any(_second_object(t) for t in nodes.values()):
            return []
        if rule.relation is RelationType.SANCTIONED:
            if is_negated(trigger):
                return []  # wanted, planned or lifted sanctions keep a status instead
        elif not _asserted(trigger) or _only_intended(trigger):
            return []  # "did not meet", "sought a meeting", "will meet": not a meeting
        sources = self._argument(args, rule.source, nodes)
        targets = self._argument(args, rule.target, nodes)
        status = _sanction_status(trigger) if rule.relation is RelationType.SANCTIONED else None
        relations = []
        for source, source_token in sources:
            for target, target_token in targets:
                if source == target or not self._allowed(args, rule.relation, source, target):
                    continue
                span = _char_span(doc, args, [*nodes.values(), source_token, target_token])
                relations.append(FoundRelation(
                    type=rule.relation, source=source, target=target, span=span,
                    sentence=_sentence_span(args, span), rule=rule.id, status=status,
                ))
        return relations

    def _argument(self, args: Arguments, spec: dict, nodes: dict[str, Token]) -> list[tuple[int, Token]]:
        """(entity, token naming it) for each argument a rule's spec points at."""
        token = self._argument_token(spec, nodes)
        if token is None:
            fallback = spec.get("fallback") == "reporting_outlet"
            return self._reporting_outlets(args, nodes["trigger"]) if fallback else []
        tokens = [token] if spec.get("no_conjuncts") else list(with_conjuncts(token))
        found = [(args.actor_at(t), t) for t in tokens]
        found = [(e, t) for e, t in found if e is not None]
        allowed = spec.get("types")
        if allowed:
            typed = [(e, t) for e, t in found if args.entities[e].type.value in allowed]
            if not typed and spec.get("fallback") == "reporting_outlet":
                typed = self._reporting_outlets(args, nodes["trigger"])
            found = typed
        unique = {}
        for e, t in found:
            unique.setdefault(e, t)
        return list(unique.items())

    def _argument_token(self, spec: dict, nodes: dict[str, Token]) -> Token | None:
        if "node" in spec:
            return nodes[spec["node"]]
        if "subject_of" in spec:
            verb = nodes[spec["subject_of"]]
            found = subject(verb)
            if found is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
                found = _nominal_agent(verb.head) if verb.head.lemma_.lower() in _STATEMENT_NOUNS else verb.head
            return found
        if "nominal_agent" in spec:
            return _nominal_agent(nodes[spec["nominal_agent"]])
        if "possessor_of" in spec:
            owners = children(nodes[spec["possessor_of"]], "poss")
            return owners[0] if owners else None
        raise ValueError(f"unknown argument spec {spec}")

    def _reporting_outlets(self, args: Arguments, trigger: Token) -> list[tuple[int, Token]]:
        """ "the Times reported Saturday, citing X": the outlet reporting in the same sentence."""
        speech = self.lexicon.word_list("speech_verbs")
        for token in args.sentences.of(trigger.i):
            if token.lemma_.lower() in speech and token.pos_ == "VERB":
                speaker = args.speaker_of(token)
                entity = args.actor_at(speaker) if speaker is not None else None
                if entity is not None and args.entities[entity].type is EntityType.OUTLET:
                    return [(entity, speaker)]
        return []

    def _allowed(self, args: Arguments, relation: RelationType, source: int | None, target: int) -> bool:
        source_label = NodeLabel.ARTICLE if source is None else NodeLabel(args.entities[source].type)
        return relation_allowed(relation, source_label, NodeLabel(args.entities[target].type))

    # ---- quotes -----------------------------------------------------------------------

    def _article_outlet(self, doc: Doc, args: Arguments) -> int | None:
        name = doc._.ng_outlet
        if not name:
            return None
        key = name_key(name)
        for entity in args.entities:
            if entity.key == key and entity.type is EntityType.OUTLET:
                return entity.index
        index = len(args.entities)
        args.entities.append(LocalEntity(index=index, name=name, type=EntityType.OUTLET, kind=MentionKind.NAME,
                                         mentions=[], key=key, fixed_type=True))
        return index

    def _from_quote(self, doc: Doc, args: Arguments, quote: FoundQuote, outlet: int | None) -> list[FoundRelation]:
        speaker = quote.speaker_entity
        if speaker is None or quote.kind is not QuoteKind.SPEECH:
            return []  # believing, praising or citing something is not being quoted
        parts = [quote.content]
        if quote.cue is not None:
            parts.append(quote.cue)
        if quote.speaker_span is not None:
            parts.append(quote.speaker_span)
        span = (min(p[0] for p in parts), max(p[1] for p in parts))
        speaker_type = args.entities[speaker].type
        if speaker_type is EntityType.OUTLET:
            if speaker == outlet:
                return []
            relation, source, target, rule = RelationType.CITES, None, speaker, "cites.attribution"
        else:
            target = quote.receiver_entity if quote.receiver_entity is not None else outlet
            if target is None:
                return []
            relation, source, rule = RelationType.QUOTED_BY, speaker, "quoted_by." + quote.rule
        if not self._allowed(args, relation, source, target):
            return []
        return [FoundRelation(
            type=relation, source=source, target=target, span=span, sentence=_sentence_span(args, span),
            rule=rule, quote=tuple(quote.parts), direct=quote.direct,
        )]


def _countries_acting(args: Arguments) -> None:
    """A country or capital that does something is its state: "France breached the rules",
    "accused by Washington". Those mentions become the country's government."""
    for mention in args.mentions:
        if mention.country is None:
            continue
        head = args.doc[mention.head]
        verb = head.head
        acting = (head.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in _STATE_VERBS) or (
            head.dep_ == "pobj" and verb.dep_ == "agent"
        )
        for conjunct in (head, *children(head, "conj")) if acting else ():
            args.actor_at(conjunct)


_STATE_VERBS = frozenset({"be", "have", "become", "remain", "seem", "appear", "lie", "sit", "stand", "border", "rank"})


def _trigger_lemmas(rules: tuple[RelationRule, ...]) -> set[str]:
    """The lemmas a rule's first node can have: a sentence without any of them cannot match."""
    lemmas: set[str] = set()
    for rule in rules:
        lemma = rule.pattern[0]["RIGHT_ATTRS"]["LEMMA"]
        lemmas.update(lemma["IN"] if isinstance(lemma, dict) else [lemma])
    return lemmas


def _second_object(token: Token) -> bool:
    """A verb has one direct object; a second one is a parse error ("accused X of ... every GP")."""
    return token.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < token.i for c in token.head.children)


def _nominal_agent(noun: Token) -> Token | None:
    """Who does what a noun names: "Washington's sanctions", "U.S. sanctions", "X held meetings"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i and (child.ent_type_ or child.pos_ == "PROPN"):
            return child
    verb = governing_verb(noun)
    return subject(verb) if verb is not None else None


def _asserted(trigger: Token) -> bool:
    """False for "did not meet", "sought a meeting", "plans to meet"."""
    if is_negated(trigger):
        return False
    current = trigger
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            return True
        if head.pos_ in ("VERB", "AUX"):
            if is_negated(head) and current.dep_ in ("dobj", "xcomp", "pobj", "prep"):
                return False
            if head.lemma_.lower() in _UNASSERTED and current.dep_ in ("dobj", "xcomp", "pobj", "prep"):
                return False
            if current.dep_ not in ("xcomp", "dobj", "prep", "pobj"):
                return True
        current = head
    return True


def _only_intended(trigger: Token) -> bool:
    """A future or possible act: "will meet", "could accuse", "is to visit", "plans to meet"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("be", *_UNASSERTED)


def _sanction_status(trigger: Token) -> SanctionStatus:
    words = [trigger]
    current = trigger
    for _ in range(3):
        if current.head.i == current.i:
            break
        current = current.head
        words.append(current)
    lemmas = {w.lemma_.lower() for w in words}
    modals = {c.lower_ for w in words for c in w.children if c.dep_ == "aux"}
    lifts = [w for w in words if w.lemma_.lower() in _LIFTED]
    if lifts:  # "lifted the embargo"; but "plans to lift the embargo": still in force
        intended = any(_only_intended(w) or w.head.pos_ == "NOUN" or w.head.lemma_.lower() in _UNASSERTED for w in lifts)
        return SanctionStatus.IMPOSED if intended else SanctionStatus.LIFTED
    if lemmas & _THREATENED or modals & _MODALS:
        return SanctionStatus.THREATENED
    return SanctionStatus.IMPOSED


def _char_span(doc: Doc, args: Arguments, tokens: list[Token]) -> tuple[int, int]:
    """From the first to the last char of the matched tokens, arguments' mentions included."""
    points = []
    for token in tokens:
        mention = args.mention_at(token)
        if mention is not None and args.mentions[mention].start <= token.i < args.mentions[mention].end:
            m = args.mentions[mention]
            points += [doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])]
        points += [token.idx, token.idx + len(token)]
    return min(points), max(points)


def _sentence_span(args: Arguments, span: tuple[int, int]) -> tuple[int, int]:
    """Char offsets of the sentence(s) holding `span`, without the whitespace around them.

    Masked boilerplate is whitespace in the parsed text: a sentence must not run
    into it, or the evidence sliced from the raw text would quote a caption.
    """
    doc = args.doc
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    first = args.sentences.of(chars[0].i if chars is not None and len(chars) else 0)
    last = args.sentences.of(chars[-1].i) if chars is not None and len(chars) else first
    words = [t for t in doc[first.start : last.end] if not t.is_space]
    return words[0].idx, words[-1].idx + len(words[-1])


def _deduplicate(relations: list[FoundRelation]) -> list[FoundRelation]:
    """One relation per (type, source, target, sentence): the first rule that found it."""
    seen = set()
    kept = []
    for rel in relations:
        ends = (rel.source, rel.target)
        if rel.type is RelationType.MET_WITH and rel.source is not None:
            ends = tuple(sorted(ends))
        key = (rel.type, ends, rel.sentence, rel.quote)
        if key not in seen:
            seen.add(key)
            kept.append(rel)
    return kept
