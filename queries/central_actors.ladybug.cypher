// LadybugDB variant of central_actors.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (e:Person|Government|Organization|Outlet)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|SAID]-(other)
WHERE r.modality IS NULL OR $modality = 'any' OR r.modality = $modality
WITH e, count(r) AS degree, count(CASE WHEN label(r) = 'SAID' THEN 1 END) AS statements,
     count(DISTINCT CASE WHEN label(r) = 'SAID' THEN NULL ELSE other.id END) AS neighbours
RETURN e.name AS entity, label(e) AS type, degree, degree - statements AS relations, statements, neighbours,
       e.article_count AS articles
ORDER BY degree DESC, neighbours DESC, entity
LIMIT $limit
