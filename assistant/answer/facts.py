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
from dataclasses import dataclass, field, replace
from functools import partial

from assistant.core.text import clean, period_label
from assistant.core.types import Record
from assistant.store.database import Store

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
    column: str = ""  # the cell's column header, when the quote is one cell


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
    wants: tuple[str, ...] = ()  # baseline | final | target | data_source | method | budget | responsible
    rating_value: str = ""  # "which section was rated Exemplary?"


def _ids(q: str, word: str) -> list[str]:
    """ "indicators 2.3 and 2.4" → ["2.3", "2.4"]; "activity 2.3 or activity 2.2" → both."""
    out: list[str] = []
    for m in re.finditer(rf"\b{word}\s+(\d+\.\d+(?:\s*(?:,|and|or|&)\s*\d+\.\d+)*)", q):
        out += re.findall(r"\d+\.\d+", m.group(1))
    return list(dict.fromkeys(out))


def _years(q: str) -> tuple[int, ...]:
    years: list[int] = []
    for a, b in re.findall(r"\b((?:19|20)\d\d)\s*(?:-|to|through)\s*((?:19|20)\d\d)\b", q):
        years += range(int(a), int(b) + 1)
    q = re.sub(r"\b((?:19|20)\d\d)\s*(?:-|to|through)\s*((?:19|20)\d\d)\b", " ", q)
    years += [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", q)]
    return tuple(dict.fromkeys(years))


RATINGS = ("highly satisfactory", "satisfactory", "exemplary", "needs improvement", "inadequate")


def parse_query(question: str) -> Query:
    q = question.lower().replace("–", "-").replace("—", "-")
    indicators = _ids(q, "indicators?")
    activities = _ids(q, "activit(?:y|ies)")
    subtotals = re.findall(r"sub-?\s*totals?\s+(?:of\s+|for\s+)?(?:the\s+)?outputs?\s+(\d+)", q)
    subtotals += re.findall(r"\boutput\s+(\d+)\s+sub-?\s*total", q)
    if "sub-total" in q or "subtotal" in q or "sub total" in q:
        subtotals += re.findall(r"\boutputs?\s+(\d+)(?:\s*(?:or|and|,)\s*(?:output\s+)?(\d+))?", q and q)
    subs = [x for item in subtotals for x in (item if isinstance(item, tuple) else (item,)) if x]
    totals = []
    if "grand total" in q or re.search(r"total (?:project )?budget", q):
        totals.append("grand total project budget")
    if re.search(r"total for all outputs|all outputs", q):
        totals.append("total for all outputs")
    if "parallel" in q:
        totals.append("undp parallel contribution")
    qa_question = re.search(r"\b(?:qa\s+)?question\s+(\d{1,2})\b", q)
    section = ""
    rating_value = ""
    if "rating" in q or "rated" in q:
        if "overall" in q:
            section = "overall"
        else:
            for name, key in QA_SECTION_NAMES.items():
                if re.search(rf"\b{re.escape(name)}\b", q):
                    section = key
                    break
        if not section and re.search(r"\bsections?\b", q):
            rating_value = next((r for r in RATINGS if r in q), "")
    wants: list[str] = []
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
    ):
        if word in q and key not in wants:
            wants.append(key)
    plain_totals = totals if not (indicators or activities or subs) else []
    return Query(
        indicator=",".join(indicators),
        activity=",".join(activities),
        subtotal=",".join(dict.fromkeys(subs)),
        total=",".join(plain_totals),
        qa_section=section,
        qa_question=qa_question.group(1) if qa_question and not (indicators or activities) else "",
        years=_years(q),
        year_indexes=tuple(int(n) for n in re.findall(r"\byear\s+(\d)\b", q)),
        wants=tuple(wants),
        rating_value=rating_value,
    )


def is_table_question(query: Query) -> bool:
    return bool(
        query.indicator
        or query.activity
        or query.subtotal
        or query.total
        or query.qa_section
        or query.qa_question
        or query.rating_value
    )


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
        parts: list[FactResult | None] = []
        for key in filter(None, query.indicator.split(",")):
            parts.append(self._indicator(replace(query, indicator=key)))
        budget_keys = [("activity", k) for k in query.activity.split(",") if k]
        budget_keys += [("subtotal", k) for k in query.subtotal.split(",") if k]
        budget_keys += [("total", k) for k in query.total.split(",") if k]
        for name, key in budget_keys:
            only = {"activity": "", "subtotal": "", "total": "", name: key}
            parts.append(
                self._budget(replace(query, activity=only["activity"], subtotal=only["subtotal"], total=only["total"]))
            )
        if query.qa_section:
            parts.append(self._qa_section(query))
        if query.rating_value:
            parts.append(self._sections_rated(query.rating_value))
        if query.qa_question and not parts:
            parts.append(self._qa_question(query))
        found = [p for p in parts if p is not None]
        if not found:
            return None
        return merge(found)

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
            if year == _int(f.get("baseline_year")) and ("baseline" in query.wants or not query.wants):
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
            _cite_cell(ev, parts, record, label, f.get(name, ""))

        wants = set(query.wants)
        specific = wants & {"baseline", "final", "data_source", "method"}
        if "baseline" in wants:
            cite(f"baseline ({clean(f.get('baseline_year', ''))})", "baseline")
        if indexes:
            for index in sorted(set(indexes)):
                cite(f"{period_label(index, period)} target", f"year_{index}")
        elif "target" in wants and not specific:
            for index in range(1, n_years + 1):
                cite(f"{period_label(index, period)} target", f"year_{index}")
        if "final" in wants or ("target" in wants and not specific and not indexes):
            cite("final target", "final")
        if "data_source" in wants:
            cite("data source", "data_source")
        if "method" in wants:
            cite("data collection method", "collection_method")
        if not parts:
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
            what = (
                f"Activity {query.activity}"
                if query.activity
                else f"Output {query.subtotal} sub-total"
                if query.subtotal
                else query.total
            )
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
        parts: list[str] = []
        if "responsible" in query.wants:
            _cite_cell(ev, parts, record, "responsible party", f.get("responsible_party", ""))
        else:
            for year in asked or years:
                _cite_cell(ev, parts, record, year, f.get(year, ""), unit="USD ")
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
        if record.key == "overall":
            return FactResult(f"The overall rating of the QA report is {rating} [1].", [Evidence(rating, record)])
        return FactResult(f"The {record.label} section was rated {rating} [1].", [Evidence(rating, record)])

    def _sections_rated(self, rating: str) -> FactResult | None:
        rows = [r for r in self.store.records("qa_section", self.sources) if r.key != "overall"]
        if not rows:
            return None
        hits = [r for r in rows if r.fields["rating"].lower() == rating]
        if not hits:
            return FactResult(f"No section of the QA report was rated {rating.title()}.", refused=True)
        ev = [Evidence(r.fields["rating"], r) for r in hits]
        names = [f"{r.label} [{i}]" for i, r in enumerate(hits, start=1)]
        return FactResult(f"Rated {hits[0].fields['rating']}: " + ", ".join(names) + ".", ev)

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


def _cite_cell(
    evidence: list[Evidence], parts: list[str], record: Record, label: str, value: str, unit: str = ""
) -> None:
    """Add "label: value [n]" citing the cell, or say the cell is empty (never filled in)."""
    if value.strip():
        evidence.append(Evidence(value, record))
        parts.append(f"{label}: {unit}{clean(value)} [{len(evidence)}]")
    else:
        parts.append(f"{label}: the cell is empty in the table")


def _shift_marker(m: re.Match[str], offset: int) -> str:
    return f"[{int(m.group(1)) + offset}]"


def merge(results: list[FactResult]) -> FactResult:
    """Several facts in one answer, citation markers renumbered in order."""
    if len(results) == 1:
        return results[0]
    answered = [r for r in results if not r.refused]
    if not answered:
        return FactResult(" ".join(r.text for r in results), refused=True)
    texts: list[str] = []
    evidence: list[Evidence] = []
    notes: list[str] = []
    for r in results:
        offset = len(evidence)
        texts.append(re.sub(r"\[(\d+)\]", partial(_shift_marker, offset=offset), r.text))
        evidence += r.evidence
        notes += r.notes
    return FactResult(" ".join(texts), evidence, refused=False, notes=notes)


def _int(value: str | None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _label_cell(record: Record) -> str:
    """A verbatim span naming the budget row: the activity cell's first line."""
    cell = record.fields.get("activity", "") or record.label
    return cell.strip().split("\n")[0]
