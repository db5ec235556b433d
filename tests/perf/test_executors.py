"""Executors with the real model: every executor gives the in-process facts in input order,
long documents are extracted chunk by chunk at the right positions, and Ctrl-C on a run with
worker processes is one line and exit 130."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factlint.nlp.pieces as pieces
from factlint.cli import app
from factlint.documents.model import Document
from factlint.nlp.executors import (
    ExecutorOptions,
    InProcess,
    LocalProcesses,
    executor_for,
    extract_with,
    usable_cores,
)

pytestmark = pytest.mark.model

TEXTS = [
    "Published: Tuesday, May 4, 2021\nFinance Minister Ingrid Solberg met 12 bankers in Bergen "
    "on Monday, the third meeting since February 2020, according to Reuters.",
    "Two days ago the council in Tromsø approved 7 new ferries. Mayor Lars Dahl called it the "
    "first such order since 2015.",
    "The weather stayed mild and nobody said anything remarkable.",
]
PARAGRAPH = (
    "Mayor Lars Dahl of Tromsø met Finance Minister Ingrid Solberg in Bergen on March 3, 2021, "
    "their second meeting, with 12 bankers present.\n\n"
)


def documents(n: int) -> list[Document]:
    return [Document(path=f"{i}.txt", text=TEXTS[i % len(TEXTS)]) for i in range(n)]


def test_processes_give_the_in_process_facts_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pieces, "TASK_PIECES", 1)  # one document per task: many tasks in flight
    docs = documents(8)
    with InProcess() as inline:
        serial = list(extract_with(docs, inline))
    with LocalProcesses(ExecutorOptions(jobs=2)) as processes:
        parallel = list(extract_with(docs, processes))
    assert [f.path for f in parallel] == [d.path for d in docs]
    assert parallel == serial


def test_a_long_document_is_extracted_in_chunks_at_its_own_positions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Council report\n\n" + PARAGRAPH * 12
    document = Document(path="long.txt", text=text)
    with InProcess() as inline:
        (whole,) = extract_with([document], inline)
    monkeypatch.setattr(pieces, "CHUNK_CHARS", 500)
    assert len(pieces.pieces_of(0, document)) > 3
    with LocalProcesses(ExecutorOptions(jobs=2)) as processes:
        (chunked,) = extract_with([document], processes)
    for kind in ("entities", "dates", "ordinals", "counts", "titles"):
        assert [f.span for f in getattr(chunked, kind)] == [f.span for f in getattr(whole, kind)]
    assert [e.sentence_index for e in chunked.entities] == [
        e.sentence_index for e in whole.entities
    ]
    assert [d.event.sentence_start for d in chunked.dates] == [
        d.event.sentence_start for d in whole.dates
    ]
    assert chunked.words == whole.words
    # Each paragraph's date, at the line it stands on.
    assert [d.span.line for d in chunked.dates] == [3 + 2 * i for i in range(12)]


def test_options_pick_the_executor() -> None:
    assert isinstance(executor_for(ExecutorOptions(jobs=1)), InProcess)
    assert isinstance(executor_for(ExecutorOptions(jobs=2)), LocalProcesses)
    assert isinstance(executor_for(ExecutorOptions(executor="inline", jobs=4)), InProcess)
    auto = executor_for(ExecutorOptions())
    expected = InProcess if usable_cores() == 1 else LocalProcesses
    assert isinstance(auto, expected)


@pytest.mark.parametrize("value", ["0", "-2", "two", ""])
def test_jobs_must_be_a_positive_number_or_auto(value: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Oslo.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--jobs", value])
    assert result.exit_code == 2
    assert f"--jobs: '{value}' is not a number of processes (1 or more) or 'auto'" in (
        result.output
    )


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def start_with_workers(corpus: Path) -> tuple[subprocess.Popen[str], list[int]]:
    """`factlint check --jobs 2` on 60 uncached files, once its two workers are extracting."""
    corpus.mkdir()
    for i in range(60):
        (corpus / f"{i:02d}.txt").write_text(PARAGRAPH * 6, encoding="utf-8")
    command = [sys.executable, "-m", "factlint", "check", str(corpus), "--jobs", "2"]
    # A session of its own: SIGINT goes to its whole process group, as a terminal sends it.
    proc = subprocess.Popen(
        [*command, "--no-cache", "--format", "json"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children(proc.pid)
    time.sleep(1.0)  # the workers have loaded the model and are extracting
    return proc, workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_ctrl_c_with_worker_processes_is_one_line_and_exit_130(tmp_path: Path) -> None:
    proc, workers = start_with_workers(tmp_path / "corpus")
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)

    assert len(workers) == 2, stderr
    assert stderr == "factlint: interrupted\n"
    assert proc.returncode == 130
    assert stdout == ""
    time.sleep(0.2)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "workers left running"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_worker_process_killed_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc, workers = start_with_workers(tmp_path / "corpus")
    os.kill(workers[0], signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=60)

    assert stderr == (
        "factlint: error: a worker process of the NLP pass died (killed, or out of memory?); "
        "run again, or with --jobs 1\n"
    )
    assert proc.returncode == 2
    assert stdout == ""


def test_jobs_1_and_auto_print_the_same_report(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(36):
        mayor = ("Jonathan", "Jonathon")[i % 2]
        text = f"{PARAGRAPH}Mayor {mayor} Smithers visited Bergen on Tuesday, March 4, 2021.\n"
        (corpus / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    args = ["check", str(corpus), "--format", "json", "--no-cache"]
    one = runner.invoke(app, [*args, "--jobs", "1"])
    auto = runner.invoke(app, args)
    assert one.exit_code == auto.exit_code == 1, one.output
    assert json.loads(one.stdout)["findings"], "the texts disagree"
    assert auto.stdout == one.stdout
