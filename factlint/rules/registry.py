"""Rule kinds registered by name: the built-in ones and those other packages ship.

A third-party package adds a kind through the `factlint.rule_kinds` entry-point group:

    [project.entry-points."factlint.rule_kinds"]
    house_style = "my_package.kinds:HouseStyle"
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from factlint.rules.base import RuleKind

ENTRY_POINT_GROUP = "factlint.rule_kinds"

_KINDS: dict[str, type[RuleKind[Any]]] = {}
_loaded = False

K = TypeVar("K", bound="type[RuleKind[Any]]")


def register(name: str) -> Callable[[K], K]:
    """Class decorator: make a rule kind available to rule files as `kind: <name>`."""

    def decorate(cls: K) -> K:
        cls.kind_name = name
        _KINDS[name] = cls
        return cls

    return decorate


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import factlint.rules.kinds as builtin

    for module in pkgutil.iter_modules(builtin.__path__):
        importlib.import_module(f"{builtin.__name__}.{module.name}")
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if entry.name not in _KINDS:
            cls = entry.load()
            cls.kind_name = entry.name
            _KINDS[entry.name] = cls


def kinds() -> dict[str, type[RuleKind[Any]]]:
    _load_all()
    return dict(sorted(_KINDS.items()))


def get_kind(name: str) -> type[RuleKind[Any]] | None:
    _load_all()
    return _KINDS.get(name)
