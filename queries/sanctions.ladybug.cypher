// LadybugDB variant of sanctions.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (s)-[r:SANCTIONED]->(t)
WHERE (size($entity) = 0 OR s.id IN $entity OR t.id IN $entity) AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(1, size(r.article_ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH s, r, t, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                       published: art.published, url: art.url, sentence: r.sentences[i],
                       quote: r.quotes[i]}) AS evidence
RETURN s.name AS sanctioner, label(s) AS sanctioner_type, t.name AS sanctioned,
       label(t) AS sanctioned_type, r.status AS status, r.modality AS modality, r.corroboration AS corroboration,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen, r.sentences AS sentences,
       r.verified AS verified, evidence
ORDER BY sanctioner, sanctioned, status
