"""`qa eval` (qa against gold annotations) and `qa score` (BLEU, chrF, TER against a reference)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from qa.model.results import InputError
from qa.cli.config import make_config
from qa.cli.options import DataFormat, GlossaryOpt, IgnoreOpt, SelectOpt, fail
from qa.knowledge.glossary import GlossaryError

FormatOpt = Annotated[DataFormat, typer.Option("--format", "-f", metavar="FORMAT", help="text or json.")]


def evaluate_cmd(
    gold_dir: Annotated[Path, typer.Argument(metavar="DIR", help="A directory of NAME.txt + NAME.gold.jsonl (+ NAME.ref.txt, NAME.src.LANG).")],
    fmt: FormatOpt = DataFormat.TEXT,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and false positives.")] = False,
    glossary: GlossaryOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
) -> None:
    """Score qa against gold annotations: recall, precision, fix accuracy, fix closure."""
    from qa.evaluate import GoldError, evaluate, render_text

    if not gold_dir.is_dir():
        fail(f"{gold_dir}: not a directory")
    config = make_config(glossary, False, select, ignore, None)
    try:
        report = evaluate(gold_dir, config)
    except (GoldError, GlossaryError, InputError) as exc:
        fail(str(exc))
    if fmt is DataFormat.JSON:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(report, verbose), nl=False)


def score(
    hyp: Annotated[Path, typer.Argument(metavar="HYP", help="Hypothesis: a file or a directory of .txt files.")],
    ref: Annotated[Path, typer.Argument(metavar="REF", help="Reference: a file or a directory with the same file names.")],
    segments_: Annotated[bool, typer.Option("--segments", help="Also print per-segment scores.")] = False,
    fmt: FormatOpt = DataFormat.TEXT,
) -> None:
    """BLEU, chrF and TER (sacrebleu) of HYP against REF, corpus-level and per line."""
    from qa.metrics import ScoreError, corpus_scores, segment_scores, segments

    try:
        hyps, refs, notes = segments(hyp, ref)
    except ScoreError as exc:
        fail(str(exc))
    for note in notes:
        typer.echo(f"qa: note: {note}", err=True)
    total = corpus_scores(hyps, refs)
    per = segment_scores(hyps, refs) if segments_ else []
    if fmt is DataFormat.JSON:
        data = {"bleu": total.bleu, "chrf": total.chrf, "ter": total.ter, "segments": total.segments}
        if segments_:
            data["per_segment"] = [{"bleu": s.bleu, "chrf": s.chrf, "ter": s.ter} for s in per]
        typer.echo(json.dumps(data, indent=2))
        return
    for i, s in enumerate(per, 1):
        typer.echo(f"{i:5}  BLEU {s.bleu:6.2f}  chrF {s.chrf:6.2f}  TER {s.ter:6.2f}")
    plural = "s" if total.segments != 1 else ""
    typer.echo(f"BLEU {total.bleu:.2f}  chrF {total.chrf:.2f}  TER {total.ter:.2f}  ({total.segments} segment{plural})")
