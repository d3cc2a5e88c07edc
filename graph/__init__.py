"""Cross-article resolution and graph assembly: extraction records in, a `KnowledgeGraph` out."""
