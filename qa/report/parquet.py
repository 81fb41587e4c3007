"""The findings table (issue #17): one row per finding, as Apache Parquet, for analytics.

An archive's findings are queried with DuckDB, pandas, Polars or Spark rather than read:
which rules fire most per thousand files, which paragraphs repeat the same problem across
articles (``paragraph_hash``), how the counts move after a glossary change.

``render`` gives bytes: the command line writes them to a file (``--output FILE``) or to
a pipe, never to a terminal (qa.cli.output). Files that could not be read have no row;
their error goes to stderr as with every format. Requires pyarrow (the ``archive`` extra).

On a Dask cluster the table is a dataset instead, a directory of parts that DuckDB, pyarrow
or Spark read as one table: each worker writes the part of the partition it linted
(``write_part``), so that no process ever holds the whole archive's findings.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from qa.model.document import Document
from qa.model.findings import Finding
from qa.model.results import Result

VERSION = 1  # bumped when a column changes meaning or goes; new columns may be added

COLUMNS = (
    ("file", "string"),
    ("start", "int64"),  # code points into the file as read (as in the JSON report)
    ("end", "int64"),
    ("line", "int32"),  # 1-based
    ("column", "int32"),  # 1-based, in code points
    ("rule", "string"),
    ("category", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("suggestion", "string"),  # the first suggestion, null when there is none
    ("paragraph_hash", "string"),  # SHA-256 (hex, 16 digits) of the paragraph around the finding
)


def _around(doc: Document, start: int) -> str:
    """The paragraph holding offset start, as the engine reads paragraphs (a non-blank
    line, qa.model.document); a finding on a blank line hashes that line."""
    para = doc.paragraph_at(start)
    if para is not None:
        return doc[para]
    line, _ = doc.position(start)
    return doc.text.splitlines()[line - 1] if doc.text else ""


def paragraph_digest(para: str) -> str:
    """Stable across files and runs: the same paragraph in two articles hashes the same.
    Line ends and runs of white space do not count (CRLF and LF copies match)."""
    return hashlib.sha256(" ".join(para.split()).encode("utf-8")).hexdigest()[:16]


def paragraph_hash(text: str, start: int) -> str:
    """The hash of the paragraph holding offset start."""
    return paragraph_digest(_around(Document("", text), start))


def rows(results: Sequence[Result]) -> Iterator[dict[str, Any]]:
    for r in results:
        for f in r.findings:
            yield _row(r, f)


def _row(r: Result, f: Finding) -> dict[str, Any]:
    line, column = r.document.position(f.span.start)
    return {
        "file": _utf8(r.document.path),
        "start": f.span.start,
        "end": f.span.end,
        "line": line,
        "column": column,
        "rule": f.code,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": _utf8(f.message),
        "suggestion": _utf8(f.suggestions[0]) if f.suggestions else None,
        "paragraph_hash": paragraph_digest(_around(r.document, f.span.start)),
    }


def _utf8(value: str) -> str:
    """A string Parquet can store: a byte of a file name that is not UTF-8 (kept by
    os.fsdecode as a lone surrogate) becomes a visible \\xNN, as in the other reports."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def missing() -> str | None:
    """Why the table cannot be written here (pyarrow is not installed), or None."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return "--format parquet needs pyarrow: pip install 'qa[archive]'"
    return None


def table(results: Sequence[Result]) -> Any:
    """The findings as a pyarrow Table (the schema above, even when there are none)."""
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS], metadata={"qa.version": str(VERSION)})
    data: dict[str, list[Any]] = {name: [] for name, _ in COLUMNS}
    for row in rows(results):
        for name, value in row.items():
            data[name].append(value)
    return pa.table(data, schema=schema)


def render(results: Sequence[Result]) -> bytes:
    """The table as a Parquet file (zstd), in memory."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table(results), sink, compression="zstd")
    return sink.getvalue().to_pybytes()


PART = "part-{:06d}.parquet"  # the part of partition N; the names sort in partition order


def write_part(directory: str, index: int, results: Sequence[Result]) -> None:
    """The part of partition index in directory, written atomically (a temporary file
    beside it, hidden: readers skip it), so that a partition run again after its worker was
    lost replaces its part instead of adding rows. A part with no findings still has the
    schema, so an archive without findings is a table with no rows."""
    from qa.engine.fixes import write_atomic

    write_atomic(Path(directory) / PART.format(index), render(results))


def clear_parts(directory: Path) -> None:
    """Start a dataset in directory: made if missing; the parts of an earlier run (and the
    temporary files of a killed writer) removed, any other file left alone."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in (*directory.glob("part-*.parquet"), *directory.glob(".part-*.tmp")):
        old.unlink()
