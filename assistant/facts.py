"""The fact path: answer table questions from Records, citing the row's cells verbatim.

Recognises questions about an indicator (baseline, yearly/final targets, data source), a
budget line (activity amounts per year, sub-totals, totals) or a QA form (section and
overall ratings, a question's selected level), maps "2022" or "Year 2" onto the table's
columns through the project period, and refuses what the table cannot say (a year
outside the period, an indicator that does not exist). Returns None when the question is
not a table question, so that the caller falls back to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.store import Store
from assistant.textutil import clean, period_label
from assistant.types import Record

QA_SECTION_NAMES = {
    "strategic": "strategic",
    "relevant": "relevant",
    "principled": "principled",
    "management & monitoring": "management & monitoring",
    "management and monitoring": "management & monitoring",
    "efficient": "efficient",
    "effective": "effective",
    "sustainability & national ownership": "sustainability & national ownership",
    "sustainability and national ownership": "sustainability & national ownership",
    "sustainability": "sustainability & national ownership",
}


@dataclass
class Evidence:
    """A cell (or line) to cite: the verbatim text and the record it comes from."""

    quote: str
    record: Record


@dataclass
class FactResult:
    """The fact path's outcome: a composed answer with its evidence, or a refusal."""

    text: str
    evidence: list[Evidence] = field(default_factory=list)
    refused: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Query:
    """What a table question asks."""

    indicator: str = ""
    activity: str = ""
    subtotal: str = ""
    total: str = ""  # "total for all outputs" | "grand total project budget" | "undp parallel contribution"
    qa_section: str = ""
    qa_question: str = ""
    years: tuple[int, ...] = ()
    year_indexes: tuple[int, ...] = ()
    wants: str = ""  # baseline | final | target | data_source | method | budget | responsible | rating


def parse_query(question: str) -> Query:
    q = question.lower().replace("–", "-")
    indicator = re.search(r"\bindicators?\s+(\d+\.\d+)", q)
    activity = re.search(r"\bactivit(?:y|ies)\s+(\d+\.\d+)", q)
    subtotal = re.search(r"sub-?\s*total\s+(?:of\s+|for\s+)?(?:the\s+)?output\s+(\d+)", q) or re.search(
        r"output\s+(\d+)\s+sub-?\s*total", q
    )
    total = ""
    if "grand total" in q or re.search(r"total (?:project )?budget", q):
        total = "grand total project budget"
    elif re.search(r"total for all outputs|all outputs", q):
        total = "total for all outputs"
    elif "parallel" in q:
        total = "undp parallel contribution"
    qa_question = re.search(r"\b(?:qa\s+)?question\s+(\d{1,2})\b", q)
    section = ""
    if "rating" in q or "rated" in q:
        if "overall" in q:
            section = "overall"
        else:
            for name, key in QA_SECTION_NAMES.items():
                if re.search(rf"\b{re.escape(name)}\b", q):
                    section = key
                    break
    years = tuple(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", q))
    year_indexes = tuple(int(n) for n in re.findall(r"\byear\s+(\d)\b", q))
    wants = ""
    for word, key in (
        ("baseline", "baseline"),
        ("final", "final"),
        ("end of project", "final"),
        ("data source", "data_source"),
        ("source of data", "data_source"),
        ("collection method", "method"),
        ("responsible", "responsible"),
        ("target", "target"),
        ("budget", "budget"),
        ("rating", "rating"),
    ):
        if word in q:
            wants = key
            break
    return Query(
        indicator=indicator.group(1) if indicator else "",
        activity=activity.group(1) if activity else "",
        subtotal=subtotal.group(1) if subtotal else "",
        total=total if not (indicator or activity or subtotal) else "",
        qa_section=section,
        qa_question=qa_question.group(1) if qa_question and not (indicator or activity) else "",
        years=years,
        year_indexes=year_indexes,
        wants=wants,
    )


def is_table_question(query: Query) -> bool:
    return bool(query.indicator or query.activity or query.subtotal or query.total or query.qa_section or query.qa_question)


class FactFinder:
    """Looks questions up in the records of one store."""

    def __init__(self, store: Store, sources: tuple[str, ...] = ()) -> None:
        self.store = store
        self.sources = sources

    def _period(self, source: str) -> tuple[int, int] | None:
        doc = self.store.document(source)
        return doc.period if doc else None

    def answer(self, question: str) -> FactResult | None:
        query = parse_query(question)
        if not is_table_question(query):
            return None
        if query.indicator:
            return self._indicator(query)
        if query.activity or query.subtotal or query.total:
            return self._budget(query)
        if query.qa_section:
            return self._qa_section(query)
        return self._qa_question(query)

    # indicators ------------------------------------------------------------------------------
    def _indicator(self, query: Query) -> FactResult | None:
        all_rows = self.store.records("indicator", self.sources)
        if not all_rows:
            return None  # no results framework ingested: let retrieval try
        rows = [r for r in all_rows if r.key == query.indicator]
        if not rows:
            known = ", ".join(sorted({r.key for r in all_rows}, key=lambda k: [int(x) for x in k.split(".")]))
            return FactResult(
                f"Indicator {query.indicator} is not in the results framework of the documents (it lists {known}).",
                refused=True,
            )
        record = rows[0]
        f = record.fields
        period = self._period(record.source)
        n_years = len([k for k in f if k.startswith("year_")])
        indexes: list[int] = list(query.year_indexes)
        for year in query.years:
            if year == _int(f.get("baseline_year")) and query.wants in ("baseline", ""):
                continue
            if period is None:
                return FactResult(
                    f"The results framework gives targets by Year 1–{n_years} without calendar years, "
                    f"so it does not say which is {year}.",
                    refused=True,
                )
            index = year - period[0] + 1
            if not 1 <= index <= n_years:
                return FactResult(
                    f"The documents do not give a {year} target for indicator {record.key}: its targets "
                    f"cover {period[0]}–{period[0] + n_years - 1}.",
                    refused=True,
                )
            indexes.append(index)
        for index in indexes:
            if not 1 <= index <= n_years:
                return FactResult(f"Indicator {record.key} has targets for Year 1–{n_years} only.", refused=True)
        ev = [Evidence(f["indicator"], record)]
        parts: list[str] = []

        def cite(label: str, name: str) -> None:
            value = f.get(name, "")
            if value.strip():
                ev.append(Evidence(value, record))
                parts.append(f"{label}: {clean(value)} [{len(ev)}]")
            else:
                parts.append(f"{label}: the cell is empty in the table")

        if query.wants == "baseline" and not indexes:
            cite(f"baseline ({clean(f.get('baseline_year', ''))})", "baseline")
        elif query.wants == "final" and not indexes:
            cite("final target", "final")
        elif query.wants == "data_source":
            cite("data source", "data_source")
        elif query.wants == "method":
            cite("data collection method", "collection_method")
        elif indexes:
            for index in sorted(set(indexes)):
                cite(f"{period_label(index, period)} target", f"year_{index}")
        else:
            cite(f"baseline ({clean(f.get('baseline_year', ''))})", "baseline")
            for index in range(1, n_years + 1):
                cite(f"{period_label(index, period)} target", f"year_{index}")
            cite("final target", "final")
        text = f"Indicator {record.key} ({clean(record.label)}) [1]: " + "; ".join(parts) + "."
        return FactResult(text, ev, notes=list(record.notes))

    # budget ------------------------------------------------------------------------------------
    def _budget(self, query: Query) -> FactResult | None:
        rows = self.store.records("budget", self.sources)
        if not rows:
            return None
        if query.activity:
            key = f"activity {query.activity}"
        elif query.subtotal:
            key = f"subtotal {query.subtotal}"
        else:
            key = query.total
        matches = [r for r in rows if r.key == key]
        if not matches:
            what = f"Activity {query.activity}" if query.activity else f"Output {query.subtotal} sub-total" if query.subtotal else query.total
            return FactResult(f"{what} is not in the budget tables of the documents.", refused=True)
        record = matches[0]
        f = record.fields
        years = [k for k in f if re.fullmatch(r"(19|20)\d\d", k)]
        if "total" in f:
            ev = [Evidence(f.get("label", record.label), record), Evidence(f["total"], record)]
            text = f"{record.label} [1]: USD {clean(f['total'])} [2]."
            return FactResult(text, ev, notes=list(record.notes))
        asked = [str(y) for y in query.years]
        missing = [y for y in asked if y not in years]
        if missing:
            span = f"{years[0]}–{years[-1]}" if years else "no years"
            return FactResult(
                f"The budget does not give a {', '.join(missing)} amount for Activity {query.activity}: it covers {span}.",
                refused=True,
            )
        label_cell = _label_cell(record)
        ev = [Evidence(label_cell, record)]
        parts = []
        if query.wants == "responsible":
            ev.append(Evidence(f.get("responsible_party", ""), record))
            parts.append(f"responsible party: {clean(f.get('responsible_party', ''))} [2]")
        else:
            for year in asked or years:
                value = f.get(year, "")
                if value.strip():
                    ev.append(Evidence(value, record))
                    parts.append(f"{year}: USD {clean(value)} [{len(ev)}]")
                else:
                    parts.append(f"{year}: the cell is empty in the table")
        name = f"Activity {query.activity}" if query.activity else record.label
        text = f"{name} ({clean(record.label)}) [1]: " + "; ".join(parts) + "."
        return FactResult(text, ev, notes=list(record.notes))

    # QA -------------------------------------------------------------------------------------------
    def _qa_section(self, query: Query) -> FactResult | None:
        rows = [r for r in self.store.records("qa_section", self.sources) if r.key == query.qa_section]
        if not rows:
            return None
        record = rows[0]
        rating = record.fields["rating"]
        name = "The overall rating" if record.key == "overall" else f"The {record.label} section"
        return FactResult(f"{name} was rated {rating} [1].", [Evidence(rating, record)])

    def _qa_question(self, query: Query) -> FactResult | None:
        rows = [r for r in self.store.records("qa_question", self.sources) if r.key == query.qa_question]
        if not rows:
            if self.store.records("qa_question", self.sources):
                return FactResult(f"The QA report has no question {query.qa_question}.", refused=True)
            return None
        record = rows[0]
        f = record.fields
        ev = [Evidence(f["question"], record)]
        if f.get("selected"):
            ev.append(Evidence(f["selected_text"], record))
            text = f"QA question {record.key} ({record.group}) [1] was rated {f['selected']} [2]."
        else:
            text = f"QA question {record.key} ({record.group}) [1]: the form marks no rubric level."
        if f.get("evidence 1"):
            ev.append(Evidence(f["evidence 1"], record))
            text += f" Evidence: {f['evidence 1']} [{len(ev)}]"
        return FactResult(text, ev)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _label_cell(record: Record) -> str:
    """A verbatim span naming the budget row: the activity cell's first line."""
    cell = record.fields.get("activity", "") or record.label
    return cell.strip().split("\n")[0]
