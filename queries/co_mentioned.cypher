// Co-mentioned entities: pairs of entities mentioned in the same articles (MENTIONS), the
// most shared articles first. With `entity`, the entities mentioned alongside it.
//
// param entity: entity?         An entity's name or alias; every pair when left out.
// param min_articles: int = 2   Fewest shared articles.
// param limit: int = 50         How many pairs.
// column a: string              One entity (the given one, with `entity`).
// column a_type: string         Its label.
// column b: string              The other entity.
// column b_type: string         Its label.
// column articles: int          Articles mentioning both.
MATCH (x)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(y)
WHERE (size($entity) = 0 AND x.id < y.id) OR (x.id IN $entity AND NOT y.id IN $entity)
WITH x, y, count(DISTINCT art) AS articles
WHERE articles >= $min_articles
RETURN x.name AS a, labels(x)[0] AS a_type, y.name AS b, labels(y)[0] AS b_type, articles
ORDER BY articles DESC, a, b
LIMIT $limit
