// LadybugDB variant of meetings_of.cypher: label() for labels(...)[0].
MATCH (e)-[r:MET_WITH]-(other)
WHERE e.id IN $entity
RETURN e.name AS entity, other.name AS met, label(other) AS met_type,
       r.corroboration AS corroboration, r.outlets AS outlets, r.sentences AS sentences
ORDER BY corroboration DESC, met
