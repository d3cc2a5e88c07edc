// Everyone an entity met, most corroborated meetings first; meetings that happened by
// default (`modality`), reported in the `since`/`until` window when given.
//
// param entity: entity        The entity's name or alias.
// param modality: modality = asserted  asserted (the default: facts the text states), planned, proposed, denied, negated, hypothetical, or any.
// param since: date?          Only what articles published on or after this day report (YYYY-MM-DD, YYYY-MM or YYYY).
// param until: date?          Only what articles published up to this day report.
// column entity: string       The entity.
// column met: string          Whom it met.
// column met_type: string     Their label.
// column modality: string     asserted, planned, proposed, denied, negated or hypothetical.
// column corroboration: int   Distinct outlets reporting the meeting.
// column outlets: list        Those outlets.
// column first_seen: string   Earliest publication date of the articles reporting it.
// column last_seen: string    Latest.
// column sentences: list      The evidence sentences.
// column articles: list       The ids of the articles, parallel to the sentences.
// column verified: bool       Checked by a person (`newsgraph curate verify`).
// column evidence: list       Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (e)-[r:MET_WITH]-(other)
WHERE e.id IN $entity AND ($modality = 'any' OR r.modality = $modality)
  AND ($since = '' OR r.last_seen >= $since) AND ($until = '' OR r.first_seen <= $until)
UNWIND range(0, size(r.article_ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = r.article_ids[i]
WITH e, r, other, collect({article_id: r.article_ids[i], title: art.title, outlet: art.outlet,
                           published: art.published, url: art.url, sentence: r.sentences[i],
                           quote: r.quotes[i]}) AS evidence
RETURN e.name AS entity, other.name AS met, labels(other)[0] AS met_type, r.modality AS modality,
       r.corroboration AS corroboration, r.outlets AS outlets, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.sentences AS sentences, r.article_ids AS articles,
       r.verified AS verified, evidence
ORDER BY corroboration DESC, met
