// The Arbor observer's page: one static page, one live stream per view.
// Every value from the runtime is put into the page with textContent (through el()), never as markup,
// so a process named <script>...</script> shows as text and runs nothing.

const token = new URLSearchParams(location.search).get("token") || "";
const page = document.getElementById("page");
const statusBox = document.getElementById("status");
const notice = document.getElementById("notice");
let config = { readOnly: true };
let stream = null;
let view = null;

/** Builds an element; strings and numbers become text nodes, never HTML. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function withToken(path) {
  return path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token);
}

/** A link to a process's page. */
function pidLink(pid) {
  if (!pid) return el("span", { class: "muted" }, "—");
  const id = pid.replace(/^<0\.(\d+)\.0>$/, "$1");
  return el("a", { href: "#/process/" + id, class: "mono pid" }, pid);
}

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

function fmtMillis(ms) {
  return ms % 1000 === 0 ? ms / 1000 + " s" : ms + " ms";
}

function fmtBytes(n) {
  if (n === null || n === undefined) return "—";
  const mb = n / (1024 * 1024);
  return mb >= 1024 ? (mb / 1024).toFixed(2) + " GiB" : mb.toFixed(1) + " MiB";
}

function fmtDuration(ms) {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return (d ? d + "d " : "") + (d || h ? h + "h " : "") + m + "m " + (s % 60) + "s";
}

function fmtNanos(n) {
  if (n < 1000) return n + " ns";
  if (n < 1e6) return (n / 1000).toFixed(1) + " µs";
  if (n < 1e9) return (n / 1e6).toFixed(2) + " ms";
  return (n / 1e9).toFixed(2) + " s";
}

function fmtAgo(epochMillis) {
  if (!epochMillis) return "never";
  const s = Math.max(0, Math.round((Date.now() - epochMillis) / 1000));
  return s < 60 ? s + " s ago" : s < 3600 ? Math.floor(s / 60) + " min ago" : new Date(epochMillis).toLocaleTimeString();
}

function showNotice(text, error) {
  notice.hidden = false;
  notice.className = "notice" + (error ? " error" : "");
  notice.textContent = text;
  clearTimeout(showNotice.timer);
  showNotice.timer = setTimeout(() => { notice.hidden = true; }, 8000);
}

/** Opens the view's live stream, closing the previous one. */
function listen(path, onData) {
  if (stream) stream.close();
  const es = new EventSource(withToken(path));
  stream = es;
  es.onopen = () => { statusBox.textContent = "live"; statusBox.className = "status live"; };
  es.onerror = () => { statusBox.textContent = "reconnecting"; statusBox.className = "status down"; };
  es.onmessage = (m) => { if (stream === es) onData(JSON.parse(m.data)); };
  es.addEventListener("failure", (m) => showNotice(JSON.parse(m.data), true));
}

/** Runs an action after confirmation; the page redraws from its stream, the notice says what happened. */
async function act(what, path) {
  if (config.readOnly) return;
  if (!confirm(what + "?")) return;
  try {
    const r = await fetch(path, { method: "POST", headers: { "X-Observer-Token": token } });
    const text = await r.text();
    if (r.ok) showNotice(JSON.parse(text).result, false);
    else showNotice(text, true);
  } catch (e) {
    showNotice(String(e), true);
  }
}

function actionButton(label, what, path, danger) {
  return el("button", {
    class: danger ? "danger" : "", disabled: config.readOnly,
    title: config.readOnly ? "read-only observer" : what,
    "data-action": label,
    onclick: () => act(what, path),
  }, label);
}

// ---------------------------------------------------------------- overview

let countingCalls = false;

function sparkline(points, key) {
  const w = 300, h = 80;
  const box = svg("svg", { viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: "none" });
  const vals = points.map((p) => p[key]);
  const known = vals.filter((v) => v !== null && v !== undefined);
  box.append(svg("line", { class: "axis", x1: 0, y1: h - 1, x2: w, y2: h - 1 }));
  if (known.length < 2) return box;
  const max = Math.max(...known, 1), n = vals.length;
  const xy = [];
  vals.forEach((v, i) => {
    if (v === null || v === undefined) return;
    xy.push([(i / (n - 1)) * w, h - 2 - (v / max) * (h - 8)]);
  });
  const line = xy.map(([x, y]) => x.toFixed(1) + "," + y.toFixed(1)).join(" ");
  box.append(svg("polygon", { class: "area", points: `${xy[0][0]},${h} ${line} ${xy[xy.length - 1][0]},${h}` }));
  box.append(svg("polyline", { class: "line", points: line }));
  return box;
}

function overview(d) {
  const last = d.series.length ? d.series[d.series.length - 1] : {};
  const card = (label, value, note) =>
    el("div", { class: "card" }, el("div", { class: "label" }, label), el("div", { class: "value" }, value),
      note ? el("div", { class: "note" }, note) : null);
  const chart = (title, key, fmt, note, button) =>
    el("div", { class: "panel chart" },
      el("div", { class: "head" }, el("h2", {}, title, button ? " " : null, button),
        el("span", { class: "now" }, last[key] === null || last[key] === undefined ? "—" : fmt(last[key]))),
      sparkline(d.series, key),
      el("div", { class: "muted" }, "last " + fmtDuration(d.series.length * 1000).replace(/^0m /, "") + (note ? "; " + note : "")));
  page.replaceChildren(
    el("h1", {}, "Overview", el("span", { class: "sub" }, d.node + " · " + d.jvm)),
    el("div", { class: "cards", id: "overview-cards" },
      card("Processes", last.processes ?? "—", plural(d.names, "registered name")),
      card("Uptime", fmtDuration(d.uptimeMillis)),
      card("Heap used", fmtBytes(d.heapUsed), "of " + fmtBytes(d.heapMax)),
      card("JVM threads", d.jvmThreads, d.carrierThreads + " carrier threads run the virtual ones"),
      card("Restarts", d.restartsTotal, (last.restarts ?? 0) + " in the last minute"),
      card("Crashes", d.crashesTotal, (last.crashes ?? 0) + " in the last minute"),
    ),
    el("div", { class: "charts" },
      chart("Processes", "processes", (v) => v),
      chart("Heap used", "heap", fmtBytes),
      chart("Restarts per minute", "restarts", (v) => v),
      chart("Crashes per minute", "crashes", (v) => v),
      chart("Calls per second", "calls", (v) => v.toFixed(0),
        countingCalls ? "counting: each call is timed while this is on" : "off: timing calls costs each call a little",
        el("button", { id: "count-calls", class: countingCalls ? "on" : "", onclick: () => {
          countingCalls = !countingCalls;
          listen("/events/overview" + (countingCalls ? "?calls=1" : ""), overview);
        } }, countingCalls ? "Stop counting" : "Count calls")),
    ),
  );
}

// ---------------------------------------------------------------- tree

const seenPids = new Map(); // "supervisor/id" -> pid last shown
const changedUntil = new Map(); // "supervisor/id" -> time the highlight ends

function childRow(sup, c) {
  const key = sup.pid + "/" + c.id;
  const before = seenPids.get(key);
  if (before !== undefined && before !== c.pid) changedUntil.set(key, Date.now() + 3000);
  seenPids.set(key, c.pid);
  const changed = (changedUntil.get(key) || 0) > Date.now();
  const sid = encodeURIComponent(sup.pid), cid = encodeURIComponent(c.id);
  const running = c.state === "running";
  return el("li", { class: "child" },
    el("div", { class: "child-row" + (changed ? " changed" : ""), "data-child": c.id, "data-pid": c.pid || "" },
      el("span", { class: "id" }, c.id),
      el("span", {}, c.state === "running" ? pidLink(c.pid) : el("span", { class: "state-" + c.state }, c.state)),
      el("span", { class: "kind" }, c.kind ? c.kind : c.type, c.name ? el("span", { class: "muted" }, " · " + c.name) : null),
      el("span", { class: "tag" }, c.restart),
      el("span", { class: "restarts" + (c.restarts ? " some" : ""), title: "restarts" }, plural(c.restarts, "restart")),
      el("span", { class: "muted last", title: "last restart" }, c.lastRestart ? "last " + fmtAgo(c.lastRestart) : ""),
      el("span", { class: "btns" },
        running ? actionButton("kill", "Kill " + c.id + " " + c.pid, "/api/action/kill?pid=" + encodeURIComponent(c.pid), true) : null,
        running ? actionButton("terminate", "Terminate child " + c.id + " of " + sup.pid,
          `/api/action/terminate?supervisor=${sid}&id=${cid}`, true) : null,
        !running && sup.strategy !== "dynamic" ? actionButton("restart", "Restart child " + c.id + " of " + sup.pid,
          `/api/action/restart?supervisor=${sid}&id=${cid}`, false) : null)),
    c.supervisor ? supervisorNode(c.supervisor) : null);
}

function supervisorNode(s) {
  return el("div", { class: "sup", "data-supervisor": s.pid },
    el("div", { class: "sup-head" },
      el("span", { class: "tag sup" }, "supervisor"),
      el("span", { class: "title" }, s.name || ""),
      pidLink(s.pid),
      s.strategy ? el("span", { class: "tag strategy" }, s.strategy) : null,
      s.maxRestarts !== undefined ? el("span", { class: "muted" }, "at most " + plural(s.maxRestarts, "restart") + " in " + fmtMillis(s.periodMillis)) : null,
      s.error ? el("span", { class: "dead" }, s.error) : null),
    s.children ? el("ul", { class: "children" }, s.children.map((c) => childRow(s, c))) : null);
}

function tree(d) {
  page.replaceChildren(
    el("h1", {}, "Supervision tree", el("span", { class: "sub" }, plural(d.supervisors.length, "top-level supervisor"))),
    ...(d.supervisors.length === 0 ? [el("div", { class: "panel muted" }, "No supervisor is running.")]
      : d.supervisors.map((s) => el("div", { class: "panel tree" }, supervisorNode(s)))));
}

// ---------------------------------------------------------------- processes

const table = { sort: "pid", dir: "asc", filter: "", page: 0, size: 50 };
const columns = [
  ["pid", "Pid"], ["name", "Name"], ["kind", "Kind"], ["status", "Status"], ["mailbox", "Mailbox", "num"],
  ["handler", "Handler"], ["links", "Links", "num"], ["monitors", "Monitors", "num"],
];

function processesQuery() {
  return `/events/processes?sort=${table.sort}&dir=${table.dir}&page=${table.page}&size=${table.size}&filter=${encodeURIComponent(table.filter)}`;
}

function processesShell() {
  const filter = el("input", {
    type: "search", id: "filter", placeholder: "Filter by pid, name or kind", value: table.filter,
    oninput: (e) => {
      clearTimeout(processesShell.timer);
      processesShell.timer = setTimeout(() => { table.filter = e.target.value; table.page = 0; listen(processesQuery(), processes); }, 250);
    },
  });
  const head = el("tr", {}, columns.map(([key, label, cls]) =>
    el("th", {
      class: "sortable " + (cls || "") + (table.sort === key ? " sorted" + (table.dir === "desc" ? " desc" : "") : ""),
      "data-sort": key,
      onclick: () => {
        if (table.sort === key) table.dir = table.dir === "asc" ? "desc" : "asc";
        else { table.sort = key; table.dir = key === "mailbox" || key === "links" || key === "monitors" ? "desc" : "asc"; }
        table.page = 0;
        processesShell();
        listen(processesQuery(), processes);
      },
    }, label)));
  page.replaceChildren(
    el("h1", {}, "Processes", el("span", { class: "sub", id: "count" }, "")),
    el("div", { class: "panel" },
      el("div", { class: "toolbar" }, filter, el("span", { class: "muted", id: "timing" }, "")),
      el("table", { id: "processes" }, el("thead", {}, head), el("tbody", {})),
      el("div", { class: "pager" },
        el("button", { id: "prev", onclick: () => { if (table.page > 0) { table.page--; listen(processesQuery(), processes); } } }, "‹ Previous"),
        el("span", { id: "pageinfo", class: "muted" }, ""),
        el("button", { id: "next", onclick: () => { table.page++; listen(processesQuery(), processes); } }, "Next ›"))));
}

function processes(d) {
  if (!document.getElementById("processes")) processesShell();
  document.getElementById("count").textContent = d.total + " alive" + (table.filter ? ", " + d.matched + " match" : "");
  document.getElementById("timing").textContent = "sorted and filtered on the server in " + d.millis + " ms";
  const pages = Math.max(1, Math.ceil(d.matched / d.size));
  document.getElementById("pageinfo").textContent = "page " + (d.page + 1) + " of " + pages;
  document.getElementById("prev").disabled = d.page === 0;
  document.getElementById("next").disabled = d.page + 1 >= pages;
  document.querySelector("#processes tbody").replaceChildren(...d.rows.map((r) =>
    el("tr", { "data-pid": r.pid },
      el("td", {}, pidLink(r.pid)),
      el("td", { class: "wrap name" }, r.name || ""),
      el("td", { class: "kind" }, r.kind),
      el("td", { class: "status-" + r.status }, r.status),
      el("td", { class: "num mailbox" + (r.mailbox >= 100 ? " big" : "") }, r.mailbox),
      el("td", { class: "mono" }, r.handler || ""),
      el("td", { class: "num" }, r.links),
      el("td", { class: "num" }, r.monitors))));
}

// ---------------------------------------------------------------- process

let tracing = false;

function pidList(pids) {
  return pids.length ? el("span", { class: "pidlist" }, pids.map(pidLink)) : el("span", { class: "muted" }, "none");
}

function processPage(id) {
  return (d) => {
    if (!d.alive) {
      page.replaceChildren(el("h1", {}, "Process ", el("span", { class: "mono" }, d.pid)),
        el("div", { class: "panel dead", id: "gone" }, "This process is not alive."));
      return;
    }
    const row = (k, v) => [el("dt", {}, k), el("dd", {}, v)];
    const traceButton = el("button", {
      id: "trace", class: tracing ? "on" : "", disabled: !d.traceable,
      title: d.traceable ? "show the messages it receives, live" : "only servers can be traced",
      onclick: () => { tracing = !tracing; listen(`/events/process?pid=${id}` + (tracing ? "&trace=1" : ""), processPage(id)); },
    }, tracing ? "Stop tracing" : "Trace messages");
    page.replaceChildren(
      el("div", { class: "title-row" },
        el("h1", {}, "Process ", el("span", { class: "mono" }, d.pid), el("span", { class: "sub", id: "pname" }, d.name || "")),
        actionButton("kill", "Kill " + d.pid, "/api/action/kill?pid=" + encodeURIComponent(d.pid), true)),
      el("div", { class: "grid2" },
        el("div", { class: "panel" }, el("h2", {}, "Info"),
          el("dl", { class: "info" },
            row("Kind", d.kind), row("Class", d.serverClass || "—"), row("Status", d.status),
            row("Mailbox", d.mailbox), row("Current handler", d.handler || "—"), row("Traps exits", d.trapExits ? "yes" : "no"),
            row("Timers", d.timers), row("Links", pidList(d.links)), row("Monitors", pidList(d.monitors)),
            row("Monitored by", pidList(d.monitoredBy)))),
        el("div", { class: "panel" }, el("h2", {}, "State ", el("span", { class: "muted" }, "(as getStatus shows it)")),
          el("pre", { class: "box", id: "state" }, d.state === undefined ? "not a server: no state to show" : d.state))),
      el("div", { class: "panel" },
        el("div", { class: "toolbar" }, el("h2", {}, "Incoming messages"), traceButton,
          el("span", { class: "muted" }, d.tracing ? d.tracedTotal + " received since tracing began (last 100 kept)" : "off")),
        d.tracing ? el("ol", { class: "trace", id: "traced" }, d.traced.map((t) => el("li", { class: "mono" }, t))) : null),
      el("div", { class: "panel" }, el("h2", {}, "Stack"), el("pre", { class: "box", id: "stack" }, d.stack)));
  };
}

// ---------------------------------------------------------------- calls

function calls(d) {
  page.replaceChildren(
    el("h1", {}, "Calls", el("span", { class: "sub" }, "latency per server and handler, last " + d.windowSeconds + " s, measured while this page is open")),
    el("div", { class: "panel" },
      d.rows.length === 0 ? el("div", { class: "muted" }, "No call has finished since this page opened.") :
        el("table", { id: "calls" },
          el("thead", {}, el("tr", {}, el("th", {}, "Server"), el("th", {}, "Handler"), el("th", { class: "num" }, "Calls"),
            el("th", { class: "num" }, "p50"), el("th", { class: "num" }, "p99"), el("th", { class: "num" }, "Max"))),
          el("tbody", {}, d.rows.map((r) => el("tr", {},
            el("td", { title: r.serverClass }, r.server), el("td", { class: "mono" }, r.handler),
            el("td", { class: "num" }, r.count), el("td", { class: "num" }, fmtNanos(r.p50)),
            el("td", { class: "num" }, fmtNanos(r.p99)), el("td", { class: "num" }, fmtNanos(r.max))))))));
}

// ---------------------------------------------------------------- routing

function route() {
  const hash = location.hash || "#/overview";
  const [, name, arg] = hash.match(/^#\/([a-z]+)(?:\/(\d+))?/) || [null, "overview"];
  document.querySelectorAll(".top nav a").forEach((a) =>
    a.classList.toggle("active", a.dataset.page === name || (name === "process" && a.dataset.page === "processes")));
  if (name !== view) tracing = false;
  view = name;
  page.replaceChildren(el("div", { class: "muted" }, "loading…"));
  if (name === "tree") listen("/events/tree", tree);
  else if (name === "processes") { processesShell(); listen(processesQuery(), processes); }
  else if (name === "process" && arg) { tracing = false; listen(`/events/process?pid=${arg}`, processPage(arg)); }
  else if (name === "calls") listen("/events/calls", calls);
  else listen("/events/overview" + (countingCalls ? "?calls=1" : ""), overview);
}

async function boot() {
  try {
    const r = await fetch(withToken("/api/config"));
    config = await r.json();
  } catch (e) {
    showNotice("cannot reach the observer: " + e, true);
  }
  if (config.readOnly) document.querySelector(".brand").append(el("span", { class: "tag", id: "readonly" }, "read-only"));
  window.addEventListener("hashchange", route);
  route();
}

boot();
