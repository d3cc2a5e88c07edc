// LadybugDB variant of statements.cypher: label() for labels(...)[0] and type(), lower() for toLower(),
// list_extract(list, 1) for head(), the relationship's _SRC for startNode().
MATCH (a:Article)-[:REPORTS]->(st:Statement)
WITH a, st, lower($text) AS words, $outlet AS outlets_wanted
WHERE (words = '' OR any(q IN st.quotes WHERE lower(q) CONTAINS words))
  AND ($since = '' OR st.last_seen >= $since) AND ($until = '' OR st.first_seen <= $until)
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(o:Outlet)
OPTIONAL MATCH (p)-[:SAID]->(st)
WITH st, p, outlets_wanted, collect(DISTINCT a.title) AS articles, collect(DISTINCT o.id) AS outlet_ids
WHERE (size($entity) = 0 OR p.id IN $entity)
  AND (size(outlets_wanted) = 0 OR any(x IN outlet_ids WHERE x IN outlets_wanted))
UNWIND range(1, size(st.article_ids)) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = st.article_ids[i]
WITH st, p, articles, collect({article_id: st.article_ids[i], title: art.title, outlet: art.outlet,
                               published: art.published, url: art.url, sentence: st.sentences[i],
                               quote: st.quotes[i]}) AS evidence
RETURN coalesce(p.name, st.described_speaker) AS speaker, coalesce(label(p), '') AS speaker_type,
       st.text AS statement, st.direct AS direct, st.corroboration AS corroboration, st.outlets AS outlets,
       st.first_seen AS first_seen, st.last_seen AS last_seen, articles, st.quotes AS wordings,
       st.article_ids AS article_ids, st.verified AS verified, evidence
ORDER BY corroboration DESC, first_seen, speaker, statement
LIMIT $limit
