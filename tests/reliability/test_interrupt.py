"""Ctrl-C (SIGINT) on a real `factlint check` process while it writes fixes or the report:
every file is left as it was or fully written, no temporary file stays, exit 130 with one line.

The documents' facts are cached by a first run, so the interrupted runs reach the writing
phase in about a second; the tests wait until writing has begun, then send SIGINT.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from reliability_helpers import factlint_command, house_rule, run_factlint

pytestmark = pytest.mark.model

FILES = 300


@dataclass
class Corpus:
    root: Path
    docs: Path
    rules: Path
    env: dict[str, str]
    originals: dict[str, str]

    def reset(self) -> None:
        """The original texts again (same path and text: the cached facts still apply)."""
        for name, text in self.originals.items():
            (self.docs / name).write_text(text, encoding="utf-8")

    def fixed(self, name: str) -> str:
        return self.originals[name].replace("Kiev", "Kyiv")

    def temp_files(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.name.endswith(".tmp")
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            factlint_command(
                "check", str(self.docs), "--rules", str(self.rules), "--select", "HS501", *args
            ),
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("interrupt")
    docs = root / "docs"
    docs.mkdir()
    text = "Report {i}\n\nTalks in Kiev went on for {i} hours; Kiev officials left.\n"
    originals = {f"f{i:03d}.txt": text.format(i=i) for i in range(FILES)}
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(root / "cache")}
    corpus = Corpus(root, docs, house_rule(root / "rules", {"Kiev": "Kyiv"}), env, originals)
    corpus.reset()
    # Fill the fact cache (and check the fixes are what the tests expect).
    warm = run_factlint(
        "check", str(docs), "--rules", str(corpus.rules), "--select", "HS501", "--diff", env=env
    )
    assert warm.returncode == 1, warm.stderr
    assert warm.stdout.count("+Talks in Kyiv") == FILES
    return corpus


def wait_until(condition: Callable[[], bool], proc: subprocess.Popen[str]) -> bool:
    """Poll as fast as possible until `condition` holds (True) or the process ends (False)."""
    while proc.poll() is None:
        if condition():
            return True
    return False


@pytest.mark.parametrize("after", [0, 40])
def test_sigint_while_fixing_leaves_every_file_original_or_fully_fixed(
    corpus: Corpus, after: int
) -> None:
    corpus.reset()
    names = sorted(corpus.originals)
    watched = corpus.docs / names[after]
    proc = corpus.start("--fix")
    began = wait_until(
        lambda: watched.read_text(encoding="utf-8") != corpus.originals[watched.name], proc
    )
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)

    assert began, f"the run ended before {watched.name} was fixed: {stderr}"
    assert proc.returncode == 130, stderr
    assert stderr == "factlint: interrupted\n"
    states = []
    for name in names:
        text = (corpus.docs / name).read_text(encoding="utf-8")
        assert text in (corpus.originals[name], corpus.fixed(name)), name
        states.append(text == corpus.fixed(name))
    # Files are fixed in order, so the fixed ones are a prefix of the sorted names.
    done = states.count(True)
    assert states == [True] * done + [False] * (len(names) - done)
    assert after + 1 <= done < len(names), "interrupted mid-way"
    assert corpus.temp_files() == []


def test_sigint_while_writing_the_report_leaves_the_old_or_the_whole_report(
    corpus: Corpus,
) -> None:
    corpus.reset()
    report = corpus.root / "report.json"
    report.write_text("old report\n", encoding="utf-8")
    proc = corpus.start("--format", "json", "--output", str(report))
    # The temporary file beside the report exists only while the report is being written.
    writing = wait_until(
        lambda: any(n.startswith(".report.json.") for n in os.listdir(corpus.root)), proc
    )
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)

    assert "Traceback" not in stderr
    text = report.read_text(encoding="utf-8")
    if text != "old report\n":
        assert json.loads(text)["summary"]["findings"] == 2 * FILES
    if writing:
        assert proc.returncode == 130, stderr
        assert stderr == "factlint: interrupted\n"
    else:  # finished before the poll saw the write: nothing to interrupt
        assert proc.returncode == 1, stderr
    assert corpus.temp_files() == []
