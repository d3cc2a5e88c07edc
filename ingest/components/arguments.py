"""From a token in the parse to the actor it names, for quotes and relations: lookups only.

A token names an entity when it lies in one of the Doc's mentions, or stands
for one (a proxy: "officials" in "Trump administration officials"). A report
noun stands for its author ("a report in the Associated Press" -> AP). A
place acting ("Washington accused ...", "Beijing said") stands for its
country's government: the actor says so (`Actor.state`), and newsgraph_state_actors,
after quotes and relations, makes the government an entity and the mention its own.
Nothing here changes the Doc.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model.graph import EntityType
from ...model.names import name_key
from ..lexicon import Lexicon
from .syntax import Sentences, children, doc_text, subject
from .types import Actor, LocalEntity, Mention, MentionKind

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.GOVERNMENT, EntityType.ORGANIZATION, EntityType.OUTLET})


class Arguments:
    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # joined once per Doc (spaCy joins Doc.text anew on every access)
        self.lexicon = lexicon
        self.mentions: list[Mention] = doc._.ng_mentions or []
        self.entities: list[LocalEntity] = doc._.ng_entities or []
        self.mention_entity: list[int | None] = doc._.ng_mention_entity or []
        self.proxies: dict[int, int] = doc._.ng_proxies or {}
        self.governments = {e.key: e.index for e in self.entities if e.type is EntityType.GOVERNMENT}
        self.report_nouns = lexicon.word_list("report_nouns")
        self.person_roles = lexicon.word_list("person_role_heads")
        self.sentences = Sentences(doc)
        self.by_token: dict[int, int] = {}
        for i, m in enumerate(self.mentions):
            for t in range(m.start, m.end):
                if t not in self.by_token or self.mentions[self.by_token[t]].head != t:
                    self.by_token[t] = i

    def mention_at(self, token: Token) -> int | None:
        if token.i in self.proxies:
            return self.proxies[token.i]
        return self.by_token.get(token.i)

    def actor_at(self, token: Token) -> Actor | None:
        """The actor `token` names when it acts (speaks, meets, sanctions, accuses)."""
        mention = self.mention_at(token)
        if mention is None:
            if token.lemma_.lower() in self.report_nouns:
                return self.report_author(token)
            return None
        entity = self.mention_entity[mention]
        if entity is None:
            return None
        if self.entities[entity].type is EntityType.LOCATION:
            return self._state_acting(entity, mention)
        return Actor(entity, mention) if self.entities[entity].type in ACTOR_TYPES else None

    def acting_type(self, actor: Actor) -> EntityType:
        """The type an actor acts as: a place acting is a government."""
        return EntityType.GOVERNMENT if actor.state is not None else self.entities[actor.entity].type

    def identity(self, actor: Actor | None) -> object:
        """What makes two actors the same one: their entity, or for a place acting the
        government it stands for (the one the article names, else the country's)."""
        if actor is None or actor.state is None:
            return None if actor is None else actor.entity
        key = name_key(actor.state)
        return self.governments.get(key, key)

    def speaker_of(self, verb: Token) -> Token | None:
        """Who speaks with `verb`: its own subject ("who" -> the noun it describes); the
        agent of a passive; a mention right after a comma before the verb, where the parse
        lost the subject ("..., the Times reported"), or the object of a verb right after
        a quote (`"…," added a Democrat`), or the noun a relative clause right before the
        verb describes; else a subject shared from above."""
        # two subjects is a parse error (`"The fact that …," X said`, "the commander who was
        # present for the talks said"): one that names someone or a role, else the nearest
        own = sorted(children(verb, "nsubj"), key=lambda t: (
            self.mention_at(t) is None, t.lemma_.lower() not in self.person_roles, abs(t.i - verb.i)))
        passive = bool(children(verb, "auxpass", "nsubjpass"))
        if own and not passive:
            speaker = own[0]
            if speaker.tag_ in ("WP", "WDT") and speaker.head.dep_ == "relcl":
                return speaker.head.head
            return self._name_after_title(speaker) or self._appositive_name(speaker) or speaker
        if passive:
            return subject(verb)
        inverted = self._mention_before(verb) or _object_after_quote(verb)
        if inverted is not None:
            return self._appositive_name(inverted) or inverted
        described = _relative_clause_head_before(verb)
        if described is not None:
            return described
        if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj") and self.mention_at(verb.head) is None:
            # "issued a statement saying", "emailed supporters saying": the one who issued it speaks
            governor = verb.head.head
            while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
                governor = governor.head
            if governor.pos_ in ("VERB", "AUX"):
                return self.speaker_of(governor)
        return subject(verb)

    def _appositive_name(self, token: Token) -> Token | None:
        """ "Clinton's introducer, actress Jamie Lee Curtis, said": the name a description stands beside."""
        if self.mention_at(token) is not None:
            return None
        return next((c for c in token.children if c.dep_ == "appos" and self.mention_at(c) is not None), None)

    def _name_after_title(self, token: Token) -> Token | None:
        """ `said Air Force 1st Lt. Rosa Ibarra` parsed with "1st" as the subject: the name
        the title in front of it belongs to."""
        if self.mention_at(token) is not None:
            return None
        i, titles = token.i + 1, name_key(token.text) in self.lexicon.titles
        while i < min(token.i + 4, len(self.doc)):
            word = self.doc[i].text
            if word != "." and name_key(word) not in self.lexicon.titles:
                break
            titles = titles or word != "."
            i += 1
        mention = self.by_token.get(i) if titles and i < len(self.doc) else None
        if mention is None or self.mentions[mention].start != i:
            return None
        return self.doc[self.mentions[mention].head]

    def _mention_before(self, verb: Token) -> Token | None:
        """A name right before a verb the parse left without a subject, opening its phrase:
        "…, the Times reported", "her adviser, Jake Sullivan, said", "screenwriter Cole Haddon wrote"."""
        before = verb.i - 1
        while before >= 0 and self.doc[before].pos_ == "ADV":
            before -= 1
        comma = before >= 0 and self.doc[before].text == "," and verb.tag_ in ("VBD", "VBZ", "VBP")
        if comma:  # a finite verb: "her adviser, Jake Sullivan, said"; not "his rival, Clinton, saying"
            before -= 1
        mention = self.by_token.get(before) if before >= 0 else None
        if mention is None or self.mentions[mention].end != before + 1:
            return None
        first = self.mentions[mention].start
        while first > 0 and self.doc[first - 1].lower_ in ("the", "a", "an"):
            first -= 1
        lowered = 0  # role words in front of the name: "screenwriter", "former aide"
        while not comma and lowered < _ROLE_WORDS and first > 0 and _role_word(self.doc[first - 1]):
            first, lowered = first - 1, lowered + 1
        if first == 0 or self.doc[first - 1].is_punct:
            return self.doc[self.mentions[mention].head]
        return None

    def report_author(self, noun: Token) -> Actor | None:
        """ "a report in the Associated Press", "the Times report", "Woodward's book", "the lawsuit,
        filed by X," -> the author."""
        for child in noun.children:
            if child.dep_ in ("poss", "compound") and child.i < noun.i:
                named = [child]
            elif child.dep_ == "prep" and child.lower_ in ("in", "by", "from"):
                named = children(child, "pobj")
            elif child.dep_ == "acl" and child.tag_ == "VBN":  # "filed by X", "written by X"
                named = [o for agent in children(child, "agent") for o in children(agent, "pobj")]
            else:
                continue
            entity = next((e for e in map(self.actor_at, named) if e is not None), None)
            if entity is not None:
                return entity
        return None

    def _state_acting(self, place: int, mention_index: int) -> Actor | None:
        """A place that acts is its country's government ("Washington accused …"), and so is a
        pronoun standing for it ("Japan lifted its sanctions")."""
        country = self.mentions[mention_index].country
        if country is None and self.mentions[mention_index].kind is MentionKind.PRONOUN:
            country = next((self.mentions[i].country for i in self.entities[place].mentions
                            if self.mentions[i].country is not None), None)
        if country is None:
            return None
        return Actor(place, mention_index, state=self.lexicon.countries[name_key(country)].government)


_ROLE_WORDS = 3
_FUNCTION_POS = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "ADV", "NUM"})
_CLOSING_MARKS = frozenset({"”", "’", '"', "'", "''"})
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "give", "inform", "assure", "remind", "warn", "urge"})


def _role_word(token: Token) -> bool:
    """A lower-case content word that is no past or -ing verb ("screenwriter", tagged VBP or not)."""
    return token.is_lower and token.is_alpha and token.pos_ not in _FUNCTION_POS and token.tag_ not in ("VBD", "VBG", "VBN")


def _relative_clause_head_before(verb: Token) -> Token | None:
    """ "a White House official who spoke anonymously to discuss strategy said", the
    subject parsed elsewhere: the noun a relative clause describes when that clause ends
    right before the subject-less verb."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    for token in (before, *before.ancestors):
        if token.dep_ == "relcl" and token.head.i < token.i and token.right_edge.i == verb.i - 1:
            head = token.head
            while head.dep_ == "appos" and head.head.i < head.i:  # "Hal Brenner, the pollster who …"
                head = head.head
            return head if head.pos_ in ("NOUN", "PROPN") else None
    return None


def _object_after_quote(verb: Token) -> Token | None:
    """ `"…," added another New Hampshire Democrat`, `"…," read the email`: an inverted speaker
    the parse took for the object of a verb (finite, or tagged as a base form like "read") that
    has no subject and follows the quote."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VB") or verb.dep_ == "conj" or verb.lemma_.lower() in _ADDRESSEE_VERBS \
            or verb.i == 0:
        return None  # "He stood up, thanked the crowd": the shared subject thanks
    before = verb.doc[verb.i - 1]
    if before.text not in _CLOSING_MARKS:
        return None
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if objects else None
