"""Findings per 1,000 words on clean human French, counting qa's own checks (backends off).

Usage: python bench/clean_rate.py [--limit N] [--show N] [--select CODES] [--corpus NAMES]

Corpora (every finding on them is a false positive; the target is ≤ 0.5 per 1,000 words, and 0
on the clean articles):

- ``ud``: UD French-GSD, one sentence per paragraph, in documents of 20 paragraphs.
- ``po``: the French Python documentation, linted the way a user lints it: each ``.po`` file
  through qa's PO reader (``qa lint FILE.po``), so reST/Sphinx inline markup is protected and
  the msgid is the segment's source (the source checks SA02–SA07 run). Counting its strings as
  news paragraphs of plain text, as this script once did, measured a use nobody makes: the
  markup was read as prose and the source checks did not run. Words are those of the msgstr.
- ``ref``: the WMT21 de→fr human reference (newstest2021 ref.A), documents of 20 lines.
- ``refsrc``: the same documents, each linted as a file with its German source beside it
  (``NAME.src.de``, line by line), as ``qa eval`` lints real MT: the source-aware checks run on
  human French, so a source check that fires on a good translation shows here. A judged line
  of ``ref`` counts here too; a line of ``refsrc`` is an error only the source shows (a number
  the reference changed).
- ``clean``: the clean articles (an empty gold file) of ../shared/eval/dev and of the
  bench/heldout batches, except the cold ones (never read, never tuned on), each linted as a
  file as ``qa eval`` lints it (with its NAME.src.LANG when there is one).

Human text is not flawless text: UD French-GSD is web French, and the WMT reference has
slips. bench/clean_judged.tsv lists the findings judged, one by one, to be errors of the
corpus itself, each with the reference that makes it one; the rate is printed with them
(every finding) and without them (the false alarms). A judged line that no longer matches
a finding is listed, so the file cannot hide a new false alarm behind an old judgement.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import CORPORA, SHARED, as_documents, ud_sentences  # noqa: E402

from qa.api import Config, Result, active_checks, lint_document, lint_file, make_context  # noqa: E402
from qa.backends.options import BackendOptions  # noqa: E402
from qa.formats import read_path  # noqa: E402
from qa.model.document import Document  # noqa: E402

HELDOUT = Path(__file__).resolve().parent / "heldout"
CORPUS_NAMES = ("ud", "po", "ref", "refsrc", "clean")


def _plain(name: str, lines: list[str], config: Config) -> Iterator[tuple[int, Result]]:
    ctx = make_context(config)
    checks = active_checks(config)
    for i, text in enumerate(as_documents(lines)):
        yield len(text.split()), lint_document(Document(f"{name}#{i}", text), ctx, checks, config)


def _files(paths: list[tuple[Path, Path | None]], config: Config) -> Iterator[tuple[int, Result]]:
    for path, source in paths:
        cfg = config if source is None else Config(
            select=config.select, backends=config.backends, source_file=source, source_lang=source.suffix[1:]
        )
        ctx = make_context(cfg)
        result = lint_file(path, ctx, active_checks(cfg), cfg)
        if result.error:
            sys.exit(f"{path}: {result.error}")
        if path.suffix == ".po":
            words = sum(len(s.target.split()) for s in read_path(path).segments)
        else:
            words = len(path.read_text(encoding="utf-8").split())
        yield words, result


def clean_articles() -> list[tuple[Path, Path | None]]:
    """The clean articles (empty gold) of the dev set and of the heldout batches that may be read."""
    folders = [SHARED / "eval" / "dev"] + sorted(
        d for d in HELDOUT.iterdir() if d.is_dir() and not d.name.startswith("cold")
    )
    out = []
    for folder in folders:
        for gold in sorted(folder.glob("*.gold.jsonl")):
            if gold.read_text(encoding="utf-8").strip():
                continue
            text = gold.with_name(gold.name.replace(".gold.jsonl", ".txt"))
            sources = sorted(folder.glob(text.stem + ".src.*"))
            out.append((text, sources[0] if sources else None))
    return out


def _with_source(limit: int, config: Config) -> Iterator[tuple[int, Result]]:
    """The reference and its German source in files of 20 lines, linted as bilingual files."""
    folder = CORPORA / "wmt21-news-defr"
    ref = (folder / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8").splitlines()[:limit]
    src = (folder / "newstest2021.de-fr.src.de").read_text(encoding="utf-8").splitlines()[:limit]
    with tempfile.TemporaryDirectory() as tmp:
        pairs = []
        for i in range(0, len(ref), 20):
            text, source = Path(tmp, f"ref{i}.txt"), Path(tmp, f"ref{i}.src.de")
            text.write_text("\n".join(ref[i:i + 20]) + "\n", encoding="utf-8")
            source.write_text("\n".join(src[i:i + 20]) + "\n", encoding="utf-8")
            pairs.append((text, source))
        yield from _files(pairs, config)


JUDGED = Path(__file__).resolve().parent / "clean_judged.tsv"


def _flat(text: str) -> str:
    """Text as a reader sees it: PO continuation lines joined, spaces collapsed."""
    return " ".join(re.sub(r'"[ \t]*\n[ \t]*"', "", text).split())


def judged() -> list[tuple[str, str, str, str]]:
    """(corpus, code, flagged text, words around it) of the findings judged errors of the corpus."""
    out = []
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, code, text, around, _why = line.split("\t")
            out.append((name, code, text.strip(), _flat(around)))
    return out


def corpus(name: str, limit: int, config: Config) -> Iterator[tuple[int, Result]]:
    if name == "ud":
        return _plain("ud", ud_sentences(limit), config)
    if name == "ref":
        ref = (CORPORA / "wmt21-news-defr" / "newstest2021.de-fr.ref.A.fr").read_text(encoding="utf-8")
        return _plain("ref", ref.splitlines()[:limit], config)
    if name == "refsrc":
        return _with_source(limit, config)
    if name == "po":
        return _files([(p, None) for p in sorted((CORPORA / "python-docs-fr-po").rglob("*.po"))], config)
    return _files(clean_articles(), config)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=3000, help="sentences or lines of ud and ref")
    parser.add_argument("--show", type=int, default=15, help="examples to print per corpus")
    parser.add_argument("--select", default="")
    parser.add_argument("--corpus", default=",".join(CORPUS_NAMES), help="some of: " + ", ".join(CORPUS_NAMES))
    args = parser.parse_args()
    config = Config(select=tuple(s for s in args.select.split(",") if s), backends=BackendOptions(grammalecte=False))
    known = judged()
    for name in args.corpus.split(","):
        words = 0
        by_code: Counter[str] = Counter()
        errors: Counter[str] = Counter()
        used: set[tuple[str, str, str, str]] = set()
        examples = []
        t0 = time.perf_counter()
        for n, result in corpus(name, args.limit, config):
            words += n
            doc = result.document
            for f in result.findings:
                by_code[f.code] += 1
                lo, hi = max(0, f.span.start - 80), min(len(doc.text), f.span.end + 80)
                context = _flat(doc.text[lo:hi])
                match = next((j for j in known if j[0] in (name, name.removesuffix("src")) and j[1:3] == (f.code, f.text.strip())
                              and j[3] in context), None)
                if match is not None:
                    errors[f.code] += 1
                    used.add(match)
                elif len(examples) < args.show:
                    examples.append(f"  {f.code} «{f.text}» → {list(f.suggestions[:1])} | {Path(doc.path).name}: "
                                    f"{context}"[:260])
        elapsed = time.perf_counter() - t0
        total, judged_total = sum(by_code.values()), sum(errors.values())
        print(f"{name}: {words} words, {total} findings = {1000 * total / max(words, 1):.2f} per 1,000 words; "
              f"{judged_total} judged errors of the corpus, {total - judged_total} false alarms = "
              f"{1000 * (total - judged_total) / max(words, 1):.2f} per 1,000 words ({words / elapsed:,.0f} words/s)")
        for code, count in by_code.most_common():
            print(f"  {code}: {count} ({1000 * count / max(words, 1):.2f}/1k), {errors[code]} judged errors")
        for j in known:
            if j[0] == name and j not in used and (not config.select or j[1] in config.select):
                print(f"  judged but not found (remove it from {JUDGED.name}?): {j[1]} «{j[2]}» {j[3]}")
        print("\n".join(examples), flush=True)


if __name__ == "__main__":
    main()
