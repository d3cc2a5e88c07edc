"""Our spaCy components. Importing this package registers their factories."""

from . import coref, line_breaks, mentions, quotes, relations  # noqa: F401  (registers factories)
