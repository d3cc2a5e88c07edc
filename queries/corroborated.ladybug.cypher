// LadybugDB variant of corroborated.cypher: label() for type() and labels(...)[0].
MATCH (s)-[r:MET_WITH|SANCTIONED|ACCUSED|QUOTED_BY|CITES]->(t)
WHERE r.corroboration >= $min_outlets
RETURN label(r) AS relation, coalesce(s.name, s.title) AS source, label(s) AS source_type,
       t.name AS target, label(t) AS target_type, r.status AS status,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles
ORDER BY corroboration DESC, relation, source, target
