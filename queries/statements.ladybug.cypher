// LadybugDB variant of statements.cypher: label() for labels(...)[0], lower() for toLower(), lists
// indexed from 1.
MATCH (st:Statement)
WITH st, lower($text) AS words
WHERE (words = '' OR any(q IN st.quotes WHERE lower(q) CONTAINS words))
  AND ($since = '' OR st.last_seen >= $since) AND ($until = '' OR st.first_seen <= $until)
  AND (size($outlet) = 0 OR EXISTS { MATCH (st)<-[:REPORTS]-(:Article)-[:PUBLISHED_BY]->(o:Outlet) WHERE o.id IN $outlet })
OPTIONAL MATCH (p)-[:SAID]->(st)
WITH st, p
WHERE size($entity) = 0 OR p.id IN $entity
WITH st, p
ORDER BY st.corroboration DESC, st.first_seen, coalesce(p.name, st.described_speaker), st.text, st.id
LIMIT $limit
MATCH (a:Article)-[:REPORTS]->(st)
WITH st, p, collect(DISTINCT a.title) AS articles
UNWIND range(1, size(st.article_ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = st.article_ids[i]
WITH st, p, articles, collect({article_id: st.article_ids[i], title: art.title, outlet: art.outlet,
                               published: art.published, url: art.url, sentence: st.sentences[i],
                               quote: st.quotes[i]}) AS evidence
RETURN coalesce(p.name, st.described_speaker) AS speaker, coalesce(label(p), '') AS speaker_type,
       st.text AS statement, st.direct AS direct, st.corroboration AS corroboration, st.outlets AS outlets,
       st.first_seen AS first_seen, st.last_seen AS last_seen, articles, st.quotes AS wordings,
       st.article_ids AS article_ids, st.verified AS verified, evidence
ORDER BY corroboration DESC, first_seen, speaker, statement, st.id
