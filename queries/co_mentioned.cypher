// Co-mentioned entities: pairs of entities mentioned in the same articles (MENTIONS), the
// most shared articles first. With `entity`, the entities mentioned alongside it; without,
// the graph's top pairs. Exact, and bounded by `min_articles`: only entities in at least that
// many articles are paired (a pair shares no more articles than either entity is in; the
// entities' `article_count` is their number of MENTIONS), and a pair is counted once per
// article (one MENTIONS link per article and entity). At 50,000 articles this fits the
// default buffer pool; counting every pair did not. Raise `min_articles` on a large graph
// for a faster answer.
//
// param entity: entity?         An entity's name or alias; every pair when left out.
// param min_articles: int = 2   Fewest shared articles.
// param limit: int = 50         How many pairs.
// column a: string              One entity (the given one, with `entity`).
// column a_type: string         Its label.
// column b: string              The other entity.
// column b_type: string         Its label.
// column articles: int          Articles mentioning both.
MATCH (x)<-[:MENTIONS]-(:Article)-[:MENTIONS]->(y)
WHERE x.article_count >= $min_articles AND y.article_count >= $min_articles
  AND ((size($entity) = 0 AND x.id < y.id) OR (x.id IN $entity AND NOT y.id IN $entity))
WITH x, y, count(*) AS articles
WHERE articles >= $min_articles
RETURN x.name AS a, labels(x)[0] AS a_type, y.name AS b, labels(y)[0] AS b_type, articles
ORDER BY articles DESC, a, b
LIMIT $limit
