"""Extraction: reading articles, the spaCy pipeline and its components, per-article records."""
