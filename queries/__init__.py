"""Named Cypher queries."""
