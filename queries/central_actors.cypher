// The most central actors by degree: evidence-backed relations (met, sanctioned, accused,
// quoted by, cites) an entity takes part in, either side. Neo4j community has no GDS, so
// degree it is; mentions are left out (see co_mentioned).
//
// param limit: int = 20       How many.
// column entity: string       The entity.
// column type: string         Its label.
// column degree: int          Relations it takes part in.
// column neighbours: int      Distinct entities and articles at the other end.
// column articles: int        Articles mentioning it.
MATCH (e:Person|Government|Organization|Outlet|Location)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES]-(other)
WITH e, count(r) AS degree, count(DISTINCT other) AS neighbours
RETURN e.name AS entity, labels(e)[0] AS type, degree, neighbours, e.article_count AS articles
ORDER BY degree DESC, neighbours DESC, entity
LIMIT $limit
