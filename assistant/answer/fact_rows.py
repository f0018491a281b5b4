"""Records as flat rows for listing (CLI ``facts``, the web app's Facts tab): one column per
cell role and period, named as a person reads them ("Year 2 (2022) target")."""

from __future__ import annotations

from typing import Any

from assistant.core.records import cell_label
from assistant.core.text import clean
from assistant.store.database import Store

DEFAULT_KINDS = ["indicator", "activity", "total", "qa_section", "qa_question"]


def record_rows(store: Store, kinds: list[str] | None = None) -> list[dict[str, Any]]:
    """One flat dict per record (budget lines and QA options left out: they are in the row)."""
    rows: list[dict[str, Any]] = []
    for kind in kinds or DEFAULT_KINDS:
        for r in store.records(kind):
            row: dict[str, Any] = {"kind": r.kind, "source": r.source, "key": r.key}
            if r.kind == "indicator":
                row["indicator"] = clean(r.label)
            elif r.kind in ("qa_question",):
                row["section"] = r.group
                row["question"] = clean(r.label)
                selected = r.cell("selected")
                row["selected"] = selected.line if selected else "not marked"
            else:
                row["label"] = clean(r.label)
            if r.kind == "table_map":
                row["columns"] = "; ".join(f"{c.text} → {cell_label(c)}" for c in r.cells) or "-"
            else:
                for c in r.cells:
                    if c.line or c.role in ("option", "evidence", "selected"):
                        continue
                    row.setdefault(cell_label(c), clean(c.text))
            row["location"] = str(r.location)
            row["notes"] = " ".join(r.notes)
            rows.append(row)
    return rows
