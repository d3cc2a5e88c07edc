"""`newsgraph_names`: every proper name in the Doc that can name an actor or a place.

Sources, in priority order: curated names (the `ng_lexicon` span group set by
spaCy's SpanRuler from our data files), government name patterns ("Trump
administration", "the U.S. government"), NER entities, cleaned: titles
and determiners stripped, possessives and parentheses split off
("the World Health Organization's (WHO" -> two mentions), curated names split
out of NER spans they were glued to ("the Oval Office Lilian Tintori"); last,
proper names NER missed that are the subject of a speech verb ("Jealous said").
Also names NER missed after a gendered title ("Mr Prentis"), and the party letter of a
politician's affiliation ("Jo Roe (R-Tex.)" names the Republican Party). A name in a headline line
(newsgraph_headlines) is kept only when the body names it.

A product's name ("the drug X", "the X crossover") is none of these.
A name says what it can of itself: its curated type and canonical name, the country it
points at, its gender (from a title or a given name) and the role nouns it came with.
What type the context votes for is newsgraph_name_types' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, LENGTH, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.symbols import PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ...model.graph import EntityType
from ...model.names import clean_display, name_key
from ..lexicon import Lexicon
from .mention_search import (
    capitalized_word,
    new_mention,
    strip_determiner,
    tokens_whose_text,
    tokens_with,
    word_hashes,
)
from .headlines import in_headline as is_in_headline
from .name_context import NameContext
from .types import PARTY_LETTER_ORIGIN, Mention, MentionKind, register_extensions

LEXICON_SPANS = "ng_lexicon"

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
_TITLED_NAME_WORDS = 2
_SPLIT_TOKENS = frozenset({"(", ")", "[", "]", "/", ",", ";", ":", "|", "—", "–", "―", "\"", "“", "”"})
_POSSESSIVE_MARKS = frozenset({"’s", "'s", "’", "'"})
_QUOTES_AND_DASHES = frozenset("\"“”„«»—–―")  # `”―`: a closing mark and a dash in one token
_SPACED_DASHES = frozenset({"-", "--"})  # "Forum - the group"; not the hyphen of "Kilroy-Silk"
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th|s)?$", re.IGNORECASE)
_MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[a-z]{0,2}$")  # "X5", "C180", "A300s": a brand's model
_PRIORITY_LEXICON, _PRIORITY_PATTERN, _PRIORITY_NER, _PRIORITY_SPEAKER = 0, 1, 2, 3


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    mention: Mention


@Language.factory(
    "newsgraph_names",
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents", "doc.spans", "doc._.ng_headlines"],
    assigns=["doc._.ng_names"],
    default_config={"max_name_tokens": 8},
)
def make_name_finder(nlp: Language, name: str, max_name_tokens: int) -> NameFinder:
    return NameFinder(max_name_tokens=max_name_tokens)


class NameFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self, *, max_name_tokens: int) -> None:
        register_extensions()
        self.max_name_tokens = max_name_tokens
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        words = self.lexicon.word_list
        self.context = NameContext(self.lexicon)
        self.ner_labels = self.lexicon.vote_weights.ner_labels
        self.determiners = words("determiners")
        self.government_heads = words("government_heads")
        self.speech_verbs = words("speech_verbs")
        self.not_entity = frozenset(w.casefold() for w in words("not_entity_words"))
        self.not_actor_closers = words("not_actor_closers")  # "the Lisbon Agenda", "the Free Trade Agreement"
        self.government_words = word_hashes(self.government_heads)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_names needs initialize(lexicon=...) first")
        doc._.ng_names = _named_in_body(doc, self._name_mentions(doc, _capitalized_words(doc)))
        return doc

    def _name_mentions(self, doc: Doc, capitalized: frozenset[str]) -> list[Mention]:
        governments = self._government_candidates(doc, capitalized)
        candidates = [  # "the US government", "Venezuela's government": the pattern holds the country
            c for c in self._lexicon_candidates(doc)
            if not (c.mention.country and any(g.start <= c.start and c.end <= g.end for g in governments))
        ] + governments
        lexicon_spans = [c for c in candidates if c.priority == _PRIORITY_LEXICON]
        lower_words = _lower_case_words(doc)
        surnames = _person_surnames(doc)
        for ent in doc.ents:
            if ent.label_ in self.ner_labels:
                candidates.extend(self._ner_candidates(doc, ent, lexicon_spans, lower_words, surnames))
        candidates.extend(self._speaker_candidates(doc))
        candidates.extend(self._titled_candidates(doc))
        candidates.extend(self._party_letter_candidates(doc))
        candidates.extend(self._echo_candidates(doc, surnames, lower_words))
        accepted: list[_Candidate] = []
        taken: set[int] = set()
        for cand in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
            tokens = set(range(cand.start, cand.end))
            if tokens & taken:
                continue
            taken |= tokens
            accepted.append(cand)
        return [c.mention for c in accepted]

    def _lexicon_candidates(self, doc: Doc) -> list[_Candidate]:
        found = []
        for span in doc.spans.get(LEXICON_SPANS, []):
            start, end = strip_determiner(doc, span.start, span.end, self.determiners)
            if start >= end or not _title_like(doc[start:end]):
                continue
            label = span.label_
            text = doc[start:end].text
            if label == "SHORT" and (start == 0 or doc[start - 1].lower_ != "the"):
                continue  # "the Times" is an outlet's short name; "Mr Hill", "Dr Fox" are people
            if label == "ORGANIZATION" and end - start == 1 and _one_member(doc[start]):
                continue  # "a senior Ohio Republican" is a person, not the party
            if label == "SHORT":
                mention = new_mention(doc, start, end, MentionKind.NAME, text, origin="lexicon:SHORT")
                mention.short_form = True
                mention.fixed_type = self.lexicon.short_forms[name_key(text)][0].type
            elif label in ("COUNTRY", "CAPITAL"):
                country = self.lexicon.countries[name_key(span.id_)]
                canonical = country.name if label == "COUNTRY" else clean_display(text)
                mention = new_mention(doc, start, end, MentionKind.NAME, clean_display(text), origin=f"lexicon:{label}")
                mention.fixed_type = EntityType.LOCATION
                mention.canonical = canonical
                mention.country = country.name
            else:
                mention = new_mention(doc, start, end, MentionKind.NAME, clean_display(text), origin=f"lexicon:{label}")
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
        for token in tokens_with(doc, self.government_words):
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
            mention = new_mention(doc, first, token.i + 1, MentionKind.NAME, surface, origin="pattern:government")
            mention.head = token.i
            mention.fixed_type = EntityType.GOVERNMENT
            mention.canonical = canonical
            found.append(_Candidate(first, token.i + 1, _PRIORITY_PATTERN, mention))
        return found

    def _government_modifier(self, token: Token, capitalized: frozenset[str]) -> bool:
        """A word that can name whose government it is: a name, a demonym, "U.S."."""
        if token.is_punct or token.is_space or token.lower_ in self.determiners:
            return False
        if token.lower_ in self.lexicon.demonyms or name_key(token.text) in self.lexicon.countries:
            return True
        return (
            token.is_title and token.lower_ in capitalized
            and token.pos_ in ("PROPN", "NOUN", "ADJ") and name_key(token.text) not in self.lexicon.titles
        )

    def _possessor_cut(self, doc: Doc, ent: Span) -> int | None:
        """The possessive marker of an NER span that glues an owner to a person ("Fox News’
        Jo Roe", "Acme's Lilian Tintori"): the words after it look like a person's name. "Moody's
        Investors Service" and "McDonald's Corp" are one name."""
        for token in ent[1:-1]:
            if token.tag_ == "POS" or token.lower_ in _POSSESSIVE_MARKS:
                return token.i if self._looks_like_person(doc[token.i + 1 : ent.end]) else None
        return None

    def _ner_candidates(self, doc: Doc, ent: Span, lexicon_spans: list[_Candidate], lower_words: frozenset[str],
                        surnames: dict[str, frozenset[str]]) -> list[_Candidate]:
        found = []
        cut, person_after = _glued_pair(doc, ent, surnames), None
        if cut is None:
            cut = self._possessor_cut(doc, ent)
            person_after = cut  # "Fox News’ Jo Roe": what follows the possessive is a person
        for start, end in self._ner_segments(doc, ent, lower_words, cut):
            inner = [c for c in lexicon_spans if start <= c.start and c.end <= end and (c.start, c.end) != (start, end)]
            pieces = [(start, end)]
            lead = next((c for c in inner if c.start == start and c.mention.fixed_type is EntityType.OUTLET), None)
            if lead is not None:  # "BBC News Website", "BBC Radio 4": the outlet's own product
                lead.end = lead.mention.end = end
                continue
            if inner:
                rest = _subtract(start, end, [(c.start, c.end) for c in inner])
                rest = [(self.context.strip_titles(doc, a, b), b) for a, b in rest]  # "Oversight Committee Chairman Jo Roe"
                others = frozenset(w for w, full in surnames.items() if full - {name_key(ent.text)})
                institutions = all(c.mention.fixed_type not in (EntityType.LOCATION, None) for c in inner)
                if all(self._looks_like_person(doc[a:b], others) for a, b in rest) and (
                        ent.label_ != "PERSON" or institutions):
                    # "the Oval Office Lilian Tintori": the curated span stays; "Republican Roe",
                    # "Oversight Committee Chairman Jo Roe": an institution glued to a person
                    # ("Paris Hilton" is one name)
                    pieces = rest
                else:
                    for c in inner:  # "Washington Redskins": NER's longer name wins
                        lexicon_spans.remove(c)
                        c.priority = 99
            for a, b in pieces:
                label = "PERSON" if person_after is not None and a > person_after else ent.label_
                mention = self._ner_mention(doc, label, a, b)
                if mention is not None:
                    found.append(_Candidate(a, b, _PRIORITY_NER, mention))
        return found

    def _speaker_candidates(self, doc: Doc) -> list[_Candidate]:
        """A proper name NER missed that speaks: "Jealous said", "Gov. Manchin told reporters".
        Mostly people (newsgraph_name_types gives them a Person vote, which the entity's other
        mentions can outvote)."""
        found = []
        surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
        for token in _proper_nouns_verbs_and_sentence_starts(doc):  # no other token passes a test below
            if self.context.speaks(token) and token.pos_ == "PROPN" and token.is_title and not token.ent_type_:
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
            start, end = self.context.strip_titles(doc, *span), span[1]
            if start >= end or not self._acceptable_name(doc[start:end]):
                continue
            mention = new_mention(doc, start, end, MentionKind.NAME, clean_display(doc[start:end].text), origin="speaker")
            mention.gender = self.context.title_gender(doc, start)
            found.append(_Candidate(start, end, _PRIORITY_SPEAKER, mention))
        return found

    def _titled_candidates(self, doc: Doc) -> list[_Candidate]:
        """A capitalized name NER missed after a gendered title: "Mr Prentis", "Mrs. Okafor"."""
        found = []
        for token in tokens_whose_text(doc, lambda text: name_key(text) in self.lexicon.title_gender):
            if token.ent_type_ in self.ner_labels:
                continue
            end = token.i + 1
            while end < min(token.i + 1 + _TITLED_NAME_WORDS, len(doc)) and doc[end].is_title and doc[end].is_alpha \
                    and len(doc[end]) > 1 and doc[end].ent_type_ not in self.ner_labels \
                    and doc[end].pos_ in ("PROPN", "NOUN", "ADJ", "VERB"):  # "Prentis" tagged NORP too
                end += 1
            if end == token.i + 1 or not self._acceptable_name(doc[token.i + 1 : end]):
                continue
            mention = new_mention(doc, token.i + 1, end, MentionKind.NAME, clean_display(doc[token.i + 1 : end].text),
                                  origin="titled")
            mention.gender = self.lexicon.title_gender[name_key(token.text)]
            found.append(_Candidate(token.i + 1, end, _PRIORITY_SPEAKER, mention))
        return found

    def _echo_candidates(self, doc: Doc, surnames: dict[str, frozenset[str]], lower_words: frozenset[str]) -> list[_Candidate]:
        """The surname of a person the article names in full, or a one-word person or organization
        name NER found elsewhere in it, where NER missed it ("Sanders countered", the tagger reading
        a noun; "Monsanto faced charges" opening a sentence): a title-case word the article never
        writes in lower case, not part of a longer capitalized name."""
        found = []
        echoed = set(surnames) | {e.text.lower() for e in doc.ents
                                  if len(e) == 1 and e.label_ in ("PERSON", "ORG") and e[0].is_title}
        for token in tokens_whose_text(doc, lambda text: text.istitle() and text.lower() in echoed and text not in lower_words):
            if token.ent_type_ or token.pos_ not in ("PROPN", "NOUN"):
                continue
            # the words beside it, where no sentence starts between or at them
            before = doc[token.i - 1] if token.i > 0 and not token.is_sent_start and not doc[token.i - 1].is_sent_start \
                else None
            after = doc[token.i + 1] if token.i + 1 < len(doc) and not doc[token.i + 1].is_sent_start else None
            if any(n is not None and n.is_title and n.pos_ == "PROPN" for n in (before, after)):
                continue  # "Sanders Street", "Mr Sanders" (the titled candidate takes it)
            if not self._acceptable_name(doc[token.i : token.i + 1]):
                continue
            mention = new_mention(doc, token.i, token.i + 1, MentionKind.NAME, token.text, origin="echo")
            found.append(_Candidate(token.i, token.i + 1, _PRIORITY_SPEAKER, mention))
        return found

    def _party_letter_candidates(self, doc: Doc) -> list[_Candidate]:
        """The party letter of a politician's affiliation: the "R" of "Jo Roe (R-Tex.)" or "(D)"."""
        found = []
        for token in tokens_whose_text(doc, self.lexicon.party_letters.__contains__):
            party = self.lexicon.party_letters[token.text]
            if token.i == 0 or token.i + 1 >= len(doc) or doc[token.i - 1].text != "(" \
                    or doc[token.i + 1].text not in ("-", ")", "–"):
                continue
            end = next((i for i in range(token.i + 1, min(token.i + 6, len(doc))) if doc[i].text == ")"), token.i + 1)
            known = self.lexicon.known.get(name_key(party))  # "R-Tex." is the party, the state its detail
            mention = new_mention(doc, token.i, end, MentionKind.NAME, doc[token.i : end].text, origin=PARTY_LETTER_ORIGIN)
            mention.head = token.i
            mention.fixed_type = known.type if known is not None else EntityType.ORGANIZATION
            mention.canonical = known.name if known is not None else party
            found.append(_Candidate(token.i, end, _PRIORITY_PATTERN, mention))
        return found

    def _ner_segments(self, doc: Doc, ent: Span, lower_words: frozenset[str],
                      cut: int | None = None) -> list[tuple[int, int]]:
        """An NER span without determiners and titles, cut at punctuation and possessives, and
        at the token `cut` (the "and" of two names glued together); `lower_words`: the words the
        article writes in lower case."""
        segments, start = [], ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or i == cut or doc[i].text in _SPLIT_TOKENS or _spaced_dash(doc, i) \
                    or set(doc[i].text) <= _QUOTES_AND_DASHES:
                if start < i:
                    segments.append((start, i))
                start = i + 1
        cleaned = []
        for a, b in segments:
            a, b = strip_determiner(doc, a, b, self.determiners)
            if a < b and _capitalized_for_the_sentence(doc, a, b, lower_words) \
                    and not (b - a > 1 and name_key(doc[a].text) in self.lexicon.given_names):  # "Will Hutton"
                a += 1  # "Observes Mr Hadi", "Dubbed", "Fraud doesn't …": capitalized because it opens the sentence
            titled, a = a, self.context.strip_titles(doc, a, b)
            if a > titled and a < b and doc[a].is_lower:
                continue  # "the King of Spain", "Secretary of State": a role with its complement, no name
            while b > a and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("’s", "'s") or _trailing_function_word(doc[b - 1])):
                b -= 1
            if a < b:
                cleaned.append((a, b))
        return cleaned

    def _ner_mention(self, doc: Doc, label: str, start: int, end: int) -> Mention | None:
        span = doc[start:end]
        if not self._acceptable_name(span, titled_surname=label == "PERSON"):
            return None
        text = clean_display(span.text)
        mention = new_mention(doc, start, end, MentionKind.NAME, text, origin=f"ner:{label}")
        head = doc[mention.head]
        if self.context.names_product(head) or (len(span) >= 2 and _MODEL_CODE.match(span[-1].text)):
            return None  # "the drug Ostra", "the Ostra X5": a product names no actor
        gender = self.context.title_gender(doc, start)
        titled = self.context.has_title(doc, start)
        given = self.lexicon.given_names.get(name_key(span[0].text))
        mention.gender = gender or (given if len(span) >= 2 else None)  # a bare "Clinton" is no given name
        mention.plural = label == "NORP" and head.tag_ in ("NNS", "NNPS")  # "Kashmiris": never "he"
        mention.roles = self.context.roles(head) | _title_role(doc, start, titled)
        if label == "GPE" and name_key(text) in self.lexicon.countries:
            country = self.lexicon.countries[name_key(text)]
            mention.country = country.name
        return mention

    def _acceptable_name(self, span: Span, *, titled_surname: bool = False) -> bool:
        """`titled_surname`: NER read the span as a person, so after "Mr." a title word is a surname."""
        if not any(capitalized_word(t) for t in span):
            return False
        if any(_ORDINAL.match(t.text) for t in span) and not any(t.is_alpha for t in span):
            return False
        if len(span) == 1 and _ORDINAL.match(span.text):
            return False
        key = span.text.casefold()
        if key in self.not_entity or span[0].text.casefold() in self.not_entity:
            return False
        if span[0].pos_ == "PRON":
            return False
        if self.context.is_title_phrase(span.doc, span.start, span.end) and not (
                titled_surname and self.context.title_gender(span.doc, span.start) is not None):
            return False  # "the Governor", "Mr Speaker"; but a person after "Mr.": "Mr. King", "Ms. Bishop"
        if len(span) >= 2 and span[-1].is_title and span[-1].lower_ in self.not_actor_closers:
            return False  # a law, a treaty, a scheme: "the Clean Air Act", "the Lisbon Agenda"
        return len(span) <= self.max_name_tokens

    def _looks_like_person(self, span: Span, surnames: frozenset[str] = frozenset()) -> bool:
        """Two or more title-case words starting with a known given name ("Lilian Tintori"), or
        one title-case word that is the surname of a person the article names in full."""
        tokens = [t for t in span if not t.is_punct]
        if len(tokens) == 1:
            return tokens[0].is_title and tokens[0].lower_ in surnames
        return (
            len(tokens) >= 2
            and all(t.is_title for t in tokens)
            and name_key(tokens[0].text) in self.lexicon.given_names
        )

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


def _named_in_body(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name in a headline is kept only when the body names it too: the same name or
    canonical name, or a one-word name that is the given name or surname of a person the body
    names ("Maduro" over a story about Nicolás Maduro). "X Warns", "Budget Gap" are not kept."""
    headlines = doc._.ng_headlines or []
    if not headlines:
        return mentions

    def in_headline(m: Mention) -> bool:
        return is_in_headline(headlines, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))

    body = [m for m in mentions if not in_headline(m)]
    known = {m.key for m in body} | {name_key(m.canonical) for m in body if m.canonical}
    for m in body:
        words = m.key.split()
        if len(words) >= 2 and m.origin in _PERSON_ORIGINS:  # a person's given name or surname, not "Court" of "Court of Appeals"
            known.update((words[0], words[-1]))
    return [m for m in mentions if not in_headline(m) or m.key in known
            or (m.canonical is not None and name_key(m.canonical) in known)]


_PERSON_ORIGINS = frozenset({"ner:PERSON", "speaker", "titled"})


def _glued_pair(doc: Doc, ent: Span, surnames: dict[str, frozenset[str]]) -> int | None:
    """The "and" of an NER span that glues two names together ("Ostra and Kestrel", "Roe and
    Doe"): each side title-case, and one of them a name NER found on its own elsewhere in the Doc
    or the surname of a person named in full. "Food and Drug Administration" is one name."""
    ands = [t.i for t in ent[1:-1] if t.lower_ == "and"]
    if len(ands) != 1:
        return None
    cut = ands[0]
    left, right = doc[ent.start : cut], doc[cut + 1 : ent.end]
    if not (left[0].is_title or left[0].is_upper) or not (right[0].is_title or right[0].is_upper):
        return None
    elsewhere = {e.text for e in doc.ents if e.start != ent.start}

    def named(side: Span) -> bool:
        return side.text in elsewhere or (len(side) == 1 and side.text.lower() in surnames)

    return cut if named(left) or named(right) else None


def _person_surnames(doc: Doc) -> dict[str, frozenset[str]]:
    """Lower-case surname -> the two-or-more-word person names NER found in the Doc that end in it."""
    found: dict[str, set[str]] = {}
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title:
            found.setdefault(e[-1].lower_, set()).add(name_key(e.text))
    return {w: frozenset(full) for w, full in found.items()}


_SENTENCE_WORD_TAGS = frozenset({"VERB", "AUX", "ADV", "ADJ", "ADP", "SCONJ", "CCONJ", "PRON", "DET"})
_FUNCTION_TAGS = frozenset({"CCONJ", "ADP", "DET", "SCONJ", "PART"})


def _lower_case_words(doc: Doc) -> frozenset[str]:
    """The words the Doc writes in lower case (`t.text` of every token `is_lower and is_alpha`)."""
    if len(doc) == 0:
        return frozenset()
    attrs = doc.to_array([ORTH, IS_LOWER, IS_ALPHA])
    orths = numpy.unique(attrs[(attrs[:, 1] == 1) & (attrs[:, 2] == 1), 0])
    return frozenset(doc.vocab.strings[h] for h in orths.tolist())


def _proper_nouns_verbs_and_sentence_starts(doc: Doc) -> list[Token]:
    if len(doc) == 0:
        return []
    attrs = doc.to_array([POS, SENT_START])
    wanted = (attrs[:, 0] == PROPN) | (attrs[:, 0] == VERB) | (attrs[:, 1] == 1)
    return [doc[int(i)] for i in numpy.flatnonzero(wanted)]


def _capitalized_for_the_sentence(doc: Doc, start: int, end: int, lower_words: frozenset[str]) -> bool:
    """A word opening a sentence (or a quote that opens one) that is no part of the name after
    it: a verb or adjective ("Dubbed", "Observes Mr Hadi"), or, alone, a word the article also
    writes in lower case ("Fraud", or "Closures" beside "closure") or coordinates with common
    nouns ("Research and development")."""
    first = doc[start]
    opening = first.is_sent_start or (start > 0 and doc[start - 1].is_quote and doc[start - 1].is_sent_start)
    if not opening or not first.is_title:
        return False
    singular = first.lower_[:-1] if first.lower_.endswith("s") else None  # "Closures" beside "closure"
    return first.pos_ in _SENTENCE_WORD_TAGS or (end - start == 1 and (
        first.lower_ in lower_words or singular in lower_words or _coordinated_with_common_nouns(first)))


def _coordinated_with_common_nouns(token: Token) -> bool:
    """ "Sugar, tea and cotton", "Research and development": an opening word coordinated with a
    bare lower-case common noun is one of them ("Ostra and its rivals" is a name)."""
    return any(c.pos_ == "NOUN" and c.is_lower and not any(d.dep_ in ("det", "poss") for d in c.children)
               for c in token.conjuncts)


def _trailing_function_word(token: Token) -> bool:
    """ "Hard Rock and": a name does not end in a lower-case function word."""
    return token.is_lower and token.pos_ in _FUNCTION_TAGS


def _one_member(token: Token) -> bool:
    """A singular noun that a party's or group's name heads, with an article or an adjective of
    its own: one member described ("a Democrat", "a senior Ohio Republican")."""
    if token.tag_ in ("NNS", "NNPS") or token.dep_ in ("amod", "compound", "nmod"):
        return False  # "Republicans", "Republican senators": the party
    return any((c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one", "every", "each")) or c.dep_ == "amod"
               for c in token.children)


def _spaced_dash(doc: Doc, i: int) -> bool:
    return doc[i].text in _SPACED_DASHES and i > 0 and bool(doc[i - 1].whitespace_) and bool(doc[i].whitespace_)


def _capitalized_words(doc: Doc) -> frozenset[str]:
    """Lower-case forms of words written capitalized where capitals mean something:
    not sentence-initial, and not in a headline-case sentence ("Discussed Socialist Regime")."""
    if len(doc) == 0:
        return frozenset()
    alpha, length, title, lower, sent_start = doc.to_array([IS_ALPHA, LENGTH, IS_TITLE, LOWER, SENT_START]).T
    opening = sent_start == 1  # each sentence's first token, which is left out
    opening[0] = True
    sentence = numpy.cumsum(opening) - 1  # each token's sentence
    titled = (title == 1) & ~opening
    words = (alpha == 1) & (length > 3) & ~opening
    count = numpy.bincount(sentence[words], minlength=sentence[-1] + 1)
    titled_words = numpy.bincount(sentence[words & titled], minlength=sentence[-1] + 1)
    headline = (count >= 3) & (titled_words / numpy.maximum(count, 1) > 0.6)
    capitalized = set(lower[titled & ~headline[sentence]].tolist())
    return frozenset(doc.vocab.strings[h] for h in capitalized)


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
    return any(capitalized_word(t) for t in span)


def _subtract(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for a, b in sorted(holes):
        if cursor < a:
            pieces.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces
