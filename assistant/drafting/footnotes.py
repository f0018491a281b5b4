"""Real Word footnotes for python-docx (which has no API for them): a footnotes part related
to the document, and a run holding a ``w:footnoteReference`` where a citation marker goes.

python-docx is imported inside the functions so importing this module stays light.
"""

from __future__ import annotations

from typing import Any

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_EMPTY = (
    f'<w:footnotes xmlns:w="{_W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class Footnotes:
    """The footnotes of one document; ``add(paragraph, text)`` appends a numbered footnote."""

    def __init__(self, doc: Any) -> None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        part = doc.part
        for rel in part.rels.values():
            if rel.reltype == _RT:
                self._part = rel.target_part
                break
        else:
            self._part = XmlPart(PackURI("/word/footnotes.xml"), _CT, parse_xml(_EMPTY), part.package)
            part.relate_to(self._part, _RT)
        self._next = 1

    def add(self, paragraph: Any, text: str) -> int:
        """A footnote reference at the end of ``paragraph`` whose note reads ``text``."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        n = self._next
        self._next += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(n))
        p = OxmlElement("w:p")
        ref_run = OxmlElement("w:r")
        ref_run.append(_superscript())
        ref_run.append(OxmlElement("w:footnoteRef"))
        text_run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = " " + text
        text_run.append(t)
        p.append(ref_run)
        p.append(text_run)
        note.append(p)
        self._part.element.append(note)
        run = OxmlElement("w:r")
        run.append(_superscript())
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(n))
        run.append(ref)
        paragraph._p.append(run)
        return n


def _superscript() -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = OxmlElement("w:rPr")
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    return rpr


def footnote_texts(path: str) -> list[str]:
    """The texts of a .docx file's footnotes, in order (for tests and checks)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/footnotes.xml"))
    out = []
    for note in root.findall(f"{{{_W}}}footnote"):
        if note.get(f"{{{_W}}}type"):
            continue
        out.append("".join(t.text or "" for t in note.iter(f"{{{_W}}}t")).strip())
    return out


__all__ = ["Footnotes", "footnote_texts"]
