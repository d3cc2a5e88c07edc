"""`newsgraph_relations`: relations between the article's entities, with evidence.

Relation rules are data (`data/relation_patterns.jsonl`): one spaCy
DependencyMatcher pattern per rule, plus how to find each argument from the
matched tokens: a matched node itself, the subject of a verb (looking up
through clauses that share it, or the agent of a passive), the possessor or
agent of a noun ("Washington's sanctions on X", "X held meetings with Y"), or
the possessor of a node ("on the U.S. government's sanctions list").
Conjoined arguments each get the relation ("He and other members ... were
accused").

(Quotes become relations in newsgraph_quote_links.)

Event relations (MET_WITH, ACCUSED, SANCTIONED) keep their trigger token:
newsgraph_modality, next, says whether each is asserted, planned, negated...
("did not meet", "sought a meeting", "will meet" are kept, marked). A relation
is dropped when source and target are the same, or when the schema does not
allow the pair of types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from ...model.graph import (
    EVENT_RELATIONS,
    EntityType,
    NodeLabel,
    RelationType,
    SanctionStatus,
    relation_allowed,
)
from ..lexicon import Lexicon
from .arguments import Arguments
from .mention_search import lemma_in
from .syntax import children, governing_verb, subject, with_conjuncts
from .types import Actor, FoundRelation, MentionKind, register_extensions


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
    requires=["doc._.ng_mentions", "doc._.ng_entities", "doc._.ng_quotes"],
    assigns=["doc._.ng_relations"],
    default_config={},
)
def make_relation_finder(nlp: Language, name: str) -> RelationFinder:
    return RelationFinder(nlp)


class RelationFinder:
    """Call `initialize(lexicon=..., rules=...)` before use (`add_components` does)."""

    def __init__(self, nlp: Language) -> None:
        register_extensions()
        self.vocab = nlp.vocab
        self.lexicon: Lexicon | None = None

    def initialize(
        self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
        rules: tuple[RelationRule, ...] | None = None,
    ) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        rules = rules if rules is not None else load_rules()
        words = self.lexicon.word_list
        self.unasserting, self.lifting, self.threat_words = words("unasserting_verbs"), words("lifting_verbs"), words("threat_words")
        self.modals, self.statement_nouns = words("modal_auxiliaries"), words("statement_nouns")
        self.rules = {rule.id: rule for rule in rules}
        self.order = [rule.id for rule in rules]
        self.matchers: dict[str, DependencyMatcher] = {}
        for rule in rules:
            self.matchers[rule.id] = DependencyMatcher(self.vocab, validate=True)
            self.matchers[rule.id].add(rule.id, [rule.pattern])
        self.required = {rule.id: _required_words(rule) for rule in rules}
        self.triggers = frozenset(_trigger_lemmas(rules))

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_relations needs initialize(lexicon=...) first")
        args = Arguments(doc, self.lexicon)
        speakers = _quote_speakers(doc)
        found: list[FoundRelation] = []
        matches = []
        triggered = lemma_in(doc, self.triggers)
        words = doc.to_array([LEMMA, LOWER]) if len(doc) else []
        strings = doc.vocab.strings
        for sentence in args.sentences.spans:  # the matchers index every token: only sentences with a trigger,
            if not triggered[sentence.start : sentence.end].any():  # only the rules whose words it has all of
                continue
            hashes = words[sentence.start : sentence.end]
            present = {"LEMMA": {strings[h] for h in set(hashes[:, 0].tolist())},
                       "LOWER": {strings[h] for h in set(hashes[:, 1].tolist())}}
            sentence_doc = None
            for rule_id in self.order:
                if any(allowed.isdisjoint(present[attr]) for attr, allowed in self.required[rule_id]):
                    continue
                if sentence_doc is None:
                    sentence_doc = sentence.as_doc(copy_user_data=True)  # what a matcher makes of a Span, made once
                matches += [(m, [sentence.start + i for i in ids]) for m, ids in self.matchers[rule_id](sentence_doc)]
        matches.sort(key=lambda m: (self.order.index(doc.vocab.strings[m[0]]), m[1]))
        for match_id, token_ids in matches:
            rule = self.rules[doc.vocab.strings[match_id]]
            nodes = {node["RIGHT_ID"]: doc[i] for node, i in zip(rule.pattern, token_ids)}
            found.extend(self._from_match(doc, args, rule, nodes, speakers))
        doc._.ng_relations = deduplicate(args, found)
        return doc

    # ---- pattern matches -----------------------------------------------------------

    def _from_match(
        self, doc: Doc, args: Arguments, rule: RelationRule, nodes: dict[str, Token], speakers: list[tuple[int, int, Actor]],
    ) -> list[FoundRelation]:
        trigger = nodes["trigger"]
        if any(_second_object(t) for t in nodes.values()):
            return []
        sources = self._argument(args, rule.source, nodes, speakers)
        targets = self._argument(args, rule.target, nodes, speakers)
        status = self._sanction_status(trigger) if rule.relation is RelationType.SANCTIONED else None
        relations = []
        for source, source_token in sources:
            for target, target_token in targets:
                if args.identity(source) == args.identity(target) or not allowed(args, rule.relation, source, target):
                    continue
                span = _char_span(doc, args, [*nodes.values(), source_token, target_token])
                relations.append(FoundRelation(
                    type=rule.relation, source_actor=source, target_actor=target, span=span,
                    sentence=sentence_span(args, span), rule=rule.id, status=status,
                    trigger=trigger.i if rule.relation in EVENT_RELATIONS else None,
                ))
        return relations

    def _argument(
        self, args: Arguments, spec: dict, nodes: dict[str, Token], speakers: list[tuple[int, int, Actor]],
    ) -> list[tuple[Actor, Token]]:
        """(actor, token naming it) for each argument a rule's spec points at."""
        if "unless_party_object_of" in spec and any(
                args.actor_at(_named_beside(args, o)) is not None for o in children(nodes[spec["unless_party_object_of"]], "dobj")):
            return []  # "blamed the officials on Twitter": the officials are blamed, the platform is where
        token = self._argument_token(spec, nodes)
        if token is None:
            fallback = spec.get("fallback") == "reporting_outlet"
            return self._reporting_outlets(args, nodes["trigger"]) if fallback else []
        if "alone_without_with" in spec and any(c.dep_ == "prep" and c.lower_ == "with" for name in spec["alone_without_with"]
                                                for c in nodes[name].children):
            return []  # "X and Y held talks with Z": X and Y are one side, the with-rules pair them with Z
        if spec.get("not_a_report") and token.lemma_.lower() in args.report_nouns:
            return []  # "hosted X's speech": an event of X's, not X
        tokens = [token] if spec.get("no_conjuncts") else [*with_conjuncts(token), *_included(token), *_listed(token)]
        tokens = [_named_beside(args, t) for t in tokens]
        if not spec.get("no_conjuncts") and tokens[0] is not token:  # "X and Y, who met Z": Y too
            tokens = list(dict.fromkeys([*tokens, *with_conjuncts(tokens[0])]))
        if spec.get("no_place_lists") and any(_is_place(args, t) for t in tokens):
            return []  # "visited Manchester, Leeds and Torbay": a list with a place in it is a list of places
        found = [(args.actor_at(t) or _quoting_speaker(t, speakers), t) for t in tokens]
        found = [(e, t) for e, t in found if e is not None]
        allowed = spec.get("types")
        if allowed:
            typed = [(e, t) for e, t in found if args.acting_type(e).value in allowed]
            if not typed and spec.get("fallback") == "reporting_outlet":
                typed = self._reporting_outlets(args, nodes["trigger"])
            found = typed
        unique = {}
        for e, t in found:
            unique.setdefault(args.identity(e), (e, t))
        return list(unique.values())

    def _argument_token(self, spec: dict, nodes: dict[str, Token]) -> Token | None:
        if "node" in spec:
            return nodes[spec["node"]]
        if "subject_of" in spec:
            verb = nodes[spec["subject_of"]]
            found = _for_subject(verb) or _controlling_object(verb) or _object_before_for(verb) or subject(verb)
            if found is None and verb.dep_ == "xcomp" and children(verb.head, "nsubjpass"):
                found = children(verb.head, "nsubjpass")[0]  # "X is expected to meet Y": X meets
            if found is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
                found = subject(verb.head.head)  # "X is due to meet Y"
            if found is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "X, meeting Y in Paris, said"
                found = _nominal_agent(verb.head) if verb.head.lemma_.lower() in self.statement_nouns else verb.head
            if found is None and verb.dep_ in ("advcl", "appos") and verb.head.pos_ not in ("VERB", "AUX") \
                    and verb.head.i < verb.i:
                found = verb.head  # the same, when the parse makes the participle an adverbial clause or apposition of X
            return found or _subject_through_phrase(verb)
        if "nominal_agent" in spec:
            verbs = self.lexicon.word_list(spec["through_verbs"]) if "through_verbs" in spec else None
            return _nominal_agent(nodes[spec["nominal_agent"]], verbs=verbs)
        if "possessor_of" in spec:
            owners = children(nodes[spec["possessor_of"]], "poss")
            return owners[0] if owners else None
        if "owner_of" in spec:
            return _owner(nodes[spec["owner_of"]])
        raise ValueError(f"unknown argument spec {spec}")

    def _reporting_outlets(self, args: Arguments, trigger: Token) -> list[tuple[Actor, Token]]:
        """ "the Times reported Saturday, citing X": the outlet reporting in the same sentence."""
        speech = self.lexicon.word_list("speech_verbs")
        for token in args.sentences.of(trigger.i):
            if token.lemma_.lower() in speech and token.pos_ == "VERB":
                speaker = args.speaker_of(token)
                actor = args.actor_at(speaker) if speaker is not None else None
                if actor is not None and args.acting_type(actor) is EntityType.OUTLET:
                    return [(actor, speaker)]
        return []

    def _only_intended(self, trigger: Token) -> bool:
        """A future or possible act ("plans to lift", "could lift"): a sanction's lifting that did not happen."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in self.modals for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and (verb.head.lemma_.lower() == "be" or verb.head.lemma_.lower() in self.unasserting)

    def _sanction_status(self, trigger: Token) -> SanctionStatus:
        words = [trigger]
        current = trigger
        for _ in range(3):
            if current.head.i == current.i:
                break
            current = current.head
            words.append(current)
        lemmas = {w.lemma_.lower() for w in words}
        modals = {c.lower_ for w in words for c in w.children if c.dep_ == "aux"}
        lifts = [w for w in words if w.lemma_.lower() in self.lifting]
        if lifts:  # "lifted the embargo"; but "plans to lift the embargo": still in force
            intended = any(self._only_intended(w) or w.head.pos_ == "NOUN" or w.head.lemma_.lower() in self.unasserting
                           for w in lifts)
            return SanctionStatus.IMPOSED if intended else SanctionStatus.LIFTED
        if lemmas & self.threat_words or modals & self.modals:
            return SanctionStatus.THREATENED
        return SanctionStatus.IMPOSED


def allowed(args: Arguments, relation: RelationType, source: Actor | None, target: Actor) -> bool:
    """The schema allows the pair of types the actors act as (None: the article itself)."""
    source_label = NodeLabel.ARTICLE if source is None else NodeLabel(args.acting_type(source))
    return relation_allowed(relation, source_label, NodeLabel(args.acting_type(target)))


def _required_words(rule: RelationRule) -> tuple[tuple[str, frozenset[str]], ...]:
    """The lemmas or lower-case forms each node of a rule's pattern can have: a sentence lacking
    all of some node's cannot match the rule."""
    required = []
    for node in rule.pattern:
        for attr in ("LEMMA", "LOWER"):
            value = node["RIGHT_ATTRS"].get(attr)
            if isinstance(value, str):
                required.append((attr, frozenset([value])))
            elif isinstance(value, dict) and "IN" in value:
                required.append((attr, frozenset(value["IN"])))
    return tuple(required)


def _trigger_lemmas(rules: tuple[RelationRule, ...]) -> set[str]:
    """The lemmas a rule's first node can have: a sentence without any of them cannot match."""
    lemmas: set[str] = set()
    for rule in rules:
        lemma = rule.pattern[0]["RIGHT_ATTRS"]["LEMMA"]
        lemmas.update(lemma["IN"] if isinstance(lemma, dict) else [lemma])
    return lemmas


def _included(token: Token) -> list[Token]:
    """ "met with senators, including X and Y": X and Y too."""
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "including"
            for obj in children(prep, "pobj") for t in with_conjuncts(obj)]


def _listed(token: Token) -> list[Token]:
    """ "met X, Y and Z" parsed as X with Y in apposition and Z conjoined to Y: a list of names,
    not a second name for X (a description in apposition, "X, the governor", is no name)."""
    return [t for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN" and token.pos_ == "PROPN"
            and children(c, "cc") and children(c, "conj") for t in with_conjuncts(c)]


def _second_object(token: Token) -> bool:
    """A verb has one direct object; a second one is a parse error ("accused X of ... every GP")."""
    return token.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < token.i for c in token.head.children)


def _nominal_agent(noun: Token, *, verbs: frozenset[str] | None = None) -> Token | None:
    """Who does what a noun names: "Washington's sanctions", "U.S. sanctions", "accusations by X",
    "X held meetings". With `verbs`, the subject of the verb the noun hangs from only when it is one
    of them: "X filed a lawsuit against Y", but not "X rejected the allegations against Y"."""
    if (agent := _noun_party(noun, preposition="by")) is not None:
        return agent
    verb = governing_verb(noun)
    if verbs is not None:
        return subject(verb) if verb is not None and verb.lemma_.lower() in verbs else None
    if verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBG" and subject(verb) is None:
        return _subject_through_phrase(verb)  # "at a news conference following talks with X, Y said"
    return subject(verb) if verb is not None else None


def _is_place(args: Arguments, token: Token) -> bool:
    mention = args.mention_at(token)
    entity = args.mention_entity[mention] if mention is not None else None
    return entity is not None and args.entities[entity].type is EntityType.LOCATION


def _named_beside(args: Arguments, token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("X, who accused Y"), and a
    description that names no one for the name in apposition with it: "X, a banker who held
    talks with Y" (the banker -> X), "the director of Z, X, accused Y" (-> X)."""
    actor = args.actor_at(token)
    if actor is not None and not (args.entities[actor.entity].kind is MentionKind.DESCRIPTION and token.pos_ == "NOUN"):
        return token
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return _named_beside(args, token.head.head)  # "X, who has accused Y": X
    if token.dep_ == "appos" and args.actor_at(token.head) is not None:
        return token.head
    beside = [c for c in token.children if c.dep_ in ("appos", "npadvmod") and c.pos_ == "PROPN"
              and args.actor_at(c) is not None]
    if not beside and token.pos_ == "NOUN":  # "the director of the Trust, X, accused Y": the parse hangs X on the Trust
        beside = [c for obj in _prepositional_objects(token, depth=3) for c in obj.rights
                  if c.dep_ in ("appos", "npadvmod", "conj") and c.pos_ == "PROPN" and c.left_edge.i > 0
                  and not any(t.dep_ == "cc" for t in token.doc[obj.i : c.left_edge.i])  # "of X and Y": a list
                  and token.doc[c.left_edge.i - 1].text == "," and (actor := args.actor_at(c)) is not None
                  and args.acting_type(actor) is EntityType.PERSON]
    return beside[0] if beside else token  # a described person named nowhere beside: the description


def _prepositional_objects(token: Token, *, depth: int) -> list[Token]:
    """The objects of the prepositions under `token`, and theirs, `depth` levels down
    ("the director of the Victims of Crime Trust": Victims, Trust)."""
    found = [obj for prep in children(token, "prep") for obj in children(prep, "pobj")]
    return found + [o for obj in found for o in _prepositional_objects(obj, depth=depth - 1)] if depth > 1 else found


def _subject_through_phrase(verb: Token) -> Token | None:
    """ "In remarks after meeting X, Obama said": a gerund in a prepositional phrase hanging
    from a noun shares the subject of the verb that phrase belongs to, or the noun's possessor
    ("X's reasons for meeting Y").
    """
    if verb.dep_ not in ("pcomp", "acl"):
        return None
    current = verb.head
    for _ in range(4):
        if current.dep_ not in ("prep", "pobj") or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return subject(current)
        if current.pos_ == "NOUN" and children(current, "poss"):
            return children(current, "poss")[0]  # "X's reasons for meeting Y": X meets
    return None


def _quote_speakers(doc: Doc) -> list[tuple[int, int, Actor]]:
    """(start, end, speaker) of each part of a direct quote whose speaker is known."""
    return [(start, end, q.speaker) for q in doc._.ng_quotes or [] if q.direct and q.speaker is not None
            for start, end in q.parts]


def _quoting_speaker(token: Token, speakers: list[tuple[int, int, Actor]]) -> Actor | None:
    """ `"I met him twice," X said`: "I" and "me" in a direct quote are its speaker."""
    if token.lower_ not in ("i", "me"):
        return None
    return next((actor for start, end, actor in speakers if start <= token.idx < end), None)


_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NOT_NAMING = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _names_someone(token: Token) -> bool:
    """A name in front of a noun that can be its agent or owner: "U.S. sanctions", not "45-minute meeting"."""
    if token.ent_type_:
        return token.ent_type_ not in _NOT_NAMING
    return token.pos_ == "PROPN"


def _owner(noun: Token) -> Token | None:
    """Whose thing a noun names: "X's assets", "the X accounts", "the assets of X"."""
    return _noun_party(noun, preposition="of")


def _noun_party(noun: Token, *, preposition: str) -> Token | None:
    """The party a noun's own words name, in this order: a possessive ("X's"), a name in front
    ("U.S. sanctions"), the object of `preposition` ("by X", "of X")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i and _names_someone(child):
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == preposition and children(child, "pobj"):
            return children(child, "pobj")[0]
    for child in noun.children:  # "Democratic allegations", "American sanctions"
        if child.dep_ == "amod" and child.i < noun.i and (child.ent_type_ == "NORP" or child.pos_ == "PROPN"):
            return child
    return None


def _object_before_for(verb: Token) -> Token | None:
    """ "criticized X for accusing Y", "thanked X for meeting Y": the object of the verb the
    for-phrase hangs on does what the gerund says."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "for":
        return None
    objects = [o for o in children(verb.head.head, "dobj") if o.i < verb.i]
    return objects[0] if objects else None


def _controlling_object(verb: Token) -> Token | None:
    """ "sent X to meet Y", "asked X to meet Y": the object of the verb an infinitive complements
    is who does it, not that verb's subject."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    objects = [o for o in children(verb.head, "dobj") if o.i < verb.i]
    if verb.dep_ == "advcl":  # "sent her aides to meet Y", but "visited Paris to meet Y": Y met the visitor
        objects = [o for o in objects if o.pos_ in ("PROPN", "PRON", "NOUN") and o.ent_type_ not in _PLACES | _NOT_NAMING
                   and not _amount(o)]
    return objects[0] if objects else None


def _amount(token: Token) -> bool:
    """ "$850m", "2bn": a number or a sum of money, not someone sent to do something ("two aides" are)."""
    return token.like_num or token.ent_type_ == "MONEY" or any(
        t.tag_ == "$" or t.ent_type_ == "MONEY" for c in token.lefts for t in c.subtree)  # "$850m": "$" under "850"


def _for_subject(verb: Token) -> Token | None:
    """ "arranged for X to meet Y": the object of "for" right before an infinitive is its subject."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and verb.head.i < prep.i < verb.i:
            objects = [o for o in children(prep, "pobj") if o.i < verb.i]
            if objects:
                return objects[0]
    return None


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


def sentence_span(args: Arguments, span: tuple[int, int]) -> tuple[int, int]:
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


def deduplicate(args: Arguments, relations: list[FoundRelation]) -> list[FoundRelation]:
    """One relation per (type, source, target, sentence): the first rule that found it."""
    seen = set()
    kept = []
    for rel in relations:
        ends = (args.identity(rel.source_actor), args.identity(rel.target_actor))
        if rel.type is RelationType.MET_WITH and rel.source_actor is not None:
            ends = frozenset(ends)
        key = (rel.type, ends, rel.sentence, rel.quote, rel.modality)
        if key not in seen:
            seen.add(key)
            kept.append(rel)
    return kept
