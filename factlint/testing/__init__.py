"""Testing helpers for rules and their cases (being built)."""
