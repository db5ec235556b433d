"""Helpers for the reliability tests: real `python -m factlint` runs and house-style rules."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint.documents import load_documents
from factlint.facts.model import DocumentFacts, FactSet


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("factlint: error:")]


def factlint_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "factlint", *args]


def run_factlint(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    prefix: list[str] | None = None,
    **kwargs: Any,
) -> Run:
    """`python -m factlint ARGS` in a fresh process; stdin is empty unless given."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    proc = subprocess.run(
        [*(prefix or []), *factlint_command(*args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        **kwargs,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def house_rule(
    folder: Path,
    swap: dict[str, str],
    code: str = "HS501",
    **options: object,
) -> Path:
    """A house_style rule file in `folder` (created); returns the folder for `--rules`."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f"code: {code}",
        "name: house-words",
        "kind: house_style",
        "severity: warning",
        "message: \"use '{replacement}', not '{text}'\"",
        "options:",
        "  swap:",
        # JSON strings are YAML double-quoted scalars: patterns with any character survive.
        *(f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in swap.items()),
        *(f"  {k}: {json.dumps(v)}" for k, v in options.items()),
    ]
    (folder / f"{code}-house-words.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def facts_without_nlp(paths: list[Path]) -> FactSet:
    """The FactSet a house_style rule sees, from the loaders alone (no spaCy pass)."""
    documents = load_documents([str(p) for p in paths])
    return FactSet(
        documents=[DocumentFacts(path=d.path, text=d.text, anchors=d.anchors) for d in documents]
    )
