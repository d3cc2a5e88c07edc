// The most central actors: the evidence-backed relations (met, sanctioned, accused, quoted
// by an outlet it gave words to) and the statements an entity takes part in. Being a
// publisher, or a source an article cites, counts for nothing here; mentions neither (see
// co_mentioned). Neo4j community has no GDS, so degree it is. Meetings, sanctions and
// accusations that happened by default (`modality`).
//
// param limit: int = 20       How many.
// param modality: modality = asserted  Event relations of this modality (any: all of them).
// column entity: string       The entity.
// column type: string         Its label.
// column degree: int          Relations and statements it takes part in.
// column relations: int       Relations.
// column statements: int      Statements it made.
// column neighbours: int      Distinct entities at the other end of its relations.
// column articles: int        Articles mentioning it.
MATCH (e:Person|Government|Organization|Outlet)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|SAID]-(other)
WHERE r.modality IS NULL OR $modality = 'any' OR r.modality = $modality
WITH e, count(r) AS degree, count(CASE WHEN type(r) = 'SAID' THEN 1 END) AS statements,
     count(DISTINCT CASE WHEN type(r) = 'SAID' THEN NULL ELSE other.id END) AS neighbours
RETURN e.name AS entity, labels(e)[0] AS type, degree, degree - statements AS relations, statements, neighbours,
       e.article_count AS articles
ORDER BY degree DESC, neighbours DESC, entity
LIMIT $limit
