// Who was quoted by which outlet, one row per quote: the outlet that published the quote
// or received it ("told Univision", "in a statement to the Times").
//
// param entity: entity?       The speaker's name or alias; every speaker when left out.
// param outlet: outlet?       The outlet's name or alias; every outlet when left out.
// column speaker: string      Who spoke.
// column speaker_type: string Their label.
// column outlet: string       The outlet.
// column quote: string        What they said.
// column direct: bool         True for a direct quote, false for a paraphrase.
// column article: string      Title of the article the quote was read in.
MATCH (s)-[r:QUOTED_BY]->(o:Outlet)
WHERE (size($entity) = 0 OR s.id IN $entity) AND (size($outlet) = 0 OR o.id IN $outlet)
UNWIND range(0, size(r.quotes) - 1) AS i
WITH s, o, r, i
WHERE r.quotes[i] <> ''
MATCH (art:Article {id: r.article_ids[i]})
RETURN s.name AS speaker, labels(s)[0] AS speaker_type, o.name AS outlet, r.quotes[i] AS quote,
       r.direct[i] AS direct, art.title AS article
ORDER BY speaker, outlet, article, quote
