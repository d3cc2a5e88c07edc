// An entity's full neighbourhood with evidence: every relationship it has, either way,
// with the sentences and quotes behind it (none for an article's mentions, outlet or author);
// a statement it made (SAID) with its sentences and each article's wording. The articles
// mentioning it (MENTIONS) only when asked (`mentions`): they would outnumber the rest.
//
// param entity: entity          The entity's name or alias.
// param mentions: bool = false  Also the articles that mention it.
// column relation: string       Relationship type.
// column direction: string      out (entity is the source), in, or both (MET_WITH is symmetric).
// column neighbour: string      The other end (an article's title for links and CITES, a statement's words).
// column neighbour_type: string Its label.
// column status: string         SANCTIONED only: imposed, threatened or lifted.
// column modality: string       MET_WITH, SANCTIONED, ACCUSED: asserted, planned, proposed, denied, negated or hypothetical.
// column corroboration: int     Distinct outlets reporting it.
// column outlets: list          Those outlets.
// column sentences: list        The evidence sentences.
// column quotes: list           The quotes, parallel to the sentences ('' where none).
// column verified: bool         Checked by a person (`newsgraph curate verify`).
// column evidence: list         Per evidence item: article_id, title, outlet, published, url, sentence, quote.
MATCH (e)-[r]-(x)
WHERE e.id IN $entity AND ($mentions OR type(r) <> 'MENTIONS')
WITH e, r, x, coalesce(r.article_ids, x.article_ids, []) AS ids,
     coalesce(r.sentences, x.sentences, []) AS sentences, coalesce(r.quotes, x.quotes, []) AS quotes
// links hold no evidence: one row each still (an index past a list's end is null)
UNWIND range(0, CASE WHEN size(ids) = 0 THEN 0 ELSE size(ids) - 1 END) AS i
OPTIONAL MATCH (art:Article) WHERE art.id = ids[i]
WITH e, r, x, collect(CASE WHEN i < size(ids) THEN {article_id: ids[i], title: art.title,
                      outlet: art.outlet, published: art.published, url: art.url,
                      sentence: sentences[i], quote: quotes[i]} END) AS evidence
RETURN type(r) AS relation,
       CASE WHEN type(r) = 'MET_WITH' THEN 'both' WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       coalesce(x.name, x.title, x.text) AS neighbour, labels(x)[0] AS neighbour_type, r.status AS status, r.modality AS modality,
       coalesce(r.corroboration, x.corroboration) AS corroboration, coalesce(r.outlets, x.outlets) AS outlets,
       coalesce(r.sentences, x.sentences) AS sentences, coalesce(r.quotes, x.quotes) AS quotes,
       coalesce(r.verified, x.verified) AS verified, evidence
ORDER BY relation, direction, neighbour
