// Who said what, reported by whom and when: one row per statement (the same words reported
// by several articles are one statement), most reported first. Filters: the speaker, an
// outlet whose articles report it, words in any wording, the window of publication dates.
// Bounded at any size: the statements are filtered and ranked on their own properties, and
// only the `limit` first get their articles and evidence (at 50,000 articles, without an
// entity, the whole ranking fits the default buffer pool).
//
// param entity: entity?       The speaker's name or alias; every speaker when left out.
// param outlet: outlet?       Only statements this outlet's articles report.
// param text: string?         Only statements with these words in a wording (case ignored).
// param since: date?          Only statements reported on or after this day.
// param until: date?          Only statements reported up to this day.
// param limit: int = 100      How many.
// column speaker: string      Who said it (a description when no entity speaks: "a spokesman").
// column speaker_type: string Its label ('' for a description).
// column statement: string    The words most articles give.
// column direct: list         Per wording: in quotation marks or reported.
// column corroboration: int   Distinct outlets reporting it.
// column outlets: list        Those outlets.
// column first_seen: string   Earliest publication date of the articles reporting it.
// column last_seen: string    Latest.
// column articles: list       The titles of those articles.
// column wordings: list       Each article's wording, parallel to `article_ids`.
// column article_ids: list    The articles of the wordings.
// column verified: bool       Checked by a person (`newsgraph curate verify`).
// column evidence: list       Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (st:Statement)
WITH st, toLower($text) AS words
WHERE (words = '' OR any(q IN st.quotes WHERE toLower(q) CONTAINS words))
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
UNWIND range(0, size(st.article_ids) - 1) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = st.article_ids[i]
WITH st, p, articles, collect({article_id: st.article_ids[i], title: art.title, outlet: art.outlet,
                               published: art.published, url: art.url, sentence: st.sentences[i],
                               quote: st.quotes[i]}) AS evidence
RETURN coalesce(p.name, st.described_speaker) AS speaker, coalesce(labels(p)[0], '') AS speaker_type,
       st.text AS statement, st.direct AS direct, st.corroboration AS corroboration, st.outlets AS outlets,
       st.first_seen AS first_seen, st.last_seen AS last_seen, articles, st.quotes AS wordings,
       st.article_ids AS article_ids, st.verified AS verified, evidence
ORDER BY corroboration DESC, first_seen, speaker, statement, st.id
