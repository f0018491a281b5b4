"""Document-level facts found in the text: type, title, project number, period."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import profiles
from assistant.core.text import project_key
from assistant.core.types import Document

_PROJECT_NUMBER = re.compile(r"(?:Project Number|Project ID|Award ID)\b[^\n]{0,120}?\b(\d{6,9})\b", re.IGNORECASE)
_ANY_NUMBER = re.compile(r"\b(0{2,3}\d{5,6})\b")
_DATES = re.compile(r"Project Date:[^\d\n]*((?:19|20)\d\d)-\d\d-\d\d\s*/\s*((?:19|20)\d\d)-\d\d-\d\d")


def _title(doc: Document) -> str:
    m = re.search(r"Project Title:(?:</b>)?\s*([^\n]+)", doc.text)
    if m:
        return m.group(1).strip()
    m = re.search(r"Project title and Atlas Project Number:\s*([^/\n]+)", doc.text)
    if m:
        return m.group(1).strip()
    for block in doc.blocks[:20]:
        if block.kind == "heading":
            return block.text.strip("#* ").strip()
    return doc.title


def _period(doc: Document) -> tuple[int, int] | None:
    if m := _DATES.search(doc.text):
        return int(m.group(1)), int(m.group(2))
    # the multi-year work plan's year columns ("2021 | 2022 | 2023")
    for block in doc.blocks:
        if block.kind != "table":
            continue
        head = " ".join(" ".join(r.cells) for r in block.rows[:4]).upper()
        if "ACTIVITIES" not in head:
            continue
        years = sorted(
            {int(c.strip()) for r in block.rows[:4] for c in r.cells if re.fullmatch(r"\s*(19|20)\d\d\s*", c)}
        )
        if len(years) >= 2 and years[-1] - years[0] == len(years) - 1:
            return years[0], years[-1]
    return None


def _doc_type(text: str) -> str:
    """The type the ``documents`` profile's first matching rule gives (title zone, then head)."""
    profile = profiles.load("documents")
    head = text[: profile["head_chars"]]
    # the title zone: the short opening lines (a body paragraph's words say nothing of the type)
    opening = [ln for ln in head.split("\n")[: profile["title_lines"]] if ln.strip()]
    title = "\n".join(ln for ln in opening if len(ln.split()) <= profile["title_words"])
    for rule in profile["rules"]:
        zones = ((title, rule.get("title", ())), (head, rule.get("head", ())), (text, rule.get("text", ())))
        if any(profiles.rx(p).search(zone) for zone, patterns in zones for p in patterns):
            return str(rule["type"])
    return str(profile["default"])


def describe(doc: Document) -> Document:
    """``doc`` with its type, title, project numbers and period filled in."""
    doc_type = _doc_type(doc.text)
    m = _PROJECT_NUMBER.search(doc.text)
    number = m.group(1) if m else ""
    others = sorted({n for n in _ANY_NUMBER.findall(doc.text)}, key=project_key)
    related = tuple(n for n in others if project_key(n) != project_key(number))
    return replace(
        doc,
        doc_type=doc_type,
        title=_title(doc),
        project_number=number,
        related_projects=related,
        period=_period(doc),
    )
