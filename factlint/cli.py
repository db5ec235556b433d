"""The command line: `factlint check|facts|rules|explain`."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from factlint import __version__
from factlint.errors import FactlintError
from factlint.findings.model import Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="factlint: flag dates, counts and names that disagree across a set of articles.",
    pretty_exceptions_enable=False,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FactsFormat(str, Enum):
    json = "json"
    text = "text"


def fail(error: FactlintError | str) -> NoReturn:
    typer.echo(f"factlint: error: {error}", err=True)
    raise typer.Exit(EXIT_ERROR)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--reference-date: '{value}' is not a date in the form YYYY-MM-DD")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    pass


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to lint; '-' reads stdin.")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text, json.")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to FILE (atomically).")
    ] = None,
    rules_dirs: Annotated[
        list[Path] | None, typer.Option("--rules", help="Extra rule folder (repeatable).")
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date", help="Publication date (YYYY-MM-DD) for documents without one."
        ),
    ] = None,
    fail_on: Annotated[
        Severity, typer.Option("--fail-on", help="Lowest severity that makes the exit status 1.")
    ] = Severity.info,
    ignore_errors: Annotated[
        bool,
        typer.Option(
            "--ignore-errors",
            help="Unreadable inputs are still reported, but the exit status follows the findings.",
        ),
    ] = False,
) -> None:
    """Lint documents and report the facts that disagree."""
    from factlint.io import atomic_write
    from factlint.pipeline import lint
    from factlint.reporters import REPORTERS, Report
    from factlint.rules.loader import load_rules

    if output_format not in REPORTERS:
        fail(f"--format: unknown format '{output_format}' (known: {', '.join(REPORTERS)})")
    anchor = parse_date(reference_date)
    try:
        rules = load_rules(list(rules_dirs or []))
        result = lint(paths, rules, anchor)
    except FactlintError as error:
        fail(error)
    for error in result.errors:
        typer.echo(f"factlint: error: {error}", err=True)
    report = Report(
        findings=result.findings,
        documents=len(result.facts.documents),
        errors=[str(e) for e in result.errors],
        paths=[d.path for d in result.facts.documents],
        facts=result.facts,
        color=output is None and output_format == "text" and sys.stdout.isatty(),
    )
    rendered = REPORTERS[output_format](report)
    if output is not None:
        try:
            atomic_write(output, rendered)
        except OSError as exc:
            fail(f"{output}: cannot write report: {exc.strerror}")
    else:
        sys.stdout.write(rendered)
    if result.errors and not ignore_errors:
        raise typer.Exit(EXIT_ERROR)
    failing = [f for f in result.findings if f.severity.rank >= fail_on.rank]
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Files or folders; '-' reads stdin.")],
    output_format: Annotated[FactsFormat, typer.Option("--format", "-f")] = FactsFormat.text,
    reference_date: Annotated[str | None, typer.Option("--reference-date")] = None,
) -> None:
    """Print what the NLP pass pulled out: publication dates, dates, entities."""
    from factlint.pipeline import collect_facts
    from factlint.reporters.facts import render_facts_json, render_facts_text

    errors: list[FactlintError] = []
    try:
        fact_set = collect_facts(paths, parse_date(reference_date), errors)  # type: ignore[arg-type]
    except FactlintError as error:
        fail(error)
    for error in errors:
        typer.echo(f"factlint: error: {error}", err=True)
    render = render_facts_json if output_format is FactsFormat.json else render_facts_text
    sys.stdout.write(render(fact_set))
    raise typer.Exit(EXIT_ERROR if errors else EXIT_CLEAN)


@app.command("rules")
def list_rules(
    rules_dirs: Annotated[list[Path] | None, typer.Option("--rules")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the rules: code, name, kind, severity."""
    from factlint.rules.loader import load_rules

    try:
        rules = load_rules(list(rules_dirs or []))
    except FactlintError as error:
        fail(error)
    if as_json:
        rows = [
            {
                "code": r.spec.code,
                "name": r.spec.name,
                "kind": r.spec.kind,
                "severity": r.spec.severity.value,
                "path": str(r.path),
            }
            for r in rules
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    width = max((len(r.spec.name) for r in rules), default=4)
    kind_width = max((len(r.spec.kind) for r in rules), default=4)
    for r in rules:
        typer.echo(
            f"{r.spec.code}  {r.spec.name:<{width}}  {r.spec.kind:<{kind_width}}  {r.spec.severity.value}"
        )


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. FL301.")],
    rules_dirs: Annotated[list[Path] | None, typer.Option("--rules")] = None,
) -> None:
    """Print a rule's documentation."""
    from factlint.rules.loader import load_rules

    try:
        rules = load_rules(list(rules_dirs or []))
    except FactlintError as error:
        fail(error)
    match = next((r for r in rules if r.spec.code == code.upper()), None)
    if match is None:
        fail(f"unknown rule code '{code}'; `factlint rules` lists them")
    spec = match.spec
    typer.echo(f"{spec.code} {spec.name} ({spec.severity.value}, kind: {spec.kind})\n")
    typer.echo(spec.description.strip() or "(no description)")
    doc = (type(match.kind).__doc__ or "").strip()
    if doc:
        typer.echo(f"\nKind '{spec.kind}':\n{doc}")
    typer.echo(f"\nRule file: {match.path}")


def main() -> None:
    try:
        app()
    except FactlintError as error:  # errors raised outside a command's own handling
        typer.echo(f"factlint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        typer.echo("factlint: interrupted", err=True)
        sys.exit(130)
