// Corroboration: relations and statements reported by at least `min_outlets` distinct
// outlets; relations that happened by default (`modality`). A statement counts through
// its speaker (SAID): one of a described speaker ("a spokesman") stays in its article.
//
// param min_outlets: int = 2    Fewest distinct outlets.
// param modality: modality = asserted  Relations of this modality (any: all of them).
// column relation: string       Relationship type (SAID for a statement).
// column source: string         Its source (an article's title for CITES; a statement's speaker).
// column source_type: string    Its label.
// column target: string         Its target (a statement's words).
// column target_type: string    Its label.
// column status: string         SANCTIONED only: imposed, threatened or lifted.
// column corroboration: int     Distinct outlets reporting it.
// column outlets: list          Those outlets.
// column articles: int          Articles the evidence comes from.
// column verified: bool         Checked by a person (`newsgraph curate verify`).
// column evidence: list         Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES|SAID]->(t)
WHERE coalesce(r.corroboration, t.corroboration) >= $min_outlets
  AND (r.modality IS NULL OR $modality = 'any' OR r.modality = $modality)
WITH s, r, t, coalesce(r.article_ids, t.article_ids) AS ids, coalesce(r.sentences, t.sentences) AS sentences,
     coalesce(r.quotes, t.quotes) AS quotes
UNWIND range(0, size(ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = ids[i]
WITH s, r, t, collect({article_id: ids[i], title: art.title, outlet: art.outlet, published: art.published,
                      url: art.url, sentence: sentences[i], quote: quotes[i]}) AS evidence
RETURN type(r) AS relation, coalesce(s.name, s.title) AS source, labels(s)[0] AS source_type,
       coalesce(t.name, t.text) AS target, labels(t)[0] AS target_type, r.status AS status,
       coalesce(r.corroboration, t.corroboration) AS corroboration, coalesce(r.outlets, t.outlets) AS outlets,
       coalesce(r.article_count, t.article_count) AS articles,
       coalesce(r.verified, t.verified) AS verified, evidence
ORDER BY corroboration DESC, relation, source, target
