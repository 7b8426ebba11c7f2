"""What a rule is: metadata as class attributes, documentation as the docstring.

A rule reads the :class:`~govlint.model.Report` and yields :class:`Hit` objects — a span of
the normalized text plus a message key and arguments. The engine turns hits into located,
translated :class:`~govlint.findings.Finding` objects, so no rule does position arithmetic.

The docstring is the user documentation (``govlint explain ID`` prints it) and has four
parts, ``## What it checks``, ``## Why``, ``## Bad example`` and ``## Good example``; the two
examples are fenced ``text`` blocks that the test suite runs through the rule.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from govlint.findings import LineIndex, Severity, Span

if TYPE_CHECKING:
    from govlint.model import Report

ALL_REGIMES = frozenset({"FF", "T19", "T21"})
Text = str | tuple[str, str]
"""A message argument: the same in both languages, or ``(zh, en)``."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding as a rule sees it.

    ``span`` is in normalized-text coordinates, or in source coordinates when
    ``in_source`` is set (for text the normalizer removed, such as pinyin annotations);
    ``None`` makes a file-level finding.
    """

    span: Span | None
    key: str = "default"
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    in_source: bool = False


def per_line(lines: LineIndex, spans: Iterable[Span]) -> Iterator[tuple[Span, int]]:
    """For spans in text order: the first span on each line of ``lines`` and how many spans
    that line has. Debris rules report once per line, not once per character."""
    first: Span | None = None
    count = 0
    current = 0
    for span in spans:
        line = lines.position(span.start)[0]
        if first is not None and line != current:
            yield first, count
            first, count = None, 0
        if first is None:
            first = span
        current = line
        count += 1
    if first is not None:
        yield first, count


def missing_topics(
    text: str,
    topics: Iterable[tuple[str, str, re.Pattern[str]]],
    start: int = 0,
    end: int | None = None,
) -> dict[str, str] | None:
    """Of ``(zh, en, pattern)`` topics, those ``text[start:end]`` never mentions, as message
    arguments ``missing`` (zh, joined with 、) and ``missing_en``; None when all are there."""
    end = len(text) if end is None else end
    missing = [(zh, en) for zh, en, pattern in topics if not pattern.search(text, start, end)]
    if not missing:
        return None
    return {
        "missing": "、".join(zh for zh, _ in missing),
        "missing_en": ", ".join(en for _, en in missing),
    }


def quote(text: str, limit: int) -> str:
    """``text`` for a message, cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


class Rule:
    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    applies: ClassVar[frozenset[str]] = ALL_REGIMES
    """Regimes the rule applies to; reports whose regime is unknown are skipped by rules
    that don't apply to all three."""
    default_enabled: ClassVar[bool] = True
    summary: ClassVar[dict[str, str]]
    """One line, ``{"zh": ..., "en": ...}``."""
    messages: ClassVar[dict[str, tuple[str, str]]]
    """Message templates by key: ``(zh, en)``, ``str.format`` fields from :attr:`Hit.args`."""

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.options = dict(options or {})

    def check(self, report: Report) -> Iterable[Hit]:
        raise NotImplementedError

    # -- documentation -------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The fenced examples of the docs: ``{"bad": ..., "good": ...}``."""
        found: dict[str, str] = {}
        pattern = r"^## (Bad|Good) example\s*\n+```text\n(.*?)\n```"
        for m in re.finditer(pattern, cls.documentation(), re.S | re.M):
            found[m.group(1).lower()] = m.group(2) + "\n"
        return found

    @classmethod
    def format(cls, key: str, args: Mapping[str, Any], lang: str) -> str:
        zh, en = cls.messages[key]
        index = 0 if lang == "zh" else 1
        values = {k: (v[index] if isinstance(v, tuple) else v) for k, v in args.items()}
        return (zh if lang == "zh" else en).format(**values)


class Diagnostic(Rule):
    """A finding about the run (GL0xx), raised by the engine rather than by a check."""

    def check(self, report: Report) -> Iterable[Hit]:
        return ()
