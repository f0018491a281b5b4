"""Word documents beyond the body text: Strict Open XML, list numbers, notes, headers.

Owns what ``python-docx`` does not read: a Strict Open XML package (ISO 29500 Strict
namespaces) rewritten to the transitional namespaces it understands; a paragraph's text
with its content controls, but without text boxes (read apart) or deleted text; the
numbers of numbered list items ("1.", "2.1", "a)") as Word draws them; the footnotes and
endnotes, and the page headers and footers (each distinct text once).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_STRICT = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (b"http://purl.oclc.org/ooxml/drawingml/picture", b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    ),
    (b"http://purl.oclc.org/ooxml/officeDocument/", b"http://schemas.openxmlformats.org/officeDocument/2006/"),
)
_SKIP = {
    f"{W}txbxContent",
    f"{W}del",
    f"{W}moveFrom",
    f"{_MC}Fallback",
    f"{W}footnoteReference",
    f"{W}endnoteReference",
}


def is_strict(data: bytes) -> bool:
    """Whether the package uses the Strict Open XML namespaces."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            head = archive.read("word/document.xml")[:4096] if "word/document.xml" in archive.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    return b"purl.oclc.org/ooxml/wordprocessingml/main" in head


def strict_to_transitional(data: bytes) -> bytes:
    """The package with its XML parts moved from Strict to transitional namespaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for old, new in _STRICT:
                    body = body.replace(old, new)
            dst.writestr(info, body)
    return out.getvalue()


def text_of(element: Any) -> str:
    """A paragraph's text: runs, hyperlinks, fields' results and content controls, in order;
    tabs and breaks as whitespace; text boxes, deleted text and note marks left out."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}sym":
                parts.append("")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def text_boxes(element: Any) -> Iterator[Any]:
    """Text-box contents anchored in ``element`` (the DrawingML copy, not its VML fallback)."""
    for box in element.iter(f"{W}txbxContent"):
        ancestor = box.getparent()
        fallback = False
        while ancestor is not None and ancestor is not element:
            if ancestor.tag == f"{_MC}Fallback":
                fallback = True
                break
            ancestor = ancestor.getparent()
        if not fallback:
            yield box


def _roman(n: int) -> str:
    vals: list[tuple[int, str]] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
    vals += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """List numbers as Word draws them: counters per list and level from ``numbering.xml``."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) -> (fmt, text, start)
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.iterchildren(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in node.iterchildren(f"{W}lvl"):
                fmt = lvl.find(f"{W}numFmt")
                text = lvl.find(f"{W}lvlText")
                start = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                    fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{W}val", "") if text is not None else "",
                    int(start.get(f"{W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.iterchildren(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {})
            for ilvl, spec in levels.items():
                self.levels[(num.get(f"{W}numId", ""), ilvl)] = spec

    def label(self, paragraph_element: Any) -> str | None:
        """The number drawn before a numbered paragraph ("2.", "1.3", "b)"); "" for a bullet;
        None when it is not a list paragraph."""
        ppr = paragraph_element.find(f"{W}pPr")
        num_pr = ppr.find(f"{W}numPr") if ppr is not None else None
        if num_pr is None:
            return None
        num_id_el, ilvl_el = num_pr.find(f"{W}numId"), num_pr.find(f"{W}ilvl")
        num_id = num_id_el.get(f"{W}val", "") if num_id_el is not None else ""
        ilvl = int(ilvl_el.get(f"{W}val", "0")) if ilvl_el is not None else 0
        if num_id in ("", "0") or (num_id, ilvl) not in self.levels:
            return None
        fmt, text, start = self.levels[(num_id, ilvl)]
        if fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(self.levels.get((num_id, len(counters)), ("decimal", "", 1))[2] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]

        def fill(m: re.Match[str]) -> str:
            level = int(m.group(1)) - 1
            if level >= len(counters):
                return ""
            spec = self.levels.get((num_id, level), ("decimal", "", 1))
            return _format(counters[level], spec[0] if level != ilvl else fmt)

        return re.sub(r"%(\d)", fill, text).strip()


def note_texts(document: Any, kind: str) -> list[tuple[str, str]]:
    """(id, text) of each footnote or endnote (``kind``: "footnotes" or "endnotes")."""
    from lxml import etree

    rel = f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"
    tag = f"{W}{kind[:-1]}"
    out: list[tuple[str, str]] = []
    for r in document.part.rels.values():
        if r.reltype != rel or r.is_external:
            continue
        try:
            root = etree.fromstring(r.target_part.blob)
        except (etree.LxmlError, ValueError):
            continue
        for note in root.iterchildren(tag):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paras = [" ".join(text_of(p).split()) for p in note.iter(f"{W}p")]
            text = " ".join(p for p in paras if p)
            if text:
                out.append((note.get(f"{W}id", ""), text))
    return out


def page_furniture(document: Any) -> list[tuple[str, Any]]:
    """("header" | "footer", element) of each distinct page header and footer."""
    seen: set[str] = set()
    out: list[tuple[str, Any]] = []
    for section in document.sections:
        for kind in ("header", "footer"):
            for name in (kind, f"first_page_{kind}", f"even_page_{kind}"):
                try:
                    part = getattr(section, name)
                    if part.is_linked_to_previous:
                        continue
                    element = part._element
                except (AttributeError, KeyError, ValueError, NotImplementedError):
                    continue
                text = " ".join(text_of(p) for p in element.iter(f"{W}p")).strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append((kind, element))
    return out
