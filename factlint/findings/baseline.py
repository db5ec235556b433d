"""`--baseline FILE` / `--write-baseline FILE`: adopt factlint on a corpus with known findings.

The baseline records today's findings by fingerprint (see `fingerprint.py`); later runs report
only findings whose fingerprint it does not hold. Paths are stored relative to the baseline
file's folder, so the file works from any working directory.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from factlint import __version__
from factlint.errors import ConfigError
from factlint.findings.fingerprint import fingerprints, normalise_path
from factlint.findings.model import Finding
from factlint.io import TooLarge, atomic_write, read_bounded

BASELINE_VERSION = 1


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="ignore")

    fingerprint: str
    code: str
    path: str
    # For people reading the file; matching uses the fingerprint alone.
    text: str = ""
    message: str = ""


class Baseline(BaseModel):
    model_config = ConfigDict(extra="ignore")

    version: int
    tool: str = ""
    findings: list[BaselineEntry]


def _base(path: Path) -> Path:
    return path.resolve().parent


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Record `findings` in `path` atomically; returns how many were written."""
    base = _base(path)
    entries = [
        BaselineEntry(
            fingerprint=fp,
            code=f.code,
            path=normalise_path(f.path, base),
            text=f.text,
            message=f.message,
        )
        for fp, f in fingerprints(findings, base)
    ]
    entries.sort(key=lambda e: (e.path, e.code, e.text, e.fingerprint))
    payload = Baseline(version=BASELINE_VERSION, tool=f"factlint {__version__}", findings=entries)
    text = json.dumps(payload.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    try:
        atomic_write(path, text)
    except OSError as exc:
        raise ConfigError(f"cannot write baseline: {exc.strerror}", str(path)) from None
    return len(entries)


# A baseline of 100 000 findings is about 30 MB.
MAX_BASELINE_BYTES = 256 * 1024 * 1024
# Longer integers are not counts a baseline holds (Python refuses past 4 300 digits anyway).
MAX_INT_DIGITS = 32


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"a number of {len(text.lstrip('-')):,} digits")
    return int(text)


def _read_json(path: Path) -> Any:
    try:
        data = read_bounded(path, MAX_BASELINE_BYTES)
    except TooLarge as exc:
        raise ConfigError(f"baseline is too large to read: {exc}", str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
    try:
        return json.loads(data.decode("utf-8"), parse_int=_parse_int)
    except RecursionError:
        raise ConfigError("baseline is not valid JSON: nested too deeply", str(path)) from None
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise ConfigError(f"baseline is not valid JSON: {exc}", str(path)) from None


def load_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline file holds (a multiset, should a file be merged by hand)."""
    data = _read_json(path)
    version = data.get("version") if isinstance(data, dict) else None
    # `true == 1` in Python: the version must be the integer itself.
    if type(version) is not int or version != BASELINE_VERSION:
        raise ConfigError(
            f"unsupported baseline version {json.dumps(version)} (expected {BASELINE_VERSION}); "
            "re-create it with --write-baseline",
            str(path),
        )
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(f"malformed baseline at '{where}': {first['msg']}", str(path)) from None
    return Counter(entry.fingerprint for entry in baseline.findings)


def filter_baseline(
    findings: list[Finding], path: Path, known: Counter[str] | None = None
) -> tuple[list[Finding], int]:
    """Findings not in the baseline at `path` (`known`: its loaded fingerprints), and how
    many it hid."""
    known = Counter(known) if known is not None else load_baseline(path)
    kept: list[Finding] = []
    for fp, finding in fingerprints(findings, _base(path)):
        if known[fp] > 0:
            known[fp] -= 1
        else:
            kept.append(finding)
    return kept, len(findings) - len(kept)
