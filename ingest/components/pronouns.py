"""`newsgraph_pronouns`: personal and possessive pronouns, with the gender and number they carry.

A pronoun inside a name ("Her Majesty's Treasury") is part of that name, not a pronoun.
Which entity a pronoun stands for is newsgraph_coref's decision.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import Lexicon
from .mention_search import new_mention, tokens_with, word_hashes
from .types import Mention, MentionKind, register_extensions


@Language.factory(
    "newsgraph_pronouns",
    requires=["doc._.ng_names", "token.pos"],
    assigns=["doc._.ng_pronouns"],
    default_config={},
)
def make_pronoun_finder(nlp: Language, name: str) -> PronounFinder:
    return PronounFinder()


class PronounFinder:
    """Call `initialize(lexicon=...)` before use (`add_components` does)."""

    def __init__(self) -> None:
        register_extensions()
        self.lexicon: Lexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, lexicon: Lexicon | None = None) -> None:
        from ..lexicon import load_lexicon

        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.pronouns = self.lexicon.pronouns
        self.pronoun_words = word_hashes(self.pronouns)

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise RuntimeError("newsgraph_pronouns needs initialize(lexicon=...) first")
        covered = {i for m in doc._.ng_names or [] for i in range(m.start, m.end)}
        found: list[Mention] = []
        for token in tokens_with(doc, self.pronoun_words):
            info = self.pronouns.get(token.lower_)
            if info is None or token.pos_ != "PRON" or token.i in covered:
                continue
            mention = new_mention(doc, token.i, token.i + 1, MentionKind.PRONOUN, token.text, origin="pronoun")
            mention.gender, mention.plural = info
            found.append(mention)
        doc._.ng_pronouns = found
        return doc
