"""Records as flat rows for listing (CLI ``facts``, the web app's Facts tab): one column per
cell role and period, named as a person reads them ("Year 2 (2022) target"). ``table_rows``
says how each table was understood: its columns mapped to roles, or why it was rejected."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from assistant.core.records import Record, cell_label, cell_name
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
            elif r.kind == "table_map":
                rows.append(table_row(r))
                continue
            else:
                row["label"] = clean(r.label)
            for c in r.cells:
                if c.line or c.role in ("option", "evidence", "selected"):
                    continue
                row.setdefault(cell_name(c), clean(c.text))
            row["location"] = str(r.location)
            row["notes"] = " ".join(r.notes)
            rows.append(row)
    return rows


# how each table was understood ---------------------------------------------------------------
TABLE_STATUS = {"rejected": "rejected", "rows": "read as rows"}  # any other key: a recognised kind


def _status(record: Record) -> str:
    return TABLE_STATUS.get(record.key, "recognised")


def table_row(record: Record) -> dict[str, Any]:
    """A ``table_map`` record as a row: recognised (what as, each column's header → role),
    rejected (the reason) or read as rows under its headers (no template matched)."""
    status = _status(record)
    reason = clean(record.label) if status == "rejected" else ""
    return {
        "kind": record.kind,
        "source": record.source,
        "status": status,
        "understood as": "" if status == "rejected" else clean(record.label),
        "columns": "; ".join(f"{c.text} → {cell_label(c)}" for c in record.cells) or "-",
        "reason": reason,
        "location": str(record.location),
        "notes": " ".join(n for n in record.notes if clean(n) != reason),
    }


def table_rows(store: Store, sources: Collection[str] | None = None) -> list[dict[str, Any]]:
    """Every table of the documents ``sources`` (all with None, none with an empty set): the
    recognised ones with their mapped columns, then the rejected ones with the reason, then
    those read as rows under their headers; by document and in document order within each."""
    rank = {"recognised": 0, "rejected": 1}
    records = [r for r in store.records("table_map") if sources is None or r.source in sources]
    records.sort(key=lambda r: (rank.get(_status(r), 2), r.source, r.location.table or 0))
    return [table_row(r) for r in records]
