"""`qa score`: BLEU, chrF and TER of a hypothesis against a reference (sacrebleu)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ScoreError(ValueError):
    """Inputs that cannot be scored; the message names the file."""


@dataclass(frozen=True)
class Scores:
    bleu: float
    chrf: float
    ter: float
    segments: int


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ScoreError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise ScoreError(f"{path}: not valid UTF-8") from None


def pair_files(hyp: Path, ref: Path) -> list[tuple[Path, Path]]:
    """Files to compare: two files, or the same-named .txt files of two directories."""
    if hyp.is_dir() != ref.is_dir():
        raise ScoreError(f"{hyp} and {ref}: give two files or two directories")
    if not hyp.is_dir():
        return [(hyp, ref)]
    pairs = [(h, ref / h.name) for h in sorted(hyp.glob("*.txt")) if (ref / h.name).exists()]
    if not pairs:
        raise ScoreError(f"{hyp} and {ref}: no file name in common")
    return pairs


def segments(hyp: Path, ref: Path) -> tuple[list[str], list[str], list[str]]:
    """Aligned non-blank lines of every file pair, and notes on pairs that do not align.

    A pair whose non-blank line counts differ (a fix removed a whole line, say) is scored
    as one segment per file rather than refused.
    """
    hyps: list[str] = []
    refs: list[str] = []
    notes: list[str] = []
    for h, r in pair_files(hyp, ref):
        hl = [x for x in _lines(h) if x.strip()]
        rl = [x for x in _lines(r) if x.strip()]
        if len(hl) != len(rl):
            notes.append(f"{h}: {len(hl)} non-blank lines, {r}: {len(rl)}; scored as one segment each")
            hl, rl = [" ".join(hl)], [" ".join(rl)]
        hyps += hl
        refs += rl
    return hyps, refs, notes


def corpus_scores(hyps: list[str], refs: list[str]) -> Scores:
    from sacrebleu.metrics import BLEU, CHRF, TER

    return Scores(
        bleu=BLEU().corpus_score(hyps, [refs]).score,
        chrf=CHRF().corpus_score(hyps, [refs]).score,
        ter=TER().corpus_score(hyps, [refs]).score,
        segments=len(hyps),
    )


def segment_scores(hyps: list[str], refs: list[str]) -> list[Scores]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    bleu, chrf, ter = BLEU(effective_order=True), CHRF(), TER()
    return [
        Scores(bleu.sentence_score(h, [r]).score, chrf.sentence_score(h, [r]).score,
               ter.sentence_score(h, [r]).score, 1)
        for h, r in zip(hyps, refs, strict=True)
    ]
