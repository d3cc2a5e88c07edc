// Corroboration: relations reported by at least `min_outlets` distinct outlets.
//
// param min_outlets: int = 2    Fewest distinct outlets.
// column relation: string       Relationship type.
// column source: string         Its source (an article's title for CITES).
// column source_type: string    Its label.
// column target: string         Its target.
// column target_type: string    Its label.
// column status: string         SANCTIONED only: imposed, threatened or lifted.
// column corroboration: int     Distinct outlets reporting it.
// column outlets: list          Those outlets.
// column articles: int          Articles the evidence comes from.
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES]->(t)
WHERE r.corroboration >= $min_outlets
RETURN type(r) AS relation, coalesce(s.name, s.title) AS source, labels(s)[0] AS source_type,
       t.name AS target, labels(t)[0] AS target_type, r.status AS status,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles
ORDER BY corroboration DESC, relation, source, target
