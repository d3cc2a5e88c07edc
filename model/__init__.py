"""The leaf of newsgraph: the typed domain model, extraction records, stable ids and name keys.

Imports nothing of ours; every other layer imports it.
"""
