// The graph page's filters, search and layout (views/page), inlined into the page after
// pyvis's script, which leaves the globals `nodes`, `edges` (vis DataSets) and `network`;
// panel.js (the details panel, expanding a node) runs after it. vis-network 9 shows a
// string title as plain text, so each escaped tooltip string is parsed into an element here.
(function () {
  "use strict";
  var byId = function (id) { return document.getElementById(id); };
  var large = nodes.length > Number(byId("ng-panel").dataset.largePageNodes);
  var fold = function (s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  };

  function tooltipElements(dataset) {
    dataset.update(dataset.get({ filter: function (item) { return typeof item.title === "string"; } })
      .map(function (item) {
        var div = document.createElement("div");
        div.innerHTML = item.title;
        return { id: item.id, title: div };
      }));
  }

  function checked(name) {
    var values = new Set();
    document.querySelectorAll('input[name="' + name + '"]:checked')
      .forEach(function (box) { values.add(box.value); });
    return values;
  }

  function applyFilters() {
    var types = checked("ng-type"), rels = checked("ng-rel");
    var outlet = byId("ng-outlet").value;
    var minCorroboration = Number(byId("ng-minc").value) || 0;
    var from = byId("ng-from").value, to = byId("ng-to").value;  // YYYY-MM-DD or ""
    var hideLonely = byId("ng-lonely").checked;
    var typeShown = new Set(), connected = new Set(), edgeUpdates = [], shownEdges = 0;
    nodes.forEach(function (n) { if (types.has(n.ntype)) { typeShown.add(n.id); } });
    edges.forEach(function (e) {
      var show = rels.has(e.rtype) && typeShown.has(e.from) && typeShown.has(e.to) &&
        (!outlet || e.outlets.indexOf(outlet) >= 0) &&
        (e.kind !== "relation" || e.corroboration >= minCorroboration) &&
        // a date window keeps the relations reported in it; an undated one is left out then
        (e.kind !== "relation" || ((!from || (e.last_seen !== "" && e.last_seen >= from)) &&
                                   (!to || (e.first_seen !== "" && e.first_seen <= to))));
      if (show) { connected.add(e.from); connected.add(e.to); shownEdges += 1; }
      if (Boolean(e.hidden) === show) { edgeUpdates.push({ id: e.id, hidden: !show }); }
    });
    var nodeUpdates = [], shownNodes = 0;
    nodes.forEach(function (n) {
      var hidden = !typeShown.has(n.id) || (hideLonely && !connected.has(n.id));
      if (!hidden) { shownNodes += 1; }
      if (Boolean(n.hidden) !== hidden) {  // only changes: a DataSet update costs per item
        nodeUpdates.push({ id: n.id, hidden: hidden, physics: !hidden });  // hidden: no layout time
      }
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    byId("ng-visible").textContent = "visible: " + shownNodes + " nodes, " + shownEdges + " edges";
  }

  function findNode() {
    var wanted = fold(byId("ng-search").value), status = byId("ng-search-status");
    status.textContent = "";
    if (!wanted) { network.unselectAll(); return; }
    // the drawn nodes first, then the rest of the page's pool (drawn when found)
    var all = nodes.get().concat(Array.from(state.pool.values()));
    var hit = all.find(function (n) { return fold(n.name) === wanted; }) ||
      all.find(function (n) { return n.aliases.some(function (a) { return fold(a) === wanted; }); }) ||
      all.find(function (n) { return fold(n.name).indexOf(wanted) >= 0; });
    if (!hit) { status.textContent = "no node with that name"; return; }
    state.bring([hit.id], null);
    hit = nodes.get(hit.id);
    if (hit.hidden) { status.textContent = "that node is hidden by the filters"; }
    state.showNode(hit.id);
    network.selectNodes([hit.id]);
    // vis animates by frame count and redraws every frame while the view is locked on a node:
    // a large page, where a frame takes long to draw, would stall for seconds either way
    network.focus(hit.id, { scale: 1.3, locked: false, animation: large ? false : { duration: 600 } });
  }

  function resetFilters() {
    document.querySelectorAll("#ng-filters input[type=checkbox]").forEach(function (box) {
      box.checked = box.defaultChecked;  // as the page was written
    });
    byId("ng-outlet").value = "";
    byId("ng-minc").value = "0";
    byId("ng-from").value = "";
    byId("ng-to").value = "";
    applyFilters();
  }

  tooltipElements(nodes);
  tooltipElements(edges);
  // read by people and tests: when the layout settled, in ms since the page started loading
  var state = window.ngPage = { stabilized: false, stabilizedAtMs: null, applyFilters: applyFilters };
  network.on("stabilizationProgress", function (p) {
    byId("ng-layout").textContent = "Laying out the graph\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function laidOut() {
    network.setOptions({ physics: { enabled: false } });  // frozen: nothing moves unless dragged
    state.stabilized = true;
    state.stabilizedAtMs = performance.now();
    byId("ng-layout").textContent = nodes.length ?
      "Layout done in " + (state.stabilizedAtMs / 1000).toFixed(1) + " s" : "Nothing to draw";
  }
  if (nodes.length && !network.physics.ready) {
    network.once("stabilizationIterationsDone", laidOut);
  } else {
    // nothing to lay out (vis never says it is done), or a few nodes vis laid out while the
    // network was built, before this script could listen
    laidOut();
  }
  byId("ng-filters").addEventListener("change", applyFilters);
  byId("ng-minc").addEventListener("input", applyFilters);
  byId("ng-search").addEventListener("change", findNode);
  byId("ng-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { findNode(); } });
  byId("ng-reset").addEventListener("click", resetFilters);
  applyFilters();
})();
