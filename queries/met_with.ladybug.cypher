// LadybugDB variant of met_with.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (x)-[r:MET_WITH]->(y)
WHERE (size($entity) = 0 OR x.id IN $entity OR y.id IN $entity) AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(1, size(r.article_ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH x, r, y, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                       published: art.published, url: art.url, sentence: r.sentences[i],
                       quote: r.quotes[i]}) AS evidence
RETURN x.name AS a, label(x) AS a_type, y.name AS b, label(y) AS b_type, r.modality AS modality,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.sentences AS sentences,
       r.verified AS verified, evidence
ORDER BY corroboration DESC, a, b
