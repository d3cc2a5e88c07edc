"""What the words around a name say about it: titles, the gender a title gives, role nouns,
speech verbs. Shared by newsgraph_names (where a name starts, its gender and roles) and
newsgraph_name_types (the type votes these cues give)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...model.names import name_key
from ..lexicon import Lexicon
from .syntax import span_text


class NameContext:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        words = lexicon.word_list
        self.person_role_heads = words("person_role_heads")
        self.organization_nouns = words("organization_nouns")
        self.speech_verbs = words("speech_verbs")
        self.person_relation_nouns = words("person_relation_nouns")
        self.organization_possessions = words("organization_possessions")  # "X's shares", "a stake in X"
        self.person_nouns = words("person_nouns")
        self.product_nouns = words("product_nouns")  # "the drug X", "the X crossover": a product, no actor
        self.product_classes = words("product_classes")  # "a small SUV - the X -": a product only in apposition
        self.organization_results = words("organization_results")  # "X reported a rise in profits"
        self.results_verbs = words("results_verbs")
        self.located_nouns = words("located_nouns")  # "a plant in X": a place
        self.list_prepositions = words("list_prepositions")  # "carmakers including X, Y and Z"
        self.outlet_closers = words("outlet_closers")  # "Canal Television"
        self.outlet_modifiers = words("outlet_modifiers")  # "the newspaper X"
        self.outlet_staff_nouns = words("outlet_staff_nouns")  # "X's editor", "a columnist for X"
        self.publication_nouns = words("publication_nouns")  # "an op-ed in X"
        self.publication_verbs = words("publication_verbs")  # "writing in X"
        self.organization_closers = words("organization_closers")  # "Ostra Foods", "Ostra Holdings", "Ostra Corp"
        self.place_closers = words("place_closers")  # "the Ostra Straits", "the Ostra Dam"
        self.state_body_closers = words("state_body_closers")  # "the Ohio Supreme Court", "Kent Police"
        self.state_body_openers = words("state_body_openers")  # "Department of Health", "Court of Appeals"
        self.legislative_chambers = words("legislative_chambers")  # "Senate Finance Committee"
        self.committee_words = words("committee_words")
        self.supranational_openers = words("supranational_openers")  # "European Court of Justice": no one state's
        self.gendered_pronouns = frozenset(w for w, (gender, _) in lexicon.pronouns.items() if gender in ("m", "f"))
        self.title_qualifiers = frozenset(name_key(w) for w in words("title_qualifiers"))

    def strip_titles(self, doc: Doc, start: int, end: int) -> int:
        """The name's start after a leading title, which may follow service words ("Army Capt.")."""
        for at in dict.fromkeys((start, start + self.qualifier_length(doc, start, end))):
            for length in (3, 2, 1):
                if end - at > length:
                    words = span_text(doc, at, at + length)
                    if name_key(words) in self.lexicon.titles or words.lower().startswith("then-"):
                        return at + length
        return start

    def qualifier_length(self, doc: Doc, start: int, end: int) -> int:
        """Tokens at `start` that qualify a title: "Army", "Air Force 1st", "U.S."."""
        i = start
        while i < end:
            step = next(
                (n for n in (2, 1) if i + n <= end and name_key(span_text(doc, i, i + n)) in self.title_qualifiers), 0
            )
            if not step:
                break
            i += step
        return i - start

    def is_title_phrase(self, doc: Doc, start: int, end: int) -> bool:
        """A span that is a title with its service words, maybe cut before the title's last words:
        "Army Capt", "Air Force 1st" before "Lt.", "Navy" before "Adm."."""
        at = start + self.qualifier_length(doc, start, end)
        for length in (3, 2, 1):
            stop = at + length
            if stop >= end and stop <= len(doc) and name_key(span_text(doc, at, stop)) in self.lexicon.titles:
                return True
        return False

    def has_title(self, doc: Doc, start: int) -> bool:
        for length in (3, 2, 1):
            if start - length >= 0 and name_key(span_text(doc, start - length, start).split("-")[-1]) in self.lexicon.titles:
                return True
        return False

    def title_gender(self, doc: Doc, start: int) -> str | None:
        if start > 0:
            return self.lexicon.title_gender.get(name_key(doc[start - 1].text))
        return None

    def has_person_modifier(self, head: Token) -> bool:
        """ "dictator Nicolás Maduro", "adviser H.R. McMaster": a role noun in front of a name."""
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "appos") and child.pos_ == "NOUN" and child.tag_ != "NNS":
                # singular: "analyst Jo Roe" is a person, "analysts Roe-Westwood" a firm
                if child.lemma_.lower() in self.person_role_heads | self.person_nouns \
                        or name_key(child.text) in self.lexicon.titles:
                    return True
        return any(
            c.dep_ == "appos" and c.lemma_.lower() in self.person_relation_nouns | self.person_nouns | self.person_role_heads
            for c in head.rights
        )

    def modifies_organization_noun(self, head: Token) -> bool:
        """ "the Maserati brand", "the Ostra car company": the name modifies an organization noun."""
        token = head
        for _ in range(2):
            if token.dep_ != "compound" or token.head.i <= token.i:
                return False
            token = token.head
            if token.lemma_.lower() in self.organization_nouns:
                return True
        return False

    def owns_organization_noun(self, head: Token) -> bool:
        """What only a company has: "X's shares", "X's chief executive", "a stake in X", "X shares",
        "the X chairman", "X's profit figures"."""
        owner = head.head
        if head.dep_ == "poss" or (head.dep_ == "compound" and owner.i > head.i
                                   and owner.lemma_.lower() not in self.located_nouns):  # "X shares"; "an Ohio plant" is a place's
            # "X's profit figures": the possessed noun or a noun compounded into it
            return owner.i != head.i and any(
                w.lemma_.lower() in self.organization_possessions
                for w in (owner, *(c for c in owner.lefts if c.dep_ == "compound" and c.i > head.i)))
        if head.dep_ == "pobj" and owner.lower_ in ("in", "of"):  # "a stake in X"; "a plant in X" is a place
            return owner.head.lemma_.lower() in self.organization_possessions and not self.is_located(head)
        return False

    def is_based_somewhere(self, head: Token) -> bool:
        """ "Santa Monica-based Ostra": what is based somewhere is an organization."""
        return any(c.dep_ == "amod" and c.lower_ == "based" and c.i < head.i for c in head.lefts)

    def employs_someone(self, head: Token) -> bool:
        """ "an economist at Ostra", "Jo Roe at Ostra": where a person works is an organization."""
        preposition = head.head
        if head.dep_ != "pobj" or preposition.lower_ != "at":
            return False
        person = preposition.head
        return person.ent_type_ == "PERSON" or (
            person.pos_ == "NOUN" and person.lemma_.lower() in self.person_role_heads | self.person_nouns)

    def names_product(self, head: Token) -> bool:
        """ "the cancer drug Ostra", "the Ostra crossover", "Ostra, a vaccine": a product's name;
        "a small SUV - the Ostra -", "the Ostra, a car": a product named in apposition to its class."""
        owner, classes = head.head, self.product_nouns | self.product_classes
        if (owner.lemma_.lower() in self.product_nouns and head.dep_ == "compound" and owner.i > head.i) \
                or (owner.lemma_.lower() in classes and head.dep_ == "appos"):
            return True
        return any(c.dep_ in ("compound", "appos", "nmod") and c.lemma_.lower() in self.product_nouns for c in head.children) \
            or any(c.dep_ == "appos" and c.lemma_.lower() in classes for c in head.rights)

    def reports_results(self, head: Token) -> bool:
        """ "Ostra reported a 5% rise in profits", "Ostra posted a loss": what a company reports."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in self.results_verbs:
            return False
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            if obj.lemma_.lower() in self.organization_results:
                return True
            if any(p.dep_ == "prep" and p.lower_ in ("in", "of") and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in self.organization_results for o in p.children)
                   for p in obj.children):
                return True
        return False

    def listed_under(self, head: Token) -> str | None:
        """The noun a list introduced by "including", "like" or "such as" hangs on, for the list's
        names: "carmakers, including Ostra, Kestrel and Ford" -> "carmaker"."""
        first = head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        preposition = first.head
        if first.dep_ != "pobj" or preposition.lower_ not in self.list_prepositions:
            return None
        noun = preposition.head
        if preposition.lower_ == "as" and noun.lower_ == "such":  # "firms such as X"
            noun = noun.head
        return noun.lemma_.lower() if noun.pos_ == "NOUN" else None

    def is_located(self, head: Token) -> bool:
        """ "a plant in Brinsley", "the site at Brinsley": where a facility is, is a place."""
        preposition = head.head
        return head.dep_ == "pobj" and preposition.lower_ in ("in", "at", "near") \
            and preposition.head.pos_ == "NOUN" and preposition.head.lemma_.lower() in self.located_nouns

    def names_base(self, head: Token) -> bool:
        """ "Bermuda-based insurers": the name before "-based" is a place; "The Brinsley,
        Derbyshire-based firm": so is the name before a "Y-based" organization noun in apposition."""
        if head.dep_ in ("npadvmod", "compound") and head.head.lower_ == "based" and head.head.i > head.i:
            return True
        return any(
            c.dep_ == "appos" and c.lemma_.lower() in self.organization_nouns
            and any(a.dep_ == "amod" and a.lower_ == "based" for a in c.lefts)
            and not any(a.dep_ == "det" for a in c.lefts)  # "Titan, a California-based company": Titan is the company
            for c in head.rights
        )

    def names_state_body(self, span: Span) -> bool:
        """ "the Ohio Supreme Court", "Kent Police", "the Health Department", "Court of Appeals",
        "the Senate Finance Committee": a name of a state's court, legislature, ministry or police
        (a Government); not "the European Court of Justice" or "the World Court"."""
        words = [t.lower_.rstrip(".") for t in span if t.is_alpha or t.text.rstrip(".").isalpha()]
        if len(words) < 2 or not all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in span):
            return False
        if words[0] in self.supranational_openers:
            return False
        if words[-1] in self.state_body_closers:
            return True
        if any(w in self.state_body_openers and after == "of" for w, after in zip(words, words[1:])):
            return True  # "Department of Health", "the Ohio Department of Health"
        return words[-1] in self.committee_words and any(w in self.legislative_chambers for w in words[:-1])

    def names_outlet(self, span: Span) -> bool:
        """ "Canal Television", "the newspaper La Voz", "the daily La Voz": an outlet's name."""
        head = span.root
        if len(span) >= 2 and span[-1].lower_ in self.outlet_closers:
            return True
        return any(c.dep_ in ("compound", "appos", "nmod") and c.lemma_.lower() in self.outlet_modifiers
                   and c.i < head.i for c in head.children)

    def serves_as_outlet(self, head: Token) -> bool:
        """ "X's political editor", "X reporters", "a columnist for X", "a reporter at X", "an op-ed
        in X", "writing in X", "an interview with X": what only a news outlet has or prints."""
        owner = head.head
        if head.dep_ in ("poss", "compound") and owner.i > head.i:
            return owner.lemma_.lower() in self.outlet_staff_nouns
        if head.dep_ != "pobj":
            return False
        word, preposition = owner.head, owner.lower_
        lemma = word.lemma_.lower()
        if preposition in ("for", "at", "with") and word.pos_ == "NOUN" and lemma in self.outlet_staff_nouns:
            return True
        if preposition == "in":
            return (word.pos_ == "NOUN" and self.publication_nouns.intersection((lemma, _hyphenated(word)))) \
                or (word.pos_ == "VERB" and lemma in self.publication_verbs)
        return preposition == "with" and lemma == "interview"

    def binds_pronoun(self, head: Token, quoted: frozenset[int] = frozenset(), *,
                      pronouns: frozenset[str] | None = None) -> bool:
        """ "X claimed that he …", "X said his …": the name is the subject of a verb whose own
        complement clause has one of `pronouns` (he / she / his by default) as its subject or
        its subject's owner."""
        pronouns = self.gendered_pronouns if pronouns is None else pronouns
        verb = head.head
        if head.dep_ != "nsubj" or verb.i == head.i:
            return False
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.i < head.i:
                continue
            for word in clause.subtree:
                if word.lower_ in pronouns and word.i not in quoted and (
                        word.dep_ in ("nsubj", "nsubjpass") and word.head.i == clause.i
                        or word.dep_ == "poss" and word.head.dep_ in ("nsubj", "nsubjpass") and word.head.head.i == clause.i):
                    return True
        return False

    def has_relative(self, head: Token, pronouns: tuple[str, ...]) -> bool:
        """ "X, who …" (`pronouns` who / whom / whose), "X, which …": a relative clause on the name."""
        return any(
            c.dep_ == "relcl" and any(w.lower_ in pronouns and w.i > head.i for w in c.children)
            for c in head.rights
        )

    def speaks(self, token: Token) -> bool:
        """The subject of a speech verb: "Jealous said", "Labott tweeted"."""
        return token.dep_ == "nsubj" and token.head.pos_ == "VERB" and token.head.lemma_.lower() in self.speech_verbs

    def roles(self, head: Token) -> frozenset[str]:
        """Role nouns a name is introduced with: "chairman Guy Mansfield", "Guy Mansfield, the chairman"."""
        return frozenset(
            c.lemma_.lower() for c in head.children
            if c.dep_ in ("compound", "appos", "nmod") and c.pos_ == "NOUN"
            and c.lemma_.lower() in self.person_role_heads | self.person_nouns
        )

    def has_organization_modifier(self, head: Token) -> bool:
        """ "oil firm Yukos", "rival Euronext", "Euronext, the pan-European exchange"."""
        if self.names_base(head):
            return False
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i and child.lemma_.lower() in self.organization_nouns:
                return True
            if child.dep_ == "appos" and child.lemma_.lower() in self.organization_nouns:
                return True
        return head.dep_ == "appos" and head.head.lemma_.lower() in self.organization_nouns


def _hyphenated(word: Token) -> str:
    """The word with the hyphenated part the tokenizer split off in front: "op-ed" for "ed"."""
    doc = word.doc
    if word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 1].whitespace_ == "" and doc[word.i - 2].whitespace_ == "":
        return doc[word.i - 2 : word.i + 1].text.lower()
    return word.lower_
