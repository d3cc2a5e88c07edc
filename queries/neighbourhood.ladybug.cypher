// LadybugDB variant of neighbourhood.cypher: label() for type() and labels(...)[0]; the
// relationship's _SRC for startNode().
MATCH (e)-[r]-(x)
WHERE e.id IN $entity AND ($mentions OR label(r) <> 'MENTIONS')
WITH e, r, x, coalesce(r.article_ids, x.article_ids, []) AS ids,
     coalesce(r.sentences, x.sentences, []) AS sentences, coalesce(r.quotes, x.quotes, []) AS quotes
// links hold no evidence: one row each still, the lists padded so that index 1 exists
WITH e, r, x, ids, ids + [''] AS padded, sentences + [''] AS sentences, quotes + [''] AS quotes
UNWIND range(1, CASE WHEN size(ids) = 0 THEN 1 ELSE size(ids) END) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = padded[i]
WITH e, r, x, collect(CASE WHEN i <= size(ids) THEN {article_id: padded[i], title: art.title,
                      outlet: art.outlet, published: art.published, url: art.url,
                      sentence: sentences[i], quote: quotes[i]} END) AS evidence
RETURN label(r) AS relation,
       CASE WHEN label(r) = 'MET_WITH' THEN 'both' WHEN struct_extract(r, '_SRC') = id(e) THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.title, x.text) AS neighbour, label(x) AS neighbour_type, r.status AS status, r.modality AS modality,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes,
       coalesce(r.verified, x.verified) AS verified, evidence
ORDER BY relation, direction, neighbour
