"""`--scheduler`: the NLP pass on a real dask.distributed cluster (a scheduler and two worker
processes on 127.0.0.1, started here) prints byte for byte what a local run prints, also when
a worker is killed mid-run; a scheduler that cannot be reached is one line and exit 2."""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factlint.facts.pieces as pieces
from factlint.cli import app

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Mayor {mayor} Smithers opened the {n}th ferry terminal in Tromsø on Tuesday, March 4, "
    "2021, the second such opening since 2019, with 12 officials present.",
    "Finance Minister Ingrid Solberg met {n} bankers in Bergen on Monday, according to Reuters.",
    "The storm reached the coast on Wednesday, March 4, 2021, the agency said.",
]


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(16):
        mayor = ("Jonathan", "Jonathon")[i % 2]
        text = "\n\n".join(p.format(mayor=mayor, n=i + 3) for p in PARAGRAPHS)
        (folder / f"{i:02d}.txt").write_text(f"Report {i}\n\n{text}\n", encoding="utf-8")
    return folder


def check(corpus: Path, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["check", str(corpus), "--format", "json", "--no-cache", *args]
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    return result.stdout


def test_the_cluster_prints_what_a_local_run_prints(
    cluster: distributed.LocalCluster, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = check(corpus, "--jobs", "1")
    assert '"FL301"' in local and '"FL102"' in local
    monkeypatch.setattr(pieces, "TASK_PIECES", 2)  # eight tasks over two workers
    assert check(corpus, "--scheduler", cluster.scheduler_address) == local


def test_a_worker_killed_mid_run_costs_a_retry_not_the_run(
    cluster: distributed.LocalCluster, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = check(corpus, "--jobs", "1")
    monkeypatch.setattr(pieces, "TASK_PIECES", 1)
    with distributed.Client(cluster, set_as_default=False) as observer:
        pids = observer.run(os.getpid)
        killed: list[str] = []

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                busy = [w for w, keys in observer.processing().items() if keys]
                if busy and len(killed) == 0:
                    killed.append(busy[0])
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    return
                time.sleep(0.02)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        clustered = check(corpus, "--scheduler", cluster.scheduler_address)
        killer.join()
        assert killed, "no worker was busy during the run"
        assert clustered == local
        # The nanny restarts the killed worker: the cluster is whole again for other tests.
        observer.wait_for_workers(2, timeout=120)


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factlint.facts.cluster as cluster_module

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT", 1.0)
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    result = CliRunner().invoke(app, ["check", str(corpus), "--no-cache", "--scheduler", address])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(
        f"factlint: error: --scheduler {address}: cannot reach the Dask scheduler ("
    )


def test_without_distributed_the_option_says_which_extra_to_install(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factlint.facts.cluster as cluster_module

    monkeypatch.setattr(cluster_module, "HAVE_DISTRIBUTED", False)
    result = CliRunner().invoke(
        app, ["check", str(corpus), "--no-cache", "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "factlint: error: --scheduler needs the 'distributed' package: "
        "pip install 'factlint[dask]'\n"
    )
    assert sys.modules.get("distributed") is not None
