"""newsgraph: news articles to a knowledge graph."""
