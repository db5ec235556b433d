"""Reporters: pure functions from findings (and a summary) to text in one output format."""

from __future__ import annotations

from collections.abc import Callable

from factlint.reporters.base import Report, RuleMeta
from factlint.reporters.github import render_github
from factlint.reporters.gitlab import render_gitlab
from factlint.reporters.html import render_html
from factlint.reporters.json import render_json
from factlint.reporters.jsonlines import render_json_lines
from factlint.reporters.junit import render_junit
from factlint.reporters.rdjson import render_rdjson
from factlint.reporters.sarif import render_sarif
from factlint.reporters.text import render_text

Renderer = Callable[[Report], str]

REPORTERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
    "json-lines": render_json_lines,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
    "rdjson": render_rdjson,
    "junit": render_junit,
}

__all__ = ["REPORTERS", "Renderer", "Report", "RuleMeta"]
