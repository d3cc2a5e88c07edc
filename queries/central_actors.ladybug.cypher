// LadybugDB variant of central_actors.cypher: label() for labels(...)[0].
MATCH (e:Person|Government|Organization|Outlet|Location)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES]-(other)
WITH e, count(r) AS degree, count(DISTINCT other) AS neighbours
RETURN e.name AS entity, label(e) AS type, degree, neighbours, e.article_count AS articles
ORDER BY degree DESC, neighbours DESC, entity
LIMIT $limit
