// LadybugDB variant of outlet_compare.cypher: lists are indexed from 1; label() for type().
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES|SAID]->(t)
WHERE s.id IN $entity OR t.id IN $entity
WITH s, r, t, coalesce(r.article_ids, t.article_ids) AS article_ids,
     CASE WHEN label(r) = 'SAID' THEN t.quotes ELSE r.sentences END AS evidence
UNWIND range(1, size(article_ids)) AS i
MATCH (art:Article {id: article_ids[i]})-[:PUBLISHED_BY]->(o:Outlet)
WHERE o.id IN $outlet_a OR o.id IN $outlet_b
WITH s, r, t, o, art, evidence[i] AS sentence, coalesce(r.sentences, t.sentences)[i] AS context,
     coalesce(r.quotes, t.quotes)[i] AS quote
WITH s, r, t,
     collect(DISTINCT CASE WHEN o.id IN $outlet_a THEN sentence END) AS outlet_a_sentences,
     collect(DISTINCT CASE WHEN o.id IN $outlet_b THEN sentence END) AS outlet_b_sentences,
     collect({article_id: art.id, title: art.title, outlet: art.outlet, published: art.published, url: art.url,
              sentence: context, quote: quote}) AS evidence
RETURN label(r) AS relation, coalesce(s.name, s.title) AS source, coalesce(t.name, t.text) AS target, r.status AS status,
       r.modality AS modality, outlet_a_sentences, outlet_b_sentences, evidence
ORDER BY relation, source, target
