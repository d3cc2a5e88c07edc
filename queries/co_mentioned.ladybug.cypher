// LadybugDB variant of co_mentioned.cypher: label() for labels(...)[0].
MATCH (x)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y)
WHERE x.article_count >= $min_articles AND y.article_count >= $min_articles
  AND ((size($entity) = 0 AND x.id < y.id) OR (x.id IN $entity AND NOT y.id IN $entity))
WITH x, y, count(*) AS articles
WHERE articles >= $min_articles
RETURN x.name AS a, label(x) AS a_type, y.name AS b, label(y) AS b_type, articles
ORDER BY articles DESC, a, b
LIMIT $limit
