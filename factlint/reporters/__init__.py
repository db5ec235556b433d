"""Reporters: pure functions from findings (and a summary) to text in one output format."""

from __future__ import annotations

from collections.abc import Callable

from factlint.reporters.base import Report
from factlint.reporters.html import render_html
from factlint.reporters.json import render_json
from factlint.reporters.text import render_text

Renderer = Callable[[Report], str]

REPORTERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}

__all__ = ["REPORTERS", "Renderer", "Report"]
