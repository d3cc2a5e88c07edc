// LadybugDB variant of co_mentioned.cypher: label() for labels(...)[0].
MATCH (t:Person|Government|Organization|Outlet|Location)
WHERE size($entity) = 0
WITH t ORDER BY t.article_count DESC LIMIT $limit
WITH min(t.article_count) AS top
OPTIONAL MATCH (x)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y)
WHERE x.article_count >= top AND y.article_count >= top AND x.id < y.id
WITH x, y, count(*) AS shared
ORDER BY shared DESC LIMIT $limit
WITH min(shared) AS bound, count(*) AS found
WITH CASE WHEN found < $limit OR bound < $min_articles THEN $min_articles ELSE bound END AS floor
MATCH (x)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y)
WHERE (size($entity) = 0 AND x.article_count >= floor AND y.article_count >= floor AND x.id < y.id)
   OR (x.id IN $entity AND NOT y.id IN $entity AND y.article_count >= floor)
WITH x, y, floor, count(*) AS articles
WHERE articles >= floor
RETURN x.name AS a, label(x) AS a_type, y.name AS b, label(y) AS b_type, articles
ORDER BY articles DESC, a, b
LIMIT $limit
