#include "report_html_assets.h"

namespace claimdiff::report_internal {

// Light and dark palettes (prefers-color-scheme) and a print style. Kinds
// have a colour, but their label and icon always say what they are.
const char kReportCss[] = R"CSS(:root {
  --bg: #f6f7f9; --card: #ffffff; --fg: #1b1f24; --muted: #5b6472; --line: #d9dee5; --soft: #eef1f5;
  --accent: #2457c5; --chg: #fff1b8; --chg-line: #c99a06; --hit: #ffe08a;
  --k-contradict: #b42318; --k-contradict-bg: #fde7e5;
  --k-certainty_differs: #a15c07; --k-certainty_differs-bg: #fdf0d5;
  --k-attribution_differs: #6b3fbf; --k-attribution_differs-bg: #efe8fb;
  --k-refine: #0b6aa2; --k-refine-bg: #e2f1fb;
  --k-only_in: #4a5565; --k-only_in-bg: #eceff3;
  --k-agree: #17753f; --k-agree-bg: #e3f4e9;
  --e-time: #dbeafe; --e-place: #dcfce7; --e-quantity: #fde2cf; --e-person: #f3e1fb;
  --d0: #2457c5; --d1: #c2410c; --d2: #15803d; --d3: #7e22ce; --d4: #b91c1c; --d5: #0f766e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111418; --card: #1a1e24; --fg: #e6e9ee; --muted: #9aa4b2; --line: #2f3640; --soft: #232932;
    --accent: #7aa7ff; --chg: #4a3d0c; --chg-line: #e0b52a; --hit: #5c4a0f;
    --k-contradict: #ff8a80; --k-contradict-bg: #3b1a18;
    --k-certainty_differs: #f5b94f; --k-certainty_differs-bg: #3a2a10;
    --k-attribution_differs: #c3a6ff; --k-attribution_differs-bg: #2b2140;
    --k-refine: #6cc3f5; --k-refine-bg: #102c3d;
    --k-only_in: #b7c0cc; --k-only_in-bg: #272d36;
    --k-agree: #6fd69a; --k-agree-bg: #123322;
    --e-time: #1e3350; --e-place: #15372a; --e-quantity: #43281a; --e-person: #37213f;
    --d0: #7aa7ff; --d1: #fb923c; --d2: #4ade80; --d3: #c084fc; --d4: #f87171; --d5: #2dd4bf;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
a { color: var(--accent); }
code, kbd { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; background: var(--card); }
.skip { position: absolute; left: -999px; top: 0; }
.skip:focus { left: 8px; top: 8px; background: var(--card); padding: 6px 10px; z-index: 10; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
header.top, main, footer.foot { max-width: 1400px; margin: 0 auto; padding: 0 24px; }
header.top { padding-top: 20px; }
.brand { margin: 0; font-size: 12px; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
h1 { margin: 2px 0 4px; font-size: 24px; line-height: 1.25; }
h2 { font-size: 18px; margin: 28px 0 10px; }
.meta { margin: 0 0 10px; color: var(--muted); }
.sources { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 8px 18px; }
.sources li { display: flex; align-items: baseline; gap: 6px; }
.sub { color: var(--muted); font-size: 13px; }
.jump { display: flex; gap: 16px; margin: 10px 0 0; font-size: 13px; }
.chip { display: inline-block; min-width: 1.5em; text-align: center; border-radius: 5px; color: #fff;
  font-weight: 700; font-size: 12px; line-height: 1.6; padding: 0 .35em; }
.chip.d0 { background: var(--d0); } .chip.d1 { background: var(--d1); } .chip.d2 { background: var(--d2); }
.chip.d3 { background: var(--d3); } .chip.d4 { background: var(--d4); } .chip.d5 { background: var(--d5); }
@media (prefers-color-scheme: dark) { .chip { color: #111418; } }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; position: sticky; top: 0; z-index: 5;
  background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); }
.filter { display: inline-flex; align-items: center; gap: 5px; border: 1px solid var(--line); background: var(--card);
  border-radius: 999px; padding: 3px 10px 3px 8px; cursor: pointer; font-size: 13px; user-select: none; }
.filter input { margin: 0; }
.filter .icon { font-weight: 700; }
.filter .count { font-variant-numeric: tabular-nums; color: var(--muted); font-weight: 600; }
.filter.empty { opacity: .55; }
.nav { margin-left: auto; display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--muted); }
.nav button { font: inherit; color: var(--fg); background: var(--card); border: 1px solid var(--line); border-radius: 6px;
  padding: 2px 10px; cursor: pointer; }
.status { flex-basis: 100%; margin: 0; font-size: 12px; color: var(--muted); min-height: 1em; }
.none { color: var(--muted); }
ol.findings { list-style: none; padding: 0; margin: 12px 0 0; display: grid; gap: 12px; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--kc, var(--line));
  border-radius: 8px; padding: 12px 16px; scroll-margin-top: 70px; }
.finding:focus { outline: none; }
.finding.current, .finding:target { box-shadow: 0 0 0 3px var(--accent); }
.f-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.num { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 13px; min-width: 1.6em; }
.badge { display: inline-flex; align-items: center; gap: 5px; border-radius: 999px; padding: 1px 10px 1px 8px;
  font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
  color: var(--kc); background: var(--kb); border: 1px solid var(--kc); white-space: nowrap; }
.badge .icon { font-size: 13px; }
.k-contradict { --kc: var(--k-contradict); --kb: var(--k-contradict-bg); }
.k-certainty_differs { --kc: var(--k-certainty_differs); --kb: var(--k-certainty_differs-bg); }
.k-attribution_differs { --kc: var(--k-attribution_differs); --kb: var(--k-attribution_differs-bg); }
.k-refine { --kc: var(--k-refine); --kb: var(--k-refine-bg); }
.k-only_in { --kc: var(--k-only_in); --kb: var(--k-only_in-bg); }
.k-agree { --kc: var(--k-agree); --kb: var(--k-agree-bg); }
.filter .icon { color: var(--kc); }
.slot { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted);
  background: var(--soft); border-radius: 4px; padding: 1px 6px; }
.update { font-size: 12px; font-weight: 600; color: var(--accent); border: 1px dashed var(--accent); border-radius: 4px; padding: 0 6px; }
.ctx { margin-left: auto; font-size: 13px; }
.reason { margin: 6px 0 8px; font-weight: 500; }
.update-note { margin: -4px 0 8px; font-size: 13px; color: var(--muted); font-style: italic; }
.sides { display: grid; gap: 12px; grid-template-columns: 1fr; }
.sides.n2 { grid-template-columns: 1fr 1fr; }
.sides.n3, .sides.n4 { grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); }
.side { background: var(--soft); border-radius: 6px; padding: 8px 12px; min-width: 0; }
.side-h { font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: 4px; }
.value { margin: 2px 0; }
.value .written { font-weight: 650; }
.norm { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted);
  margin-left: 4px; }
.norm::before { content: "= "; }
.quote { margin: 6px 0 2px; padding: 0 0 0 10px; border-left: 3px solid var(--line); font-size: 14px; color: var(--fg); }
mark { color: inherit; border-radius: 3px; padding: 0 1px; }
mark.hit { background: var(--hit); box-shadow: inset 0 -2px 0 var(--chg-line); }
mark.ent { cursor: help; }
mark.ent-time { background: var(--e-time); }
mark.ent-place { background: var(--e-place); }
mark.ent-quantity { background: var(--e-quantity); }
mark.ent-person { background: var(--e-person); }
.chg { background: var(--chg); text-decoration: underline wavy var(--chg-line); text-decoration-thickness: 1px;
  text-underline-offset: 3px; }
.legend { color: var(--muted); font-size: 13px; }
.scroll { overflow-x: auto; }
table { border-collapse: separate; border-spacing: 0; width: 100%; background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; }
caption { text-align: left; color: var(--muted); font-size: 13px; padding: 0 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--card); font-size: 13px; z-index: 1; }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
table.sbs { table-layout: fixed; }
table.sbs td { font-size: 14px; }
table.sbs td + td { border-left: 1px solid var(--line); }
table.sbs .rn { width: 32px; color: var(--muted); text-align: center; padding-left: 4px; padding-right: 4px; }
table.sbs tr.aligned td { background: color-mix(in srgb, var(--accent) 5%, var(--card)); }
table.sbs tr:target td { box-shadow: inset 0 2px 0 var(--accent), inset 0 -2px 0 var(--accent); }
.sent, .furn { margin: 0 0 6px; }
.sent:last-child, .furn:last-child { margin-bottom: 0; }
.furn { color: var(--muted); opacity: .75; font-size: 13px; }
.furn-tag { display: inline-block; font-size: 10px; text-transform: uppercase; letter-spacing: .06em; border: 1px solid var(--line);
  border-radius: 3px; padding: 0 4px; color: var(--muted); background: var(--soft); vertical-align: 1px; }
table.matrix th[scope=row] { font-weight: 400; white-space: nowrap; }
table.matrix td.absent { color: var(--muted); }
table.matrix td.said { color: var(--muted); font-style: italic; }
footer.foot { color: var(--muted); font-size: 12px; padding-top: 20px; padding-bottom: 30px; }
@media (max-width: 800px) { .sides.n2 { grid-template-columns: 1fr; } }
@media print {
  :root { --bg: #fff; --card: #fff; --soft: #f3f3f3; }
  body { font-size: 11pt; }
  .toolbar, .skip, .ctx, .nav, .jump { display: none !important; }
  .finding { break-inside: avoid; box-shadow: none !important; }
  thead th { position: static; }
  table.sbs tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

// Filters by kind, keyboard navigation (j/n next, k/p previous) and the
// status line. Sets data-ready on <html> when done (the browser test checks
// it).
const char kReportJs[] = R"JS((function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.filter input'));
  var matrixRows = Array.prototype.slice.call(document.querySelectorAll('table.matrix tbody tr'));
  var status = document.querySelector('.status');
  var current = null;

  function shown() {
    return findings.filter(function (f) { return !f.hidden; });
  }
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-kind')] = b.checked; });
    findings.forEach(function (f) { f.hidden = !on[f.getAttribute('data-kind')]; });
    matrixRows.forEach(function (r) { r.hidden = !on[r.getAttribute('data-kind')]; });
    if (status) status.textContent = shown().length + ' of ' + findings.length + ' findings shown';
  }
  function select(f) {
    if (current) current.classList.remove('current');
    current = f;
    f.classList.add('current');
    f.focus({ preventScroll: true });
    f.scrollIntoView({ block: 'nearest' });
  }
  function step(delta) {
    var list = shown();
    if (!list.length) return;
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) i = delta > 0 ? 0 : list.length - 1;
    else i = Math.max(0, Math.min(list.length - 1, i + delta));
    select(list[i]);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  Array.prototype.forEach.call(document.querySelectorAll('.nav button'), function (b) {
    b.addEventListener('click', function () { step(Number(b.getAttribute('data-step'))); });
  });
  findings.forEach(function (f) {
    f.addEventListener('click', function () { if (current) current.classList.remove('current'); current = f; f.classList.add('current'); });
  });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t.type !== 'checkbox'))) return;
    if (e.key === 'j' || e.key === 'n') { step(1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'p') { step(-1); e.preventDefault(); }
  });
  apply();
  root.setAttribute('data-ready', String(findings.length));
})();
)JS";

}  // namespace claimdiff::report_internal
