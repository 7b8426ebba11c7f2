"""Enumerations written as 一是…二是…三是, found once per report.

An item starts a sentence (at a line start or after 。；：!?) with a numeral and 是; an
item whose numeral was lost (a line starting with 是认真执行…) is kept with ``number=None``.
Items form one list until a heading intervenes or the numbering restarts at 一是.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from govlint.findings import Span
from govlint.model.sections import CN_NUMERAL, Heading, cn_to_int

ITEM = re.compile(rf"(?:^|(?<=[。;:!?]))[ \t\u3000]*([{CN_NUMERAL}]{{1,3}})[ \t]*\n?[ \t]*是", re.M)
"""A numbered item; PDF text may break the line between the numeral and 是."""
LOST = re.compile(r"^[ \t\u3000]*是(?=[\u4e00-\u9fff])", re.M)
"""A line starting with 是: an item whose numeral was lost."""


@dataclass(frozen=True, slots=True)
class Item:
    number: int | None
    """None when the numeral is missing (``是认真执行…``)."""
    label: str
    span: Span
    """The numeral and 是."""


@dataclass(frozen=True, slots=True)
class Enumeration:
    items: tuple[Item, ...]

    @property
    def last(self) -> Item:
        return self.items[-1]


def find_enumerations(text: str, headings: list[Heading]) -> list[Enumeration]:
    starts = [h.span.start for h in headings]
    lists: list[Enumeration] = []
    current: list[Item] = []
    last_heading = -1
    found = [(m.start(1), m.group(1), m.end()) for m in ITEM.finditer(text)]
    found += [
        (m.end() - 1, "", m.end())
        for m in LOST.finditer(text)
        if text[: m.start()].rstrip()[-1:] not in CN_NUMERAL
    ]
    for start, numeral, end in sorted(found):
        number = cn_to_int(numeral) if numeral else None
        if numeral and number is None:
            continue
        item = Item(number, numeral + "是", Span(start, end))
        heading = bisect.bisect_right(starts, start) - 1
        if current and (heading != last_heading or number == 1):
            lists.append(Enumeration(tuple(current)))
            current = []
        if not current and number is None and not _continues(text, end):
            continue  # a sentence that merely starts with 是
        current.append(item)
        last_heading = heading
    if current:
        lists.append(Enumeration(tuple(current)))
    return [e for e in lists if len(e.items) >= 2]


def _continues(text: str, at: int) -> bool:
    """A list whose first numeral was lost: 二是 follows within the next paragraphs."""
    return re.search(r"(?:^|[。;；:!?\n])\s*二是", text[at : at + 800]) is not None
