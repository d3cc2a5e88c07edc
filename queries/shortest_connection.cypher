// The shortest connection between two entities: one shortest path of at most 6 hops over
// every relationship (articles and their mentions included), in either direction.
// No row when none exists.
//
// param source: entity        The first entity's name or alias.
// param target: entity        The second entity's name or alias.
// column hops: int            Length of the path.
// column nodes: list          Names (titles for articles) along the path.
// column node_types: list     Their labels.
// column relationships: list  Relationship types along the path.
MATCH (a) WHERE a.id IN $source
MATCH (b) WHERE b.id IN $target AND b <> a
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.name, n.title)] AS nodes,
       [n IN nodes(p) | labels(n)[0]] AS node_types, [r IN relationships(p) | type(r)] AS relationships
ORDER BY hops
LIMIT 1
