"""Graph stores: the embedded LadybugDB store and Neo4j."""
