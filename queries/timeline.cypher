// An entity's relations and statements in date order: what it did, what was done to it,
// what it said, each with the day it was first reported (undated ones last).
//
// param entity: entity        The entity's name or alias.
// param since: date?          Only what was reported on or after this day.
// param until: date?          Only what was reported up to this day.
// column first_seen: string   Earliest publication date of the articles reporting it.
// column last_seen: string    Latest.
// column relation: string     Relationship type (SAID for a statement).
// column direction: string    out (the entity acts or speaks), in, or both (MET_WITH).
// column counterpart: string  The other party (the statement's words for SAID).
// column status: string       SANCTIONED's status, or the modality when it is not asserted.
// column corroboration: int   Distinct outlets reporting it.
// column outlets: list        Those outlets.
// column sentence: string     The first evidence sentence.
// column verified: bool       Checked by a person (`newsgraph curate verify`).
// column evidence: list       Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (e)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|SAID]-(x)
WHERE e.id IN $entity
WITH e, r, x, coalesce(r.first_seen, x.first_seen) AS first_seen, coalesce(r.last_seen, x.last_seen) AS last_seen
WHERE ($since = '' OR last_seen >= $since) AND ($until = '' OR first_seen <= $until)
WITH e, r, x, first_seen, last_seen, coalesce(r.article_ids, x.article_ids) AS ids,
     coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes
UNWIND range(0, size(ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = ids[i]
WITH e, r, x, first_seen, last_seen,
     collect({article_id: ids[i], title: art.title, outlet: art.outlet, published: art.published,
              url: art.url, sentence: sentences[i], quote: quotes[i]}) AS evidence
RETURN first_seen, last_seen, type(r) AS relation,
       CASE WHEN type(r) = 'MET_WITH' THEN 'both' WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.text) AS counterpart,
       coalesce(r.status, CASE WHEN r.modality = 'asserted' THEN NULL ELSE r.modality END) AS status,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       head(coalesce(r.sentences, x.sentences)) AS sentence,
       coalesce(r.verified, x.verified) AS verified, evidence
ORDER BY first_seen, relation, counterpart
