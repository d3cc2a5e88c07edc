// Everyone an entity met, most corroborated meetings first.
//
// param entity: entity        The entity's name or alias.
// column entity: string       The entity.
// column met: string          Whom it met.
// column met_type: string     Their label.
// column corroboration: int   Distinct outlets reporting the meeting.
// column outlets: list        Those outlets.
// column sentences: list      The evidence sentences.
MATCH (e)-[r:MET_WITH]-(other)
WHERE e.id IN $entity
RETURN e.name AS entity, other.name AS met, labels(other)[0] AS met_type,
       r.corroboration AS corroboration, r.outlets AS outlets, r.sentences AS sentences
ORDER BY corroboration DESC, met
