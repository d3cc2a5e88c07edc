"""`newsgraph_described`: groups and people the article describes instead of naming.

Described groups and people ("rebellious military officers from Venezuela", "a former
Venezuelan military commander", "one of the military commanders", "American officials" as
the state acting, "the Venezuelan military" as an institution), anaphoric descriptions
("the officers", "the firm", "the government", a spokesman standing for his organization).
Nouns that stand for an entity already mentioned ("Trump administration officials",
"members of the Venezuelan military") are recorded as proxies: token -> the mention they
stand for.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model.graph import EntityType
from ...model.names import clean_display, name_key
from ...model.votes import leading_type
from ..lexicon import Lexicon
from .mention_search import new_mention, strip_determiner, tokens_with, word_hashes
from .syntax import children
from .types import Mention, MentionKind, register_extensions


@Language.factory(
    "newsgraph_described",
    requires=["doc._.ng_names", "token.dep", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.ng_described", "doc._.ng_proxy_of"],
    default_config={},
)
def make_described_finder(nlp: Language, name: str) -> DescribedFinder:
    return DescribedFinder()


class DescribedFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        words = self.lexicon.word_list
        self.determiners = words("determiners")
        self.group_heads = words("group_heads")
        self.member_heads = words("member_heads")
        self.person_role_heads = words("person_role_heads")
        self.organization_nouns = words("organization_nouns")
        self.outlet_nouns = words("outlet_nouns")
        self.institution_heads = words("institution_heads")
        self.government_heads = words("government_heads")
        self.role_modifiers = words("role_modifiers")
        self.group_role_modifiers = words("group_role_modifiers")
        self.keep_modifiers = words("description_keep_modifiers")
        self.anaphor_adjectives = words("anaphor_adjectives")
        self.member_prepositions = words("member_prepositions")
        self.unnamed_voices = words("unnamed_voices")
        # words that can head a described mention: only their tokens are looked at
        self.institution_words = word_hashes(phrase.split()[-1] for phrase in self.institution_heads)
        self.described_words = word_hashes(
            self.member_heads | self.group_heads | self.person_role_heads | self.organization_nouns
            | self.outlet_nouns | self.government_heads | self.unnamed_voices | {"one", "minister"}
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_described needs initialize(lexicon=...) first")
        covered = {i: m for m in doc._.ng_names or [] for i in range(m.start, m.end)}
        proxies: dict[int, Mention] = {}
        doc._.ng_described = self._described_mentions(doc, covered, proxies)
        doc._.ng_proxy_of = proxies
        return doc

    def _described_mentions(self, doc: Doc, covered: dict[int, Mention], proxies: dict[int, Mention]) -> list[Mention]:
        """Institutions, then groups, people and anaphors; `proxies` gets the nouns that stand for a mention."""
        found: list[Mention] = []
        by_head: dict[int, Mention] = {}
        # institutions first, so "members of the Venezuelan military" can point at them
        for token in tokens_with(doc, self.institution_words):
            if token.i not in covered and token.pos_ in ("NOUN", "PROPN"):
                mention = self._institution(doc, token)
                if mention is not None:
                    found.append(mention)
                    by_head[token.i] = mention
        described: set[int] = {i for m in found for i in range(m.start, m.end)}
        for token in tokens_with(doc, self.described_words):
            if token.i in covered or token.i in described or token.pos_ not in ("NOUN", "PROPN", "NUM"):
                continue
            target = self._member_of(doc, token, covered, by_head)
            if target is not None:
                proxies[token.i] = target
                continue
            if token.dep_ == "compound" and token.head.i in covered and covered[token.head.i].kind is MentionKind.NAME:
                continue  # "Tory leader Michael Howard": a role written as a title of the name, no one else
            mention = (
                self._state_officials(doc, token)
                or self._partitive(doc, token)
                or self._group_or_description(doc, token)
                or self._typed_anaphor(doc, token)
            )
            if mention is not None:
                found.append(mention)
                by_head[token.i] = mention
                described.update(range(mention.start, mention.end))
        return found

    def _qualifiers(self, doc: Doc, head: Token):
        """(nationality, org token, role words, kept modifiers) modifying `head`.

        The nationality is a (display text, country or None) pair: "Venezuelan"
        -> Venezuela; "Latin American" (a NORP phrase that is no country) -> None;
        "officers from Venezuela" -> Venezuela.
        """
        nationality, org_token, roles, keep = None, None, [], []
        premodifiers = doc[head.left_edge.i : head.i]
        norp = [t for t in premodifiers if t.ent_type_ == "NORP" or t.lower_ in self.lexicon.demonyms]
        if norp:
            phrase = doc[norp[0].i : norp[-1].i + 1].text
            country = self.lexicon.demonyms.get(phrase.lower())
            nationality = (country.demonyms[0] if country else clean_display(phrase), country)
        else:
            for token in premodifiers:
                key = name_key(token.text)
                if key in self.lexicon.countries and key not in self.lexicon.capitals:
                    country = self.lexicon.countries[key]
                    nationality = (country.demonyms[0], country)
        for child in head.lefts:
            if child.dep_ not in ("amod", "compound", "nmod", "poss") or child in norp:
                continue
            lemma = child.lemma_.lower()
            if child.ent_type_ in ("ORG", "GPE", "PERSON") or (child.is_title and child.pos_ == "PROPN"):
                if nationality is None or name_key(child.text) not in self.lexicon.countries:
                    org_token = child
            elif lemma in self.keep_modifiers:
                keep.append(child.lower_)
            elif lemma in self.role_modifiers or child.lower_ in self.role_modifiers:
                roles.append(child.lower_)
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                for obj in children(prep, "pobj"):
                    key = name_key(obj.text)
                    if key in self.lexicon.countries:
                        country = self.lexicon.countries[key]
                        nationality = (country.demonyms[0], country)
                    elif prep.lower_ == "of":
                        org_token = obj
        return nationality, org_token, roles, keep

    def _institution(self, doc: Doc, token: Token) -> Mention | None:
        compound = " ".join(c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN")
        phrase = f"{compound} {token.lower_}".strip()
        if phrase not in self.institution_heads and token.lower_ not in self.institution_heads:
            return None
        nationality, _, _, _ = self._qualifiers(doc, token)
        if nationality is None:
            return None
        name = phrase if phrase in self.institution_heads else token.lower_
        canonical = f"{nationality[0]} {name}"
        start = min(c.i for c in token.lefts) if any(True for _ in token.lefts) else token.i
        start, _ = strip_determiner(doc, start, token.i + 1, self.determiners)
        mention = new_mention(doc, start, token.i + 1, MentionKind.GROUP, canonical, origin="group:institution")
        mention.fixed_type = EntityType.ORGANIZATION
        mention.canonical = canonical
        mention.country = nationality[1].name if nationality[1] else None
        mention.head_lemma = name
        return mention

    def _member_of(self, doc: Doc, token: Token, covered: dict[int, Mention], by_head: dict[int, Mention]) -> Mention | None:
        """ "Trump administration officials", "members of the Venezuelan military", "a White House
        spokesman"; "Trump officials" when the article names a "Trump administration"."""
        if token.lower_ not in self.member_heads:
            return None
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod") and child.i < token.i and child.i in covered:
                target = self._organization_behind(covered[child.i], covered)
                if target is not None:
                    return target
            if child.dep_ == "prep" and child.lower_ in self.member_prepositions:
                for obj in children(child, "pobj"):
                    if obj.i in by_head:
                        return by_head[obj.i]
                    if obj.i in covered:
                        target = self._organization_behind(covered[obj.i], covered)
                        if target is not None:
                            return target
        return None

    def _organization_behind(self, mention: Mention, covered: dict[int, Mention]) -> Mention | None:
        """The organization a name stands for: itself if curated as one, else "<name> administration"."""
        if mention.fixed_type in (EntityType.GOVERNMENT, EntityType.ORGANIZATION, EntityType.OUTLET):
            return mention
        if mention.fixed_type is None and mention.votes and leading_type(mention.votes) in (
                EntityType.GOVERNMENT, EntityType.ORGANIZATION):
            return mention  # a name its words make an organization: "Acme's management"
        if mention.fixed_type is None:
            for other in covered.values():
                if other.origin == "pattern:government" and other.canonical and name_key(other.canonical).startswith(mention.key + " "):
                    return other
        return None

    def _state_officials(self, doc: Doc, token: Token) -> Mention | None:
        """ "American officials", "U.S. officials": the state itself acting."""
        if token.lower_ not in self.member_heads or token.tag_ not in ("NNS", "NNPS"):
            return None
        nationality, org_token, roles, _ = self._qualifiers(doc, token)
        if nationality is None or nationality[1] is None or roles or org_token is not None:
            return None
        country = nationality[1]
        start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")])
        surface = clean_display(doc[start : token.i + 1].text)
        mention = new_mention(doc, start, token.i + 1, MentionKind.NAME, surface, origin="group:state_officials")
        mention.head = token.i
        mention.fixed_type = EntityType.GOVERNMENT
        mention.canonical = country.government
        mention.country = country.name
        mention.plural = True
        return mention

    def _partitive(self, doc: Doc, token: Token) -> Mention | None:
        """ "one of the military commanders involved in the talks" -> a commander."""
        if token.lower_ != "one":
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.tag_ in ("NNS", "NNPS"):
                        singular = obj.lemma_.lower()
                        if singular not in self.person_role_heads:
                            return None
                        nationality, _, roles, keep = self._qualifiers(doc, obj)
                        words = [*keep, *([nationality[0]] if nationality else []), *roles, singular]
                        canonical = " ".join(words)
                        mention = new_mention(doc, token.i, obj.i + 1, MentionKind.DESCRIPTION, canonical, origin="description:partitive")
                        mention.head = token.i
                        mention.canonical = canonical
                        mention.fixed_type = EntityType.PERSON
                        mention.head_lemma = singular
                        mention.country = nationality[1].name if nationality and nationality[1] else None
                        return mention
        return None

    def _group_or_description(self, doc: Doc, token: Token) -> Mention | None:
        lower, lemma = token.lower_, token.lemma_.lower()
        plural = token.tag_ in ("NNS", "NNPS")
        if plural and lower in self.group_heads:
            kind, head_word = MentionKind.GROUP, lower
        elif not plural and lemma in self.person_role_heads and (token.pos_ == "NOUN" or _title_case_role(token)):
            kind, head_word = MentionKind.DESCRIPTION, lemma
        else:
            return None
        nationality, org_token, roles, keep = self._qualifiers(doc, token)
        determiner = next((c.lower_ for c in token.lefts if c.dep_ == "det"), None)
        if nationality is None and org_token is None and not (kind is MentionKind.DESCRIPTION and keep and roles):
            # "the officers", "the new chairman", "the prime minister" (a person's role: any adjective)
            plain = all(c.lower_ in self.role_modifiers or c.lower_ in self.anaphor_adjectives
                        or (kind is MentionKind.DESCRIPTION and c.dep_ == "amod" and c.pos_ == "ADJ")
                        for c in token.lefts if c.dep_ in ("amod", "compound"))
            if determiner == "the" and plain:
                return self._anaphor(doc, token, head_word, plural)
            return self._plain(doc, token, kind, determiner)
        party_word = nationality is not None and nationality[1] is None  # "the Tory leader", "the Republican senator"
        if nationality is None or (party_word and kind is MentionKind.DESCRIPTION and determiner == "the"):
            # "Trump administration officials" and the like are proxies
            if kind is MentionKind.DESCRIPTION and determiner == "the":
                return self._anaphor(doc, token, head_word, plural)  # "the Tory leader": a leader named before
            return self._plain(doc, token, kind, determiner)
        kept_roles = [r for r in roles if r in self.group_role_modifiers] if kind is MentionKind.GROUP else roles
        words = ([] if kind is MentionKind.GROUP else keep) + [nationality[0]] + kept_roles + [head_word]
        canonical = " ".join(words)
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound", "det", "nmod")])
        start, _ = strip_determiner(doc, start, token.i + 1, self.determiners)
        mention = new_mention(doc, start, token.i + 1, kind, canonical, origin=f"{kind.value}:described")
        mention.canonical = canonical
        mention.fixed_type = EntityType.ORGANIZATION if kind is MentionKind.GROUP else EntityType.PERSON
        mention.plural = plural
        mention.country = nationality[1].name if nationality[1] else None
        mention.head_lemma = head_word
        return mention

    def _plain(self, doc: Doc, token: Token, kind: MentionKind, determiner: str | None) -> Mention | None:
        """A group of no nationality ("federal prosecutors", "his EU counterparts", "Chicago
        residents") or someone introduced as "a female reporter", named by the words without
        determiner, possessor or "other"; "a spokesman" stands for an organization instead."""
        if kind is MentionKind.GROUP:
            bare = not any(c.dep_ in ("amod", "compound", "nmod", "nummod", "poss") for c in token.lefts)
            if bare and determiner is None and token.lemma_.lower() == "minister":
                return None  # bare "ministers": the government (a typed anaphor)
            return self._plain_group(doc, token)
        if determiner not in ("a", "an") or token.lemma_.lower() in self.unnamed_voices:
            return None
        mention = self._plain_group(doc, token)
        mention.start = min(mention.start, *(c.i for c in token.lefts if c.dep_ == "det"))  # "a young reporter"
        mention.kind, mention.fixed_type, mention.plural = MentionKind.DESCRIPTION, EntityType.PERSON, False
        mention.origin, mention.head_lemma = "description:plain", token.lemma_.lower()
        return mention

    def _plain_group(self, doc: Doc, token: Token) -> Mention:
        """The mention of a plain group: its words, a group of the article's own."""
        modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod")
                     and c.lower_ not in self.anaphor_adjectives]
        start = min([token.i] + [c.left_edge.i for c in modifiers])
        words = [t for t in doc[start : token.i] if t.dep_ not in ("det", "poss", "case", "punct")
                 and t.lower_ not in self.anaphor_adjectives] + [token]
        canonical = clean_display(" ".join(t.text for t in words))
        start, _ = strip_determiner(doc, start, token.i + 1, self.determiners)
        mention = new_mention(doc, start, token.i + 1, MentionKind.GROUP, canonical, origin="group:plain")
        mention.canonical = canonical
        mention.fixed_type = EntityType.ORGANIZATION
        mention.plural = True
        mention.head_lemma = token.lower_
        return mention

    def _typed_anaphor(self, doc: Doc, token: Token) -> Mention | None:
        """ "the firm", "the party", "the government", bare "ministers", "the newspaper": a
        definite description of an entity named before, of the type the noun says."""
        lemma = token.lemma_.lower()
        plural = token.tag_ in ("NNS", "NNPS")
        determiner = next((c.lower_ for c in token.lefts if c.dep_ in ("det", "poss")), None)
        modified = any(c.dep_ in ("amod", "compound", "nmod", "nummod") for c in token.lefts)
        if modified or token.pos_ != "NOUN":
            return None
        if lemma in self.government_heads and not plural and determiner == "the":
            kinds = (EntityType.GOVERNMENT,)
        elif lemma == "minister" and plural and determiner is None:
            kinds = (EntityType.GOVERNMENT,)  # "He accused ministers of …"
        elif lemma in self.outlet_nouns and not plural and determiner == "the":
            kinds = (EntityType.OUTLET,)
        elif lemma in self.organization_nouns and not plural and determiner == "the":
            kinds = (EntityType.ORGANIZATION,)
        elif lemma in self.unnamed_voices and determiner in (None, "a", "an", "the"):
            kinds = (EntityType.ORGANIZATION, EntityType.GOVERNMENT)  # "a spokesman said": its organization
        else:
            return None
        mention = self._anaphor(doc, token, lemma, plural)
        mention.anaphor_types = kinds
        return mention

    def _anaphor(self, doc: Doc, token: Token, head_word: str, plural: bool) -> Mention:
        """ "the prime minister": the mention is the head; its text, the words without the
        determiner, names the group or person it is when nothing named before takes it."""
        words = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in self.anaphor_adjectives]
        start = min([token.i] + [c.left_edge.i for c in words])  # "the Latin American leader": Latin too
        modifiers = [t for t in doc[start : token.i] if t.dep_ not in ("det", "poss", "case", "punct")
                     and t.lower_ not in self.anaphor_adjectives]
        text = clean_display(" ".join(t.text for t in [*modifiers, token]))
        mention = new_mention(doc, token.i, token.i + 1, MentionKind.ANAPHOR, text, origin="anaphor:definite")
        mention.plural = plural
        mention.head_lemma = head_word
        return mention


def _title_case_role(token: Token) -> bool:
    """ "the Prime Minister", "the Tory Leader": a role written with capitals, which the tagger reads
    as a proper noun, after "the" (as a title before a name it is part of that name)."""
    return (token.pos_ == "PROPN" and token.is_title and token.dep_ != "compound"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts))
