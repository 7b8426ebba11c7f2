"""The plugin manager and the registry of rules, sum groups and readers it yields.

Entry points of the group ``govlint`` are loaded one by one; a plugin that fails to import,
or whose hook raises or returns something that is not a rule, becomes a GL003 finding and
the run goes on without it. Plugins are only ever loaded from installed entry points,
never from the directory being checked.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any

import pluggy

from govlint import hookspecs
from govlint.findings import describe_exception

_RULE_ID = re.compile(r"^[A-Z]{2,5}\d{3,4}$")


@dataclass
class PluginInfo:
    name: str
    version: str
    rules: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PluginError:
    plugin: str
    error: str


@dataclass
class Registry:
    rules: dict[str, type] = field(default_factory=dict)
    plugins: list[PluginInfo] = field(default_factory=list)
    errors: list[PluginError] = field(default_factory=list)
    sum_groups: list[dict[str, Any]] = field(default_factory=list)
    readers: dict[str, Any] = field(default_factory=dict)


def plugin_manager(load_entry_points: bool = True, plugins: tuple[Any, ...] = ()):
    """A manager with the built-in plugin, ``plugins`` and (optionally) the entry points.

    Returns ``(manager, versions, errors)``.
    """
    from govlint import __version__, rules

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(rules, name="govlint")
    versions = {"govlint": __version__}
    errors: list[PluginError] = []
    for plugin in plugins:
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        pm.register(plugin, name=name)
        versions[name] = getattr(plugin, "__version__", "")
    if load_entry_points and _may_declare(hookspecs.ENTRY_POINT_GROUP):
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group=hookspecs.ENTRY_POINT_GROUP), key=lambda e: e.name):
            if pm.has_plugin(ep.name):
                continue
            try:
                pm.register(ep.load(), name=ep.name)
            except Exception as exc:  # any failure of a third-party import
                errors.append(PluginError(ep.name, describe_exception(exc)))
                continue
            dist = getattr(ep, "dist", None)
            versions[ep.name] = dist.version if dist is not None else ""
    return pm, versions, errors


def _may_declare(group: str) -> bool:
    """Whether an installed distribution may declare entry points of ``group``.

    importlib.metadata costs ~45 ms to import (email, zipfile, csv…), a third of a
    pre-commit run's start-up, and usually finds no plugin. A look at the
    ``entry_points.txt`` files of the ``*.dist-info``/``*.egg-info`` folders on ``sys.path``
    decides first; anything else on the path (a zip) leaves it to importlib.metadata.
    """
    header = f"[{group}]"
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                names = [e.name for e in listing if e.name.endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:
            return True  # a zip or an egg: importlib.metadata knows how to look inside
        except OSError:
            continue
        for name in names:
            try:
                with open(os.path.join(entry or ".", name, "entry_points.txt"), "rb") as fh:
                    if header.encode() in fh.read():
                        return True
            except OSError:
                continue
    return False


def build_registry(load_entry_points: bool = True, plugins: tuple[Any, ...] = ()) -> Registry:
    from govlint.rules.base import Rule
    from govlint.rules.diagnostics import DIAGNOSTICS
    from govlint.sources import builtin_readers

    pm, versions, errors = plugin_manager(load_entry_points, plugins)
    registry = Registry(errors=errors, readers=builtin_readers())
    infos = {name: PluginInfo(name, version) for name, version in versions.items()}
    # Diagnostics belong to the engine: they exist even when every plugin fails.
    registry.rules.update({cls.id: cls for cls in DIAGNOSTICS})
    infos["govlint"].rules.extend(cls.id for cls in DIAGNOSTICS)
    failed: set[str] = {e.plugin for e in errors}

    for impl in pm.hook.govlint_rules.get_hookimpls():  # registration order: built-in first
        name = impl.plugin_name
        try:
            classes = list(impl.function() or ())
            bad = [c for c in classes if not _valid_rule(c, Rule)]
            if bad:
                raise TypeError(f"not a govlint rule: {bad[0]!r}")
            clash = [c.id for c in classes if c.id in registry.rules]
            if clash:
                raise ValueError(f"rule id {clash[0]} is already registered")
        except Exception as exc:
            errors.append(PluginError(name, describe_exception(exc)))
            failed.add(name)
            continue
        for cls in classes:
            registry.rules[cls.id] = cls
            infos.setdefault(name, PluginInfo(name, "")).rules.append(cls.id)

    for hook, sink in (
        (pm.hook.govlint_sum_groups, registry.sum_groups.extend),
        (pm.hook.govlint_sources, registry.readers.update),
    ):
        for impl in hook.get_hookimpls():
            try:
                result = impl.function()
                if result:
                    sink(result)
            except Exception as exc:
                errors.append(PluginError(impl.plugin_name, describe_exception(exc)))
                failed.add(impl.plugin_name)

    registry.rules = dict(sorted(registry.rules.items()))
    registry.plugins = [infos[n] for n in sorted(infos, key=lambda n: (n != "govlint", n))]
    for info in registry.plugins:
        info.rules.sort()
    return registry


def _valid_rule(cls: object, base: type) -> bool:
    if not (isinstance(cls, type) and issubclass(cls, base)):
        return False
    rule_id = getattr(cls, "id", "")
    return bool(
        isinstance(rule_id, str)
        and _RULE_ID.match(rule_id)
        and getattr(cls, "name", None)
        and getattr(cls, "messages", None)
        and getattr(cls, "summary", None)
    )
