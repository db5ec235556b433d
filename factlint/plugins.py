"""Named plug-ins: factlint's own, and those other packages declare in an entry-point group.

Input loaders (by file suffix), reporters (by format name) and executors (by name) are each a
`Registry`. A built-in is given as "module:attribute" and imported only when first asked for,
so `factlint --help` does not import every reporter. Another package adds one with an entry
point, e.g. an output format:

    [project.entry-points."factlint.reporters"]
    checkstyle = "my_package.report:render_checkstyle"

A built-in name wins over an entry point of the same name.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Generic, TypeVar, cast

from factlint.errors import ConfigError

T = TypeVar("T")


def _import(target: str) -> Any:
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)


class Registry(Mapping[str, T], Generic[T]):
    """Name -> plug-in, in order: built-ins as listed, then entry points by name."""

    def __init__(self, group: str, builtins: Mapping[str, str], what: str) -> None:
        self.group = group
        self.what = what
        self._targets: dict[str, str | EntryPoint] = dict(builtins)
        self._loaded: dict[str, T] = {}
        self._scanned = False

    def _scan(self) -> dict[str, str | EntryPoint]:
        if not self._scanned:
            self._scanned = True
            for entry in sorted(entry_points(group=self.group), key=lambda e: e.name):
                self._targets.setdefault(entry.name, entry)
        return self._targets

    def add(self, name: str, plugin: T | str) -> None:
        """Register `plugin` (or its "module:attribute") under `name`, replacing any."""
        self._loaded.pop(name, None)
        if isinstance(plugin, str):
            self._targets[name] = plugin
        else:
            self._targets[name] = f"<{name}>"
            self._loaded[name] = plugin

    def __getitem__(self, name: str) -> T:
        if name not in self._loaded:
            target = self._scan()[name]  # KeyError for an unknown name, as a Mapping
            plugin = target.load() if isinstance(target, EntryPoint) else _import(target)
            self._loaded[name] = cast(T, plugin)
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._scan())

    def __len__(self) -> int:
        return len(self._scan())

    def __contains__(self, name: object) -> bool:
        return name in self._scan()

    def require(self, name: str, option: str | None = None) -> T:
        """The plug-in named `name`, or a ConfigError listing the known ones."""
        if name not in self:
            known = ", ".join(self)
            raise ConfigError(f"unknown {self.what} '{name}' (known: {known})", option)
        return self[name]
