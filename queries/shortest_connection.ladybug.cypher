// LadybugDB variant of shortest_connection.cypher: `* SHORTEST 1..6` for shortestPath(),
// list_transform() for list comprehensions, label() for labels(...)[0] and type().
MATCH (a) WHERE a.id IN $source
MATCH (b) WHERE b.id IN $target AND a.id <> b.id
MATCH p = (a)-[* SHORTEST 1..6]-(b)
RETURN length(p) AS hops, list_transform(nodes(p), n -> coalesce(n.name, n.title)) AS nodes,
       list_transform(nodes(p), n -> label(n)) AS node_types,
       list_transform(rels(p), r -> label(r)) AS relationships
ORDER BY hops
LIMIT 1
