"""Report-sets stage: compare reports across files once every file has been checked.

Each checked report leaves a *digest* (:func:`digest`): its issuer, report year, and what
each cross-report rule collected from it. Reports are grouped by issuer and year; each
report is compared with the same issuer's report of the year before (``--prior FILE`` pairs
explicitly), and rules that look across a whole batch (GL505's copy from another body) see
every digest at once. Large collected values (GL505's compressed narrative) are spilled to a
temporary file, so a batch of thousands of reports stays small in memory.

The issuer key ignores higher-level place names and 人民政府: 淮安市洪泽区人民政府 and
洪泽区人民政府 are one body; 淮安市财政局 and 洪泽区财政局 are two. ``per-file-overrides``
(``issuer``, ``year``) set both where the text is unclear.
"""

from __future__ import annotations

import pickle
import re
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint.findings import Finding, describe_exception
from govlint.rules.base import CrossHit, CrossRule, Hit, ReportInfo

if TYPE_CHECKING:
    from govlint.engine import Engine, FileResult
    from govlint.model import Report

_GOVERNMENT = re.compile(r"(?:人民)?政府$")
_HIGHER_PLACE = re.compile(r"^.{1,8}?(?:省|自治区|自治州|地区|盟|市|州)")
_PLACE = re.compile(r"市|区|县|旗|镇|乡|街道")
SPILL_ABOVE = 256
"""Collected ``bytes`` longer than this go to the temporary file."""


def issuer_key(name: str) -> str:
    """The body behind an issuer name, for grouping reports of one body across years."""
    key = _GOVERNMENT.sub("", name.strip()) or name.strip()
    while True:
        m = _HIGHER_PLACE.match(key)
        if not m or not _PLACE.search(key, m.end()):
            return key
        key = key[m.end() :]


def digest(report: Report, collected: dict[str, Any]) -> dict[str, Any]:
    issuer = report.issuer.value if report.issuer else None
    return {
        "issuer": issuer_key(issuer) if issuer else None,
        "issuer_name": issuer,
        "year": report.year.value if report.year else None,
        "kind": Path(report.path).suffix.lower(),
        "data": collected,
    }


@dataclass(frozen=True, slots=True)
class _Spilled:
    offset: int
    length: int


class _Spill:
    """Bytes parked in a temporary file until the comparisons need them."""

    def __init__(self) -> None:
        self._file = None
        self._end = 0

    def put(self, data: bytes) -> _Spilled:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="govlint-")  # noqa: SIM115 (closed in finish)
        self._file.seek(self._end)
        self._file.write(data)
        spilled = _Spilled(self._end, len(data))
        self._end += len(data)
        return spilled

    def get(self, spilled: _Spilled) -> bytes:
        self._file.seek(spilled.offset)
        return self._file.read(spilled.length)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


@dataclass(frozen=True, slots=True)
class _Packed:
    data: bytes


def freeze(value: Any) -> bytes:
    """``value`` pickled and compressed: a tenth of the memory of its objects."""
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def thaw(data: bytes) -> Any:
    """The value :func:`freeze` was given."""
    return pickle.loads(zlib.decompress(data))


def _pack(value: Any) -> Any:
    """Plain values as they are; anything built of objects (anchors, tuples of hashes)
    frozen, and thawed when looked up."""
    if value is None or isinstance(value, str | int | float | bytes | _Packed):
        return value
    return _Packed(freeze(value))


def pack_digest(found: dict[str, Any] | None) -> dict[str, Any] | None:
    """A digest with its collected values packed (done by a worker; :meth:`ReportSets.add`
    takes packed values as they are)."""
    if not found:
        return found
    data = {
        rule: {k: _pack(v) for k, v in value.items()} if isinstance(value, dict) else value
        for rule, value in found["data"].items()
    }
    return {**found, "data": data}


class _Parked(Mapping[str, Any]):
    """A rule's collected dict, kept small: large bytes wait in the spill file, objects are
    packed (:func:`_pack`); each value is read back when the rule looks it up, so a batch
    never holds every narrative or anchor at once."""

    def __init__(self, values: dict[str, Any], spill: _Spill) -> None:
        self._values = values
        self._spill = spill

    def __getitem__(self, key: str) -> Any:
        value = self._values[key]
        if isinstance(value, _Spilled):
            return self._spill.get(value)
        if isinstance(value, _Packed):
            return thaw(value.data)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@dataclass
class _Entry:
    index: int | None
    """The report's place in the run (the key of :attr:`ReportSets.added`); None for a
    ``--prior`` report: compared with, not reported on."""
    path: str
    file: Path
    issuer: str | None
    issuer_name: str | None
    year: int | None
    kind: str
    data: dict[str, Any]


class ReportSets:
    """Collects digests while the files are checked; :meth:`finish` adds the findings."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._entries: list[_Entry] = []
        self._priors: list[_Entry] = []
        self._spill = _Spill()
        self._count = 0
        self.added: dict[int, list[Finding]] = {}
        """Findings of the cross-report rules, by the index of the report they are on."""

    def add(self, result: FileResult, prior: bool = False) -> None:
        """Take the digest of the next report of the run (its index counts from 0), or of
        the ``--prior`` report."""
        index = None if prior else self._count
        self._count += not prior
        found = result.digest
        result.digest = None  # the digest lives here now, spilled where large
        if not found:
            return
        data = {rule: self._park(value) for rule, value in found["data"].items()}
        entry = _Entry(
            index,
            result.path,
            Path(result.file or result.path),
            found["issuer"],
            found["issuer_name"],
            found["year"],
            found["kind"],
            data,
        )
        (self._priors if prior else self._entries).append(entry)

    def _park(self, value: Any) -> Any:
        if isinstance(value, dict):
            return _Parked(
                {
                    k: self._spill.put(v)
                    if isinstance(v, bytes) and len(v) > SPILL_ABOVE
                    else _pack(v)
                    for k, v in value.items()
                },
                self._spill,
            )
        return value

    def _info(self, entry: _Entry, rule: str) -> ReportInfo:
        return ReportInfo(entry.path, entry.issuer_name, entry.year, entry.data[rule])

    # -- pairing ---------------------------------------------------------------------------
    def pairs(self) -> Iterable[tuple[_Entry, _Entry]]:
        """``(prior, current)``: the explicit ``--prior`` reports, else the same issuer's
        report of the year before (of the same file type when there are several)."""
        if self._priors:
            for current in self._entries:
                for prior in self._priors:
                    yield prior, current
            return
        by_key: dict[tuple[str, int], list[_Entry]] = {}
        for entry in self._entries:
            if entry.issuer is not None and entry.year is not None:
                by_key.setdefault((entry.issuer, entry.year), []).append(entry)
        for entry in self._entries:
            if entry.issuer is None or entry.year is None:
                continue
            candidates = by_key.get((entry.issuer, entry.year - 1))
            if candidates:
                same_kind = [c for c in candidates if c.kind == entry.kind]
                yield (same_kind or candidates)[0], entry

    def finish(self) -> dict[int, list[Finding]]:
        """Run the cross-report rules; their findings, by report index (also :attr:`added`;
        :class:`~govlint.output.ResultStore` merges them, :func:`merge` into a list)."""
        try:
            for prior, current in self.pairs():
                for rule_id in sorted(current.data.keys() & prior.data.keys()):
                    rule = self._rule(current, rule_id)
                    infos = (self._info(prior, rule_id), self._info(current, rule_id))
                    for hit in self._guarded(current, rule_id, rule.compare, *infos):
                        self._report(current, rule, hit)
            for rule_id in sorted({r for e in self._entries for r in e.data}):
                members = [e for e in self._entries if rule_id in e.data]
                if len(members) < 2:
                    continue
                rule = self._rule(members[0], rule_id)
                infos = [self._info(e, rule_id) for e in members]
                for index, hit in self._guarded(members[0], rule_id, rule.across, infos):
                    self._report(members[index], rule, hit)
        finally:
            self._spill.close()
        return self.added

    def _rule(self, entry: _Entry, rule_id: str) -> CrossRule:
        settings = self.engine.settings_for(entry.file)
        return next(r for r in settings.rules if r.id == rule_id)

    def _guarded(self, entry: _Entry, rule_id: str, call, *args) -> list:
        """A crashing cross-report rule is GL002 on the report it was comparing."""
        try:
            return list(call(*args))
        except Exception as exc:
            crash = Hit(None, args={"rule": rule_id, "error": describe_exception(exc)})
            settings = self.engine.settings_for(entry.file)
            self.added.setdefault(entry.index, []).append(
                self.engine._finding(
                    self.engine.registry.rules["GL002"], crash, None, entry.path, settings
                )
            )
            return []

    def _report(self, entry: _Entry, rule: CrossRule, hit: CrossHit) -> None:
        # A rule ignored for a file collected nothing from it: it is in no comparison.
        settings = self.engine.settings_for(entry.file)
        severity = self.engine.severity_of(type(rule), hit.severity, settings)
        self.added.setdefault(entry.index, []).append(
            self.engine.finding_at(type(rule), hit.anchor, hit.key, hit.args, severity, entry.path)
        )


def add_findings(result: FileResult, findings: list[Finding]) -> None:
    """``findings`` (of the cross-report rules) added to ``result``'s, in order."""
    result.findings = sorted([*result.findings, *findings], key=Finding.sort_key)


def merge(results: list[FileResult], added: dict[int, list[Finding]]) -> None:
    """Add :meth:`ReportSets.finish`'s findings to a list of results."""
    for index, findings in added.items():
        add_findings(results[index], findings)
