"""Configuration: ``[tool.govlint]`` in pyproject.toml, or ``govlint.toml`` / ``.govlint.toml``.

The file nearest to a checked file wins (in one directory: ``.govlint.toml``, then
``govlint.toml``, then ``pyproject.toml`` with a ``[tool.govlint]`` table); the command line
beats any file. Unknown keys and bad values raise :class:`ConfigError`, naming the file and
the key — the CLI turns it into exit code 2.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from govlint.findings import Severity
from govlint.model.facts import REGIMES, parse_issuer_type
from govlint.sources import DEFAULT_LIMITS, Limits

CONFIG_FILES = (".govlint.toml", "govlint.toml", "pyproject.toml")
LANGS = ("zh", "en")
FAIL_ON = ("error", "warning", "info", "never")
_SELECTOR = re.compile(r"^(ALL|[A-Z]{1,5}\d{0,4})$")


class ConfigError(Exception):
    def __init__(self, path: Path | str, key: str, reason: str) -> None:
        super().__init__(f"{path}: {key}: {reason}" if key else f"{path}: {reason}")
        self.path = str(path)
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class FileOverride:
    pattern: str
    year: int | None = None
    issuer: str | None = None
    issuer_type: str | None = None
    regime: str | None = None
    published_on: date | None = None


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    fail_on: str | None = None
    overrides: tuple[FileOverride, ...] = ()
    legacy_partitions: tuple[Mapping[str, Any], ...] = ()
    blank_as_zero: bool = False
    """Count blank cells of the template tables as 0 in the identities (GL203 still reports
    them)."""
    deadlines: Mapping[str, str] = field(default_factory=dict)
    """Publication deadline (``MM-DD`` of the next year) per issuer type, for GL405."""
    similarity: tuple[float, float] = (0.5, 0.9)
    """GL505: narrative similarity above which a copy is a warning, and an error."""
    limits: Limits = DEFAULT_LIMITS
    """Sizes beyond which a file is refused (GL001)."""

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def relative(self, file: Path) -> str:
        try:
            return file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return file.as_posix()

    def ignored_for(self, file: Path) -> set[str]:
        if not self.per_file_ignores:
            return set()
        rel = self.relative(file)
        out: set[str] = set()
        for pattern, ids in self.per_file_ignores:
            if glob_match(rel, pattern):
                out.update(ids)
        return out

    def override_for(self, file: Path) -> FileOverride | None:
        if not self.overrides:
            return None
        rel = self.relative(file)
        found = None
        for override in self.overrides:  # the last matching one wins, like CSS
            if glob_match(rel, override.pattern):
                found = override if found is None else _merge(found, override)
        return found


def _merge(a: FileOverride, b: FileOverride) -> FileOverride:
    return FileOverride(
        pattern=b.pattern,
        year=b.year if b.year is not None else a.year,
        issuer=b.issuer if b.issuer is not None else a.issuer,
        issuer_type=b.issuer_type if b.issuer_type is not None else a.issuer_type,
        regime=b.regime if b.regime is not None else a.regime,
        published_on=b.published_on if b.published_on is not None else a.published_on,
    )


def glob_match(relative_path: str, pattern: str) -> bool:
    """``fnmatch`` on the relative path; a pattern without ``/`` also matches the file name."""
    if fnmatch.fnmatchcase(relative_path, pattern):
        return True
    if "/" not in pattern:
        return fnmatch.fnmatchcase(PurePosixPath(relative_path).name, pattern)
    return False


# --- discovery ------------------------------------------------------------------------------
_cache: dict[Path, Config] = {}


def find_config(directory: Path, known_rules: Iterable[str]) -> Config:
    """The nearest config at or above ``directory`` (an empty Config when there is none)."""
    directory = directory.resolve()
    chain: list[Path] = []
    found: Config | None = None
    for folder in (directory, *directory.parents):
        if folder in _cache:
            found = _cache[folder]
            break
        chain.append(folder)
        path = _config_file_in(folder)
        if path is not None:
            found = load_config(path, known_rules)
            break
    found = found or Config()
    for folder in chain:
        _cache[folder] = found
    return found


def clear_cache() -> None:
    _cache.clear()


def _config_file_in(folder: Path) -> Path | None:
    for name in CONFIG_FILES:
        path = folder / name
        if not path.is_file():
            continue
        if name != "pyproject.toml":
            return path
        try:
            with path.open("rb") as fh:
                if "govlint" in tomllib.load(fh).get("tool", {}):
                    return path
        except (OSError, tomllib.TOMLDecodeError):
            continue  # somebody else's broken pyproject without our table is not ours
    return None


def load_config(path: Path, known_rules: Iterable[str]) -> Config:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read: {exc.strerror}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("govlint", {})
        prefix = "tool.govlint."
    else:
        table = data
        prefix = ""
    return parse_config(table, path, prefix, set(known_rules))


def parse_config(table: Mapping[str, Any], path: Path, prefix: str, known: set[str]) -> Config:
    parser = _Parser(path, prefix, known)
    return parser.parse(table)


class _Parser:
    KEYS = (
        "select",
        "extend-select",
        "ignore",
        "per-file-ignores",
        "severity",
        "lang",
        "fail-on",
        "per-file-overrides",
        "legacy-partitions",
        "blank-as-zero",
        "deadlines",
        "similarity-warning",
        "similarity-error",
        "max-file-mb",
        "max-unpacked-mb",
        "max-pdf-pages",
    )

    def __init__(self, path: Path, prefix: str, known: set[str]) -> None:
        self.path = path
        self.prefix = prefix
        self.known = known

    def fail(self, key: str, reason: str) -> ConfigError:
        return ConfigError(self.path, self.prefix + key, reason)

    def parse(self, table: Mapping[str, Any]) -> Config:
        if not isinstance(table, Mapping):
            raise self.fail("", "must be a table")
        for key in table:
            if key not in self.KEYS:
                raise self.fail(key, f"unknown key (known: {', '.join(self.KEYS)})")
        return Config(
            path=self.path,
            select=self.selectors(table, "select") if "select" in table else None,
            extend_select=self.selectors(table, "extend-select"),
            ignore=self.selectors(table, "ignore"),
            per_file_ignores=self.per_file_ignores(table.get("per-file-ignores", {})),
            severity=self.severity(table.get("severity", {})),
            lang=self.choice(table, "lang", LANGS),
            fail_on=self.choice(table, "fail-on", FAIL_ON),
            overrides=self.overrides(table.get("per-file-overrides", {})),
            legacy_partitions=self.partitions(table.get("legacy-partitions", [])),
            blank_as_zero=self.boolean(table, "blank-as-zero"),
            deadlines=self.deadlines(table.get("deadlines", {})),
            similarity=self.similarity(table),
            limits=self.limits(table),
        )

    def limits(self, table: Mapping[str, Any]) -> Limits:
        default = DEFAULT_LIMITS
        values = {}
        for key, field_name, scale in (
            ("max-file-mb", "file_bytes", 1024 * 1024),
            ("max-unpacked-mb", "unpacked_bytes", 1024 * 1024),
            ("max-pdf-pages", "pdf_pages", 1),
        ):
            if key not in table:
                values[field_name] = getattr(default, field_name)
                continue
            value = table[key]
            integral = scale == 1
            kinds = int if integral else int | float
            if isinstance(value, bool) or not isinstance(value, kinds) or value <= 0:
                kind = "a positive whole number" if integral else "a positive number"
                raise self.fail(key, f"must be {kind} (got {value!r})")
            values[field_name] = int(value * scale)
        return Limits(**values)

    def similarity(self, table: Mapping[str, Any]) -> tuple[float, float]:
        values = []
        for key, default in (("similarity-warning", 0.5), ("similarity-error", 0.9)):
            value = table.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
                raise self.fail(key, f"must be a number between 0 and 1 (got {value!r})")
            values.append(float(value))
        if values[0] > values[1]:
            raise self.fail("similarity-warning", "must not be above similarity-error")
        return values[0], values[1]

    def deadlines(self, value: Any) -> dict[str, str]:
        if not isinstance(value, Mapping):
            raise self.fail("deadlines", 'must be a table of issuer-type = "MM-DD"')
        out: dict[str, str] = {}
        for kind, when in value.items():
            where = f"deadlines.{kind}"
            try:
                key = parse_issuer_type(str(kind))
            except ValueError as exc:
                raise self.fail(where, str(exc)) from None
            if not isinstance(when, str) or not re.fullmatch(
                r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", when
            ):
                raise self.fail(where, f'must be "MM-DD" of the following year (got {when!r})')
            out[key] = when
        return out

    def boolean(self, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, f"must be true or false (got {value!r})")
        return value

    def selectors(self, table: Mapping[str, Any], key: str, value: Any = None) -> tuple[str, ...]:
        value = table.get(key, []) if value is None else value
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, 'must be a list of rule ids or prefixes, e.g. ["GL4", "GL601"]')
        for selector in value:
            check_selector(selector, self.known, lambda reason, k=key: self.fail(k, reason))
        return tuple(value)

    def choice(self, table: Mapping[str, Any], key: str, choices: tuple[str, ...]) -> str | None:
        if key not in table:
            return None
        value = table[key]
        if value not in choices:
            raise self.fail(key, f"must be one of {', '.join(choices)} (got {value!r})")
        return value

    def per_file_ignores(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        key = "per-file-ignores"
        if not isinstance(value, Mapping):
            raise self.fail(key, 'must be a table of glob = ["GL401", …]')
        out = []
        for pattern, ids in value.items():
            check_glob(pattern, lambda reason, p=pattern: self.fail(f"{key}.{p}", reason))
            out.append((pattern, self.selectors({}, f"{key}.{pattern}", ids)))
        return tuple(out)

    def severity(self, value: Any) -> dict[str, Severity]:
        if not isinstance(value, Mapping):
            raise self.fail("severity", 'must be a table of rule id = "error"|"warning"|"info"')
        out = {}
        for rule, level in value.items():
            key = f"severity.{rule}"
            if rule not in self.known:
                raise self.fail(key, f"unknown rule id {rule!r}")
            try:
                out[rule] = Severity.parse(level) if isinstance(level, str) else None
            except ValueError:
                out[rule] = None
            if out[rule] is None:
                raise self.fail(key, f"must be error, warning or info (got {level!r})")
        return out

    def overrides(self, value: Any) -> tuple[FileOverride, ...]:
        key = "per-file-overrides"
        if not isinstance(value, Mapping):
            raise self.fail(key, 'must be a table of glob = { year = 2019, issuer-type = "部门" }')
        out = []
        for pattern, fields in value.items():
            where = f"{key}.{pattern}"
            check_glob(pattern, lambda reason, w=where: self.fail(w, reason))
            if not isinstance(fields, Mapping):
                raise self.fail(
                    where, "must be a table with year, issuer, issuer-type, regime or published-on"
                )
            allowed = ("year", "issuer", "issuer-type", "regime", "published-on")
            for name in fields:
                if name not in allowed:
                    raise self.fail(f"{where}.{name}", f"unknown key (known: {', '.join(allowed)})")
            year = fields.get("year")
            if year is not None and (type(year) is not int or not 1990 <= year <= 2100):
                raise self.fail(f"{where}.year", f"must be a four-digit year (got {year!r})")
            issuer = fields.get("issuer")
            if issuer is not None and not isinstance(issuer, str):
                raise self.fail(f"{where}.issuer", "must be a string")
            issuer_type = fields.get("issuer-type")
            if issuer_type is not None:
                try:
                    issuer_type = parse_issuer_type(str(issuer_type))
                except ValueError as exc:
                    raise self.fail(f"{where}.issuer-type", str(exc)) from None
            regime = fields.get("regime")
            if regime is not None and regime not in REGIMES:
                raise self.fail(f"{where}.regime", f"must be one of {', '.join(REGIMES)}")
            published = fields.get("published-on")
            if published is not None and (
                not isinstance(published, date) or isinstance(published, datetime)
            ):
                raise self.fail(
                    f"{where}.published-on",
                    f"must be a TOML date such as 2024-03-15 (got {published!r})",
                )
            out.append(FileOverride(pattern, year, issuer, issuer_type, regime, published))
        return tuple(out)

    def partitions(self, value: Any) -> tuple[Mapping[str, Any], ...]:
        key = "legacy-partitions"
        if not isinstance(value, list):
            raise self.fail(key, "must be an array of tables ([[…legacy-partitions]])")
        for index, part in enumerate(value):
            where = f"{key}[{index}]"
            if not isinstance(part, Mapping) or not isinstance(part.get("name"), str):
                raise self.fail(where, "needs a name, parent = [regex…] and children")
            patterns = list(part.get("parent") or [])
            children = part.get("children")
            if not patterns or not isinstance(children, list) or len(children) < 2:
                raise self.fail(where, "needs parent = [regex…] and at least two children")
            for child in children:
                if not isinstance(child, Mapping) or not child.get("match"):
                    raise self.fail(f"{where}.children", "each child needs name and match")
                patterns.extend(child["match"])
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise self.fail(where, f"bad regular expression {pattern!r}: {exc}") from None
        return tuple(value)


def check_selector(selector: str, known: set[str], fail) -> None:
    if not _SELECTOR.match(selector):
        raise fail(f"{selector!r} is not a rule id or prefix (e.g. GL401, GL4, ALL)")
    if selector != "ALL" and not any(rule.startswith(selector) for rule in known):
        raise fail(f"unknown rule id or prefix {selector!r}")


def check_glob(pattern: str, fail) -> None:
    if not pattern or pattern.count("[") != pattern.count("]"):
        raise fail(f"bad glob {pattern!r}")
    if "(?!)" in fnmatch.translate(pattern):  # fnmatch's form of a range like [z-a]
        raise fail(f"bad glob {pattern!r}: a character range that matches nothing")
