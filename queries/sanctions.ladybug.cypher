// LadybugDB variant of sanctions.cypher: label() for labels(...)[0].
MATCH (s)-[r:SANCTIONED]->(t)
WHERE size($entity) = 0 OR s.id IN $entity OR t.id IN $entity
RETURN s.name AS sanctioner, label(s) AS sanctioner_type, t.name AS sanctioned,
       label(t) AS sanctioned_type, r.status AS status, r.corroboration AS corroboration,
       r.outlets AS outlets, r.sentences AS sentences
ORDER BY sanctioner, sanctioned, status
