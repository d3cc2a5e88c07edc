// The details panel and expanding a node (views/page), inlined after page.js. A click on a
// node or an edge shows everything the page knows about it; a double-click on a node, or the
// panel's buttons, draws its neighbours or its articles from the page's data (the JSON block
// #ng-data: the pool's nodes and edges not drawn yet, and the details of every pooled node).
// Article text is untrusted: every string goes into the panel as text (textContent), and
// only http(s) URLs become links.
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var data = JSON.parse(byId("ng-data").textContent);
  var details = data.details;
  var MAX_ARTICLES_LISTED = 100;

  var poolNodes = new Map(), poolEdges = new Map(), edgesOf = new Map();
  function indexEdge(edge) {
    [edge.from, edge.to].forEach(function (end) {
      if (!edgesOf.has(end)) { edgesOf.set(end, []); }
      edgesOf.get(end).push(edge);
    });
  }
  data.nodes.forEach(function (node) { poolNodes.set(node.id, node); });
  data.edges.forEach(function (edge) { poolEdges.set(edge.id, edge); indexEdge(edge); });
  edges.get().forEach(indexEdge);

  var relationsOf = new Map(), statementsOf = new Map(), mentionedIn = new Map();
  function push(map, key, value) {
    if (!map.has(key)) { map.set(key, []); }
    map.get(key).push(value);
  }
  Object.keys(details.relations).forEach(function (id) {
    var rel = details.relations[id];
    push(relationsOf, rel.source, id);
    if (rel.target !== rel.source) { push(relationsOf, rel.target, id); }
  });
  Object.keys(details.statements).forEach(function (id) { push(statementsOf, details.statements[id].speaker, id); });
  // the panel lists the verified first, then the most reported (outlets, then articles)
  function weight(item) { return [item.verified ? 1 : 0, item.outlets.length, item.evidence.length]; }
  function heaviestFirst(table) {
    return function (a, b) {
      var x = weight(table[a]), y = weight(table[b]);
      return (y[0] - x[0]) || (y[1] - x[1]) || (y[2] - x[2]);
    };
  }
  relationsOf.forEach(function (ids) { ids.sort(heaviestFirst(details.relations)); });
  statementsOf.forEach(function (ids) { ids.sort(heaviestFirst(details.statements)); });
  Object.keys(details.mentions).forEach(function (entity) {
    details.mentions[entity].forEach(function (article) { push(mentionedIn, article, entity); });
  });

  function drawn(id) { return nodes.get(id) !== null; }
  function nameOf(id) {
    var entity = details.entities[id], article = details.articles[id];
    return entity ? entity.name : article ? article.title : id;
  }

  // --- drawing more of the pool -------------------------------------------------------------
  function asElement(title) {
    if (typeof title !== "string") { return title; }
    var div = document.createElement("div");
    div.innerHTML = title;  // built and escaped by views/page/tooltips.py
    return div;
  }
  function mentionEdge(article, entity) {
    var tip = document.createElement("div");
    tip.textContent = nameOf(article) + " MENTIONS " + nameOf(entity);
    var outlet = (details.articles[article] || {}).outlet;
    return {
      id: "MENTIONS:" + article + ":" + entity, from: article, to: entity, title: tip, width: 0.5,
      color: { color: data.mention_colour, highlight: "#888888" }, dashes: true, kind: "link",
      rtype: "MENTIONS", outlets: outlet ? [outlet] : [], corroboration: 0, first_seen: "", last_seen: "",
    };
  }
  // edges from the new nodes to every drawn node: the pool's, and the mentions of an article
  function connect(added) {
    var wanted = new Map();
    added.forEach(function (id) {
      (edgesOf.get(id) || []).forEach(function (edge) {
        if (poolEdges.has(edge.id) && drawn(edge.from) && drawn(edge.to) && edges.get(edge.id) === null) {
          wanted.set(edge.id, Object.assign({}, edge, { title: asElement(edge.title) }));
        }
      });
      (details.mentions[id] || []).concat(mentionedIn.get(id) || []).forEach(function (other) {
        var article = details.mentions[id] ? other : id, entity = details.mentions[id] ? id : other;
        var edge = mentionEdge(article, entity);
        if (drawn(article) && drawn(entity) && edges.get(edge.id) === null) { wanted.set(edge.id, edge); }
      });
    });
    edges.add(Array.from(wanted.values()));
  }
  // draw the pooled nodes ``ids`` on a circle around ``anchor`` (a drawn node; by default a
  // drawn neighbour of the first, or else the view's centre)
  function bring(ids, anchor) {
    var fresh = ids.filter(function (id) { return poolNodes.has(id) && !drawn(id); });
    if (!fresh.length) { return 0; }
    if (!anchor) {
      var near = (edgesOf.get(fresh[0]) || []).find(function (edge) { return drawn(edge.from) || drawn(edge.to); });
      anchor = near ? (drawn(near.from) ? near.from : near.to) : null;
    }
    var at = anchor && drawn(anchor) ? network.getPositions([anchor])[anchor] : network.getViewPosition();
    var radius = 140 + 25 * Math.sqrt(fresh.length);
    nodes.add(fresh.map(function (id, number) {
      var angle = 2 * Math.PI * number / fresh.length + 0.4;
      return Object.assign({}, poolNodes.get(id), {
        x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle),
        title: asElement(poolNodes.get(id).title),
      });
    }));
    connect(fresh);
    window.ngPage.applyFilters();
    return fresh.length;
  }
  function neighbours(id) {
    var found = new Set();
    (edgesOf.get(id) || []).forEach(function (edge) {
      if (edge.kind === "relation") { found.add(edge.from === id ? edge.to : edge.from); }
    });
    found.delete(id);
    return Array.from(found).filter(function (other) { return !drawn(other) && poolNodes.has(other); });
  }
  function articlesOf(id) {
    return (details.mentions[id] || []).filter(function (a) { return !drawn(a) && poolNodes.has(a); });
  }
  function expand(id) {
    var count = bring(neighbours(id), id);
    showNode(id);
    return count;
  }

  // --- the panel ----------------------------------------------------------------------------
  var panel = byId("ng-details"), body = byId("ng-details-body");
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }
  function linkTo(url, text) {
    if (!/^https?:\/\//i.test(url || "")) { return el("span", text); }
    var a = el("a", text);
    a.href = url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function goTo(id, from) {  // a name in the panel: draw that node if need be, select it, show it
    var button = el("button", nameOf(id), "ng-goto");
    button.type = "button";
    button.addEventListener("click", function () {
      bring([id], from);
      if (drawn(id)) { network.selectNodes([id]); network.focus(id, { scale: 1.1, animation: false }); }
      showNode(id);
    });
    return button;
  }
  function dates(first, last) {
    return Array.from(new Set([first, last].filter(Boolean))).join(" to ");
  }
  function cite(articleId) {  // "Title — Outlet, 2016-01-05", the title a link where the article has a URL
    var article = details.articles[articleId];
    if (!article) { return el("span", "an article not on this page", "ng-cite"); }
    var span = el("span", null, "ng-cite");
    add(span, linkTo(article.url, article.title),
        " \u2014 " + (article.outlet || "unknown outlet") + (article.published ? ", " + article.published : ""));
    return span;
  }
  function evidenceList(items) {
    var list = el("ol", null, "ng-evidence");
    items.forEach(function (ev) {
      var li = add(el("li"), el("span", ev.sentence, "ng-sentence"));
      if (ev.quote) {
        var kind = ev.direct === true ? "direct quote" : ev.direct === false ? "paraphrase" : "quote";
        add(li, el("br"), el("i", kind + ": "), "\u201c" + ev.quote + "\u201d");
      }
      add(list, add(li, el("br"), cite(ev.article)));
    });
    return list;
  }
  function verifiedMark(item) {
    return item.verified ? el("span", "\u2714 verified", "ng-verified") : null;
  }
  function relationBlock(id, from) {
    var rel = details.relations[id], other = rel.source === from ? rel.target : rel.source;
    var arrow = rel.source === from ? " \u2192 " : " \u2190 ";
    var head = add(el("div", null, "ng-rel-head"), el("b", rel.type),
                   rel.modality && rel.modality !== "asserted" ? " (" + rel.modality + ")" : "",
                   rel.status ? " (" + rel.status + ")" : "", from ? arrow : " ",
                   from ? goTo(other, from) : nameOf(rel.source) + " \u2192 " + nameOf(rel.target), " ",
                   verifiedMark(rel));
    var seen = dates(rel.first_seen, rel.last_seen);
    var meta = el("div", "reported by " + rel.corroboration + " outlet(s)" +
                  (rel.outlets.length ? ": " + rel.outlets.join(", ") : "") + (seen ? "; " + seen : ""), "ng-meta");
    return add(el("div", null, "ng-rel"), head, meta, evidenceList(rel.evidence));
  }
  function statementBlock(id) {
    var said = details.statements[id];
    var seen = dates(said.first_seen, said.last_seen);
    return add(el("li", null, "ng-statement"), el("span", "\u201c" + said.text + "\u201d", "ng-said"), " ",
               verifiedMark(said),
               el("div", said.kind + (said.cue ? " (" + said.cue + ")" : "") + "; reported by " +
                  (said.outlets.join(", ") || "an article of no known outlet") + (seen ? "; " + seen : ""), "ng-meta"),
               evidenceList(said.evidence));
  }
  function actionButton(text, count, action) {
    var button = el("button", text.replace("{n}", count), "ng-action");
    button.type = "button";
    button.disabled = count === 0;
    button.addEventListener("click", action);
    return button;
  }
  function open(title) {
    body.replaceChildren(el("h2", title));
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function showNode(id) {
    var entity = details.entities[id];
    if (!entity) { return showArticle(id); }
    open(entity.name);
    add(body, el("div", entity.type, "ng-type"));
    if (entity.aliases.length) { add(body, el("div", "Also named: " + entity.aliases.join("; "), "ng-meta")); }
    add(body, el("div", entity.mentions + " mention(s) in " + entity.articles + " article(s)", "ng-meta"));
    var articles = details.mentions[id] || [];
    add(body, add(el("div", null, "ng-actions"),
      actionButton("Show neighbours ({n} more)", neighbours(id).length, function () { expand(id); }),
      actionButton("Show its articles ({n})", articlesOf(id).length,
                   function () { bring(articlesOf(id), id); showNode(id); })));
    var rels = relationsOf.get(id) || [];
    add(body, el("h3", "Relations (" + rels.length + ")"));
    rels.forEach(function (rel) { add(body, relationBlock(rel, id)); });
    var said = statementsOf.get(id) || [];
    if (said.length) {
      add(body, el("h3", "Statements (" + said.length + ")"));
      var list = add(el("ol", null, "ng-statements"));
      said.forEach(function (s) { add(list, statementBlock(s)); });
      add(body, list);
    }
    add(body, el("h3", "Articles (" + articles.length + ")"));
    var listed = add(el("ul", null, "ng-articles"));
    articles.slice(0, MAX_ARTICLES_LISTED).forEach(function (a) { add(listed, add(el("li"), cite(a))); });
    add(body, listed);
    if (articles.length > MAX_ARTICLES_LISTED) {
      add(body, el("div", "\u2026 and " + (articles.length - MAX_ARTICLES_LISTED) + " more", "ng-meta"));
    }
  }
  function showArticle(id) {
    var article = details.articles[id];
    if (!article) { return; }
    open(article.title);
    add(body, el("div", "Article", "ng-type"));
    [["Outlet", article.outlet], ["Author", article.author], ["Published", article.published],
     ["File", article.path]].forEach(function (row) {
      if (row[1]) { add(body, el("div", row[0] + ": " + row[1], "ng-meta")); }
    });
    if (article.url) { add(body, add(el("div", "URL: ", "ng-meta"), linkTo(article.url, article.url))); }
    var rels = relationsOf.get(id) || [];  // the sources it cites
    if (rels.length) {
      add(body, el("h3", "Relations (" + rels.length + ")"));
      rels.forEach(function (rel) { add(body, relationBlock(rel, id)); });
    }
    var named = mentionedIn.get(id) || [];
    add(body, el("h3", "Mentions (" + named.length + ")"));
    var list = el("ul", null, "ng-articles");
    named.forEach(function (entity) { add(list, add(el("li"), goTo(entity, id))); });
    add(body, list);
  }
  function showEdge(id) {
    if (details.relations[id]) {
      open("Relation");
      add(body, relationBlock(id, null));
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });
  network.on("doubleClick", function (params) { if (params.nodes.length) { expand(params.nodes[0]); } });
  byId("ng-details-close").addEventListener("click", function () { panel.hidden = true; });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { panel.hidden = true; } });
  Object.assign(window.ngPage, { bring: bring, expand: expand, showNode: showNode, articlesOf: articlesOf, pool: poolNodes });
})();
