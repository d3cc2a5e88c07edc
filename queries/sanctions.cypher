// Sanctions given and received: who sanctioned whom, imposed, threatened or lifted.
// With `entity`, the sanctions that entity gave or received; stated facts by default
// (`modality`), reported in the `since`/`until` window when given.
//
// param entity: entity?          An entity's name or alias; every sanction when left out.
// param modality: modality = asserted  asserted (the default: facts the text states), planned, proposed, denied, negated, hypothetical, or any.
// param since: date?          Only what articles published on or after this day report (YYYY-MM-DD, YYYY-MM or YYYY).
// param until: date?          Only what articles published up to this day report.
// column sanctioner: string      Who imposed, threatened or lifted the sanction.
// column sanctioner_type: string Its label (Government, Organization).
// column sanctioned: string      Whom it targets.
// column sanctioned_type: string Its label.
// column status: string          imposed, threatened or lifted.
// column modality: string        asserted, planned, proposed, denied, negated or hypothetical.
// column corroboration: int      Distinct outlets reporting it.
// column outlets: list           Those outlets.
// column first_seen: string      Earliest publication date of the articles reporting it.
// column last_seen: string       Latest.
// column sentences: list         The evidence sentences.
// column verified: bool          Checked by a person (`newsgraph curate verify`).
// column evidence: list          Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (s)-[r:SANCTIONED]->(t)
WHERE (size($entity) = 0 OR s.id IN $entity OR t.id IN $entity) AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(0, size(r.article_ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH s, r, t, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                       published: art.published, url: art.url, sentence: r.sentences[i],
                       quote: r.quotes[i]}) AS evidence
RETURN s.name AS sanctioner, labels(s)[0] AS sanctioner_type, t.name AS sanctioned,
       labels(t)[0] AS sanctioned_type, r.status AS status, r.modality AS modality, r.corroboration AS corroboration,
       r.outlets AS outlets, r.first_seen AS first_seen, r.last_seen AS last_seen, r.sentences AS sentences,
       r.verified AS verified, evidence
ORDER BY sanctioner, sanctioned, status
