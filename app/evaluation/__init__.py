"""Scoring the extractor against gold annotations (PolNeAR quotes, our hand-made gold set)."""
