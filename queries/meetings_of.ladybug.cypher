// LadybugDB variant of meetings_of.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (e)-[r:MET_WITH]-(other)
WHERE e.id IN $entity AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(1, size(r.article_ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH e, r, other, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                           published: art.published, url: art.url, sentence: r.sentences[i],
                           quote: r.quotes[i]}) AS evidence
RETURN e.name AS entity, other.name AS met, label(other) AS met_type, r.modality AS modality,
       r.corroboration AS corroboration, r.outlets AS outlets, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.sentences AS sentences, r.article_ids AS articles,
       r.verified AS verified, evidence
ORDER BY corroboration DESC, met
