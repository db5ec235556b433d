"""`--baseline FILE` / `--write-baseline FILE`: adopt factlint on a corpus with known findings.

The baseline records today's findings by fingerprint (see `fingerprint.py`); later runs report
only findings whose fingerprint it does not hold. Paths are stored relative to the baseline
file's folder, so the file works from any working directory.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factlint import __version__
from factlint.errors import ConfigError
from factlint.findings.fingerprint import fingerprints, normalise_path
from factlint.findings.model import Finding
from factlint.io import atomic_write

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


def load_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline file holds (a multiset, should a file be merged by hand)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror}", str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc}", str(path)) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        raise ConfigError(
            f"unsupported baseline version {found!r} (expected {BASELINE_VERSION}); "
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
