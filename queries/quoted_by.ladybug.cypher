// LadybugDB variant of quoted_by.cypher: lists are indexed from 1; label() for labels(...)[0].
MATCH (a:Article)-[:REPORTS]->(st:Statement)
OPTIONAL MATCH (p)-[:SAID]->(st)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
OPTIONAL MATCH (g:Outlet) WHERE g.id = st.receiver
WITH a, st, p, o, g
WHERE (size($entity) = 0 OR p.id IN $entity) AND (size($outlet) = 0 OR o.id IN $outlet OR g.id IN $outlet)
UNWIND range(1, size(st.article_ids)) AS i
WITH a, st, p, o, g, i
WHERE st.article_ids[i] = a.id
WITH a, st, p, o, g, i, coalesce(p.name, st.described_speaker) AS speaker, coalesce(o.name, '') AS outlet,
     st.quotes[i] AS quote
ORDER BY speaker, outlet, a.title, quote, st.id, a.id
LIMIT $limit
RETURN speaker, coalesce(label(p), '') AS speaker_type, outlet, quote, st.direct[i] AS direct,
       a.title AS article, coalesce(g.name, '') AS given_to, st.verified AS verified,
       [{article_id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url,
         sentence: st.sentences[i], quote: quote}] AS evidence
