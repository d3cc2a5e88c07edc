// What one outlet reports about an entity next to what another reports: every relation of
// the entity that articles published by either outlet support, with each outlet's sentences,
// and every statement of the entity with each outlet's wording (an empty list: that
// outlet's articles do not report it).
//
// param entity: entity                 The entity's name or alias.
// param outlet_a: outlet               The first outlet's name or alias.
// param outlet_b: outlet               The second outlet's name or alias.
// column relation: string              Relationship type (SAID for a statement).
// column source: string                Its source (an article's title for CITES).
// column target: string                Its target (a statement's words).
// column status: string                SANCTIONED only: imposed, threatened or lifted.
// column modality: string              MET_WITH, SANCTIONED, ACCUSED: asserted, planned, proposed, denied, negated or hypothetical.
// column outlet_a_sentences: list      Evidence sentences (a statement: wordings) of outlet_a's articles.
// column outlet_b_sentences: list      The same of outlet_b's articles.
// column evidence: list                Per evidence item of either outlet: article_id, title, outlet, published, url, sentence, quote.
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES|SAID]->(t)
WHERE s.id IN $entity OR t.id IN $entity
WITH s, r, t, coalesce(r.article_ids, t.article_ids) AS article_ids,
     CASE WHEN type(r) = 'SAID' THEN t.quotes ELSE r.sentences END AS evidence
UNWIND range(0, size(article_ids) - 1) AS i
MATCH (art:Article {id: article_ids[i]})-[:PUBLISHED_BY]->(o:Outlet)
WHERE o.id IN $outlet_a OR o.id IN $outlet_b
WITH s, r, t, o, art, evidence[i] AS sentence, coalesce(r.sentences, t.sentences)[i] AS context,
     coalesce(r.quotes, t.quotes)[i] AS quote
WITH s, r, t,
     collect(DISTINCT CASE WHEN o.id IN $outlet_a THEN sentence END) AS outlet_a_sentences,
     collect(DISTINCT CASE WHEN o.id IN $outlet_b THEN sentence END) AS outlet_b_sentences,
     collect({article_id: art.id, title: art.title, outlet: art.outlet, published: art.published, url: art.url,
              sentence: context, quote: quote}) AS evidence
RETURN type(r) AS relation, coalesce(s.name, s.title) AS source, coalesce(t.name, t.text) AS target, r.status AS status,
       r.modality AS modality, outlet_a_sentences, outlet_b_sentences, evidence
ORDER BY relation, source, target
