"""The HTML report: one self-contained page (no external assets) for reviewers and CI artifacts.

Each file's text is shown with the findings' spans highlighted, followed by the findings
with their suggestions; check boxes filter by severity and category. Without JavaScript
everything is simply shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape as _html_escape

from qa.model.results import Result
from qa.model.findings import Finding, Severity
from qa.report.escape import visible

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70em;padding:1em 2em;color:#222;background:#fff}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em;margin:1.5em 0 .3em;word-break:break-all}
#filters{display:flex;flex-wrap:wrap;gap:1em;position:sticky;top:0;background:#fff;padding:.4em 0;border-bottom:1px solid #ddd}
fieldset{border:1px solid #ccc;border-radius:4px;padding:.2em .6em}legend{font-weight:600}
label{margin-right:.8em;white-space:nowrap}
pre.text{white-space:pre-wrap;word-wrap:break-word;font:inherit;background:#fafafa;border:1px solid #eee;padding:.8em;border-radius:4px}
mark{border-radius:2px;padding:0 1px;background:#ffe08a}
mark.sev-error{background:#ffb3b3}mark.sev-info{background:#cdeaff}
mark.point::before{content:"\\2038";color:#c00;font-weight:700}
mark.off{background:none;padding:0}mark.off.point::before{content:none}
ol.findings{padding-left:2em}li.finding{margin:.3em 0}
li.finding[hidden]{display:none}
.code{font-family:ui-monospace,monospace;font-weight:700}
.sev{font-size:.8em;padding:0 .4em;border-radius:3px;background:#eee}
.sev-error .sev{background:#ffb3b3}.sev-warning .sev{background:#ffe08a}.sev-info .sev{background:#cdeaff}
.cat{color:#666;font-size:.9em}.sugg{color:#060}q{quotes:"\\ab\\a0" "\\a0\\bb"}
li.finding:target{background:#fff3c4}mark:target{outline:2px solid #c60}mark{cursor:pointer}
.error{color:#b00;font-weight:600}
"""

_JS = """
(function(){
  var boxes=document.querySelectorAll('#filters input[type=checkbox]');
  function update(){
    var on={severity:{},category:{}};
    boxes.forEach(function(b){on[b.dataset.filter][b.value]=b.checked;});
    var shown=0,total=0,visible={};
    document.querySelectorAll('li.finding').forEach(function(li){
      var ok=on.severity[li.dataset.severity]&&on.category[li.dataset.category];
      li.hidden=!ok;total++;if(ok){shown++;visible[li.id]=true;}
    });
    document.querySelectorAll('pre.text mark').forEach(function(m){
      var any=m.dataset.ids.split(' ').some(function(id){return visible[id];});
      m.classList.toggle('off',!any);
    });
    document.getElementById('shown').textContent='Showing '+shown+' of '+total+' findings';
  }
  boxes.forEach(function(b){b.addEventListener('change',update);});
  document.querySelectorAll('pre.text mark').forEach(function(m){
    m.addEventListener('click',function(){location.hash=m.dataset.ids.split(' ')[0];});
  });
  update();
})();
"""


def escape(s: str, keep: str = "") -> str:
    """HTML-escaped, control characters written visibly (qa.report.escape)."""
    return _html_escape(visible(s, keep))


def _visible(s: str) -> str:
    """No-break spaces are what a spacing suggestion changes: show them."""
    if not s:
        return "(delete)"
    out = s.replace("\u00a0", "⍽").replace("\u202f", "⸱")
    return out.replace(" ", "·") if out.strip(" ") != out or not out.strip() else out


def _marked_text(text: str, findings: Sequence[tuple[str, Finding]]) -> str:
    """The text with one <mark> per stretch covered by the same findings (spans may overlap)."""
    cuts = {0, len(text)}
    for _, f in findings:
        cuts.update((f.span.start, f.span.end))
    bounds = sorted(cuts)
    points: dict[int, list[tuple[str, Finding]]] = {}
    for fid, f in findings:
        if len(f.span) == 0:
            points.setdefault(f.span.start, []).append((fid, f))
    out: list[str] = []
    anchored: set[str] = set()

    def mark(covering: list[tuple[str, Finding]], inner: str, point: bool = False) -> str:
        ids = " ".join(fid for fid, _ in covering)
        worst = max((f.severity for _, f in covering), key=lambda s: Severity(s).rank)
        first = next((fid for fid, _ in covering if fid not in anchored), None)
        anchor = f' id="m-{first}"' if first else ""
        anchored.update(fid for fid, _ in covering)
        title = escape(" · ".join(f"{f.code}: {f.message}" for _, f in covering))
        cls = f"sev-{worst.value}" + (" point" if point else "")
        return f'<mark{anchor} class="{cls}" data-ids="{ids}" title="{title}">{inner}</mark>'

    for a, b in zip(bounds, bounds[1:] + [None], strict=False):
        if a in points:
            out.append(mark(points[a], "", point=True))
        if b is None:
            break
        covering = [(fid, f) for fid, f in findings if f.span.start <= a and b <= f.span.end and len(f.span)]
        piece = escape(text[a:b], keep="\t\n\r")
        out.append(mark(covering, piece) if covering else piece)
    return "".join(out)


def _finding_item(fid: str, result: Result, f: Finding) -> str:
    line, col = result.document.position(f.span.start)
    suggestions = "".join(f"<li class=\"sugg\"><q>{escape(_visible(s))}</q></li>" for s in f.suggestions)
    fix = ' <span class="cat">(autofix)</span>' if f.autofix else ""
    return (
        f'<li class="finding sev-{f.severity.value}" id="{fid}" data-severity="{f.severity.value}" '
        f'data-category="{f.category.value}"><a href="#m-{fid}">{line}:{col}</a> '
        f'<span class="code">{escape(f.code)}</span> <span class="sev">{f.severity.value}</span> '
        f'<span class="cat">{f.category.value}</span> '
        f'<q class="span">{escape(_visible(f.text))}</q> — <span class="msg">{escape(f.message)}</span>{fix}'
        + (f"<ul>{suggestions}</ul>" if suggestions else "")
        + "</li>"
    )


def _filters(results: Sequence[Result]) -> str:
    sev = Counter(f.severity.value for r in results for f in r.findings)
    cat = Counter(f.category.value for r in results for f in r.findings)

    def boxes(kind: str, counts: Counter[str], order: list[str]) -> str:
        return "".join(
            f'<label><input type="checkbox" data-filter="{kind}" value="{v}" checked> {v} ({counts[v]})</label>'
            for v in order if counts[v]
        )

    return (
        '<form id="filters" onsubmit="return false">'
        f'<fieldset><legend>Severity</legend>{boxes("severity", sev, [s.value for s in Severity])}</fieldset>'
        f'<fieldset><legend>Category</legend>{boxes("category", cat, sorted(cat))}</fieldset>'
        "</form>"
    )


def render(results: Sequence[Result]) -> str:
    total = sum(len(r.findings) for r in results)
    sections = []
    for n, r in enumerate(results, 1):
        ided = [(f"f{n}-{k}", f) for k, f in enumerate(r.findings, 1)]
        body = [f'<section class="file" data-path="{escape(r.document.path)}"><h2>{escape(r.document.path)}</h2>']
        if r.error:
            body.append(f'<p class="error">{escape(r.error)}</p>')
        else:
            count = f"{len(ided)} finding{'s' if len(ided) != 1 else ''}"
            body.append(f'<p class="count">{count}</p><pre class="text">\n{_marked_text(r.document.text, ided)}</pre>')
            if ided:
                body.append('<ol class="findings">' + "".join(_finding_item(fid, r, f) for fid, f in ided) + "</ol>")
        body.append("</section>")
        sections.append("".join(body))
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>qa report</title><style>{_CSS}</style></head><body>"
        f'<header><h1>qa report</h1><p id="summary">{total} finding{"s" if total != 1 else ""} in {files}</p>'
        f'{_filters(results)}<p id="shown">Showing {total} of {total} findings</p></header>'
        + "\n".join(sections)
        + f"<script>{_JS}</script></body></html>\n"
    )
