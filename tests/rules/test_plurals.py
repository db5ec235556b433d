"""Count messages put the noun in agreement with each figure, and loading the pluraliser
leaves typeguard (which inflect imports) as it found it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import typeguard
before = typeguard.typechecked
from factlint.rules.linking import counted
print(counted("14", "casualty"), counted("1", "agreement"), counted("3", "foot"), sep="|")
print(typeguard.typechecked is before)
"""


def test_plurals_in_a_fresh_interpreter_and_typeguard_restored() -> None:
    # A fresh interpreter: inflect must be imported for the first time by `counted`.
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
    )
    plurals, restored = run.stdout.splitlines()
    assert plurals == "14 casualties|1 agreement|3 feet"
    assert restored == "True"
