// LadybugDB variant of outlet_compare.cypher: lists are indexed from 1; label() for type().
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES]->(t)
WHERE s.id IN $entity OR t.id IN $entity
UNWIND range(1, size(r.article_ids)) AS i
MATCH (:Article {id: r.article_ids[i]})-[:PUBLISHED_BY]->(o:Outlet)
WHERE o.id IN $outlet_a OR o.id IN $outlet_b
WITH s, r, t, o, r.sentences[i] AS sentence
WITH s, r, t,
     collect(DISTINCT CASE WHEN o.id IN $outlet_a THEN sentence END) AS outlet_a_sentences,
     collect(DISTINCT CASE WHEN o.id IN $outlet_b THEN sentence END) AS outlet_b_sentences
RETURN label(r) AS relation, coalesce(s.name, s.title) AS source, t.name AS target, r.status AS status,
       outlet_a_sentences, outlet_b_sentences
ORDER BY relation, source, target
