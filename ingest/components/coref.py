"""`newsgraph_coref`: resolve the Doc's mentions into the article's entities.

No coreference model installs offline, so this is rules on the parse:
1. names cluster by key; curated and constructed names by canonical name;
2. a single-word name joins the full name it is the surname or given name of
   (the nearest one when several people share it: "Clinton");
3. acronyms join the name they abbreviate, by initials or by definition
   ("Revolutionary Armed Forces of Colombia, or FARC"), but a dateline's agency
   never joins its place ("DALLAS (AP) —"), nor an outlet a name that is none;
4. short outlet names ("the Times") join the outlet named in full in the
   article, or the article's own outlet;
5. a less specific group joins a more specific one ("Venezuelan officers" ->
   "Venezuelan military officers"); "the officers" / "the commander" join the
   nearest group or description with that head noun (with none, "the protesters" is a
   group, "the prime minister" a described person of its own); "the government" and bare
   "ministers" the nearest government named as one ("the Blair government");
6. pronouns take the nearest compatible antecedent, preferring the subject of
   the reporting verb ("X said he ...") and then salient subjects of earlier
   sentences; a pronoun outside quotation marks never takes a name inside a
   quote of its own sentence (`"… Kashmiris," he said`), and an object pronoun never
   takes its own verb's subject ("Clinton accused him": not Clinton).
The entity's type is the weighted majority over its mentions, unless a
curated list fixes it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model.graph import EntityType
from ...model.names import initials, is_acronym, name_key
from ...model.votes import leading_type, votes_for_person
from ..lexicon import Lexicon
from .clusters import Clusters
from .syntax import Sentences, subject
from .types import PARTY_LETTER_ORIGIN, LocalEntity, Mention, MentionKind, register_extensions

_GOVERNING_STEPS = 6
# how a pronoun's clause hangs from the verb whose subject may be its antecedent
_GOVERNED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj", "relcl"})
_ACRONYM_BRIDGES = ((",", "or"), ("(",), ("’s", "("), ("'s", "("), (",", "("), ("(", "or"))
_LONGEST_BRIDGE = max(map(len, _ACRONYM_BRIDGES))


@Language.factory(
    "newsgraph_coref",
    requires=["doc._.ng_names", "doc._.ng_described", "doc._.ng_proxy_of", "doc._.ng_pronouns",
              "doc._.ng_quoted_tokens"],
    assigns=["doc._.ng_mentions", "doc._.ng_proxies", "doc._.ng_entities", "doc._.ng_mention_entity"],
    default_config={"pronoun_window_sentences": 3},
)
def make_coref(nlp: Language, name: str, pronoun_window_sentences: int) -> Coref:
    return Coref(pronoun_window_sentences=pronoun_window_sentences)


class Coref:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self, *, pronoun_window_sentences: int) -> None:
        register_extensions()
        self.pronoun_window_sentences = pronoun_window_sentences
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.government_anaphors = self.lexicon.word_list("government_heads") | {"minister"}
        self.name_suffixes = self.lexicon.word_list("name_suffixes")
        words = self.lexicon.word_list
        self.organization_ends = frozenset(words("organization_closers") | words("organization_nouns"))
        self.gendered_pronoun_vote = self.lexicon.vote_weights.gendered_pronoun
        self.typed_anaphor_vote = self.lexicon.vote_weights.typed_anaphor

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_coref needs initialize(lexicon=...) first")
        mentions, proxies = _all_mentions(doc)
        clusters = Clusters(len(mentions))
        self._cluster_by_key(mentions, clusters)
        self._attach_single_names(doc, mentions, clusters)
        self._attach_acronyms(doc, mentions, clusters)
        self._attach_name_parts(mentions, clusters)
        self._attach_short_forms(doc, mentions, clusters)
        self._merge_group_subsets(mentions, clusters)
        self._resolve_anaphors(mentions, clusters)
        self._resolve_pronouns(doc, mentions, clusters)
        entities, mention_entity = self._entities(mentions, clusters)
        doc._.ng_mentions = mentions
        doc._.ng_proxies = proxies
        doc._.ng_entities = entities
        doc._.ng_mention_entity = mention_entity
        return doc

    # ---- clustering passes ----------------------------------------------------------

    def _cluster_by_key(self, mentions: list[Mention], clusters: Clusters) -> None:
        first: dict[tuple, int] = {}
        for i, m in enumerate(mentions):
            if m.kind in (MentionKind.PRONOUN, MentionKind.ANAPHOR) or m.short_form:
                continue
            key = ("canonical", name_key(m.canonical)) if m.canonical else ("name", m.key)
            if key in first:
                clusters.union(first[key], i)
            else:
                first[key] = i
                clusters.activate(i)

    def _attach_single_names(self, doc: Doc, mentions: list[Mention], clusters: Clusters) -> None:
        """ "Maduro" -> "Nicolás Maduro"; with several candidates, the nearest one before."""
        full_names: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):  # people only: a bare "Council" is no "Citizens Action Council"
            words = [name_key(w) for w in m.text.split() if name_key(w) not in self.name_suffixes]
            if self._is_free_name(m) and len(words) >= 2 and m.is_personlike():
                full_names[words[-1]].append(i)  # "Robert Kilroy-Silk" -> "kilroy silk"
                full_names["given:" + words[0]].append(i)
        for i, m in enumerate(mentions):
            if not self._is_free_name(m) or len(m.text.split()) != 1:
                continue
            candidates = full_names.get(m.key) or full_names.get("given:" + m.key) or []
            candidates = [c for c in candidates if _same_gender(m.gender, mentions[c].gender)]  # "Mr. X" is not "Jane X"
            roots = {clusters.find(c) for c in candidates}
            if not roots:
                continue
            if len(roots) == 1:
                target = candidates[0]
            else:
                before = [c for c in candidates if mentions[c].start < m.start]
                target = before[-1] if before else candidates[0]
            clusters.move(i, target)

    def _attach_acronyms(self, doc: Doc, mentions: list[Mention], clusters: Clusters) -> None:
        names = [(i, m) for i, m in enumerate(mentions) if m.kind is MentionKind.NAME and not m.short_form]
        for (i, a), (j, b) in zip(names, names[1:]):
            if not 0 < b.start - a.end <= _LONGEST_BRIDGE:
                continue
            bridge = tuple(t.text for t in doc[a.end : b.start])
            if bridge in _ACRONYM_BRIDGES and is_acronym(doc[b.start : b.end].text) and not _apart(doc, a, b):
                if b.canonical and not a.canonical:
                    clusters.union(j, i, keep=j)
                else:
                    clusters.union(i, j, keep=i)
        by_initials: dict[str, int] = {}
        for i, m in names:
            words = doc[m.start : m.end].text.split()
            if len(words) >= 2:
                by_initials.setdefault(initials(words), i)
        for i, m in names:
            text = doc[m.start : m.end].text
            if is_acronym(text) and not m.canonical and text.replace(".", "") in by_initials:
                clusters.union(by_initials[text.replace(".", "")], i)

    def _attach_name_parts(self, mentions: list[Mention], clusters: Clusters) -> None:
        """ "the Missouri Senate ... the Senate", "Platte River Networks ... Platte River": a name
        that ends a longer organization name named before it (or, two words or more, begins it)
        joins that name's cluster; never a place ("the Bank of England ... England") or a person,
        and not when two longer names fit ("the Missouri Senate ... the U.S. Senate ... the Senate")."""
        names = [(i, m, [w for w in (name_key(t) for t in m.text.split()) if w]) for i, m in enumerate(mentions)
                 if m.kind is MentionKind.NAME and not m.short_form and clusters.find(i) is not None
                 # a person's name takes no part, except one bare word NER may have misread ("Baikal")
                 and not (m.is_personlike() and (m.fixed_type is not None or m.gender is not None or " " in m.text.strip()))
                 and not m.country and m.fixed_type is not EntityType.LOCATION and m.origin not in _PLACE_ORIGINS
                 and m.text.lower() not in self.lexicon.demonyms]
        by_word: dict[str, list[tuple[int, Mention, list[str]]]] = defaultdict(list)  # by first and last word
        for entry in names:
            if len(entry[2]) >= 2:
                for word in {entry[2][0], entry[2][-1]}:
                    by_word[word].append(entry)
        for i, m, words in names:
            if not words:
                continue
            candidates = by_word.get(words[-1], []) + by_word.get(words[0], [])
            fits = {clusters.find(j) for j, other, longer in candidates
                    if other.start < m.start and len(longer) > len(words) and not other.is_personlike()
                    and (_name_part(words, longer) or _company_short_form(words, longer, self.organization_ends))}
            if m.is_personlike() and not any(_company_short_form(words, longer, self.organization_ends)
                                             for j, _, longer in candidates if clusters.find(j) in fits):
                continue  # a lone name NER read as a person joins only a company named for it
            fits.discard(clusters.find(i))
            if len(fits) != 1:
                continue
            root, own = fits.pop(), clusters.find(i)
            members = [other for k, other in enumerate(mentions) if clusters.find(k) == own]
            if any(o.kind is MentionKind.NAME and len(o.text.split()) > len(m.text.split()) for o in members):
                continue  # "Warren" already joined "Alice Warren": not "Warren Holdings" too
            for other in members:  # the article's own longer name says which Senate it is
                other.canonical = None
            clusters.union(root, i, keep=root)

    def _attach_short_forms(self, doc: Doc, mentions: list[Mention], clusters: Clusters) -> None:
        """ "the Times" -> The New York Times when the article names it in full or is published by it."""
        outlet_names = {name_key(m.canonical): i for i, m in enumerate(mentions) if m.canonical and m.fixed_type is not None}
        own = doc._.ng_outlet
        for i, m in enumerate(mentions):
            if not m.short_form:
                continue
            candidates = [name_key(e.name) for e in self.lexicon.short_forms.get(m.key, ())]
            present = [c for c in candidates if c in outlet_names]
            if present:
                before = [c for c in present if mentions[outlet_names[c]].start < m.start]
                clusters.move(i, outlet_names[(before or present)[-1]])
            elif own is not None and name_key(own) in candidates:
                m.canonical = own
                m.key = name_key(own)
                clusters.activate(i)
            elif len(candidates) == 1:
                m.canonical = self.lexicon.short_forms[m.key][0].name
                clusters.activate(i)
            else:
                m.canonical = "The " + m.text  # "the Times" of no paper the article names: one ambiguous outlet
                clusters.activate(i)
        # later mentions of the same unresolved short form join the first one
        first: dict[str, int] = {}
        for i, m in enumerate(mentions):
            if m.short_form and clusters.find(i) == i:
                if m.key in first:
                    clusters.union(first[m.key], i)
                else:
                    first[m.key] = i

    def _merge_group_subsets(self, mentions: list[Mention], clusters: Clusters) -> None:
        """ "Venezuelan officers" joins "Venezuelan military officers" in the same article."""
        groups = [i for i, m in enumerate(mentions) if m.kind is MentionKind.GROUP and m.canonical and clusters.find(i) == i]
        for i in groups:
            words_i = set(mentions[i].key.split())
            supersets = [
                j for j in groups
                if j != i and mentions[j].head_lemma == mentions[i].head_lemma
                and mentions[j].country == mentions[i].country
                and words_i < set(mentions[j].key.split())
            ]
            if len(supersets) == 1:
                clusters.union(supersets[0], i, keep=supersets[0])

    def _resolve_anaphors(self, mentions: list[Mention], clusters: Clusters) -> None:
        """ "the officers" -> the group with that head; "the firm" -> the last organization named;
        "the president" -> the last person named with that role or title anywhere in the article."""
        roles: dict[int, set[str]] = defaultdict(set)
        for j, other in enumerate(mentions):
            if other.kind is MentionKind.NAME and clusters.find(j) is not None:
                roles[clusters.find(j)].update(other.roles)
        for i, m in enumerate(mentions):
            if m.kind is not MentionKind.ANAPHOR:
                continue
            if m.head_lemma in self.government_anaphors and EntityType.GOVERNMENT in (m.anaphor_types or ()):
                governing = self._governing_antecedent(i, mentions, clusters)
                if governing is not None:  # "the government", "ministers": a government, not a parliament
                    clusters.move(i, governing)
                    continue
                country = self._country_in_view(i, mentions, clusters)
                if country is not None:  # "the Commons … ministers": the UK's government, not the Commons
                    self._to_country_government(i, country, mentions, clusters)
                    continue
            for j in range(i - 1, -1, -1):
                other = mentions[j]
                if clusters.find(j) is None:
                    continue
                if m.anaphor_types:
                    fits = other.kind is MentionKind.NAME and _mention_type(other) in m.anaphor_types
                else:  # "the officers" -> that group; "the new chairman" -> "chairman Guy Mansfield"
                    fits = (other.kind in (MentionKind.GROUP, MentionKind.DESCRIPTION) and other.head_lemma == m.head_lemma) or (
                        other.kind is MentionKind.NAME and m.head_lemma in roles[clusters.find(j)]
                    )
                if fits:
                    clusters.move(i, j)
                    break
            else:
                if not m.anaphor_types:  # "the protesters", "the prime minister" no one named before is: their own
                    m.kind = MentionKind.GROUP if m.plural else MentionKind.DESCRIPTION
                    m.canonical = m.text
                    m.fixed_type = EntityType.ORGANIZATION if m.plural else EntityType.PERSON
                    clusters.activate(i)

    def _governing_antecedent(self, i: int, mentions: list[Mention], clusters: Clusters) -> int | None:
        """The nearest government named as one before mention `i` ("the Blair government", "the
        US administration"), preferred over agencies and legislatures typed Government."""
        for j in range(i - 1, -1, -1):
            if clusters.find(j) is not None and mentions[j].origin == "pattern:government":
                return j
        return None

    def _country_in_view(self, i: int, mentions: list[Mention], clusters: Clusters) -> str | None:
        """The country of the nearest country, capital or curated state body named before mention `i`."""
        for j in range(i - 1, -1, -1):
            m = mentions[j]
            if clusters.find(j) is None or m.kind is not MentionKind.NAME:
                continue
            if m.fixed_type is EntityType.LOCATION and m.country is not None:
                return m.country
            known = self.lexicon.known.get(name_key(m.canonical)) if m.canonical else None
            if known is not None and known.type is EntityType.GOVERNMENT and known.country is not None:
                return known.country
        return None

    def _to_country_government(self, i: int, country: str, mentions: list[Mention], clusters: Clusters) -> None:
        """Mention `i` names `country`'s government: joins it when named, else stands for it."""
        government = self.lexicon.countries[name_key(country)].government
        key = name_key(government)
        named = next((j for j, m in enumerate(mentions) if m.canonical and name_key(m.canonical) == key
                      and clusters.find(j) is not None), None)
        if named is not None:
            clusters.move(i, named)
            return
        m = mentions[i]  # an anaphor still (no pronoun takes it), now with a name of its own
        m.canonical, m.fixed_type, m.country = government, EntityType.GOVERNMENT, country
        clusters.activate(i)

    def _resolve_pronouns(self, doc: Doc, mentions: list[Mention], clusters: Clusters) -> None:
        by_head = {m.head: i for i, m in enumerate(mentions) if m.kind is not MentionKind.PRONOUN}
        facts = _cluster_facts(mentions, clusters)
        sentences = Sentences(doc)
        quoted = doc._.ng_quoted_tokens or frozenset()  # someone else's words
        for i, m in enumerate(mentions):
            if m.kind is not MentionKind.PRONOUN or _is_expletive(doc[m.head]):
                continue
            target = self._antecedent(doc, i, mentions, clusters, by_head, facts, sentences, quoted)
            if target is not None:
                clusters.move(i, target)

    def _antecedent(
        self, doc: Doc, index: int, mentions: list[Mention], clusters: Clusters,
        by_head: dict[int, int], facts: dict[int, tuple[bool, str | None]], sentences: Sentences,
        quoted: frozenset[int],
    ) -> int | None:
        pronoun = mentions[index]
        token = doc[pronoun.head]
        sentence = sentences.of(token.i)
        outside = pronoun.head not in quoted

        excluded = self._co_arguments(token, mentions, clusters)

        def fits(j: int) -> bool:
            root = clusters.find(j)
            if root in excluded:
                return False  # "Clinton accused him": not Clinton; "it accused the FDIC": not the FDIC
            if outside and mentions[j].head in quoted and mentions[j].start >= sentence.start:
                return False  # `"… the lives of Kashmiris," he said`: not them
            return root is not None and root in facts and _compatible(pronoun, mentions[j], *facts[root])

        # "In his meeting with X, Y said": a possessive in a phrase before its clause's subject is that subject's
        fronted = _fronted_phrase_subject(token)
        if fronted is not None and fronted.i in by_head and fits(by_head[fronted.i]):
            return by_head[fronted.i]
        # "X said he ...", "X says she liked Y's idea, which she calls …": the subject of a verb
        # the pronoun's clause hangs from (reported, framed, or a clause inside one of its phrases)
        verb = token.head
        for _ in range(_GOVERNING_STEPS):
            if verb.dep_ not in _GOVERNED_DEPS or verb.head.i == verb.i:
                break
            verb = verb.head
            for child in verb.children:
                if child.dep_ != "nsubj" or child.i >= token.i or child.i not in by_head:
                    continue
                j = by_head[child.i]
                if mentions[j].kind is MentionKind.ANAPHOR and clusters.find(j) is not None:
                    j = clusters.find(j)  # "the president told X that he …": whom "the president" stands for
                if fits(j):
                    return j
        def second_choice(j: int) -> bool:
            """ "they" is a group before it is an organization."""
            return pronoun.plural and not (mentions[j].plural or mentions[j].kind is MentionKind.GROUP)

        starts = [m.start for m in mentions]  # in text order: a sentence's mentions are one run of them
        same = [j for j in range(bisect_left(starts, sentence.start), index)
                if mentions[j].kind is not MentionKind.PRONOUN and fits(j)]
        if same:
            return max(same, key=lambda j: (not second_choice(j), j))
        previous = sentence.start - 1
        for _ in range(self.pronoun_window_sentences):
            if previous < 0:
                break
            sent = sentences.of(previous)
            candidates = [j for j in range(bisect_left(starts, sent.start), bisect_left(starts, sent.end)) if fits(j)]
            if candidates:
                return min(candidates, key=lambda j: (second_choice(j), _salience(doc, mentions[j])))
            previous = sent.start - 1
        return None

    @staticmethod
    def _co_arguments(token: Token, mentions: list[Mention], clusters: Clusters) -> set[int]:
        """The clusters a pronoun cannot stand for because they are other arguments of its verb: the
        subject of the verb an object pronoun hangs from ("X accused him", "X met her" do not mean X;
        "himself" would), and the objects of the verb a subject pronoun is the subject of ("it accused
        the FDIC", "he met with Obama", "she was praised by Obama" do not mean them)."""
        if token.lower_.endswith(("self", "selves")):
            return set()
        verb = token.head
        if token.dep_ in ("dobj", "dative"):
            found = subject(verb)
            arguments = [found] if found is not None else []
        elif token.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            arguments = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            arguments += [o for c in verb.children if c.dep_ in ("prep", "agent") for o in c.children if o.dep_ == "pobj"]
        else:
            return set()
        excluded: set[int] = set()
        for argument in arguments:
            at = next((k for k, m in enumerate(mentions) if m.start <= argument.i < m.end
                       and m.kind is not MentionKind.PRONOUN), None)
            if at is not None and clusters.find(at) is not None:
                excluded.add(clusters.find(at))
        return excluded

    # ---- entities -------------------------------------------------------------------

    def _entities(self, mentions: list[Mention], clusters: Clusters) -> tuple[list[LocalEntity], list[int | None]]:
        members: dict[int, list[int]] = defaultdict(list)
        for i in range(len(mentions)):
            root = clusters.find(i)
            if root is not None:
                members[root].append(i)
        entities: list[LocalEntity] = []
        mention_entity: list[int | None] = [None] * len(mentions)
        for root in sorted(members, key=lambda r: min(members[r])):
            indices = sorted(members[root])
            named = [mentions[i] for i in indices if mentions[i].kind is not MentionKind.PRONOUN]
            if not named or all(m.kind is MentionKind.ANAPHOR and not m.canonical for m in named):
                continue  # anaphors nothing resolved
            entity = self._entity(len(entities), indices, named, mentions)
            for i in indices:
                mention_entity[i] = entity.index
            entities.append(entity)
        return entities, mention_entity

    def _entity(self, index: int, indices: list[int], named: list[Mention], mentions: list[Mention]) -> LocalEntity:
        votes: Counter[EntityType] = Counter()
        for m in named:
            votes.update(m.votes)
        for i in indices:
            if mentions[i].kind is MentionKind.PRONOUN and mentions[i].gender in ("m", "f"):
                votes[EntityType.PERSON] += self.gendered_pronoun_vote
            if mentions[i].kind is MentionKind.ANAPHOR and len(mentions[i].anaphor_types) == 1:
                votes[mentions[i].anaphor_types[0]] += self.typed_anaphor_vote  # "Titan ... the company"
        fixed = [m.fixed_type for m in named if m.fixed_type is not None]
        if fixed:
            entity_type = Counter(fixed).most_common(1)[0][0]
        elif votes:
            entity_type = leading_type(votes)
        else:
            entity_type = EntityType.ORGANIZATION
        canonical = [m.canonical for m in named if m.canonical]
        texts = [m.text for m in named if m.kind is MentionKind.NAME]
        if canonical:
            counts = Counter(canonical)  # the fullest form: "Venezuelan military officers" over "Venezuelan officers"
            name = max(counts, key=lambda n: (len(n.split()), counts[n], -canonical.index(n)))
        else:
            counts = Counter(texts)
            name = max(counts, key=lambda t: (len(t.split()), counts[t], -texts.index(t)))
        # an anaphor given a curated name ("ministers" -> "British government") names its entity
        kinds = {MentionKind.NAME if m.kind is MentionKind.ANAPHOR and m.canonical else m.kind for m in named}
        kind = MentionKind.NAME if MentionKind.NAME in kinds else MentionKind.GROUP if MentionKind.GROUP in kinds else MentionKind.DESCRIPTION
        aliases = {t for t in texts if name_key(t) != name_key(name)}
        entity = LocalEntity(
            index=index, name=name, type=entity_type, kind=kind, mentions=indices, key=name_key(name),
            aliases=aliases, votes=dict(votes), fixed_type=bool(fixed),
        )
        if entity_type is EntityType.PERSON and kind is MentionKind.NAME:
            words = [w for w in name.split() if name_key(w) not in self.name_suffixes]
            if len(words) >= 2:
                entity.given_name, entity.surname = words[0], words[-1]
            entity.gender = _gender(named, [mentions[i] for i in indices if mentions[i].kind is MentionKind.PRONOUN])
        return entity

    def _is_free_name(self, m: Mention) -> bool:
        return m.kind is MentionKind.NAME and m.fixed_type is None and not m.short_form


def _all_mentions(doc: Doc) -> tuple[list[Mention], dict[int, int]]:
    """The article's names, described mentions and pronouns in text order (copies: clustering
    gives some a canonical name), and each proxy token's mention index."""
    found = sorted([*(doc._.ng_names or []), *(doc._.ng_described or []), *(doc._.ng_pronouns or [])],
                   key=lambda m: (m.start, m.end))
    index = {id(m): i for i, m in enumerate(found)}
    proxies = {token: index[id(m)] for token, m in (doc._.ng_proxy_of or {}).items()}
    return [Mention(**vars(m)) for m in found], proxies  # a copy of the fields, without dataclasses.replace's checks


_PLACE_ORIGINS = frozenset({"ner:GPE", "ner:LOC", "ner:FAC"})
_BEFORE_A_TAIL = frozenset({"of", "for", "and", "the", "on", "in", "at"})  # "Bank of England": "England" is no part


def _name_part(words: list[str], longer: list[str]) -> bool:
    """`words` end `longer` (not after "of", "and" ...), or begin it with two words or more."""
    n = len(words)
    if longer[-n:] == words and longer[-n - 1] not in _BEFORE_A_TAIL:
        return True
    return n >= 2 and longer[:n] == words


def _company_short_form(words: list[str], longer: list[str], organization_ends: frozenset[str]) -> bool:
    """ "Baikal" of "Baikal Finance Group", "Yukos" of "Yukos Oil Company": one word that begins
    a name ending in an organization word."""
    return len(words) == 1 and longer[0] == words[0] and longer[-1] in organization_ends


def _gender(named: list[Mention], pronouns: list[Mention]) -> str | None:
    """m / f from the names' titles and given names; failing those, from he / she when at least
    two thirds of the gendered pronouns agree."""
    genders = Counter(m.gender for m in named if m.gender in ("m", "f"))
    if genders:
        return genders.most_common(1)[0][0]
    said = Counter(p.gender for p in pronouns if p.gender in ("m", "f"))
    if said and 3 * said.most_common(1)[0][1] >= 2 * sum(said.values()):
        return said.most_common(1)[0][0]
    return None


def _mention_type(mention: Mention) -> EntityType | None:
    if mention.fixed_type is not None:
        return mention.fixed_type
    if not mention.votes:
        return None
    return leading_type(mention.votes)


def _salience(doc: Doc, mention: Mention) -> tuple[int, int]:
    """Lower is more salient: the main clause's subject, then other subjects, then the rest."""
    head = doc[mention.head]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
        return (0, mention.start)
    if head.dep_ in ("nsubj", "nsubjpass"):
        return (1, mention.start)
    return (2, -mention.start)


def _apart(doc: Doc, name: Mention, acronym: Mention) -> bool:
    """ "DALLAS (AP) —", "Paris (AFP)": a dateline's place and its agency, never one entity; nor is
    any outlet the same as a name that is no outlet, nor a curated place anything else; nor a
    politician and the party letter after the name ("Jo Roe (R-Tex.)")."""
    if acronym.origin == PARTY_LETTER_ORIGIN:
        return True
    kinds = {name.fixed_type, acronym.fixed_type}
    if kinds & {EntityType.OUTLET, EntityType.LOCATION} and len(kinds) > 1:
        return True
    after = doc[acronym.end + 1] if acronym.end + 1 < len(doc) else None
    starts_line = name.start == 0 or "\n" in doc[name.start - 1].text_with_ws
    return starts_line and after is not None and doc[acronym.end].text == ")" and after.text in ("—", "–", "-", "--")


def _same_gender(a: str | None, b: str | None) -> bool:
    return a not in ("m", "f") or b not in ("m", "f") or a == b


def _fronted_phrase_subject(token: Token) -> Token | None:
    """The subject after a phrase opening its clause, for a possessive in that phrase: "In his
    meeting with X, Y said", "Before her talks with X, Y …" -> Y."""
    if token.dep_ != "poss":
        return None
    word = token.head
    for _ in range(4):
        if word.dep_ not in ("pobj", "prep") or word.head.i == word.i:
            return None
        if word.dep_ == "prep" and word.head.pos_ in ("VERB", "AUX"):
            subject_token = next((c for c in word.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subject_token if subject_token is not None and word.i < subject_token.i else None
        word = word.head
    return None


def _is_expletive(token: Token) -> bool:
    if token.lower_ != "it":
        return False
    verb = token.head
    return token.dep_ == "expl" or (
        (verb.lemma_ == "be" or verb.lower_ in ("'s", "’s"))  # the model leaves "it’s" unlemmatized
        and any(c.dep_ in ("ccomp", "xcomp", "acomp") for c in verb.children)
    )


def _cluster_facts(mentions: list[Mention], clusters: Clusters) -> dict[int, tuple[bool, str | None]]:
    """Per cluster root: (is it a person, its gender), from its non-pronoun mentions."""
    votes: dict[int, Counter[EntityType]] = defaultdict(Counter)
    fixed: dict[int, EntityType] = {}
    described: set[int] = set()
    genders: dict[int, Counter[str]] = defaultdict(Counter)
    for i, m in enumerate(mentions):
        root = clusters.find(i)
        if root is None or m.kind in (MentionKind.PRONOUN, MentionKind.ANAPHOR):
            continue
        votes[root].update(m.votes)
        if m.fixed_type is not None:
            fixed.setdefault(root, m.fixed_type)
        if m.kind is MentionKind.DESCRIPTION:
            described.add(root)
        if m.gender in ("m", "f"):
            genders[root][m.gender] += 1
    facts = {}
    for root, counter in votes.items():
        if root in fixed:
            person = fixed[root] is EntityType.PERSON
        else:
            person = root in described or votes_for_person(counter)
        gender = genders[root].most_common(1)[0][0] if genders[root] else None
        facts[root] = (person, gender)
    return facts


def _compatible(pronoun: Mention, candidate: Mention, person: bool, gender: str | None) -> bool:
    """Can `pronoun` refer to `candidate`, whose cluster is (person, gender)?"""
    if candidate.kind in (MentionKind.ANAPHOR, MentionKind.PRONOUN):
        return False
    if pronoun.plural:  # "they": a group, or an organization ("The Lib Dems … They said")
        return candidate.plural or candidate.kind is MentionKind.GROUP or (
            candidate.kind is MentionKind.NAME and not person
            and candidate.fixed_type in (EntityType.ORGANIZATION, EntityType.GOVERNMENT)
        )
    if pronoun.gender is None:  # it / its: a singular organization, government or outlet; "its" a country's too
        return (  # ("Japan lifted its sanctions"; a bare "it" is more often a thing than a country)
            not candidate.plural and not person and candidate.kind is MentionKind.NAME
            and (candidate.fixed_type is not EntityType.LOCATION
                 or (candidate.country is not None and pronoun.text.lower() == "its"))
        )
    if candidate.plural or not person:
        return False
    return (candidate.gender or gender) in (None, "u", pronoun.gender)
