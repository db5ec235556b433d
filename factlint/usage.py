"""Usage errors as one line, like every other error: `factlint: error: --fail-on: ...`.

Click (under Typer) reports a bad option as a boxed panel or a usage block over several lines;
a CI log or an editor's problem matcher wants the one line factlint prints for everything else.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer

# Typer 0.22+ carries its own copy of click; older ones use click itself. Its exceptions are
# wherever `typer.BadParameter` comes from.
_errors: Any = importlib.import_module(typer.BadParameter.__module__)
UsageError = _errors.UsageError
BadParameter = _errors.BadParameter
MissingParameter = _errors.MissingParameter
NoSuchOption = _errors.NoSuchOption
ClickException = _errors.ClickException
# click < 8.2 prints help itself and exits 0 for `no_args_is_help`.
NoArgsIsHelpError = getattr(_errors, "NoArgsIsHelpError", ())

EXIT_USAGE = 2


def _hint(error: Any) -> str | None:
    param = error.param
    if param is None:
        return error.param_hint if isinstance(error.param_hint, str) else None
    if param.param_type_name == "option":
        return str(max(param.opts, key=len))
    return (getattr(param, "metavar", None) or param.name or "").upper() or None


def usage_message(error: Any) -> str:
    """The one-line message of a usage error, without click's "Usage:" block."""
    if isinstance(error, MissingParameter):
        hint = _hint(error)
        kind = error.param.param_type_name if error.param is not None else "argument"
        return f"missing {kind}{f' {hint}' if hint else ''}"
    if isinstance(error, NoSuchOption):
        message = f"no such option: {error.option_name}"
        if error.possibilities:
            message += f" (did you mean {', '.join(sorted(error.possibilities))}?)"
        return message
    if isinstance(error, BadParameter):
        hint = _hint(error)
        text = " ".join(error.message.split()).rstrip(".").removeprefix("Value error, ")
        return f"{hint}: {text}" if hint else text
    text = " ".join(error.format_message().split()).rstrip(".")
    return text[:1].lower() + text[1:]


def run(command: Any) -> int:
    """Run the command line; a usage error is one line on stderr and status 2."""
    try:
        code = command.main(standalone_mode=False)
    except NoArgsIsHelpError as error:
        typer.echo(error.ctx.get_help() if error.ctx else "", err=True)
        return EXIT_USAGE
    except UsageError as error:
        typer.echo(f"factlint: error: {usage_message(error)}", err=True)
        return EXIT_USAGE
    except ClickException as error:
        typer.echo(f"factlint: error: {' '.join(error.format_message().split())}", err=True)
        return int(error.exit_code)
    except typer.Abort:
        raise KeyboardInterrupt from None
    return code if isinstance(code, int) else 0
