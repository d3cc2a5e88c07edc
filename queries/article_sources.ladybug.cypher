// LadybugDB variant of article_sources.cypher: TRAIL (Neo4j's default: no relationship twice
// in a path), list_transform() for list comprehensions, label() for labels(...)[0].
MATCH p = (a:Article)-[:CITES* TRAIL 1..4]->(src)
WHERE size($article) = 0 OR a.id IN $article
RETURN a.title AS article, length(p) AS hops, src.name AS source, label(src) AS source_type,
       list_transform(nodes(p), n -> coalesce(n.name, n.title)) AS chain,
       list_transform(nodes(p), n -> label(n)) AS chain_types
ORDER BY article, hops, source
