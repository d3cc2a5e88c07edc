// LadybugDB variant of outlet_compare.cypher: lists are indexed from 1; label() for type().
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES|SAID]->(t)
WHERE s.id IN $entity OR t.id IN $entity
WITH s, r, t, coalesce(r.article_ids, t.article_ids) AS article_ids,
     CASE WHEN label(r) = 'SAID' THEN t.quotes ELSE r.sentences END AS evidence
UNWIND range(1, size(article_ids)) AS i
MATCH (:Article {id: article_ids[i]})-[:PUBLISHED_BY]->(o:Outlet)
WHERE o.id IN $outlet_a OR o.id IN $outlet_b
WITH s, r, t, o, evidence[i] AS sentence
WITH s, r, t,
     collect(DISTINCT CASE WHEN o.id IN $outlet_a THEN sentence END) AS outlet_a_sentences,
     collect(DISTINCT CASE WHEN o.id IN $outlet_b THEN sentence END) AS outlet_b_sentences
RETURN label(r) AS relation, coalesce(s.name, s.title) AS source, coalesce(t.name, t.text) AS target, r.status AS status,
       r.modality AS modality, outlet_a_sentences, outlet_b_sentences
ORDER BY relation, source, target
