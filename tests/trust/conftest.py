"""Fixtures for the trust tests: real `python -m factlint` runs in a project folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@dataclass
class Folder:
    """A working folder; `run` starts `python -m factlint` in it with its own fact cache."""

    root: Path
    cache: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
        cwd: str | None = None,
    ) -> Run:
        environment = {**os.environ, "FACTLINT_CACHE_DIR": str(self.cache), **(env or {})}
        for name in ("NO_COLOR", "FORCE_COLOR", "FACTLINT_OUTPUT_FORMAT", "COLUMNS"):
            if env is None or name not in env:
                environment.pop(name, None)
        proc = subprocess.run(
            [sys.executable, "-m", "factlint", *args],
            cwd=self.root / cwd if cwd else self.root,
            env=environment,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def fact_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One cache for the session: the same small texts recur across tests.
    return tmp_path_factory.mktemp("trust-cache")


@pytest.fixture
def folder(tmp_path: Path, fact_cache: Path) -> Folder:
    root = tmp_path / "work"
    root.mkdir()
    return Folder(root, fact_cache)
