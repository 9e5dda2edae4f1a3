// The Tidemark status page: polls the JSON API once a second and redraws; no reload, no external resource.
// It survives the pipeline's restarts: while the server is away it says so and keeps asking; when a new run
// answers (another runId) it keeps the batches it had, marks the restart, and follows the new run.
"use strict";

const POLL_MS = 1000;
const KEPT_BATCHES = 1000;
const TABLE_ROWS = 30;
const COLORS = { input: "#1f6feb", scheduling: "#d4850f", processing: "#2da44e", total: "#8250df", limit: "#cf222e" };

const token = (() => {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("tidemark-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname); // out of the address bar and the history
  }
  return sessionStorage.getItem("tidemark-token");
})();

const state = {
  runId: null,
  since: null, // the newest batch time of the current run received
  batches: new Map(), // batch time -> batch, over every run seen
  restarts: [], // batch times after which a new run answered
  lagHistory: new Map(), // source id -> [[pipeline time s], [total lag]]
  intervalMs: 1000,
  charts: {},
};

const $ = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the body's rows only when what they show changed: no flicker, and a selection survives. */
function replaceRows(tbody, data, makeRows) {
  const signature = JSON.stringify(data);
  if (tbody.dataset.signature === signature) return;
  tbody.dataset.signature = signature;
  tbody.replaceChildren(...makeRows());
}

function setText(id, text) {
  const node = $(id);
  if (node.textContent !== String(text)) node.textContent = text;
}

async function api(path) {
  const headers = token ? { Authorization: "Bearer " + token } : {};
  const response = await fetch(path, { headers, cache: "no-store" });
  if (!response.ok) throw new Error(path + ": HTTP " + response.status);
  return response.json();
}

// ---------- formatting ----------

function formatTime(ms) {
  const d = new Date(ms);
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + pad(d.getHours()) + ":" +
    pad(d.getMinutes()) + ":" + pad(d.getSeconds()) + (d.getMilliseconds() ? "." + pad(d.getMilliseconds(), 3) : "");
}

function formatDuration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return "–";
  if (ms === 0) return "0 ms";
  if (ms < 1) return ms.toFixed(2) + " ms";
  if (ms < 1000) return Math.round(ms) + " ms";
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + " s";
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? h + " h " : "") + (m ? m + " min " : "") + (h ? "" : r + " s");
}

function formatCount(n) {
  if (n === null || n === undefined) return "–";
  return Number(n).toLocaleString("en-US", { maximumFractionDigits: 1 });
}

function formatBytes(n) {
  if (n === null || n === undefined) return "–";
  if (n < 1024) return n + " B";
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = n / 1024, unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return value.toFixed(value < 10 ? 2 : 1) + " " + units[unit];
}

function average(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

// ---------- charts ----------

function chartWidth(container) {
  return Math.max(240, container.clientWidth || container.parentElement.clientWidth || 400);
}

function timeline(id, label, color, unit, extra) {
  const container = $(id);
  const series = [{}, { label, stroke: color, width: 1.5, fill: color + "22", points: { show: true, size: 4 } }];
  if (extra) series.push(extra);
  const chart = new uPlot({
    width: chartWidth(container), height: 150, series, legend: { show: false },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max * 1.1, 1)] } },
    axes: [{ stroke: "#5b6575", grid: { stroke: "#eef0f4" } },
      { stroke: "#5b6575", grid: { stroke: "#eef0f4" }, size: 72, values: (u, ticks) => ticks.map((t) => unit(t)) }],
    hooks: { draw: [drawRestarts] },
  }, extra ? [[], [], []] : [[], []], container);
  return chart;
}

function drawRestarts(u) {
  const ctx = u.ctx;
  for (const time of state.restarts) {
    const x = u.valToPos(time / 1000, "x", true);
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.save();
    ctx.strokeStyle = "#cf222e";
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.fillStyle = "#cf222e";
    ctx.font = 11 * devicePixelRatio + "px sans-serif";
    ctx.fillText("restart", x + 3, u.bbox.top + 12 * devicePixelRatio);
    ctx.restore();
  }
}

function histogram(id, color) {
  const container = $(id);
  return new uPlot({
    width: Math.min(360, chartWidth(container)), height: 150, legend: { show: false },
    series: [{}, { label: "batches", stroke: color, fill: color + "88", points: { show: false },
      paths: uPlot.paths.bars({ size: [0.9, 60] }) }],
    scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(max + 1, 2)] } },
    axes: [{ stroke: "#5b6575", grid: { show: false } }, { stroke: "#5b6575", grid: { stroke: "#eef0f4" }, size: 40 }],
  }, [[], []], container);
}

function bins(values) {
  if (!values.length) return [[], []];
  const max = Math.max(...values), min = Math.min(0, ...values);
  const count = Math.min(20, Math.max(5, Math.ceil(Math.sqrt(values.length))));
  const width = (max - min) / count || 1;
  const xs = [], ys = [];
  for (let i = 0; i < count; i++) { xs.push(min + width * (i + 0.5)); ys.push(0); }
  for (const v of values) ys[Math.min(count - 1, Math.floor((v - min) / width))]++;
  return [xs.map((x) => Math.round(x * 100) / 100), ys];
}

function setupCharts() {
  const ms = (t) => formatDuration(t);
  state.charts.input = timeline("timeline-input", "records/s", COLORS.input, (t) => formatCount(t));
  state.charts.scheduling = timeline("timeline-scheduling", "scheduling delay", COLORS.scheduling, ms);
  state.charts.processing = timeline("timeline-processing", "processing time", COLORS.processing, ms,
    { label: "batch interval", stroke: COLORS.limit, dash: [6, 4], width: 1, points: { show: false } });
  state.charts.total = timeline("timeline-total", "total delay", COLORS.total, ms);
  state.charts.histInput = histogram("hist-input", COLORS.input);
  state.charts.histScheduling = histogram("hist-scheduling", COLORS.scheduling);
  state.charts.histProcessing = histogram("hist-processing", COLORS.processing);
  state.charts.histTotal = histogram("hist-total", COLORS.total);
  state.charts.latency = new uPlot({
    width: chartWidth($("ckpt-latency")), height: 150,
    series: [{}, { label: "metadata", stroke: "#1f6feb", points: { show: true, size: 4 }, width: 1 },
      { label: "state", stroke: "#d4850f", points: { show: true, size: 6 }, width: 0, spanGaps: false }],
    scales: { x: { time: true } },
    axes: [{ stroke: "#5b6575" }, { stroke: "#5b6575", size: 72, values: (u, ticks) => ticks.map((t) => formatDuration(t)) }],
  }, [[], [], []], $("ckpt-latency"));
}

// ---------- rendering ----------

function renderPipeline(p) {
  setText("pipeline-name", p.name);
  document.title = p.name + " · Tidemark status";
  const stateBadge = $("pipeline-state");
  stateBadge.textContent = p.state;
  stateBadge.className = "badge " + p.state;
  state.intervalMs = p.batchIntervalMs;
  setText("sum-interval", formatDuration(p.batchIntervalMs));
  setText("sum-uptime", formatDuration(Date.now() - p.startedAt));
  setText("sum-completed", formatCount(p.batchesCompleted));
  setText("sum-failed", formatCount(p.batchesFailed));
  setText("sum-records", formatCount(p.recordsIn));
  setText("sum-queued", formatCount(p.queuedBatches));
  $("card-queued").classList.toggle("backlog", p.queuedBatches > 1);
  setText("footer-version", "Tidemark " + p.toolkitVersion + " · parallelism " + p.parallelism);
  replaceRows($("config-table").tBodies[0], p.config, () => Object.entries(p.config).map(([key, value]) =>
    el("tr", { "data-key": key }, el("td", { class: "mono" }, key), el("td", { class: "mono" }, value))));
}

function renderBatches(b) {
  if (b.runId !== state.runId) {
    if (state.runId !== null && state.batches.size) {
      state.restarts.push(Math.max(...state.batches.keys()));
    }
    state.runId = b.runId;
    state.since = null;
  }
  for (const batch of b.batches) {
    state.batches.set(batch.batchTime, batch);
    state.since = Math.max(state.since ?? -Infinity, batch.batchTime);
  }
  if (state.batches.size > KEPT_BATCHES) {
    const times = [...state.batches.keys()].sort((x, y) => x - y);
    for (const time of times.slice(0, times.length - KEPT_BATCHES)) state.batches.delete(time);
  }
  const all = [...state.batches.values()].sort((x, y) => x.batchTime - y.batchTime);
  const xs = all.map((x) => x.batchTime / 1000);
  const column = (name) => all.map((x) => x[name]);
  const input = column("inputRate"), scheduling = column("schedulingDelayMs");
  const processing = column("processingTimeMs"), total = column("totalDelayMs");
  state.charts.input.setData([xs, input]);
  state.charts.scheduling.setData([xs, scheduling]);
  state.charts.processing.setData([xs, processing, all.map(() => state.intervalMs)]);
  state.charts.total.setData([xs, total]);
  state.charts.histInput.setData(bins(input));
  state.charts.histScheduling.setData(bins(scheduling));
  state.charts.histProcessing.setData(bins(processing));
  state.charts.histTotal.setData(bins(total));
  const timelineNode = $("timeline-input");
  timelineNode.dataset.points = String(xs.length);
  timelineNode.dataset.lastBatchTime = all.length ? String(all[all.length - 1].batchTime) : "";
  setText("avg-input", all.length ? "avg " + formatCount(average(input)) + " records/s" : "");
  setText("avg-scheduling", all.length ? "avg " + formatDuration(average(scheduling)) : "");
  setText("avg-processing", all.length ? "avg " + formatDuration(average(processing)) : "");
  setText("avg-total", all.length ? "avg " + formatDuration(average(total)) : "");
  setText("stats-caption", all.length ? all.length + " batches, " + formatTime(all[0].batchTime) + " to " +
    formatTime(all[all.length - 1].batchTime) + (state.restarts.length ? ", " + state.restarts.length + " restart(s)" : "") : "no batch yet");
  setText("sum-last", all.length ? formatTime(all[all.length - 1].batchTime) : "–");

  const recent = all.slice(-TABLE_ROWS).reverse();
  replaceRows($("batch-table").tBodies[0], recent, () => recent.map((x) => el("tr", { "data-batch-time": x.batchTime },
    el("td", { class: "mono" }, formatTime(x.batchTime)),
    el("td", { class: "num" }, formatCount(x.recordsIn)),
    el("td", { class: "num" }, formatCount(x.inputRate) + "/s"),
    el("td", { class: "num" }, formatDuration(x.schedulingDelayMs)),
    el("td", { class: "num" }, formatDuration(x.processingTimeMs)),
    el("td", { class: "num" }, formatDuration(x.totalDelayMs)),
    el("td", { class: "mono" }, Object.entries(x.outputRecords).map(([id, n]) => id + ": " + formatCount(n)).join(", ") || "–"))));
  $("failed-block").hidden = b.failures.length === 0;
  replaceRows($("failed-table").tBodies[0], b.failures, () => b.failures.slice().reverse().map((f) =>
    el("tr", { class: "failed", "data-batch-time": f.batchTime }, el("td", { class: "mono" }, formatTime(f.batchTime)),
      el("td", { class: "mono" }, f.error))));
  const warning = $("backlog-warning");
  const lastDelay = all.length ? all[all.length - 1].schedulingDelayMs : 0;
  const behind = b.queuedBatches > 1 || lastDelay > state.intervalMs;
  warning.hidden = !behind;
  if (behind) {
    warning.textContent = "Falling behind: " + b.queuedBatches + " batches queued, the last one started " +
      formatDuration(lastDelay) + " late. Batches take longer to process than the batch interval (" +
      formatDuration(state.intervalMs) + ").";
  }
}

function renderStages(s) {
  const rows = () => s.stages.map((stage) => {
    const window = stage.window ? formatDuration(stage.window.lengthMs) + " / slide " + formatDuration(stage.window.slideMs) : "";
    const held = stage.state;
    const kind = stage.kind === "source" && stage.sourceKind ? "source (" + stage.sourceKind + ")" : stage.kind;
    return el("tr", { "data-stage-id": stage.id },
      el("td", { class: "mono" }, stage.id, stage.formerIds && stage.formerIds.length ? " (was " + stage.formerIds.join(", ") + ")" : ""),
      el("td", null, kind),
      el("td", { class: "mono" }, (stage.from || []).join(", ")),
      el("td", null, window),
      el("td", { class: "num" }, held ? formatCount(held.keys) : stage.lastOutputRecords !== undefined && stage.lastOutputRecords !== null ? formatCount(stage.lastOutputRecords) + " written" : ""),
      el("td", { class: "num" }, held ? formatBytes(held.bytes) : ""),
      el("td", { class: "mono" }, held && held.stateTime !== null ? formatTime(held.stateTime) : ""),
      el("td", { class: "mono" }, held ? held.keyFingerprint : ""),
      el("td", { class: "mono" }, held ? held.valueFingerprint : ""));
  });
  replaceRows($("stage-table").tBodies[0], s.stages, rows);
  renderGraph(s.stages);
}

function renderGraph(stages) {
  const signature = stages.map((x) => x.id + "<" + (x.from || []).join(",")).join(";");
  const container = $("graph");
  if (container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  const depth = new Map();
  for (const stage of stages) {
    depth.set(stage.id, Math.max(0, ...(stage.from || []).map((f) => (depth.get(f) ?? 0) + 1)));
  }
  const layers = [];
  for (const stage of stages) (layers[depth.get(stage.id)] ||= []).push(stage);
  const w = 150, h = 40, gapX = 50, gapY = 14;
  const position = new Map();
  layers.forEach((layer, i) => layer.forEach((stage, j) => position.set(stage.id, { x: 10 + i * (w + gapX), y: 10 + j * (h + gapY) })));
  const width = 20 + layers.length * (w + gapX), height = 20 + Math.max(...layers.map((l) => l.length)) * (h + gapY);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("height", String(height));
  svg.style.maxWidth = width + "px";
  const defs = document.createElementNS(ns, "defs");
  const marker = document.createElementNS(ns, "marker");
  Object.entries({ id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto" })
    .forEach(([k, v]) => marker.setAttribute(k, v));
  const tip = document.createElementNS(ns, "path");
  tip.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
  tip.setAttribute("fill", "#8a94a6");
  marker.append(tip);
  defs.append(marker);
  svg.append(defs);
  for (const stage of stages) {
    for (const from of stage.from || []) {
      const a = position.get(from), b = position.get(stage.id);
      if (!a || !b) continue;
      const path = document.createElementNS(ns, "path");
      const x1 = a.x + w, y1 = a.y + h / 2, x2 = b.x, y2 = b.y + h / 2, mid = (x1 + x2) / 2;
      path.setAttribute("d", `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`);
      path.setAttribute("class", "edge");
      path.setAttribute("marker-end", "url(#arrow)");
      svg.append(path);
    }
  }
  for (const stage of stages) {
    const p = position.get(stage.id);
    const g = document.createElementNS(ns, "g");
    const kind = stage.kind === "source" ? "source" : stage.kind === "output" ? "output" : stage.state ? "stateful" : "";
    g.setAttribute("class", "node " + kind);
    g.setAttribute("transform", `translate(${p.x},${p.y})`);
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("width", String(w));
    rect.setAttribute("height", String(h));
    const title = document.createElementNS(ns, "text");
    title.setAttribute("x", "8");
    title.setAttribute("y", "16");
    title.textContent = stage.id.length > 20 ? stage.id.slice(0, 19) + "…" : stage.id;
    const sub = document.createElementNS(ns, "text");
    sub.setAttribute("x", "8");
    sub.setAttribute("y", "32");
    sub.setAttribute("class", "kind");
    sub.textContent = (stage.sourceKind || stage.kind) + (stage.window ? " " + formatDuration(stage.window.lengthMs) : "");
    const tooltip = document.createElementNS(ns, "title");
    tooltip.textContent = stage.id + " (" + stage.kind + ")";
    g.append(rect, title, sub, tooltip);
    svg.append(g);
  }
  container.replaceChildren(svg);
}

function renderSources(s) {
  const list = $("source-list");
  const nowS = Date.now() / 1000;
  const blocks = s.sources.map((source) => {
    const facts = [["Reads", source.target || "–"]];
    if (source.rateLimit !== null) facts.push(["Rate limit", formatCount(source.rateLimit) + " records/s" + (source.kind === "kafka" ? " per partition" : "")]);
    if (source.kind === "kafka" || source.backpressureRate !== null) {
      facts.push(["Backpressure rate", source.backpressureRate === null ? (source.details.backpressure ? "no estimate yet" : "off") : formatCount(source.backpressureRate) + " records/s"]);
    }
    if (source.recordsReceived !== undefined) facts.push(["Records received", formatCount(source.recordsReceived)]);
    const names = { filesTaken: "Files taken", filesOfLastBatch: "Files in the last batch", filesRemembered: "Files remembered",
      blocksReceived: "Blocks received", writeAheadLog: "Write-ahead log", walAllocatedSegment: "WAL: allocated up to segment",
      walAllocatedOffset: "WAL: offset", walSegmentsFrom: "WAL: segments kept from", queued: "Queued elements", taken: "Elements taken" };
    for (const [key, value] of Object.entries(source.details)) {
      if (key === "backpressure") continue;
      facts.push([names[key] || key, typeof value === "boolean" ? (value ? "on" : "off") : formatCount(value)]);
    }
    const dl = el("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [el("dt", null, k), el("dd", null, v)]));
    const block = el("div", { class: "source", "data-source-id": source.id },
      el("h3", null, source.id + " ", el("span", { class: "badge" }, source.kind),
        source.totalLag !== undefined ? el("span", { class: "badge " + (source.totalLag > 0 ? "warn" : "ok"), style: "margin-left:6px" },
          "lag " + formatCount(source.totalLag)) : null));
    if (source.partitions) {
      (state.lagHistory.get(source.id) || state.lagHistory.set(source.id, [[], []]).get(source.id));
      const history = state.lagHistory.get(source.id);
      history[0].push(nowS);
      history[1].push(source.totalLag);
      if (history[0].length > 600) { history[0].shift(); history[1].shift(); }
      const table = el("table", { class: "data kafka-partitions" },
        el("thead", null, el("tr", null, el("th", null, "Topic"), el("th", { class: "num" }, "Partition"),
          el("th", { class: "num" }, "Next offset"), el("th", { class: "num" }, "End offset"), el("th", { class: "num" }, "Lag"))),
        el("tbody", null, ...source.partitions.map((p) => el("tr", { "data-partition": p.topic + "-" + p.partition },
          el("td", { class: "mono" }, p.topic), el("td", { class: "num" }, p.partition), el("td", { class: "num" }, formatCount(p.offset)),
          el("td", { class: "num" }, formatCount(p.endOffset)), el("td", { class: "num" + (p.lag > 0 ? " lag-high" : "") }, formatCount(p.lag))))));
      const charts = el("div", null, el("div", { class: "chart", id: "lag-bars-" + source.id }), el("div", { class: "chart", id: "lag-line-" + source.id }));
      block.append(el("div", { class: "row" }, el("div", null, dl, table), charts));
    } else {
      block.append(dl);
    }
    return block;
  });
  const signature = s.sources.map((x) => x.id + ":" + (x.partitions || []).length).join(";");
  if (list.dataset.signature !== signature) {
    list.dataset.signature = signature;
    Object.keys(state.charts).filter((k) => k.startsWith("lag-")).forEach((k) => { state.charts[k].destroy(); delete state.charts[k]; });
  }
  // keep the chart elements: swap in the new facts and tables only
  for (const block of blocks) {
    const id = block.dataset.sourceId;
    const old = list.querySelector(`[data-source-id="${CSS.escape(id)}"]`);
    if (old) {
      const oldCharts = old.querySelector(".row > div:nth-child(2)");
      const newCharts = block.querySelector(".row > div:nth-child(2)");
      if (oldCharts && newCharts) newCharts.replaceWith(oldCharts);
      old.replaceWith(block);
    } else {
      list.append(block);
    }
  }
  for (const child of [...list.children]) {
    if (!s.sources.some((x) => x.id === child.dataset.sourceId)) child.remove();
  }
  for (const source of s.sources.filter((x) => x.partitions)) {
    const barsKey = "lag-bars-" + source.id, lineKey = "lag-line-" + source.id;
    const labels = source.partitions.map((p) => p.topic + "-" + p.partition);
    if (!state.charts[barsKey]) {
      state.charts[barsKey] = new uPlot({
        width: chartWidth($(barsKey)), height: 150, legend: { show: false }, title: "Lag per partition",
        series: [{}, { label: "lag", stroke: "#cf222e", fill: "#cf222e66", paths: uPlot.paths.bars({ size: [0.7, 50] }) }],
        scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(max * 1.1, 1)] } },
        axes: [{ values: (u, ticks) => ticks.map((t) => labels[t] ?? ""), stroke: "#5b6575" }, { stroke: "#5b6575", size: 60 }],
      }, [[], []], $(barsKey));
      state.charts[lineKey] = new uPlot({
        width: chartWidth($(lineKey)), height: 150, legend: { show: false }, title: "Total lag over time",
        series: [{}, { label: "lag", stroke: "#cf222e", fill: "#cf222e22" }],
        scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max * 1.1, 1)] } },
        axes: [{ stroke: "#5b6575" }, { stroke: "#5b6575", size: 60 }],
      }, [[], []], $(lineKey));
    }
    state.charts[barsKey].setData([source.partitions.map((p, i) => i), source.partitions.map((p) => p.lag)]);
    state.charts[lineKey].setData(state.lagHistory.get(source.id));
  }
}

function verdictText(report) {
  return report.verdict + (report.findings.length ? " (" + report.findings.length + " finding" + (report.findings.length > 1 ? "s" : "") + ")" : "");
}

function findingItems(findings) {
  return findings.map((f) => el("li", { class: "mono" }, f.severity + " " + f.path + ": " + f.message + (f.fix ? " — fix: " + f.fix : "")));
}

function renderCheckpoint(c) {
  $("ckpt-off").hidden = c.enabled;
  $("ckpt-on").hidden = !c.enabled;
  if (!c.enabled) return;
  setText("ckpt-directory", c.directory);
  setText("ckpt-owner", c.lock ? c.lock.owner : "not held");
  setText("ckpt-lease", c.lock ? formatDuration(c.lock.leaseMs) + ", last heartbeat " + formatDuration(Date.now() - c.lock.lastHeartbeat) + " ago" : "–");
  const recovered = $("ckpt-recovered");
  const recoveredSignature = JSON.stringify(c.recovered);
  if (recovered.dataset.signature === recoveredSignature) {
    // unchanged
  } else if ((recovered.dataset.signature = recoveredSignature) && c.recovered) {
    recovered.replaceChildren("batch " + formatTime(c.recovered.batchTime) + ", written by Tidemark " + c.recovered.toolkitVersion +
      (c.recovered.stateTime !== null ? ", state of " + formatTime(c.recovered.stateTime) : "") + " ",
      el("span", { class: "badge " + c.recovered.verdict, id: "ckpt-recovered-verdict" }, c.recovered.verdict),
      el("ul", { class: "findings" }, ...findingItems(c.recovered.findings)));
  } else {
    recovered.replaceChildren("nothing: this run started afresh");
  }
  setText("ckpt-last-metadata", c.lastMetadata ? "batch " + formatTime(c.lastMetadata.batchTime) + " · " + formatBytes(c.lastMetadata.bytes) +
    " · written in " + formatDuration(c.lastMetadata.writeMs) + " · " + formatDuration(Date.now() - c.lastMetadata.at) + " ago" : "none yet");
  setText("ckpt-state-referenced", c.stateReferenced !== null ? "state of batch " + formatTime(c.stateReferenced) : "no state checkpoint yet");
  const retained = $("ckpt-retained");
  retained.dataset.count = String(c.retained.metadataTimes.length);
  retained.textContent = c.retained.metadataTimes.length + ": " + c.retained.metadataTimes.map(formatTime).join(", ");
  const verdict = $("ckpt-compat-verdict");
  verdict.textContent = c.retained.verdict || "–";
  verdict.className = "badge " + (c.retained.verdict || "");
  setText("ckpt-compat-oldest", c.retained.oldest !== undefined ? "against batch " + formatTime(c.retained.oldest) : "");
  replaceRows($("ckpt-compat-findings"), c.retained.findings || [], () => findingItems(c.retained.findings || []));
  replaceRows($("ckpt-state-table").tBodies[0], c.lastState, () => c.lastState.map((s) => el("tr", { "data-stage-id": s.stage },
    el("td", { class: "mono" }, s.stage), el("td", { class: "mono" }, formatTime(s.batchTime)),
    el("td", { class: "num" }, formatBytes(s.bytes)), el("td", { class: "num" }, formatDuration(s.writeMs)))));
  const xs = c.writes.map((w) => w.at / 1000);
  state.charts.latency.setData([xs, c.writes.map((w) => (w.file === "metadata" ? w.writeMs : null)),
    c.writes.map((w) => (w.file === "state" ? w.writeMs : null))]);
}

// ---------- polling ----------

function connection(ok, message) {
  const badge = $("connection");
  badge.textContent = message;
  badge.className = "badge " + (ok ? "ok" : "bad");
}

async function poll() {
  try {
    const sinceParameter = state.since === null ? "" : "?since=" + state.since;
    const [pipeline, batches, stages, sources, checkpoint] = await Promise.all([api("/api/v1/pipeline"),
      api("/api/v1/batches" + sinceParameter), api("/api/v1/stages"), api("/api/v1/sources"), api("/api/v1/checkpoint")]);
    if (state.runId !== null && batches.runId !== state.runId && state.since !== null && sinceParameter) {
      // a new run answered a request meant for the old one: take its whole history
      Object.assign(batches, await api("/api/v1/batches"));
    }
    renderPipeline(pipeline);
    renderBatches(batches);
    renderStages(stages);
    renderSources(sources);
    renderCheckpoint(checkpoint);
    connection(true, "live");
    if (!state.sized) {
      state.sized = true;
      resize(); // the charts were made before the sections they sit in had their widths
    }
    document.body.dataset.updatedAt = String(Date.now());
  } catch (error) {
    connection(false, "disconnected, retrying…");
    console.warn("status poll failed", error);
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

function resize() {
  for (const [name, chart] of Object.entries(state.charts)) {
    const container = chart.root.parentElement;
    const width = name.startsWith("hist") ? Math.min(360, chartWidth(container)) : chartWidth(container);
    chart.setSize({ width, height: 150 });
  }
}

window.addEventListener("resize", resize);
setupCharts();
poll();
