// LadybugDB variant of corroborated.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES|SAID]->(t)
WHERE coalesce(r.corroboration, t.corroboration) >= $min_outlets
  AND (r.modality IS NULL OR $modality = 'any' OR r.modality = $modality)
WITH s, r, t, coalesce(r.article_ids, t.article_ids) AS ids, coalesce(r.sentences, t.sentences) AS sentences,
     coalesce(r.quotes, t.quotes) AS quotes
UNWIND range(1, size(ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = ids[i]
WITH s, r, t, collect({article_id: ids[i], title: art.title, outlet: art.outlet, published: art.published,
                      url: art.url, sentence: sentences[i], quote: quotes[i]}) AS evidence
RETURN label(r) AS relation, coalesce(s.name, s.title) AS source, label(s) AS source_type,
       coalesce(t.name, t.text) AS target, label(t) AS target_type, r.status AS status,
       coalesce(r.corroboration, t.corroboration) AS corroboration, coalesce(r.outlets, t.outlets) AS outlets,
       coalesce(r.article_count, t.article_count) AS articles,
       coalesce(r.verified, t.verified) AS verified, evidence
ORDER BY corroboration DESC, relation, source, target
