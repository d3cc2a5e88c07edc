// Who met whom: every MET_WITH edge (met, held talks or meetings with, hosted, welcomed),
// once per pair, most corroborated first; meetings that happened by default (`modality`).
// With `entity`, only the meetings that entity took part in; `since`/`until` keep those
// reported in that window (undated ones are left out then).
//
// param entity: entity?       An entity's name or alias; every meeting when left out.
// param modality: modality = asserted  asserted (the default: facts the text states), planned, proposed, denied, negated, hypothetical, or any.
// param since: date?          Only what articles published on or after this day report (YYYY-MM-DD, YYYY-MM or YYYY).
// param until: date?          Only what articles published up to this day report.
// column a: string            One side of the meeting.
// column a_type: string       Its label (Person, Government, Organization).
// column b: string            The other side.
// column b_type: string       Its label.
// column modality: string     asserted, planned, proposed, denied, negated or hypothetical.
// column corroboration: int   Distinct outlets reporting the meeting.
// column outlets: list        Those outlets.
// column articles: int        Articles the evidence comes from.
// column first_seen: string   Earliest publication date of those articles.
// column last_seen: string    Latest.
// column sentences: list      The evidence sentences.
// column verified: bool       Checked by a person (`newsgraph curate verify`).
// column evidence: list       Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (x)-[r:MET_WITH]->(y)
WHERE (size($entity) = 0 OR x.id IN $entity OR y.id IN $entity) AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(0, size(r.article_ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH x, r, y, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                       published: art.published, url: art.url, sentence: r.sentences[i],
                       quote: r.quotes[i]}) AS evidence
RETURN x.name AS a, labels(x)[0] AS a_type, y.name AS b, labels(y)[0] AS b_type, r.modality AS modality,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles,
       r.first_seen AS first_seen, r.last_seen AS last_seen, r.sentences AS sentences,
       r.verified AS verified, evidence
ORDER BY corroboration DESC, a, b
