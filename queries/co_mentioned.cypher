// Co-mentioned entities: pairs of entities mentioned in the same articles (MENTIONS), the
// most shared articles first. With `entity`, the entities mentioned alongside it. Without,
// the top pairs of the whole graph, exactly and without counting every pair: the pairs among
// the `limit` entities in most articles give a floor (the `limit`-th best count among them;
// the true `limit`-th best is at least that), and then only the entities in at least that
// many articles are paired (a pair shares no more articles than either entity is in). At
// 50,000 articles this stays within the default buffer pool; counting every pair did not.
//
// param entity: entity?         An entity's name or alias; every pair when left out.
// param min_articles: int = 2   Fewest shared articles.
// param limit: int = 50         How many pairs.
// column a: string              One entity (the given one, with `entity`).
// column a_type: string         Its label.
// column b: string              The other entity.
// column b_type: string         Its label.
// column articles: int          Articles mentioning both.
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
RETURN x.name AS a, labels(x)[0] AS a_type, y.name AS b, labels(y)[0] AS b_type, articles
ORDER BY articles DESC, a, b
LIMIT $limit
