// LadybugDB variant of quoted_by.cypher: lists are indexed from 1; label() for labels(...)[0].
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
UNWIND range(1, size(st.article_ids)) AS i
WITH a, st, p, o, g, speaker, i
WHERE st.article_ids[i] = a.id
RETURN speaker, coalesce(label(p), '') AS speaker_type, coalesce(o.name, '') AS outlet, st.quotes[i] AS quote,
       st.direct[i] AS direct, a.title AS article, coalesce(g.name, '') AS given_to, st.verified AS verified,
       [{article_id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url,
         sentence: st.sentences[i], quote: st.quotes[i]}] AS evidence
ORDER BY speaker, st.text, st.id, outlet, article, quote, a.id
LIMIT $limit
