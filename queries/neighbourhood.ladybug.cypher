// LadybugDB variant of neighbourhood.cypher: label() for type() and labels(...)[0]; the
// relationship's _SRC for startNode().
MATCH (e)-[r]-(x)
WHERE e.id IN $entity
RETURN label(r) AS relation,
       CASE WHEN label(r) = 'MET_WITH' THEN 'both' WHEN struct_extract(r, '_SRC') = id(e) THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.title, x.text) AS neighbour, label(x) AS neighbour_type, r.status AS status, r.modality AS modality,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes
ORDER BY relation, direction, neighbour
