// Who met whom: every MET_WITH edge (met, held talks or meetings with, hosted, welcomed),
// once per pair, most corroborated first. With `entity`, only the meetings that entity
// took part in.
//
// param entity: entity?       An entity's name or alias; every meeting when left out.
// column a: string            One side of the meeting.
// column a_type: string       Its label (Person, Government, Organization).
// column b: string            The other side.
// column b_type: string       Its label.
// column corroboration: int   Distinct outlets reporting the meeting.
// column outlets: list        Those outlets.
// column articles: int        Articles the evidence comes from.
// column sentences: list      The evidence sentences.
MATCH (x)-[r:MET_WITH]->(y)
WHERE size($entity) = 0 OR x.id IN $entity OR y.id IN $entity
RETURN x.name AS a, labels(x)[0] AS a_type, y.name AS b, labels(y)[0] AS b_type,
       r.corroboration AS corroboration, r.outlets AS outlets, r.article_count AS articles,
       r.sentences AS sentences
ORDER BY corroboration DESC, a, b
