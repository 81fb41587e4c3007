// qa review --web: the page. Talks only to the server that served it, with the token of its URL.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
const $ = (id) => document.getElementById(id);
const STATES = {
  pending: "to decide", accept: "accepted", skip: "skipped (decide later)", reject: "rejected: a false alarm",
  rule: "rule rejected for this file", everywhere: "accepted everywhere",
  covered: "already rewritten by an accepted correction",
};
let files = [];
let fileNo = 0;
let file = null;  // what the server says about the open file
let cur = null;  // index of the current finding
let choosing = null;  // "a" or "g" while waiting for the suggestion to use
let flags = {};  // everywhere / glossary for the edit box

async function call(path, body) {
  const options = { headers: { "X-QA-Token": token } };
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const json = (response.headers.get("content-type") || "").includes("json");
  const data = json ? await response.json() : { error: await response.text() };
  if (!response.ok && !data.error) data.error = `${response.status} ${response.statusText}`;
  return data;
}

function visible(s) {  // as the terminal review: make invisible differences visible
  if (!s) return "(delete)";
  let out = s.replace(/\u00a0/g, "⍽").replace(/\u202f/g, "⸱").replace(/\t/g, "→").replace(/\n/g, "↵").replace(/\r/g, "");
  if (out.trim() !== out || !out.trim()) out = out.replace(/ /g, "·");
  return out;
}

function matches(f) {
  return ["category", "severity", "code"].every((k) => {
    const want = document.querySelector(`select[data-filter="${k}"]`).value;
    return !want || f[k] === want;
  });
}

const shown = () => file.findings.filter(matches);
const isPending = (f) => f.status === "pending";

function notice(text, error) {
  $("notice").textContent = text || "";
  $("notice").className = error ? "error" : "";
}

function fillFilter(select, values) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const v of [...new Set(values)].sort()) select.add(new Option(v, v));
  select.value = values.includes(keep) ? keep : "";
}

function renderFiles() {
  const nav = $("files");
  nav.replaceChildren();
  files.forEach((f, n) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = `${f.name} ${f.decided}/${f.total}`;
    b.className = n === fileNo ? "open" : "";
    b.addEventListener("click", () => openFile(n));
    nav.append(b);
  });
}

function markClass(ids) {
  const fs = ids.map((i) => file.findings[i]).filter(matches);
  if (!fs.length) return "off";
  let c = fs.some(isPending) ? "" : fs.every((f) => ["reject", "rule", "skip"].includes(f.status)) ? "rejected" : "decided";
  if (ids.includes(cur)) c += " current";
  return c.trim();
}

function renderDoc() {
  const text = file.text;
  const cuts = new Set([0, text.length]);
  for (const f of file.findings) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const pre = $("doc");
  pre.replaceChildren();
  const mark = (ids, content, insert) => {
    const m = document.createElement("mark");
    m.dataset.ids = ids.join(" ");
    m.className = markClass(ids) + (insert ? " insert" : "");
    m.textContent = content;
    m.addEventListener("click", () => {
      const pick = ids.filter((i) => matches(file.findings[i]));
      if (pick.length) go(pick[(pick.indexOf(cur) + 1) % pick.length]);
    });
    return m;
  };
  for (let k = 0; k < points.length; k++) {
    const a = points[k];
    const inserts = file.findings.filter((f) => f.start === a && f.end === a).map((f) => f.index);
    if (inserts.length) pre.append(mark(inserts, "", true));
    if (k + 1 === points.length) break;
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const over = file.findings.filter((f) => f.start <= a && f.end >= b && f.start < f.end).map((f) => f.index);
    pre.append(over.length ? mark(over, piece, false) : document.createTextNode(piece));
  }
}

function renderProgress() {
  const total = file.findings.length;
  $("done").style.width = total ? `${(100 * file.decided) / total}%` : "100%";
  $("count").textContent = `${file.decided}/${total} decided`;
  files[fileNo].decided = file.decided;
  files[fileNo].total = total;
  renderFiles();
}

function show() {
  renderDoc();
  renderProgress();
  const f = cur === null ? null : file.findings[cur];
  $("panel").classList.toggle("empty", !f);
  $("choose").hidden = !choosing;
  $("suggestions").replaceChildren();
  if (!f) {
    $("place").textContent = file.name;
    $("code").textContent = file.findings.length ? "Every finding shown is decided" : "No finding";
    for (const id of ["kind", "message", "state", "explain"]) $(id).textContent = "";
    return;
  }
  $("place").textContent = `« ${shown().indexOf(f) + 1}/${shown().length} »  ${file.name}:${f.line}:${f.column}`;
  $("code").textContent = f.code;
  $("kind").textContent = `${f.category} · ${f.severity}${f.autofix ? " · safe autofix" : ""}`;
  $("message").textContent = f.message;
  $("state").textContent = STATES[f.status] + (f.replacement !== null ? `: « ${visible(f.replacement)} »` : "");
  f.suggestions.slice(0, 9).forEach((s, n) => {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.choice = String(n + 1);
    const k = document.createElement("kbd");
    k.textContent = String(n + 1);
    b.append(k, visible(s));
    b.addEventListener("click", () => key(String(n + 1)));
    $("suggestions").append(b);
  });
  if (!f.suggestions.length) $("suggestions").textContent = "(no suggestion: e to type a correction)";
  $("explain").textContent = file.explain[f.code] || "";
  const m = document.querySelector(`mark[data-ids~="${cur}"]`);
  if (m) m.scrollIntoView({ block: "nearest" });
}

function go(i) {
  cur = i;
  choosing = null;
  show();
}

function nextPending(after) {
  const list = shown();
  const later = list.find((f) => isPending(f) && (after === null || f.index > after));
  const any = later || list.find(isPending);
  return any ? any.index : null;
}

function step(delta) {
  const list = shown();
  if (!list.length) return;
  const at = list.findIndex((f) => f.index === cur);
  const n = at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + delta));
  go(list[n].index);
}

async function send(body) {
  const data = await call(`/api/files/${fileNo}/action`, body);
  if (data.file) file = data.file;
  notice(data.error || data.notice, Boolean(data.error));
  choosing = null;
  if (!data.error) {
    if (typeof data.focus === "number") cur = data.focus;
    else if (["apply", "autofix"].includes(body.action)) cur = nextPending(null);
    else if (body.action !== "undo") cur = nextPending(cur);
  }
  if (cur !== null && cur >= file.findings.length) cur = nextPending(null);
  show();
  return data;
}

function accept(replacement, extra) {
  if (cur === null) return;
  send({ action: "accept", index: cur, replacement, ...extra });
}

function startEdit(extra) {
  const f = cur === null ? null : file.findings[cur];
  if (!f) return;
  flags = extra || {};
  const box = $("edit-text");
  box.value = f.suggestions.length ? f.suggestions[0] : f.text;
  box.focus();
  box.select();
}

function choose(k) {  // a, g: the only suggestion at once, else wait for 1-9 or e
  const f = file.findings[cur];
  const extra = k === "a" ? { everywhere: true } : { glossary: true };
  if (f.suggestions.length === 1) return accept(f.suggestions[0], extra);
  if (!f.suggestions.length) return startEdit(extra);
  choosing = k;
  $("choose").textContent = `which suggestion? 1-${Math.min(9, f.suggestions.length)}, e to type one`;
  $("choose").hidden = false;
}

function key(k) {
  if (k === "?") { $("help").open ? $("help").close() : $("help").showModal(); return; }
  if (k === "j") return step(1);
  if (k === "k") return step(-1);
  if (k === "u") return send({ action: "undo" });
  if (k === "w") return send({ action: "apply" });
  if (cur === null) return;
  const f = file.findings[cur];
  if (choosing) {
    const extra = choosing === "a" ? { everywhere: true } : { glossary: true };
    choosing = null;
    $("choose").hidden = true;
    if (/^[1-9]$/.test(k) && Number(k) <= f.suggestions.length) return accept(f.suggestions[Number(k) - 1], extra);
    if (k === "e") return startEdit(extra);
    return notice("cancelled");
  }
  if (/^[1-9]$/.test(k)) {
    if (Number(k) > f.suggestions.length) return notice(`no suggestion ${k}`);
    return accept(f.suggestions[Number(k) - 1], {});
  }
  const simple = { s: "skip", r: "reject", R: "reject-rule" };
  if (simple[k]) return send({ action: simple[k], index: cur });
  if (k === "e") return startEdit({});
  if (k === "a" || k === "g") return choose(k);
}

async function openFile(n) {
  fileNo = n;
  file = await call(`/api/files/${n}`);
  if (file.error) return notice(file.error, true);
  fillFilter($("f-category"), file.findings.map((f) => f.category));
  fillFilter($("f-severity"), file.findings.map((f) => f.severity));
  fillFilter($("f-rule"), file.findings.map((f) => f.code));
  cur = nextPending(null);
  if (cur === null && file.findings.length) cur = file.findings[0].index;
  notice("");
  show();
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
  if (event.target === $("edit-text")) {
    if (event.key === "Escape") { event.target.value = ""; event.target.blur(); notice("edit cancelled"); }
    return;
  }
  if (typing || $("help").open && event.key !== "?") return;
  if (event.key.length !== 1) return;
  event.preventDefault();
  key(event.key);
});

document.addEventListener("DOMContentLoaded", async () => {
  $("edit").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = $("edit-text");
    const typed = box.value;
    box.value = "";
    box.blur();
    if (!typed) return notice("edit cancelled");
    accept(typed, flags);
    flags = {};
  });
  for (const b of document.querySelectorAll("#actions button")) b.addEventListener("click", () => key(b.dataset.key));
  $("autofix").addEventListener("click", () => send({ action: "autofix" }));
  $("apply").addEventListener("click", () => send({ action: "apply" }));
  $("help-button").addEventListener("click", () => key("?"));
  for (const s of document.querySelectorAll("select[data-filter]")) {
    s.addEventListener("change", () => {
      s.blur();  // the shortcuts work again at once
      if (cur === null || !matches(file.findings[cur])) cur = nextPending(null) ?? (shown()[0] || {}).index ?? null;
      show();
    });
  }
  files = await call("/api/files");
  if (files.error) return notice(files.error, true);
  await openFile(0);
});
