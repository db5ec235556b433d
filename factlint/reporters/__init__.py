"""Reporters: pure functions from findings (and a summary) to text in one output format,
registered by format name. Another package adds a format through the `factlint.reporters`
entry-point group (a function `Report -> str`):

    [project.entry-points."factlint.reporters"]
    checkstyle = "my_package.report:render_checkstyle"

`--statistics` renderers are a second registry, `factlint.statistics_reporters`.
"""

from __future__ import annotations

from collections.abc import Callable

from factlint.plugins import Registry
from factlint.reporters.base import Report, RuleMeta

Renderer = Callable[[Report], str]

REPORTERS: Registry[Renderer] = Registry(
    "factlint.reporters",
    {
        "text": "factlint.reporters.text:render_text",
        "json": "factlint.reporters.json:render_json",
        "html": "factlint.reporters.html:render_html",
        "json-lines": "factlint.reporters.jsonlines:render_json_lines",
        "sarif": "factlint.reporters.sarif:render_sarif",
        "github": "factlint.reporters.github:render_github",
        "gitlab": "factlint.reporters.gitlab:render_gitlab",
        "rdjson": "factlint.reporters.rdjson:render_rdjson",
        "junit": "factlint.reporters.junit:render_junit",
    },
    "format",
)
STATISTICS_REPORTERS: Registry[Renderer] = Registry(
    "factlint.statistics_reporters",
    {
        "text": "factlint.reporters.statistics:render_statistics_text",
        "json": "factlint.reporters.statistics:render_statistics_json",
    },
    "format",
)


def render(output_format: str, report: Report, statistics: bool = False) -> str:
    """The report in `output_format` (with `statistics`: the finding counts per rule)."""
    registry = STATISTICS_REPORTERS if statistics else REPORTERS
    return registry.require(output_format, "--format")(report)


__all__ = ["REPORTERS", "STATISTICS_REPORTERS", "Renderer", "Report", "RuleMeta", "render"]
