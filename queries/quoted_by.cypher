// Who was quoted by which outlet, one row per quote: each article's wording of a statement,
// with the outlet that published the article and, when the words were given to an outlet
// ("told Univision", "in a statement to the Times"), that outlet (`given_to`). By speaker and
// statement, then outlet and article; the first `limit` rows (a corpus of 50,000 articles
// holds hundreds of thousands of quotes: name a speaker or an outlet, or raise `limit`, for
// more). The statements are filtered and ranked first, and only the first `limit` are joined
// with their articles, so it stays within the default buffer pool at any size.
//
// param entity: entity?       The speaker's name or alias; every speaker when left out.
// param outlet: outlet?       The outlet that published the quote or received it; every outlet when left out.
// param limit: int = 100      How many rows.
// column speaker: string      Who spoke (a description when no entity speaks: "a spokesman").
// column speaker_type: string Their label ('' for a description).
// column outlet: string       The outlet that published the article ('' when unknown).
// column quote: string        What they said, as this article gives it.
// column direct: bool         True for a direct quote, false for a paraphrase.
// column article: string      Title of the article the quote was read in.
// column given_to: string     The outlet the words were given to ('' when none).
// column verified: bool       Checked by a person (`newsgraph curate verify`).
// column evidence: list       Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (st:Statement)
OPTIONAL MATCH (p)-[:SAID]->(st)
WITH st, p
WHERE (size($entity) = 0 OR p.id IN $entity)
  AND (size($outlet) = 0 OR st.receiver IN $outlet
       OR EXISTS { MATCH (st)<-[:REPORTS]-(:Article)-[:PUBLISHED_BY]->(o:Outlet) WHERE o.id IN $outlet })
WITH st, p, coalesce(p.name, st.described_speaker) AS speaker
ORDER BY speaker, st.text, st.id
LIMIT $limit
MATCH (a:Article)-[:REPORTS]->(st)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
OPTIONAL MATCH (g:Outlet) WHERE g.id = st.receiver
WITH a, st, p, o, g, speaker
WHERE size($outlet) = 0 OR o.id IN $outlet OR g.id IN $outlet
UNWIND range(0, size(st.article_ids) - 1) AS i
WITH a, st, p, o, g, speaker, i
WHERE st.article_ids[i] = a.id
RETURN speaker, coalesce(labels(p)[0], '') AS speaker_type, coalesce(o.name, '') AS outlet, st.quotes[i] AS quote,
       st.direct[i] AS direct, a.title AS article, coalesce(g.name, '') AS given_to, st.verified AS verified,
       [{article_id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url,
         sentence: st.sentences[i], quote: st.quotes[i]}] AS evidence
ORDER BY speaker, st.text, st.id, outlet, article, quote, a.id
LIMIT $limit
