// An entity's full neighbourhood with evidence: every relationship it has, either way,
// with the sentences and quotes behind it (none for an article's mentions, outlet or author);
// a statement it made (SAID) with its sentences and each article's wording.
//
// param entity: entity          The entity's name or alias.
// column relation: string       Relationship type.
// column direction: string      out (entity is the source), in, or both (MET_WITH is symmetric).
// column neighbour: string      The other end (an article's title for links and CITES, a statement's words).
// column neighbour_type: string Its label.
// column status: string         SANCTIONED only: imposed, threatened or lifted.
// column modality: string       MET_WITH, SANCTIONED, ACCUSED: asserted, planned, proposed, denied, negated or hypothetical.
// column corroboration: int     Distinct outlets reporting it.
// column outlets: list          Those outlets.
// column sentences: list        The evidence sentences.
// column quotes: list           The quotes, parallel to the sentences ('' where none).
MATCH (e)-[r]-(x)
WHERE e.id IN $entity
RETURN type(r) AS relation,
       CASE WHEN type(r) = 'MET_WITH' THEN 'both' WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.title, x.text) AS neighbour, labels(x)[0] AS neighbour_type, r.status AS status, r.modality AS modality,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes
ORDER BY relation, direction, neighbour
