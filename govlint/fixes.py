"""Fixes stage (``--fix``, ``--unsafe-fixes``, ``--diff``): apply rules' edits to the file.

Edits are in the coordinates of the decoded source text. They are applied from the end, an
edit that overlaps one already taken is left for the next run, and an edit that would change
a figure is refused: the digits it removes must be the digits it writes. The exceptions are
a year written into a gap (GL401, an unsafe fix) and a line of web-page debris removed
whole (GL703: a page counter or a CMS date is no figure of the report). A line that a fix empties goes with its
line break. The file is rewritten atomically (a temporary file in the same folder, then a
rename), in its own encoding and byte-order mark; a text the encoding can't hold (simplified
characters in a Big5 file) is written as UTF-8.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from govlint.findings import Span
from govlint.sources.text import BOMS

FIXABLE_SUFFIXES = frozenset({".txt", ".md"})
YEAR = re.compile(r"(?:19|20)\d{2}")
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class SourceEdit:
    """An edit of the source text, and the finding it repairs (an index into the file's
    findings; several edits may repair one finding)."""

    span: Span
    text: str
    finding: int
    not_a_figure: str = ""


def keeps_figures(old: str, new: str, not_a_figure: str = "") -> bool:
    if not_a_figure == "year":
        return old == "" and YEAR.fullmatch(new) is not None
    if not_a_figure == "debris":
        return new == ""
    return _DIGITS.findall(old) == _DIGITS.findall(new)


def apply_edits(text: str, edits: list[SourceEdit]) -> tuple[str, set[int]]:
    """The edited text and the findings whose every edit was applied."""
    chosen: list[SourceEdit] = []
    refused: set[int] = set()
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        old = text[edit.span.start : edit.span.end]
        overlaps = chosen and edit.span.start < chosen[-1].span.end
        touches = chosen and edit.span.start == chosen[-1].span.end == edit.span.end
        if overlaps or touches or not keeps_figures(old, edit.text, edit.not_a_figure):
            refused.add(edit.finding)
            continue
        chosen.append(edit)
    chosen = _drop_emptied_lines(text, chosen)
    return _splice(text, chosen), {e.finding for e in chosen} - refused


def _splice(text: str, edits: list[SourceEdit]) -> str:
    pieces = []
    last = 0
    for edit in edits:
        pieces.append(text[last : edit.span.start])
        pieces.append(edit.text)
        last = edit.span.end
    pieces.append(text[last:])
    return "".join(pieces)


def _drop_emptied_lines(text: str, edits: list[SourceEdit]) -> list[SourceEdit]:
    """Where the edits leave a line blank that wasn't (a breadcrumb, a line of markup), the
    whole line goes, with its line break."""
    out: list[SourceEdit] = []
    i = 0
    while i < len(edits):
        start = text.rfind("\n", 0, edits[i].span.start) + 1
        end = text.find("\n", edits[i].span.start)
        end = len(text) if end < 0 else end
        if edits[i].span.end > end:  # spans lines: taken as it is
            out.append(edits[i])
            i += 1
            continue
        j = i
        while j < len(edits) and edits[j].span.start <= end and edits[j].span.end <= end:
            j += 1
        line = text[start:end]
        group = edits[i:j]
        shifted = [
            SourceEdit(Span(e.span.start - start, e.span.end - start), e.text, e.finding)
            for e in group
        ]
        if line.strip() and not _splice(line, shifted).strip():
            whole = Span(start, min(len(text), end + 1))
            out.extend(SourceEdit(Span(whole.start, whole.start), "", e.finding) for e in group)
            out[-1] = SourceEdit(whole, "", group[-1].finding)
        else:
            out.extend(group)
        i = j
    return out


def unified_diff(path: str, old: str, new: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def write_atomically(path: Path, text: str, encoding: str) -> None:
    """Rewrite ``path`` with ``text`` in its encoding and BOM; atomic on POSIX and Windows."""
    raw = path.read_bytes()
    bom = next((b for b, _ in BOMS if raw.startswith(b)), b"")
    try:
        data = bom + text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        data = text.encode("utf-8")
    import tempfile

    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
