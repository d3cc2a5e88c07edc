// Sanctions given and received: who sanctioned whom, imposed, threatened or lifted.
// With `entity`, the sanctions that entity gave or received.
//
// param entity: entity?          An entity's name or alias; every sanction when left out.
// column sanctioner: string      Who imposed, threatened or lifted the sanction.
// column sanctioner_type: string Its label (Government, Organization).
// column sanctioned: string      Whom it targets.
// column sanctioned_type: string Its label.
// column status: string          imposed, threatened or lifted.
// column corroboration: int      Distinct outlets reporting it.
// column outlets: list           Those outlets.
// column sentences: list         The evidence sentences.
MATCH (s)-[r:SANCTIONED]->(t)
WHERE size($entity) = 0 OR s.id IN $entity OR t.id IN $entity
RETURN s.name AS sanctioner, labels(s)[0] AS sanctioner_type, t.name AS sanctioned,
       labels(t)[0] AS sanctioned_type, r.status AS status, r.corroboration AS corroboration,
       r.outlets AS outlets, r.sentences AS sentences
ORDER BY sanctioner, sanctioned, status
