// LadybugDB variant of timeline.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (e)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|SAID]-(x)
WHERE e.id IN $entity
WITH e, r, x, coalesce(r.first_seen, x.first_seen) AS first_seen, coalesce(r.last_seen, x.last_seen) AS last_seen
WHERE ($since = '' OR last_seen >= $since) AND ($until = '' OR first_seen <= $until)
WITH e, r, x, first_seen, last_seen, coalesce(r.article_ids, x.article_ids) AS ids,
     coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes
UNWIND range(1, size(ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = ids[i]
WITH e, r, x, first_seen, last_seen,
     collect({article_id: ids[i], title: art.title, outlet: art.outlet, published: art.published,
              url: art.url, sentence: sentences[i], quote: quotes[i]}) AS evidence
RETURN first_seen, last_seen, label(r) AS relation,
       CASE WHEN label(r) = 'MET_WITH' THEN 'both' WHEN struct_extract(r, '_SRC') = id(e) THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.text) AS counterpart,
       coalesce(r.status, CASE WHEN r.modality = 'asserted' THEN NULL ELSE r.modality END) AS status,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       list_extract(coalesce(r.sentences, x.sentences), 1) AS sentence,
       coalesce(r.verified, x.verified) AS verified, evidence
ORDER BY first_seen, relation, counterpart
