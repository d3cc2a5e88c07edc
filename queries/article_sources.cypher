// The sources an article relies on and their chains: the article's CITES to outlets and
// sources, followed through outlets' own sources ("the Times, citing anonymous American
// officials"), up to 4 hops.
//
// param article: article?     An article's id, or words of its title or file path; every article when left out.
// column article: string      The article's title.
// column hops: int            Length of the chain.
// column source: string       The source at the end of the chain.
// column source_type: string  Its label.
// column chain: list          Titles and names along the chain, the article first.
// column chain_types: list    Their labels.
MATCH p = (a:Article)-[:CITES*1..4]->(src)
WHERE size($article) = 0 OR a.id IN $article
RETURN a.title AS article, length(p) AS hops, src.name AS source, labels(src)[0] AS source_type,
       [n IN nodes(p) | coalesce(n.name, n.title)] AS chain, [n IN nodes(p) | labels(n)[0]] AS chain_types
ORDER BY article, hops, source
