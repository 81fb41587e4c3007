"""`qa eval`: score qa's findings against gold annotations (../shared/eval/FORMAT.md)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from qa.config import Config
from qa.model.results import InputError
from qa.api import active_checks, lint_file, make_context, read_document
from qa.checks import Check, Context
from qa.model.document import Document, Span
from qa.model.findings import Finding
from qa.engine.fixes import apply_edits


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Gold:
    span: Span
    text: str
    category: str
    fix: str
    accept: tuple[str, ...]
    optional: bool


def load_gold(path: Path, text: str) -> list[Gold]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            g = Gold(Span(d["start"], d["end"]), d["text"], d["category"], d["fix"],
                     tuple(d.get("accept", [])), bool(d.get("optional", False)))
        except (ValueError, KeyError, TypeError) as exc:
            raise GoldError(f"{path}:{n}: bad gold line: {exc}") from None
        if text[g.span.start : g.span.end] != g.text:
            raise GoldError(f"{path}:{n}: span {g.span.start}:{g.span.end} does not hold {g.text!r}")
        out.append(g)
    return out


def _squash(s: str) -> str:
    return " ".join(s.split())


def _region(doc: Document, a: Span, b: Span) -> Span:
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    start = doc.text.rfind("\n", 0, lo) + 1
    end = doc.text.find("\n", hi)
    return Span(start, len(doc.text) if end < 0 else end)


def fix_is_right(doc: Document, finding: Finding, gold: Gold) -> bool:
    """The sentence with the finding's first suggestion equals the gold-fixed sentence."""
    if not finding.suggestions:
        return False
    region = _region(doc, finding.span, gold.span)
    base = doc[region]

    def apply(span: Span, repl: str) -> str:
        s, e = span.start - region.start, span.end - region.start
        return _squash(base[:s] + repl + base[e:])

    ours = apply(finding.span, finding.suggestions[0])
    return any(ours == apply(gold.span, fix) for fix in (gold.fix, *gold.accept))


@dataclass
class DocScore:
    name: str
    words: int
    gold: int
    matched: int
    findings: int
    correct: int
    fixes_right: int
    chrf_mt: float
    chrf_fixed: float
    missed: list[dict[str, Any]] = field(default_factory=list)
    false: list[dict[str, Any]] = field(default_factory=list)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 1.0


SOURCE_LANGS = ("de", "nl", "en")


def matches(finding: Finding, gold: Gold) -> bool:
    """Whether a finding counts for a gold line: their spans overlap, or an empty span (an
    insertion) stands inside the gold span."""
    return finding.span.overlaps(gold.span) or (len(finding.span) == 0 and gold.span.start <= finding.span.start < gold.span.end)


def source_beside(txt: Path) -> tuple[Path, str] | None:
    """NAME.src.LANG next to NAME.txt (LANG: de, nl or en), with its language, if there is one."""
    name = txt.name[: -len(".txt")]
    for lang in SOURCE_LANGS:
        path = txt.with_name(f"{name}.src.{lang}")
        if path.is_file():
            return path, lang
    return None


def lint_with_source(
    txt: Path, doc: Document, source: tuple[Path, str], config: Config, contexts: dict[str, Context], checks: list[Check]
) -> tuple[Finding, ...]:
    """The findings of ``qa lint TXT --source SRC --source-lang LANG``, with config otherwise."""
    path, lang = source
    with_source = replace(config, source_file=path, source_lang=config.source_lang or lang)
    if lang not in contexts:
        contexts[lang] = make_context(with_source)
    result = lint_file(txt, contexts[lang], checks, with_source)
    if result.error:
        raise InputError(result.error)
    if result.document.text != doc.text:
        raise InputError(f"{txt}: the text read with its source differs from the text read alone")
    return result.findings


def linted_gold(
    gold_dir: Path, config: Config, ctx: Context, checks: list[Check], contexts: dict[str, Context]
) -> Iterator[tuple[str, Path, Document, list[Gold], tuple[Path, str] | None, list[Finding]]]:
    """Each gold file of the folder with its text linted as `qa eval` lints it (with the
    source beside it, if any): name, text path, document, gold lines, source, findings."""
    for gold_path in sorted(gold_dir.glob("*.gold.jsonl")):
        name = gold_path.name[: -len(".gold.jsonl")]
        txt = gold_dir / f"{name}.txt"
        if not txt.exists():
            continue
        doc, _ = read_document(txt)
        golds = load_gold(gold_path, doc.text)
        source = source_beside(txt)
        if source is None:
            result = lint_file(txt, ctx, checks, config)
            if result.error:
                raise InputError(result.error)
            findings = list(result.findings)
        else:
            findings = list(lint_with_source(txt, doc, source, config, contexts, checks))
        yield name, txt, doc, golds, source, findings


def evaluate(gold_dir: Path, config: Config | None = None) -> dict[str, Any]:
    from sacrebleu.metrics import CHRF

    config = config or Config()
    chrf = CHRF()
    ctx = make_context(config)
    checks = active_checks(config)
    docs: list[DocScore] = []
    cat_gold: Counter[str] = Counter()
    cat_matched: Counter[str] = Counter()
    cat_found: Counter[str] = Counter()
    cat_correct: Counter[str] = Counter()
    mts, fixeds, refs = [], [], []
    contexts: dict[str, Context] = {}
    sources = 0
    for name, txt, doc, golds, source, findings in linted_gold(gold_dir, config, ctx, checks, contexts):
        ref_path = gold_dir / f"{name}.ref.txt"
        ref = ref_path.read_text(encoding="utf-8") if ref_path.exists() else doc.text
        sources += source is not None
        score = DocScore(name, len(doc.text.split()), 0, 0, len(findings), 0, 0, 0.0, 0.0)
        for g in golds:
            hits = [f for f in findings if matches(f, g)]
            if g.optional:
                continue
            score.gold += 1
            cat_gold[g.category] += 1
            if hits:
                score.matched += 1
                cat_matched[g.category] += 1
                if any(fix_is_right(doc, f, g) for f in hits):
                    score.fixes_right += 1
                else:
                    score.missed.append({"text": g.text, "category": g.category, "fix": g.fix,
                                         "got": [f.suggestions[:1] for f in hits], "codes": [f.code for f in hits],
                                         "kind": "fix"})
            else:
                score.missed.append({"text": g.text, "category": g.category, "fix": g.fix, "kind": "miss"})
        for f in findings:
            cat_found[f.category.value] += 1
            if any(matches(f, g) for g in golds):
                score.correct += 1
                cat_correct[f.category.value] += 1
            else:
                line, col = doc.position(f.span.start)
                score.false.append({"code": f.code, "text": f.text, "line": line, "message": f.message})
        fixed, _ = apply_edits(doc.text, [f.edit() for f in findings if f.suggestions])
        score.chrf_mt = chrf.sentence_score(doc.text, [ref]).score
        score.chrf_fixed = chrf.sentence_score(fixed, [ref]).score
        mts.append(doc.text)
        fixeds.append(fixed)
        refs.append(ref)
        docs.append(score)
    if not docs:
        raise GoldError(f"{gold_dir}: no NAME.gold.jsonl beside a NAME.txt; nothing was evaluated")
    c_mt = chrf.corpus_score(mts, [refs]).score
    c_fixed = chrf.corpus_score(fixeds, [refs]).score
    gold_n = sum(d.gold for d in docs)
    matched = sum(d.matched for d in docs)
    found = sum(d.findings for d in docs)
    correct = sum(d.correct for d in docs)
    right = sum(d.fixes_right for d in docs)
    categories = sorted(set(cat_gold) | set(cat_found))
    return {
        "sources": sources,
        "documents": [
            {"name": d.name, "words": d.words, "gold": d.gold, "matched": d.matched,
             "findings": d.findings, "correct": d.correct,
             "recall": _ratio(d.matched, d.gold), "precision": _ratio(d.correct, d.findings),
             "fix_accuracy": _ratio(d.fixes_right, d.matched),
             "closure": (d.chrf_fixed - d.chrf_mt) / (100 - d.chrf_mt) if d.chrf_mt < 100 else None,
             "missed": d.missed, "false_positives": d.false}
            for d in docs
        ],
        "categories": [
            {"category": c, "gold": cat_gold[c], "matched": cat_matched[c], "findings": cat_found[c],
             "recall": _ratio(cat_matched[c], cat_gold[c]) if cat_gold[c] else None,
             "precision": _ratio(cat_correct[c], cat_found[c]) if cat_found[c] else None}
            for c in categories
        ],
        "recall": _ratio(matched, gold_n),
        "precision": _ratio(correct, found),
        "fix_accuracy": _ratio(right, matched),
        "closure": (c_fixed - c_mt) / (100 - c_mt) if c_mt < 100 else 0.0,
    }


def _fmt(x: float | None) -> str:
    return "   –" if x is None else f"{x:.2f}"


def render_text(report: dict[str, Any], verbose: bool = False) -> str:
    lines = [f"{'document':32} {'words':>5} {'gold':>4} {'hit':>4} {'found':>5} {'rec':>5} {'prec':>5} {'fix':>5} {'clos':>5}"]
    for d in report["documents"]:
        lines.append(
            f"{d['name'][:32]:32} {d['words']:5} {d['gold']:4} {d['matched']:4} {d['findings']:5} "
            f"{_fmt(d['recall']):>5} {_fmt(d['precision']):>5} {_fmt(d['fix_accuracy']):>5} {_fmt(d['closure']):>5}"
        )
        if verbose:
            for m in d["missed"]:
                lines.append(f"    {m['kind']:4} [{m['category']}] «{m['text']}» → «{m['fix']}»" + (f" got {m['got']}" if "got" in m else ""))
            for f in d["false_positives"]:
                lines.append(f"    FP   {f['code']} line {f['line']} «{f['text']}»: {f['message']}")
    lines.append("")
    lines.append(f"{'category':20} {'gold':>4} {'hit':>4} {'found':>5} {'recall':>6} {'prec':>5}")
    for c in report["categories"]:
        lines.append(f"{c['category']:20} {c['gold']:4} {c['matched']:4} {c['findings']:5} {_fmt(c['recall']):>6} {_fmt(c['precision']):>5}")
    lines.append("")
    if report.get("sources"):
        n = report["sources"]
        lines.append(f"{n} of {len(report['documents'])} documents linted with their source (NAME.src.LANG)")
    lines.append(
        f"recall={report['recall']:.3f} precision={report['precision']:.3f} "
        f"fix_acc={report['fix_accuracy']:.3f} closure={report['closure']:.3f}"
    )
    return "\n".join(lines) + "\n"
