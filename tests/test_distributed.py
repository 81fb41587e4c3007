"""qa.engine.distributed: the same results on a Dask cluster as in the local runner (issue #17)."""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("distributed")

import cloudpickle  # noqa: E402
from distributed import Client, LocalCluster, WorkerPlugin  # noqa: E402

from qa import api  # noqa: E402
from qa.api import Config  # noqa: E402
from qa.backends import BackendOptions  # noqa: E402
from qa.engine import distributed, lint, runner  # noqa: E402

CASES = Path(__file__).parent / "cases"
PIECE = 6_000  # characters: the chunk size for this test, so that a small file is "large"

# The killer plugin below is defined here; the workers cannot import this module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _texts() -> list[str]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        out.extend(c["text"] for c in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []) if "text" in c)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Case texts as 12 small files and one large file of many paragraphs, plus a file
    that is not UTF-8 and one that does not exist (unreadable: error Results)."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = _texts()[::3]  # about 3,000 words: enough rules firing, a short test
    files = []
    for i in range(12):
        path = folder / f"small{i:02}.txt"
        path.write_text("\n\n".join(texts[i::12]) + "\n", encoding="utf-8")
        files.append(path)
    big = folder / "big.txt"
    big.write_text("\n\n".join(texts[::-1]) + "\n", encoding="utf-8")  # ~3 pieces of PIECE
    files.insert(5, big)
    bad = folder / "latin1.txt"
    bad.write_bytes("Le café est fermé.\n".encode("latin-1"))
    files.insert(9, bad)
    files.append(folder / "gone.txt")  # never written: no such file on the worker
    return files


@pytest.fixture(scope="module")
def small_chunks() -> object:
    """The chunk size (qa.engine.lint) made small, in this process (where files are split
    and pieces settled); the workers lint the pieces they are sent."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(lint, "CHUNK", PIECE)
        yield


@pytest.fixture(scope="module")
def config() -> Config:
    return Config(backends=BackendOptions(grammalecte=False), jobs=1)


@pytest.fixture(scope="module")
def cluster() -> object:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def local(corpus: list[Path], config: Config, small_chunks: object) -> list[api.Result]:
    return runner.lint_files(corpus, config)


def _rows(results: list[api.Result]) -> list[tuple[object, ...]]:
    return [
        (r.document.path, r.error, f.code, f.span.start, f.span.end, f.message, f.suggestions)
        for r in results
        for f in (r.findings or (None,))
        if f is not None
    ] + [(r.document.path, r.error) for r in results if r.error]


def test_the_large_file_is_split(corpus: list[Path], config: Config, small_chunks: object) -> None:
    tasks, split = runner.split_tasks(corpus, config)
    assert list(split) == [5]
    assert sum(1 for n, _ in tasks if n == 5) >= 3


def test_same_findings_as_local(cluster: LocalCluster, corpus: list[Path], config: Config, local: list[api.Result]) -> None:
    assert sum(len(r.findings) for r in local) > 20
    got = distributed.lint_files_dask(corpus, config, cluster.scheduler_address, partition_bytes=600)
    assert [r.document.path for r in got] == [str(p) for p in corpus]
    assert _rows(got) == _rows(local)
    assert [r.findings for r in got] == [r.findings for r in local]
    # the file that is not UTF-8: the error line of the local run, and exit code 2
    assert got[9].error is not None and got[9].error == local[9].error
    assert "latin1.txt" in got[9].error
    assert got[-1].error is not None and got[-1].error == local[-1].error
    assert api.exit_code(got) == 2


class KillOnce(WorkerPlugin):
    """Ends its worker process as it starts a task, once across the cluster, after that
    worker has finished one task already (whose result is then lost with it)."""

    name = "kill-once"

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.finished = 0

    def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
        if finish == "memory":
            self.finished += 1
        if finish == "executing" and self.finished >= 1:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return
            os._exit(1)


@contextmanager
def _killing_once(cluster: LocalCluster, marker: Path) -> Iterator[None]:
    """KillOnce on the cluster's workers while the block runs. The client that registers it
    is closed before the run starts its own: with two clients alive in one process, a key
    rescheduled after the kill once raised "bound to a different event loop" in distributed."""
    with Client(cluster) as client:
        client.register_plugin(KillOnce(str(marker)))
    try:
        yield
    finally:
        with Client(cluster) as client:
            client.unregister_worker_plugin(KillOnce.name)


def test_a_worker_killed_mid_run(
    cluster: LocalCluster, corpus: list[Path], config: Config, local: list[api.Result], tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    with _killing_once(cluster, marker):
        got = distributed.lint_files_dask(corpus, config, cluster.scheduler_address, partition_bytes=600)
    assert marker.exists()  # a worker did die
    assert _rows(got) == _rows(local)
    assert [r.findings for r in got] == [r.findings for r in local]


def test_partitions_keep_order_and_batch_small_files(tmp_path: Path) -> None:
    files = []
    for i, size in enumerate([10, 10, 10, 500, 10]):
        path = tmp_path / f"f{i}.txt"
        path.write_text("x" * size)
        files.append(path)
    tasks = [(0, None), (1, None), (2, (0, "a")), (2, (5, "b")), (3, None), (4, None)]
    groups = distributed.partitions(files, tasks, 100)
    assert groups == [[0, 1], [2], [3], [4], [5]]
    assert distributed.partitions(files, [(0, None), (1, None), (3, None), (4, None)], 15) == [[0, 1], [2], [3]]


def test_a_bad_address_is_one_line() -> None:
    with pytest.raises(distributed.DaskError, match="local:N"):
        distributed.connect("local:zero")


def test_cli_dask_gives_the_local_report_and_error_lines(cluster: LocalCluster, corpus: list[Path]) -> None:
    from typer.testing import CliRunner

    from qa.cli import app

    args = ["lint", "--no-grammalecte", "--jobs", "1", "-f", "json", *map(str, corpus)]
    here = CliRunner().invoke(app, args)
    there = CliRunner().invoke(app, [*args, "--dask", cluster.scheduler_address])
    assert here.exit_code == there.exit_code == 2
    assert there.stdout == here.stdout
    errors = [line for line in here.stderr.splitlines() if line.startswith("qa: error:")]
    assert len(errors) == 2 and errors == [line for line in there.stderr.splitlines() if line.startswith("qa: error:")]
    assert "qa: Dask dashboard: http" in there.stderr


def test_cli_bad_address_exits_2(corpus: list[Path]) -> None:
    from typer.testing import CliRunner

    from qa.cli import app

    res = CliRunner().invoke(app, ["lint", "--dask", "local:0", str(corpus[0])])
    assert res.exit_code == 2
    assert res.stderr.strip() == "qa: error: --dask local:0: a scheduler address (tcp://host:8786) or local:N (N ≥ 1)"


# --- the findings table written by the workers (--dask --format parquet --output DIR) ---


def _dataset(folder: Path) -> list[dict[str, object]]:
    pq = pytest.importorskip("pyarrow.parquet")
    return pq.read_table(folder).to_pylist()


def _write(corpus: list[Path], config: Config, address: str, folder: Path) -> distributed.Tally:
    from functools import partial

    from qa.report import parquet

    parquet.clear_parts(folder)
    sink = partial(parquet.write_part, str(folder))
    return distributed.write_files_dask(corpus, config, address, sink, {str(p) for p in corpus}, partition_bytes=600)


def test_workers_write_the_table_of_the_local_run(
    cluster: LocalCluster, corpus: list[Path], config: Config, local: list[api.Result], tmp_path: Path
) -> None:
    parquet = pytest.importorskip("qa.report.parquet")
    tally = _write(corpus, config, cluster.scheduler_address, tmp_path / "findings")
    rows = _dataset(tmp_path / "findings")
    assert rows == parquet.table(local).to_pylist()  # same rows, same order: parts sort by partition
    parts = sorted(p.name for p in (tmp_path / "findings").iterdir())
    assert len(parts) > 3 and parts[0] == "part-000000.parquet" and all(p.startswith("part-") for p in parts)
    # what the client kept: counts and the error lines of the local run, not the Results
    assert tally.findings == len(rows) == sum(len(r.findings) for r in local)
    assert tally.errors == [r.error for r in local if r.error] and len(tally.errors) == 2
    assert tally.files == len(corpus) and tally.exit_code() == api.exit_code(local) == 2


def test_a_worker_killed_while_writing_parts(
    cluster: LocalCluster, corpus: list[Path], config: Config, local: list[api.Result], tmp_path: Path
) -> None:
    parquet = pytest.importorskip("qa.report.parquet")
    marker = tmp_path / "killed"
    with _killing_once(cluster, marker):
        tally = _write(corpus, config, cluster.scheduler_address, tmp_path / "findings")
    assert marker.exists()  # a worker did die, after writing a part whose task is run again
    rows = _dataset(tmp_path / "findings")
    assert rows == parquet.table(local).to_pylist()  # no row lost, none twice
    assert len({tuple(r.values()) for r in rows}) == len(rows) == tally.findings


def test_cli_dask_writes_a_dataset_with_the_local_stderr(cluster: LocalCluster, corpus: list[Path], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from qa.cli import app

    pq = pytest.importorskip("pyarrow.parquet")
    here = tmp_path / "here.parquet"
    there = tmp_path / "there"
    there.mkdir()
    (there / "part-000999.parquet").write_bytes(b"an earlier run's part")
    (there / "_notes.txt").write_text("kept\n")  # pyarrow skips names from _ or .
    args = ["lint", "--no-grammalecte", "--jobs", "1", "-f", "parquet", *map(str, corpus)]
    a = CliRunner().invoke(app, [*args, "-o", str(here)])
    b = CliRunner().invoke(app, [*args, "-o", str(there), "--dask", cluster.scheduler_address])
    assert a.exit_code == b.exit_code == 2
    assert pq.read_table(there).to_pylist() == pq.read_table(here).to_pylist()
    assert not (there / "part-000999.parquet").exists() and (there / "_notes.txt").exists()
    assert [x for x in b.stderr.splitlines() if not x.startswith("qa: Dask")] == a.stderr.splitlines()
    # DuckDB reads the directory as one table (the README's query)
    duckdb = pytest.importorskip("duckdb")
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{there}/*.parquet')").fetchall()
    assert n[0][0] == pq.read_table(here).num_rows > 0


def test_cli_dask_dataset_refuses_a_file_and_baselines(corpus: list[Path], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from qa.cli import app

    pytest.importorskip("pyarrow")
    file = tmp_path / "old.parquet"
    file.write_bytes(b"x")
    base = ["lint", "-f", "parquet", "--dask", "local:1", str(corpus[0])]
    res = CliRunner().invoke(app, [*base, "-o", str(file)])
    assert res.exit_code == 2 and "names the table's directory" in res.stderr and file.read_bytes() == b"x"
    res = CliRunner().invoke(app, [*base, "-o", str(tmp_path / "d"), "--baseline", str(file)])
    assert res.exit_code == 2 and "filter the table" in res.stderr and not (tmp_path / "d").exists()
    res = CliRunner().invoke(app, ["lint", "-f", "parquet", "-o", str(tmp_path), str(corpus[0])])
    assert res.exit_code == 2 and "a directory" in res.stderr  # without --dask: a file
