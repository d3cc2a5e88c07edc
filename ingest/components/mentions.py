"""`newsgraph_mentions`: every mention of an actor or place in the Doc.

Sources, in priority order: curated names (the `ng_lexicon` span group set by
spaCy's SpanRuler from our data files), government name patterns ("Trump
administration", "the U.S. government"), NER entities, cleaned: titles
and determiners stripped, possessives and parentheses split off
("the World Health Organization's (WHO" -> two mentions), curated names split
out of NER spans they were glued to ("the Oval Office Lilian Tintori"); last,
proper names NER missed that are the subject of a speech verb ("Jealous said").

Then described groups and people ("rebellious military officers from
Venezuela", "a former Venezuelan military commander", "one of the military
commanders"), anaphoric descriptions ("the officers") and pronouns. Nouns that
stand for an entity already mentioned ("Trump administration officials",
"members of the Venezuelan military", "American officials") are recorded as
proxies: token -> the mention they stand for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ...model.graph import EntityType
from ...model.names import clean_display, name_key
from ..lexicon import Lexicon, load_lexicon
from .syntax import children
from .types import Mention, MentionKind, register_extensions

LEXICON_SPANS = "ng_lexicon"

_NER_VOTES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.LOCATION,
    "LOC": EntityType.LOCATION,
    "FAC": EntityType.LOCATION,
}
_LEXICON_TYPES = {
    "OUTLET": EntityType.OUTLET,
    "ORGANIZATION": EntityType.ORGANIZATION,
    "GOVERNMENT": EntityType.GOVERNMENT,
    "COUNTRY": EntityType.LOCATION,
    "CAPITAL": EntityType.LOCATION,
    "FACILITY": EntityType.LOCATION,
}
_LINE_SPEAKER_WORDS = 3
_CLOSING_QUOTES = frozenset({"”", '"', "''"})
_INVERTED_SPEAKER_WORDS = 8
_SPLIT_TOKENS = frozenset({"(", ")", "[", "]", "/", ",", ";", ":", "|", "—", "–", "\"", "“", "”"})
_DETERMINERS = frozenset({"the", "a", "an"})
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|s)?$", re.IGNORECASE)
_PRONOUNS = {
    "he": ("m", False), "him": ("m", False), "his": ("m", False), "himself": ("m", False),
    "she": ("f", False), "her": ("f", False), "hers": ("f", False), "herself": ("f", False),
    "they": (None, True), "them": (None, True), "their": (None, True), "themselves": (None, True),
    "it": (None, False), "its": (None, False),
}
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
                 "king": "m", "queen": "f", "prince": "m", "princess": "f", "congressman": "m",
                 "congresswoman": "f", "chairman": "m", "chairwoman": "f"}
_PRIORITY_LEXICON, _PRIORITY_PATTERN, _PRIORITY_NER, _PRIORITY_SPEAKER = 0, 1, 2, 3
_ANAPHOR_ADJECTIVES = frozenset({"new", "former", "outgoing", "incoming", "current", "then", "same", "other"})
_MEMBER_PREPS = frozenset({"of", "within", "inside", "at", "from"})  # not "close to": a description
_UNNAMED_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "source", "aide", "insider"})


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    mention: Mention


@Language.factory(
    "newsgraph_mentions",
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.ng_mentions", "doc._.ng_proxies"],
)
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder(load_lexicon())


class MentionFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        register_extensions()
        self.lexicon = lexicon
        words = lexicon.word_list
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
        self.speech_verbs = words("speech_verbs")
        self.place_nouns = words("place_nouns")
        self.title_qualifiers = frozenset(name_key(w) for w in words("title_qualifiers"))
        self.not_entity = frozenset(w.casefold() for w in words("not_entity_words"))
        # words that can head a described mention: only their tokens are looked at
        self.institution_words = _hashes(phrase.split()[-1] for phrase in self.institution_heads)
        self.described_words = _hashes(
            self.member_heads | self.group_heads | self.person_role_heads | self.organization_nouns
            | self.outlet_nouns | self.government_heads | _UNNAMED_VOICES | {"one", "minister"}
        )
        self.government_words = _hashes(self.government_heads)
        self.pronoun_words = _hashes(_PRONOUNS)

    def __call__(self, doc: Doc) -> Doc:
        names = self._name_mentions(doc, _capitalized_words(doc))
        covered = {i: m for m in names for i in range(m.start, m.end)}
        proxies: dict[int, Mention] = {}
        described = self._described_mentions(doc, covered, proxies)
        mentions = sorted(names + described + self._pronouns(doc, covered), key=lambda m: (m.start, m.end))
        index = {id(m): i for i, m in enumerate(mentions)}
        doc._.ng_mentions = mentions
        doc._.ng_proxies = {tok: index[id(m)] for tok, m in proxies.items()}
        return doc

    # ---- proper names -------------------------------------------------------------

    def _name_mentions(self, doc: Doc, capitalized: frozenset[str]) -> list[Mention]:
        governments = self._government_candidates(doc, capitalized)
        candidates = [  # "the US government", "Venezuela's government": the pattern holds the country
            c for c in self._lexicon_candidates(doc)
            if not (c.mention.country and any(g.start <= c.start and c.end <= g.end for g in governments))
        ] + governments
        lexicon_spans = [c for c in candidates if c.priority == _PRIORITY_LEXICON]
        for ent in doc.ents:
            if ent.label_ in _NER_VOTES:
                candidates.extend(self._ner_candidates(doc, ent, lexicon_spans))
        candidates.extend(self._speaker_candidates(doc))
        accepted: list[_Candidate] = []
        taken: set[int] = set()
        for cand in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
            tokens = set(range(cand.start, cand.end))
            if tokens & taken:
                continue
            taken |= tokens
            accepted.append(cand)
        names = [c.mention for c in accepted]
        _vote_from_conjuncts(doc, names)
        return names

    def _lexicon_candidates(self, doc: Doc) -> list[_Candidate]:
        found = []
        for span in doc.spans.get(LEXICON_SPANS, []):
            start, end = _strip_determiner(doc, span.start, span.end)
            if start >= end or not _title_like(doc[start:end]):
                continue
            label = span.label_
            text = doc[start:end].text
            if label == "SHORT" and (start == 0 or doc[start - 1].lower_ != "the"):
                continue  # "the Times" is an outlet's short name; "Mr Hill", "Dr Fox" are people
            if label == "SHORT":
                mention = self._mention(doc, start, end, MentionKind.NAME, text, origin="lexicon:SHORT")
                mention.short_form = True
                mention.fixed_type = self.lexicon.short_forms[name_key(text)][0].type
            elif label in ("COUNTRY", "CAPITAL"):
                country = self.lexicon.countries[name_key(span.id_)]
                canonical = country.name if label == "COUNTRY" else clean_display(text)
                mention = self._mention(doc, start, end, MentionKind.NAME, clean_display(text), origin=f"lexicon:{label}")
                mention.fixed_type = EntityType.LOCATION
                mention.canonical = canonical
                mention.country = country.name
            else:
                mention = self._mention(doc, start, end, MentionKind.NAME, clean_display(text), origin=f"lexicon:{label}")
                mention.fixed_type = _LEXICON_TYPES[label]
                mention.canonical = span.id_
            found.append(_Candidate(start, end, _PRIORITY_LEXICON, mention))
        return found

    def _government_candidates(self, doc: Doc, capitalized: frozenset[str]) -> list[_Candidate]:
        """ "Trump administration", "the Maduro regime", "the U.S. government", "Venezuela's government".

        Matched on the token sequence, not the tree: in "Trump administration
        officials" the parser hangs both nouns on "officials".
        """
        found = []
        for token in _tokens_with(doc, self.government_words):
            if token.lower_ not in self.government_heads or token.pos_ not in ("NOUN", "PROPN"):
                continue
            first = token.i
            while first > 0 and self._government_modifier(doc[first - 1], capitalized):
                first -= 1
            if first > 1 and doc[first - 1].lower_ in ("’s", "'s") and self._government_modifier(doc[first - 2], capitalized):
                first -= 2  # "Venezuela's government"
                while first > 0 and self._government_modifier(doc[first - 1], capitalized):
                    first -= 1
            if first == token.i:
                continue
            modifiers = doc[first : token.i]
            country = self._country_in(modifiers)
            if country is not None:
                canonical = country.government
            else:
                words = [t.text for t in modifiers if t.lower_ not in ("’s", "'s")]
                if name_key(" ".join(words)) in self.lexicon.titles:
                    continue
                canonical = f"{clean_display(' '.join(words))} {token.lower_}"
            surface = clean_display(doc[first : token.i + 1].text)
            mention = self._mention(doc, first, token.i + 1, MentionKind.NAME, surface, origin="pattern:government")
            mention.head = token.i
            mention.fixed_type = EntityType.GOVERNMENT
            mention.canonical = canonical
            found.append(_Candidate(first, token.i + 1, _PRIORITY_PATTERN, mention))
        return found

    def _government_modifier(self, token: Token, capitalized: frozenset[str]) -> bool:
        """A word that can name whose government it is: a name, a demonym, "U.S."."""
        if token.is_punct or token.is_space or token.lower_ in _DETERMINERS:
            return False
        if token.lower_ in self.lexicon.demonyms or name_key(token.text) in self.lexicon.countries:
            return True
        return (
            token.is_title and token.lower_ in capitalized
            and token.pos_ in ("PROPN", "NOUN", "ADJ") and name_key(token.text) not in self.lexicon.titles
        )

    def _ner_candidates(self, doc: Doc, ent: Span, lexicon_spans: list[_Candidate]) -> list[_Candidate]:
        found = []
        for start, end in self._ner_segments(doc, ent):
            inner = [c for c in lexicon_spans if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)]
            pieces = [(start, end)]
            lead = next((c for c in inner if c.start == start and c.mention.fixed_type is EntityType.OUTLET), None)
            if lead is not None:  # "BBC News Website", "BBC Radio 4": the outlet's own product
                lead.end = lead.mention.end = end
                continue
            if inner:
                rest = _subtract(start, end, [(c.start, c.end) for c in inner])
                if ent.label_ != "PERSON" and all(self._looks_like_person(doc[a:b]) for a, b in rest):
                    pieces = rest  # "the Oval Office Lilian Tintori": the curated span stays
                else:
                    for c in inner:  # "Washington Redskins": NER's longer name wins
                        lexicon_spans.remove(c)
                        c.priority = 99
            for a, b in pieces:
                mention = self._ner_mention(doc, ent.label_, a, b)
                if mention is not None:
                    found.append(_Candidate(a, b, _PRIORITY_NER, mention))
        return found

    def _speaker_candidates(self, doc: Doc) -> list[_Candidate]:
        """A proper name NER missed that speaks: "Jealous said", "Gov. Manchin told reporters".
        Mostly people: a Person vote, which the entity's other mentions can outvote."""
        found = []
        surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
        for token in doc:
            if self._speaks(token) and token.pos_ == "PROPN" and token.is_title and not token.ent_type_:
                start = token.i
                while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                        and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
                    start -= 1
                span = (start, token.i + 1)
            elif token.pos_ == "VERB" and token.lemma_.lower() in self.speech_verbs and token.i > 0 \
                    and doc[token.i - 1].text in _CLOSING_QUOTES:
                span = _name_closing_phrase(doc, token.i + 1)  # `"…," said ranking Democrat Elijah Cummings`
                if span is None:
                    continue
            elif token.is_sent_start and not token.ent_type_:
                span = _line_speaker(doc, token.i, surnames)  # "Reid: 'Never underestimate Trump.'", "TAPPER: …"
                if span is None:
                    continue
            else:
                continue
            start, end = self._strip_titles(doc, *span), span[1]
            if start >= end or not self._acceptable_name(doc[start:end]):
                continue
            mention = self._mention(doc, start, end, MentionKind.NAME, clean_display(doc[start:end].text), origin="speaker")
            mention.votes[EntityType.PERSON] = 1.0
            mention.gender = self._title_gender(doc, start)
            found.append(_Candidate(start, end, _PRIORITY_SPEAKER, mention))
        return found

    def _ner_segments(self, doc: Doc, ent: Span) -> list[tuple[int, int]]:
        """An NER span without determiners and titles, cut at punctuation and possessives."""
        segments, start = [], ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or doc[i].text in _SPLIT_TOKENS:
                if start < i:
                    segments.append((start, i))
                start = i + 1
        cleaned = []
        for a, b in segments:
            a, b = _strip_determiner(doc, a, b)
            a = self._strip_titles(doc, a, b)
            while b > a and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("’s", "'s")):
                b -= 1
            if a < b:
                cleaned.append((a, b))
        return cleaned

    def _ner_mention(self, doc: Doc, label: str, start: int, end: int) -> Mention | None:
        span = doc[start:end]
        if not self._acceptable_name(span):
            return None
        text = clean_display(span.text)
        mention = self._mention(doc, start, end, MentionKind.NAME, text, origin=f"ner:{label}")
        head = doc[mention.head]
        weight = 0.3 if head.dep_ == "compound" else 0.5 if head.dep_ == "poss" else 1.0
        mention.votes[_NER_VOTES[label]] = weight
        gender = self._title_gender(doc, start)
        titled = self._has_title(doc, start)
        if gender is not None or titled or self._has_person_modifier(head):
            _add_vote(mention, EntityType.PERSON, 3.0)
        if self._has_organization_modifier(head):
            _add_vote(mention, EntityType.ORGANIZATION, 3.0)
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.place_nouns for c in head.rights):
            _add_vote(mention, EntityType.LOCATION, 3.0)  # "Wilmington, the state's biggest city"
        if label in ("GPE", "LOC") and self._speaks(head):
            # a place NER did not find in our lexicon that says something is a person NER
            # mistyped (a curated capital, "Beijing said", never gets here): "Labott tweeted"
            _add_vote(mention, EntityType.PERSON, 1.5)
        given = self.lexicon.given_names.get(name_key(span[0].text))
        if given is not None and len(span) >= 2 and all(t.is_title or t.is_upper for t in span if t.is_alpha):
            _add_vote(mention, EntityType.PERSON, 2.0)
        mention.gender = gender or (given if len(span) >= 2 else None)  # a bare "Clinton" is no given name
        mention.plural = label == "NORP" and head.tag_ in ("NNS", "NNPS")  # "Kashmiris": never "he"
        mention.roles = self._roles(head) | _title_role(doc, start, titled)
        if label == "GPE" and name_key(text) in self.lexicon.countries:
            country = self.lexicon.countries[name_key(text)]
            mention.country = country.name
        return mention

    def _acceptable_name(self, span: Span) -> bool:
        if not any(_capitalized_word(t) for t in span):
            return False
        if any(_ORDINAL.match(t.text) for t in span) and not any(t.is_alpha for t in span):
            return False
        if len(span) == 1 and _ORDINAL.match(span.text):
            return False
        key = span.text.casefold()
        if key in self.not_entity or span[0].text.casefold() in self.not_entity:
            return False
        if span[0].pos_ == "PRON" or self._is_title_phrase(span.doc, span.start, span.end):
            return False
        return len(span) <= 8

    def _looks_like_person(self, span: Span) -> bool:
        """Two or more title-case words starting with a known given name: "Lilian Tintori"."""
        tokens = [t for t in span if not t.is_punct]
        return (
            len(tokens) >= 2
            and all(t.is_title for t in tokens)
            and name_key(tokens[0].text) in self.lexicon.given_names
        )

    def _strip_titles(self, doc: Doc, start: int, end: int) -> int:
        """The name's start after a leading title, which may follow service words ("Army Capt.")."""
        for at in dict.fromkeys((start, start + self._qualifier_length(doc, start, end))):
            for length in (3, 2, 1):
                if end - at > length:
                    words = doc[at : at + length].text
                    if name_key(words) in self.lexicon.titles or words.lower().startswith("then-"):
                        return at + length
        return start

    def _qualifier_length(self, doc: Doc, start: int, end: int) -> int:
        """Tokens at `start` that qualify a title: "Army", "Air Force 1st", "U.S."."""
        i = start
        while i < end:
            step = next(
                (n for n in (2, 1) if i + n <= end and name_key(doc[i : i + n].text) in self.title_qualifiers), 0
            )
            if not step:
                break
            i += step
        return i - start

    def _is_title_phrase(self, doc: Doc, start: int, end: int) -> bool:
        """A span that is a title with its service words, maybe cut before the title's last words:
        "Army Capt", "Air Force 1st" before "Lt.", "Navy" before "Adm."."""
        at = start + self._qualifier_length(doc, start, end)
        for length in (3, 2, 1):
            stop = at + length
            if stop >= end and stop <= len(doc) and name_key(doc[at:stop].text) in self.lexicon.titles:
                return True
        return False

    def _has_title(self, doc: Doc, start: int) -> bool:
        for length in (3, 2, 1):
            if start - length >= 0 and name_key(doc[start - length : start].text.split("-")[-1]) in self.lexicon.titles:
                return True
        return False

    def _title_gender(self, doc: Doc, start: int) -> str | None:
        if start > 0:
            return _TITLE_GENDER.get(name_key(doc[start - 1].text))
        return None

    def _has_person_modifier(self, head: Token) -> bool:
        """ "dictator Nicolás Maduro", "adviser H.R. McMaster": a role noun in front of a name."""
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "appos") and child.pos_ == "NOUN":
                if child.lemma_.lower() in self.person_role_heads or name_key(child.text) in self.lexicon.titles:
                    return True
        return any(
            c.dep_ == "appos" and c.lemma_.lower() in self.lexicon.word_list("person_relation_nouns")
            for c in head.rights
        )

    def _speaks(self, token: Token) -> bool:
        """The subject of a speech verb: "Jealous said", "Labott tweeted"."""
        return token.dep_ == "nsubj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in self.speech_verbs

    def _roles(self, head: Token) -> frozenset[str]:
        """Role nouns a name is introduced with: "chairman Guy Mansfield", "Guy Mansfield, the chairman"."""
        return frozenset(
            c.lemma_.lower() for c in head.children
            if c.dep_ in ("compound", "appos", "nmod") and c.pos_ == "NOUN" and c.lemma_.lower() in self.person_role_heads
        )

    def _has_organization_modifier(self, head: Token) -> bool:
        """ "oil firm Yukos", "rival Euronext", "Euronext, the pan-European exchange"."""
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and child.lemma_.lower() in self.organization_nouns:
                return True
            if child.dep_ == "appos" and child.lemma_.lower() in self.organization_nouns:
                return True
        return head.dep_ == "appos" and head.head.lemma_.lower() in self.organization_nouns

    def _country_in(self, span: Span):
        for token in span:
            country = self.lexicon.demonyms.get(token.lower_)
            if country is not None:
                return country
        for length in range(len(span), 0, -1):
            for i in range(0, len(span) - length + 1):
                country = self.lexicon.countries.get(name_key(span[i : i + length].text))
                if country is not None and name_key(span[i : i + length].text) not in self.lexicon.capitals:
                    return country
        return None

    # ---- described groups and people ---------------------------------------------------

    def _described_mentions(self, doc: Doc, covered: dict[int, Mention], proxies: dict[int, Mention]) -> list[Mention]:
        found: list[Mention] = []
        by_head: dict[int, Mention] = {}
        # institutions first, so "members of the Venezuelan military" can point at them
        for token in _tokens_with(doc, self.institution_words):
            if token.i not in covered and token.pos_ in ("NOUN", "PROPN"):
                mention = self._institution(doc, token)
                if mention is not None:
                    found.append(mention)
                    by_head[token.i] = mention
        described: set[int] = {i for m in found for i in range(m.start, m.end)}
        for token in _tokens_with(doc, self.described_words):
            if token.i in covered or token.i in described or token.pos_ not in ("NOUN", "PROPN", "NUM"):
                continue
            target = self._member_of(doc, token, covered, by_head)
            if target is not None:
                proxies[token.i] = target
                continue
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
        start, _ = _strip_determiner(doc, start, token.i + 1)
        mention = self._mention(doc, start, token.i + 1, MentionKind.GROUP, canonical, origin="group:institution")
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
            if child.dep_ == "prep" and child.lower_ in _MEMBER_PREPS:
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
        mention = self._mention(doc, start, token.i + 1, MentionKind.NAME, surface, origin="group:state_officials")
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
                        mention = self._mention(doc, token.i, obj.i + 1, MentionKind.DESCRIPTION, canonical, origin="description:partitive")
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
        elif not plural and lemma in self.person_role_heads and token.pos_ == "NOUN":
            kind, head_word = MentionKind.DESCRIPTION, lemma
        else:
            return None
        nationality, org_token, roles, keep = self._qualifiers(doc, token)
        determiner = next((c.lower_ for c in token.lefts if c.dep_ == "det"), None)
        if nationality is None and org_token is None and not (kind is MentionKind.DESCRIPTION and keep and roles):
            plain = all(c.lower_ in self.role_modifiers or c.lower_ in _ANAPHOR_ADJECTIVES
                        for c in token.lefts if c.dep_ in ("amod", "compound"))
            if determiner == "the" and plain:  # "the officers", "the new chairman"
                return self._anaphor(doc, token, head_word, plural)
            return None
        if nationality is None:
            return None  # "Trump administration officials" and the like are proxies, or not groups
        kept_roles = [r for r in roles if r in self.group_role_modifiers] if kind is MentionKind.GROUP else roles
        words = ([] if kind is MentionKind.GROUP else keep) + [nationality[0]] + kept_roles + [head_word]
        canonical = " ".join(words)
        start = min([token.i] + [c.left_edge.i for c in token.lefts if c.dep_ in ("amod", "compound", "det", "nmod")])
        start, _ = _strip_determiner(doc, start, token.i + 1)
        mention = self._mention(doc, start, token.i + 1, kind, canonical, origin=f"{kind.value}:described")
        mention.canonical = canonical
        mention.fixed_type = EntityType.ORGANIZATION if kind is MentionKind.GROUP else EntityType.PERSON
        mention.plural = plural
        mention.country = nationality[1].name if nationality[1] else None
        mention.head_lemma = head_word
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
        elif lemma in _UNNAMED_VOICES and determiner in (None, "a", "an", "the"):
            kinds = (EntityType.ORGANIZATION, EntityType.GOVERNMENT)  # "a spokesman said": its organization
        else:
            return None
        mention = self._anaphor(doc, token, lemma, plural)
        mention.anaphor_types = kinds
        return mention

    def _anaphor(self, doc: Doc, token: Token, head_word: str, plural: bool) -> Mention:
        mention = self._mention(doc, token.i, token.i + 1, MentionKind.ANAPHOR, token.text, origin="anaphor:definite")
        mention.plural = plural
        mention.head_lemma = head_word
        return mention

    # ---- pronouns ---------------------------------------------------------------------

    def _pronouns(self, doc: Doc, covered: dict[int, Mention]) -> list[Mention]:
        found = []
        for token in _tokens_with(doc, self.pronoun_words):
            info = _PRONOUNS.get(token.lower_)
            if info is None or token.pos_ != "PRON" or token.i in covered:
                continue
            mention = self._mention(doc, token.i, token.i + 1, MentionKind.PRONOUN, token.text, origin="pronoun")
            mention.gender, mention.plural = info
            found.append(mention)
        return found

    # ---- construction -----------------------------------------------------------------

    def _mention(self, doc: Doc, start: int, end: int, kind: MentionKind, text: str, *, origin: str) -> Mention:
        span = doc[start:end]
        head = span.root.i
        return Mention(start=start, end=end, head=head, kind=kind, text=text, key=name_key(text), origin=origin)


def _vote_from_conjuncts(doc: Doc, names: list[Mention]) -> None:
    """Coordinated names tend to be of one type: "the LSE and Euronext". A name coordinated with
    a curated one (an outlet, an organization, a government body) gets a vote for that type."""
    by_head = {m.head: m for m in names}
    for mention in names:
        if mention.fixed_type is None:
            continue
        for other in doc[mention.head].conjuncts:
            partner = by_head.get(other.i)
            if partner is not None and partner.fixed_type is None and mention.fixed_type is not EntityType.LOCATION:
                _add_vote(partner, mention.fixed_type, 1.5)


def _hashes(words: Iterable[str]) -> numpy.ndarray:
    return numpy.array(sorted({hash_string(w) for w in words}), dtype=numpy.uint64)


def _tokens_with(doc: Doc, words: numpy.ndarray) -> list[Token]:
    """Tokens whose lower-case form or lemma is one of `words`, found without a Python loop
    over the Doc (making a Token object per token is what costs)."""
    if len(doc) == 0:
        return []
    attrs = doc.to_array([LOWER, LEMMA]).astype(numpy.uint64)
    hits = numpy.isin(attrs[:, 0], words) | numpy.isin(attrs[:, 1], words)
    return [doc[int(i)] for i in numpy.flatnonzero(hits)]


def _capitalized_words(doc: Doc) -> frozenset[str]:
    """Lower-case forms of words written capitalized where capitals mean something:
    not sentence-initial, and not in a headline-case sentence ("Discussed Socialist Regime")."""
    capitalized = set()
    for sent in doc.sents:
        words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
        if len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.6:
            continue
        capitalized.update(t.lower_ for t in sent[1:] if t.is_title)
    return frozenset(capitalized)


def _strip_determiner(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in _DETERMINERS:
        start += 1
    return start, end


def _add_vote(mention: Mention, entity_type: EntityType, weight: float) -> None:
    mention.votes[entity_type] = mention.votes.get(entity_type, 0.0) + weight


def _title_role(doc: Doc, start: int, titled: bool) -> frozenset[str]:
    """ "President Barack Obama" -> {"president"}, so that "the president" can find him."""
    if titled and doc[start - 1].is_alpha:
        return frozenset({doc[start - 1].lower_})
    return frozenset()


def _line_speaker(doc: Doc, start: int, surnames: set[str]) -> tuple[int, int] | None:
    """A sentence opening with a few capitalized words and a colon ("Reid:", "JAKE TAPPER:"),
    the last of them the surname of a person NER found elsewhere in the article."""
    end = start
    while end < min(start + _LINE_SPEAKER_WORDS, len(doc)) and doc[end].is_alpha and (doc[end].is_title or doc[end].is_upper):
        end += 1
    if end == start or end >= len(doc) or doc[end].text != ":" or doc[end - 1].lower_ not in surnames:
        return None
    return start, end


def _name_closing_phrase(doc: Doc, start: int) -> tuple[int, int] | None:
    """Two or more capitalized proper nouns NER left unlabelled that close the phrase starting
    at `start` (before its first punctuation, within a few words), or one capitalized word that
    is the whole phrase: the inverted speaker of `"…," said Oversight ranking Democrat Elijah
    Cummings (D-Md.)` or `"…," said Skelly, explaining …`."""
    end = start
    while end < min(start + _INVERTED_SPEAKER_WORDS, len(doc)) and not (doc[end].is_punct or doc[end].is_space):
        end += 1
    if end == len(doc) or not (doc[end].is_punct or doc[end].is_space):
        return None
    first = end
    while first > start and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title and not doc[first - 1].ent_type_:
        first -= 1
    if end - first >= 2:
        return first, end
    word = doc[start]  # `"…," said Skelly, explaining …`: a lone surname right after the verb, any tag
    if end == start + 1 and word.is_title and word.is_alpha and len(word) > 2 and not word.ent_type_ \
            and word.pos_ in ("PROPN", "NOUN", "ADV"):
        return start, end
    return None


def _title_like(span: Span) -> bool:
    return any(_capitalized_word(t) for t in span)


def _capitalized_word(token: Token) -> bool:
    """A word starting with a capital, periods allowed: "Maduro", "U.S.", "C.I.A."."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _subtract(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for a, b in sorted(holes):
        if cursor < a:
            pieces.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces
