"""Records as flat rows for listing (CLI ``facts``, the web app's Facts tab)."""

from __future__ import annotations

from typing import Any

from assistant.core.text import clean, period_label
from assistant.store.database import Store


def record_rows(store: Store, kinds: list[str] | None = None) -> list[dict[str, Any]]:
    """One flat dict per record, columns named as a person reads them."""
    periods = {d.source: d.period for d in store.documents()}
    rows: list[dict[str, Any]] = []
    for kind in kinds or ["indicator", "budget", "qa_section", "qa_question"]:
        for r in store.records(kind):
            f = r.fields
            row: dict[str, Any] = {"kind": r.kind, "source": r.source, "key": r.key}
            if r.kind == "indicator":
                row["indicator"] = clean(r.label)
                row["baseline"] = clean(f.get("baseline", ""))
                row["baseline_year"] = clean(f.get("baseline_year", ""))
                for k in sorted(x for x in f if x.startswith("year_")):
                    row[period_label(int(k.split("_")[1]), periods.get(r.source))] = clean(f[k])
                row["final"] = clean(f.get("final", ""))
            elif r.kind == "budget":
                row["label"] = clean(r.label)[:80]
                for k, v in f.items():
                    if k.isdigit() or k.startswith("year_") or k == "total":
                        row[k] = clean(v)
                row["responsible_party"] = clean(f.get("responsible_party", ""))
            elif r.kind == "qa_section":
                row["label"] = r.label
                row["rating"] = f.get("rating", "")
            else:
                row["section"] = r.group
                row["question"] = clean(r.label)[:80]
                row["selected"] = f.get("selected", "") or "not marked"
            row["location"] = str(r.location)
            row["notes"] = " ".join(r.notes)
            rows.append(row)
    return rows
