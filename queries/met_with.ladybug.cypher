// LadybugDB variant of met_with.cypher: label() for labels(...)[0].
MATCH (x)-[r:MET_WITH]->(y)
WHERE size($entity) = 0 OR x.id IN $entity OR y.id IN $entity
RETURN x.name AS a, label(x) AS a_type, y.name AS b, label(y) AS b_type,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles,
       r.sentences AS sentences
ORDER BY corroboration DESC, a, b
