"""factlint: a fact-check and consistency linter for sets of articles about the same story."""

__version__ = "0.1.0"
