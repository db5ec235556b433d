"""Regression snapshot of the findings on seeds/: review the diff whenever a rule changes.

Regenerate after an intended change with
`pytest tests/test_seeds_snapshot.py --snapshot-update` and review the JSON diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension
from typer.testing import CliRunner

from factlint.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.model
def test_findings_on_seeds_match_the_snapshot(
    snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Relative paths in the findings, so the snapshot does not depend on the checkout's place.
    monkeypatch.chdir(ROOT)
    # An empty fact cache: the snapshot must come from the NLP pass as it is now.
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["check", "seeds", "--format", "json"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    # The version changes on every release and says nothing about the rules.
    report.pop("version")
    assert report == snapshot.use_extension(JSONSnapshotExtension)
