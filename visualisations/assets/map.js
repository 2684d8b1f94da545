/* prevgraph map: filters, focus, search, tooltips, PNG export and dialogue scenes.
 * Reads the data Python embedded in #map-data. Tooltips arrive as HTML that Python
 * escaped; nothing else from the data is ever inserted as HTML. */
(function () {
  "use strict";
  var MAX_FIT_SCALE = 1.3;
  var data = JSON.parse(document.getElementById("map-data").textContent);
  /* the zoom below which the actors' labels would be drawn smaller than data.minLabelPx */
  var MIN_LEGIBLE_SCALE = data.minLabelPx / data.options.nodes.font.size;
  var container = document.getElementById("network");
  var tooltip = document.getElementById("tooltip");
  var detailsBox = document.getElementById("details");
  var details = document.getElementById("details-body");
  var BORDER = "#1A1A1A";
  var MARKED = data.markColour;

  /* A node's colour in one mode: Python gives [fill, label colour or null] per mode. */
  function nodeStyle(n, mode) {
    var pair = n.colours[mode];
    var border = n.marked ? MARKED : BORDER;
    var style = {
      id: n.id,
      color: { background: pair[0], border: border, highlight: { background: pair[0], border: n.marked ? MARKED : "#000000" },
               hover: { background: pair[0], border: border } }
    };
    if (pair[1]) { style.font = { color: pair[1], strokeWidth: 0 }; }
    return style;
  }
  data.nodes.forEach(function (n) { Object.assign(n, nodeStyle(n, data.colourBy)); });
  var baseDashes = {};
  data.edges.forEach(function (e) { if (e.dashes) { baseDashes[e.id] = e.dashes; } });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var byNode = {};
  data.nodes.forEach(function (n) { byNode[n.id] = n; });
  var periods = {};
  data.dates.forEach(function (d) { periods[d.value] = d; });
  var incident = {};
  data.edges.forEach(function (e) {
    (incident[e.from] = incident[e.from] || []).push(e);
    (incident[e.to] = incident[e.to] || []).push(e);
  });

  var state = {};
  function defaults() {
    state = {
      colourBy: data.colourBy,
      statuses: new Set(data.statuses.concat([""])),
      kinds: new Set(data.kinds),
      asOf: null,
      focus: data.focus,
      hops: data.hops,
      context: false
    };
  }
  defaults();

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  network.on("beforeDrawing", function (ctx) {
    /* a white page under the drawing, so a saved PNG is not transparent */
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });
  network.once("afterDrawing", function () {
    window.prevgraphMap.readyAt = performance.now();
    document.body.setAttribute("data-ready", "true");
  });
  window.prevgraphMap = { network: network, nodes: nodes, edges: edges, readyAt: null };

  function onDate(value) {
    if (!state.asOf || !value || !periods[value]) { return true; }
    return periods[value].start <= state.asOf;
  }

  function edgeShown(e) {
    return (e.flow ? state.statuses.has(e.status) : state.statuses.has("")) && onDate(e.date);
  }

  function neighbourhood(start, hops, shownEdges) {
    var reach = {};
    reach[start] = 0;
    var frontier = [start];
    for (var depth = 1; depth <= hops; depth++) {
      var next = [];
      frontier.forEach(function (id) {
        (incident[id] || []).forEach(function (e) {
          if (!shownEdges[e.id]) { return; }
          var other = e.from === id ? e.to : e.from;
          if (!(other in reach)) { reach[other] = depth; next.push(other); }
        });
      });
      frontier = next;
    }
    return reach;
  }

  /* Which nodes and edges the current filters show: the same rules as the Python side
   * (a node a filter leaves without any of its edges goes too). */
  function visible() {
    var nodeOk = {};
    data.nodes.forEach(function (n) { nodeOk[n.id] = state.kinds.has(n.kind) && onDate(n.date); });
    var edgeOk = {};
    data.edges.forEach(function (e) { edgeOk[e.id] = nodeOk[e.from] && nodeOk[e.to] && edgeShown(e); });
    layered({ nodes: nodeOk, edges: edgeOk });
    if (state.focus && nodeOk[state.focus]) {
      var reach = neighbourhood(state.focus, state.hops, edgeOk);
      data.nodes.forEach(function (n) { nodeOk[n.id] = nodeOk[n.id] && n.id in reach; });
      data.edges.forEach(function (e) { edgeOk[e.id] = edgeOk[e.id] && nodeOk[e.from] && nodeOk[e.to]; });
    }
    return { nodes: nodeOk, edges: edgeOk };
  }

  /* The default view is the actors and the flows between them (and stated missing links);
   * structure, texts, meetings, participants and States come in with the context toggle.
   * Either way a node left without any of its lines goes too. Changes ``shown`` in place. */
  function layered(shown) {
    if (!state.context) {
      data.nodes.forEach(function (n) { shown.nodes[n.id] = Boolean(shown.nodes[n.id] && n.actor); });
      data.edges.forEach(function (e) {
        shown.edges[e.id] = Boolean(shown.edges[e.id] && (e.flow || e.ghost) && shown.nodes[e.from] && shown.nodes[e.to]);
      });
    }
    /* with a status left out, what no flow of the chosen statuses touches goes too */
    var byStatus = data.statuses.some(function (s) { return !state.statuses.has(s); });
    var degree = {};
    data.edges.forEach(function (e) {
      if (shown.edges[e.id] && (e.flow || !byStatus)) {
        degree[e.from] = (degree[e.from] || 0) + 1;
        degree[e.to] = (degree[e.to] || 0) + 1;
      }
    });
    data.nodes.forEach(function (n) {
      if (shown.nodes[n.id] && (byStatus || incident[n.id]) && !degree[n.id]) { shown.nodes[n.id] = false; }
    });
    data.edges.forEach(function (e) { shown.edges[e.id] = shown.edges[e.id] && shown.nodes[e.from] && shown.nodes[e.to]; });
    return shown;
  }

  function show(shown) {
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var hidden = !shown.nodes[n.id];
      if (Boolean(n.hidden) !== hidden) { nodeUpdates.push({ id: n.id, hidden: hidden }); }
    });
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var hidden = !shown.edges[e.id];
      if (Boolean(e.hidden) !== hidden) { edgeUpdates.push({ id: e.id, hidden: hidden }); }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var count = Object.keys(shown.nodes).filter(function (k) { return shown.nodes[k]; }).length;
    container.setAttribute("data-visible-nodes", String(count));
  }

  function fitShown(shown) {
    var ids = Object.keys(shown.nodes).filter(function (k) { return shown.nodes[k]; });
    network.fit({ nodes: ids.length ? ids : undefined, animation: false });
    /* one or two nodes would otherwise fill the screen */
    if (network.getScale() > MAX_FIT_SCALE) { network.moveTo({ scale: MAX_FIT_SCALE, animation: false }); }
    /* the actors' labels stay legible from the back of a room: pan to see the rest */
    if (!state.context && network.getScale() < MIN_LEGIBLE_SCALE) {
      network.moveTo({ scale: MIN_LEGIBLE_SCALE, animation: false });
    }
    scaleDashes();
  }

  /* Dash patterns are in canvas units: zoomed out, a dashed line would become thousands of
   * sub-pixel dashes, slow to draw and invisible. Keep them at least their size on screen. */
  var dashFactor = 1;
  function scaleDashes() {
    var factor = Math.max(1, 1 / network.getScale());
    if (Math.abs(Math.log(factor / dashFactor)) < Math.log(1.5)) { return; }
    dashFactor = factor;
    edges.update(Object.keys(baseDashes).map(function (id) {
      return { id: id, dashes: baseDashes[id].map(function (d) { return d * factor; }) };
    }));
  }
  var dashTimer = null;
  network.on("zoom", function () {
    clearTimeout(dashTimer);
    dashTimer = setTimeout(scaleDashes, 150);
  });

  function recolour() {
    nodes.update(data.nodes.map(function (n) { return nodeStyle(n, state.colourBy); }));
    ["location", "pillar"].forEach(function (mode) {
      var list = document.getElementById("legend-" + mode);
      if (list) { list.hidden = mode !== state.colourBy; }
    });
  }

  function refresh(fit) {
    var shown = visible();
    show(shown);
    if (fit) { fitShown(shown); }
  }

  /* Tooltips and details: the tip HTML was escaped by Python. */
  function placeTip(pointer, html) {
    tooltip.innerHTML = html;
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 18;
    var y = box.top + pointer.y + 18;
    var w = tooltip.offsetWidth;
    var h = tooltip.offsetHeight;
    if (x + w > window.innerWidth - 8) { x = Math.max(8, box.left + pointer.x - w - 18); }
    if (y + h > window.innerHeight - 8) { y = Math.max(8, window.innerHeight - h - 8); }
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }
  function hideTip() { tooltip.hidden = true; }
  function showDetails(html) { details.innerHTML = html; detailsBox.hidden = false; }
  function showNote(text) { details.textContent = text; detailsBox.hidden = false; }
  document.getElementById("details-close").addEventListener("click", function () { detailsBox.hidden = true; });
  network.on("hoverNode", function (p) { placeTip(p.pointer.DOM, byNode[p.node].tip); });
  network.on("hoverEdge", function (p) { var e = edges.get(p.edge); if (e) { placeTip(p.pointer.DOM, e.tip); } });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    if (p.nodes.length) { showDetails(byNode[p.nodes[0]].tip); }
    else if (p.edges.length) { showDetails(edges.get(p.edges[0]).tip); }
    else { detailsBox.hidden = true; }
  });

  function on(id, event, handler) {
    var el = document.getElementById(id);
    if (el) { el.addEventListener(event, handler); }
    return el;
  }

  function namesOf(n) { return [n.name].concat(n.aliases || []).map(function (x) { return x.toLowerCase(); }); }

  function find(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) { return null; }
    var exact = data.nodes.filter(function (n) { return namesOf(n).indexOf(wanted) >= 0; });
    if (exact.length) { return exact[0]; }
    var partial = data.nodes.filter(function (n) {
      return namesOf(n).some(function (x) { return x.indexOf(wanted) >= 0; });
    });
    return partial.length ? partial[0] : null;
  }

  function selectNode(node) {
    network.selectNodes([node.id]);
    showDetails(node.tip);
  }

  function wireMap() {
    var search = on("search", "change", function () {
      var node = find(search.value);
      if (!node) { showNote("No body on the map is called \u201c" + search.value + "\u201d."); return; }
      selectNode(node);
      network.focus(node.id, { scale: 1.1, animation: false });
    });
    on("search", "keydown", function (ev) { if (ev.key === "Enter") { search.dispatchEvent(new Event("change")); } });
    on("focus", "click", function () {
      var chosen = network.getSelectedNodes()[0] || (find(search.value) || {}).id;
      if (!chosen) { showNote("Choose a body first: search for it or click it."); return; }
      state.focus = chosen;
      state.hops = Number(document.getElementById("hops").value);
      refresh(true);
    });
    on("reset", "click", function () {
      defaults();
      contextButton();
      state.focus = null;
      document.querySelectorAll("#controls input[type=checkbox]").forEach(function (box) { box.checked = true; });
      document.querySelectorAll("input[name=colour]").forEach(function (r) { r.checked = r.value === state.colourBy; });
      var slider = document.getElementById("date");
      if (slider) { slider.value = slider.max; setDateLabel(); }
      search.value = "";
      network.unselectAll();
      recolour();
      refresh(true);
    });
    on("export", "click", function () {
      var canvas = container.querySelector("canvas");
      var link = document.createElement("a");
      link.href = canvas.toDataURL("image/png");
      link.download = "prevgraph-map.png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
    document.querySelectorAll("input[name=colour]").forEach(function (radio) {
      radio.addEventListener("change", function () { state.colourBy = radio.value; recolour(); });
    });
    document.querySelectorAll("#status-filter input").forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { state.statuses.add(box.dataset.status); } else { state.statuses.delete(box.dataset.status); }
        refresh(false);
      });
    });
    document.querySelectorAll("#kind-filter input").forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) { state.kinds.add(box.dataset.kind); } else { state.kinds.delete(box.dataset.kind); }
        refresh(false);
      });
    });
    on("date", "input", function () { setDateLabel(); refresh(false); });
    document.querySelectorAll("button.finding").forEach(function (button) {
      button.addEventListener("click", function () {
        var finding = data.findings[Number(button.dataset.index)];
        var ids = finding.nodes.filter(function (id) { return byNode[id]; });
        network.selectNodes(ids);
        if (ids.length) { network.fit({ nodes: ids, animation: false }); }
        showNote(finding.statement);
      });
    });
  }

  function contextButton() {
    var button = document.getElementById("toggle-context");
    button.setAttribute("aria-pressed", String(state.context));
    button.textContent = state.context ? "Hide structure" : "Show structure";
  }

  function setDateLabel() {
    var slider = document.getElementById("date");
    var label = document.getElementById("date-label");
    var index = Number(slider.value);
    if (index >= data.dates.length) { state.asOf = null; label.textContent = "all dates"; return; }
    state.asOf = data.dates[index].end;
    label.textContent = "up to " + data.dates[index].value;
  }

  /* Gap marks (glows and halos) are shown only in the scenes that ask for the gaps. */
  function marks(items) {
    return items.filter(function (x) { return x.shadow; })
      .map(function (x) { return { id: x.id, shadow: Object.assign({}, x.shadow) }; });
  }
  var gapMarks = { nodes: marks(data.nodes), edges: marks(data.edges) };
  var gapsShown = true;
  function showGaps(on) {
    if (on === gapsShown) { return; }
    gapsShown = on;
    nodes.update(gapMarks.nodes.map(function (n) { return { id: n.id, shadow: on ? n.shadow : { enabled: false } }; }));
    edges.update(gapMarks.edges.map(function (e) { return { id: e.id, shadow: on ? e.shadow : { enabled: false } }; }));
    var panel = document.getElementById("findings");
    if (panel) { panel.hidden = !on; }
  }

  /* Dialogue pack: each scene names the nodes and edges it shows (computed in Python). */
  function wireStory() {
    var scenes = data.story.scenes;
    var current = 0;
    function showScene(index) {
      current = Math.max(0, Math.min(scenes.length - 1, index));
      var scene = scenes[current];
      var shown = { nodes: {}, edges: {} };
      scene.nodes.forEach(function (id) { shown.nodes[id] = true; });
      scene.edges.forEach(function (id) { shown.edges[id] = true; });
      state.colourBy = scene.colourBy;
      recolour();
      showGaps(scene.gaps);
      show(layered(shown));
      fitShown(shown);
      network.unselectAll();
      if (scene.focus && byNode[scene.focus]) { network.selectNodes([scene.focus]); }
      ["scene-title", "bar-title"].forEach(function (id) { document.getElementById(id).textContent = scene.title; });
      ["scene-caption", "bar-caption"].forEach(function (id) { document.getElementById(id).textContent = scene.caption; });
      document.getElementById("scene-counter").textContent = "Scene " + (current + 1) + " of " + scenes.length;
      document.body.setAttribute("data-scene", String(current + 1));
      if (history.replaceState) { history.replaceState(null, "", "#scene-" + (current + 1)); }
    }
    on("scene-next", "click", function () { showScene(current + 1); });
    on("scene-prev", "click", function () { showScene(current - 1); });
    document.addEventListener("keydown", function (ev) {
      if (ev.target && /INPUT|SELECT|TEXTAREA/.test(ev.target.tagName)) { return; }
      if (["ArrowRight", "PageDown", " "].indexOf(ev.key) >= 0) { showScene(current + 1); ev.preventDefault(); }
      if (["ArrowLeft", "PageUp"].indexOf(ev.key) >= 0) { showScene(current - 1); ev.preventDefault(); }
      if (ev.key === "Home") { showScene(0); ev.preventDefault(); }
      if (ev.key === "End") { showScene(scenes.length - 1); ev.preventDefault(); }
    });
    var fromHash = /^#scene-(\d+)$/.exec(window.location.hash);
    showScene(fromHash ? Number(fromHash[1]) - 1 : 0);
    return function () { showScene(current); };
  }

  /* Redraws the current view after the panels or the context change: the story's scene or the map. */
  var redrawView = function () { refresh(true); };
  function togglePanels() {
    var hidden = document.body.classList.toggle("panels-hidden");
    document.getElementById("toggle-panels").setAttribute("aria-pressed", String(hidden));
    network.redraw();  /* the canvas takes its new size before the view is fitted to it */
    redrawView();
  }
  function toggleContext() {
    state.context = !state.context;
    contextButton();
    redrawView();
  }
  on("toggle-panels", "click", togglePanels);
  on("toggle-context", "click", toggleContext);
  document.addEventListener("keydown", function (ev) {
    if (ev.target && /INPUT|SELECT|TEXTAREA/.test(ev.target.tagName)) { return; }
    if (ev.key === "p" || ev.key === "P") { togglePanels(); }
    if (ev.key === "s" || ev.key === "S") { toggleContext(); }
    if (ev.key === "Escape") { hideTip(); detailsBox.hidden = true; }
  });

  if (data.story) {
    redrawView = wireStory();
  } else {
    wireMap();
    refresh(true);
  }
}());
