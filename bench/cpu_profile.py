"""CPU seconds per 1,000 words, per component, in one process (a busy machine cannot skew them much).

Usage: python bench/cpu_profile.py [--words N] [--no-grammalecte] [--one-file] [--cprofile OUT]

Wall time on a shared machine says little; CPU time of this one process (time.process_time)
says what qa costs. The text is throughput.py's: distinct paragraphs of the shared corpora in
documents of 25 paragraphs, the first N words (30,000 by default), no cache. Prints, for
Grammalecte alone (its default options and spelling pass, as grammalecte-cli runs it) and for
the default pipeline's spaCy analysis and each check, CPU seconds per 1,000 words, and the
load average (say it with any figure you quote). ``--one-file`` joins the documents into one:
a check whose cost grows faster than the text (a paragraph's part that reads the whole file)
shows there as more milliseconds per 1,000 words than with the documents apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from throughput import distinct_documents  # noqa: E402


def gc_alone(docs: list[str], warm: list[str]) -> float:
    """CPU seconds of Grammalecte alone on docs, one paragraph per line (warmed first)."""
    import grammalecte

    checker = grammalecte.GrammarChecker("fr")
    for para in warm:
        list(checker.getParagraphErrors(para)[0])
    t = time.process_time()
    for text in docs:
        for para in text.split("\n"):
            if para.strip():
                grammar, _spelling = checker.getParagraphErrors(para)
                list(grammar)
    return time.process_time() - t


def qa_profile(docs: list[str], warm: list[str], grammalecte: bool) -> dict[str, float]:
    """CPU seconds of spaCy's analysis and of each check, as the engine runs them on one core,
    after a run over the ``warm`` documents (tables and word lists loaded)."""
    os.environ["QA_NO_CACHE"] = "1"
    from qa.api import Config, active_checks, make_context
    from qa.backends import BackendOptions
    from qa.engine.lint import for_checks
    from qa.knowledge.nlp import pipeline
    from qa.model.document import Document

    config = Config() if grammalecte else Config(backends=BackendOptions(grammalecte=False))
    checks = active_checks(config)
    ctx = for_checks(make_context(config, checks), checks)
    pipeline()
    for c in checks:  # what a server's warm-up loads (title case's dictionaries, Grammalecte)
        prepare = getattr(c, "prepare", None)
        if prepare is not None:
            prepare(ctx)
    for text in warm:
        doc = Document("warm", text)
        ctx.analysis(doc)
        for c in checks:
            list(c.run(doc, ctx))
    times = {"spaCy analysis": 0.0, **{c.code: 0.0 for c in checks}}
    for i, text in enumerate(docs):
        doc = Document(f"bench#{i}", text)
        t = time.process_time()
        ctx.analysis(doc)
        times["spaCy analysis"] += time.process_time() - t
        for c in checks:
            t = time.process_time()
            list(c.run(doc, ctx))
            times[c.code] += time.process_time() - t
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=30_000)
    parser.add_argument("--no-grammalecte", action="store_true")
    parser.add_argument("--skip-alone", action="store_true", help="no Grammalecte-alone line")
    parser.add_argument("--one-file", action="store_true", help="the documents joined into one")
    parser.add_argument("--cprofile", help="write a cProfile of the qa part to this file")
    args = parser.parse_args()
    everything = distinct_documents(args.words + 5_000)
    docs = distinct_documents(args.words)
    if args.one_file:
        docs = ["\n".join(docs)]
    warm = everything[len(docs) :] or everything[-1:]  # text that is not measured, to load what loads once
    words = sum(len(d.split()) for d in docs)
    print(f"{words:,} distinct words in {len(docs)} documents; load average {os.getloadavg()[0]:.1f}")
    if not args.skip_alone and not args.no_grammalecte:
        alone = gc_alone(docs, warm[0].split("\n")[:5])
        print(f"Grammalecte alone: {alone:.2f} CPU s = {1e6 * alone / words:.0f} ms per 1,000 words "
              f"({words / alone:,.0f} words per CPU second)")
    if args.cprofile:
        import cProfile

        prof = cProfile.Profile()
        times = prof.runcall(qa_profile, docs, warm, not args.no_grammalecte)
        prof.dump_stats(args.cprofile)
    else:
        times = qa_profile(docs, warm, not args.no_grammalecte)
    total = sum(times.values())
    print(f"qa {'--no-grammalecte' if args.no_grammalecte else 'default'}: {total:.2f} CPU s = "
          f"{1e6 * total / words:.0f} ms per 1,000 words ({words / total:,.0f} words per CPU second)")
    for name, t in sorted(times.items(), key=lambda x: -x[1]):
        if t >= 0.005 * total:
            print(f"  {name:16} {1e6 * t / words:6.1f} ms per 1,000 words ({t / total:4.0%})")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
