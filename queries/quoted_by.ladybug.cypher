// LadybugDB variant of quoted_by.cypher: lists are indexed from 1; label() for labels(...)[0].
MATCH (s)-[r:QUOTED_BY]->(o:Outlet)
WHERE (size($entity) = 0 OR s.id IN $entity) AND (size($outlet) = 0 OR o.id IN $outlet)
UNWIND range(1, size(r.quotes)) AS i
WITH s, o, r, i
WHERE r.quotes[i] <> ''
MATCH (art:Article {id: r.article_ids[i]})
RETURN s.name AS speaker, label(s) AS speaker_type, o.name AS outlet, r.quotes[i] AS quote,
       r.direct[i] AS direct, art.title AS article
ORDER BY speaker, outlet, article, quote
