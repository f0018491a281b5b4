"""The fact path: table questions answered from records, citing the row's cells verbatim.

A question (read by ``query``) names its rows by number ("indicator 2.3", "activity 1.6",
"sub-total of output 2", "QA question 5") or by what they say (matched by ``matching``), and
the fields and periods it wants. Calendar years are mapped onto the table's columns only
where the mapping is known (from the header, or the project period), and the answer says how
("Year 2 (2022)"). What the table cannot say is refused with the reason. ``None`` means "not
a table question": the caller falls back to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import profiles
from assistant.answer import qa_facts
from assistant.answer.activity_sets import activities_added, chosen_activities
from assistant.answer.arithmetic import against_target, computed, with_sum, with_targets_added
from assistant.answer.as_of import point, stands_elsewhere
from assistant.answer.budget_totals import delivery, total_by_key, total_by_name, total_rows
from assistant.answer.column_sums import column_total
from assistant.answer.fact_types import (
    CellAnswer,
    Evidence,
    FactResult,
    id_order,
    merge,
    period_cell,
    years_not_given,
    years_span,
)
from assistant.answer.matching import Embed, RecordMatcher
from assistant.answer.named_rows import row_named_whole, rows_listed
from assistant.answer.naming import doc_named, names_line, other_stage_only
from assistant.answer.output_share import output_share
from assistant.answer.outputs import with_output_named
from assistant.answer.prose_figures import figure_at, reached_answer
from assistant.answer.query import Query, names_kind, parse_query, qa_section_named
from assistant.answer.split_names import breaks_down, split_by
from assistant.answer.table_rows import asks_superlative, quoted_row, row_answer
from assistant.answer.targets import ASKS_MORE, final_target, more_than_baseline, target_cells
from assistant.core.records import Cell, Period, Record
from assistant.core.text import clean, to_number
from assistant.store.database import Store

INDICATOR_FIELDS = ("baseline", "target", "final", "midterm", "data_source", "method", "achieved", "met", "status")


_PAST = re.compile(
    r"\b(?:had|have|has) been\b|\bwere\b|\bwas\b|\bdid\b|\b(?!supposed|expected|planned|meant|targeted)[a-z]{3,}ed\b"
    # Russian verbs in the past ("имели", "обучили", "было"), not those of a plan ("планировалось")
    r"|\b(?!(?:за)?планир|ожида|предполага|предусм|цел)[а-яё]+[аеиыуя]л[аои]?(?:сь|ся)?\b"
)
_PRESENT = re.compile(
    r"\b(?:does|do)\b[^?]*\bhave\b|\b(?:don'?t|doesn'?t|do not|does not)\s+have\b|\black(?:s|ing)?\b|\bcurrently\b|\bnow\b"
)
# "how big are the grants supposed to be?": a size, which a "Number of …" indicator does not give
_SCALE = re.compile(r"\s*\(\s*\d+\s*[-–]\s*\d+\s*\)")
_SIZE = re.compile(r"\bhow (?:big|large|small)\b|\bwhat size\b|\bкаков\w* размер\w*|\bнасколько крупн\w*")
_COUNTS = re.compile(r"^\s*(?:\w+\s+[\d.]+\s+)?(?:number|no\.|#)\s+of\b|^\s*количество\b", re.IGNORECASE)
_PER_YEAR = re.compile(r"\b(?:yearly|annual|each year|per year|by year|year by year|ежегодн\w*|по годам)\b")
BUDGET_FIELDS = ("amount", "responsible_party", "funding_source", "budget_line", "expenditure")


class FactFinder:
    """Looks questions up in the records of one store (optionally of some sources only)."""

    def __init__(self, store: Store, sources: tuple[str, ...] = (), embed: Embed | None = None) -> None:
        self.store = store
        self.sources = sources
        self.embed = embed

    def _records(self, kind: str) -> list[Record]:
        return self.store.records(kind, self.sources)

    def share(self, question: str) -> FactResult | None:
        """ "What share of the budget goes to project management?": an output's share, or None."""
        grouped = [*self._records("activity"), *self._records("indicator")]
        return output_share(parse_query(question), grouped, self._records("total"))

    def answer(self, question: str) -> FactResult | None:
        asked = question
        query = parse_query(question)
        question = query.text  # rows are matched to the question as read: typos mended, Russian glossed
        if split := split_by(asked):  # "… in A versus B": A and B split the figure, they name no row
            apart = {n.lower() for n in split} | {"versus", "vs", "compared"}
            query = replace(query, subject_words=tuple(w for w in query.subject_words if w not in apart))
        if not (query.numbered or query.outputs or query.subtotals):
            query = with_output_named(query, [*self._records("activity"), *self._records("indicator")])
        if share := output_share(query, [], self._records("total")):
            return share  # "what share of the budget for all outputs is output 4?"
        if quoted_row(self._records("table_row"), query) and (row := self._table_row(query, question)):
            return row  # a follow-up on a row an answer quoted: its label may name an indicator too
        parts: list[FactResult | None] = [self._indicator_by_key(key, query) for key in query.indicators]
        parts += [self._activity_by_key(key, query) for key in query.activities]
        parts += [self._bare(key, query) for key in query.bare_ids]
        if not any(parts) and (chosen := chosen_activities(self._records("activity"), query)):
            parts = [chosen]  # "which activity does ZERDE co-implement?", "… gets the most money?"
        for number in query.subtotals:
            parts.append(total_by_key(self._records("total"), f"subtotal {number}", query))
        if query.outputs and query.wants("sum") and re.search(r"\bactivit", query.text):
            activities, totals = self._records("activity"), self._records("total")  # "add up output 3's activities"
            parts += [activities_added(activities, totals, number) for number in query.outputs]
        if qa_facts.ASKS_QUESTIONS.search(query.text) and (named := qa_section_named(query.text)):
            listed = qa_facts.section_questions(named, self._records("qa_question"))
            summary = qa_facts.summary_questions(named, self._records("rating"))
            # "which question numbers …": the summary's range; otherwise the questions themselves
            parts.append((summary or listed) if re.search(r"\bnumbers?\b", query.text) else (listed or summary))
        if not any(parts) and (query.qa_section or query.overall) and not self._ratings_table_named(query):
            parts.append(self._qa_section(query))
        if query.rating_value:
            parts.append(self._sections_rated(query.rating_value, query.text))
        if query.qa_question and not parts:
            parts.append(self._qa_question(query))
        elif (
            query.wants("rating") and not any(parts) and names_kind(query.text, "question")
        ):  # "the results framework question"
            ratings = self._records("rating")
            parts.append(qa_facts.question_named(query, asked, self._records("qa_question"), ratings, self.embed))
        # a budget asked of a report whose only money table is its delivery table reads that one
        reported = not (self._records("total") or self._records("activity"))
        # an output's budget of no year is the work plan's sub-total, not a report's year
        of_a_year = query.outputs and (query.years or reported)
        if not any(parts) and (query.wants("expenditure") or (query.wants("amount") and (of_a_year or reported))):
            parts = [delivery(self._records("delivery"), query, question, self.embed)]
        if not any(parts) and query.wants("rating") and qa_facts.ranks(query.text):
            # "which criterion came out weakest?": a ratings table's; "the highest impact score", a column's
            parts = [qa_facts.best_rated(query, self._records("rating")) or self._table_row(query, question)]
        elif not any(parts) and query.wants("rating") and asks_superlative(query.text):
            parts = [self._table_row(query, question) or qa_facts.best_rated(query, self._records("rating"))]
        elif not any(parts) and query.wants("rating"):
            parts = [self._rating(query, question)]
        if not any(parts) and names_kind(query.text, "total"):
            parts = [total_by_name(self._records("total"), query, question, self.embed)]
        if not any(parts):  # "what do the two planned evaluations cost together?"
            parts = [column_total(self._records("table_row"), query)]
        if not any(parts):
            parts = [self._by_name(query, question)]
        if not any(parts) and query.outputs and query.wants("amount") and not query.wants("expenditure"):
            parts = [
                total_by_key(self._records("total"), f"subtotal {number}", query) for number in query.outputs
            ]  # the work plan's
        if not any(parts):
            parts = [self._table_row(query, question)]
        if not any(parts):  # "what qualifications does the project have to address?"
            parts = [rows_listed(self._records("table_row"), query)]
        found = [p for p in parts if p is not None]
        if not found:
            return None
        result = merge(found)
        if split and not result.refused and not breaks_down(result, split):
            names = " and ".join(split)
            return FactResult(
                f"The tables give this for the project as a whole, not for {names} separately.", refused=True
            )
        return with_sum(result) if query.wants("sum") and not result.refused else result

    # rows named by number or by name -----------------------------------------------------
    def _bare(self, key: str, query: Query) -> FactResult | None:
        """ "RF final target 3.1", "budjet 3.4 2021": an identifier without its kind word."""
        if query.wants(*BUDGET_FIELDS) and not query.wants(*INDICATOR_FIELDS):
            return self._activity_by_key(key, query, quiet=True)
        if query.wants(*INDICATOR_FIELDS):
            return self._indicator_by_key(key, query, quiet=True)
        # "PM.2 2027": no field asked, so the one kind of row the identifier names
        named = {r.kind for r in (*self._records("activity"), *self._records("indicator")) if r.key.lower() == key}
        if named == {"activity"}:
            return self._activity_by_key(key, query, quiet=True)
        return self._indicator_by_key(key, query, quiet=True) if named == {"indicator"} else None

    def _by_name(self, query: Query, question: str) -> FactResult | None:
        if not query.subject_words or not (query.wants(*INDICATOR_FIELDS, *BUDGET_FIELDS, "count", "sum")):
            return None
        past = False
        if query.wants("count") and not query.wants(*INDICATOR_FIELDS, *BUDGET_FIELDS):
            # "how many people were trained by 2022?": an indicator, achieved when asked in the past
            if _PRESENT.search(query.text):
                return None  # "how many countries does it have?": a state the text gives, no target
            past = bool(_PAST.search(query.text))
            query = replace(query, fields=(*query.fields, "achieved" if past else "target"))
        kinds = ["indicator"] if query.wants(*INDICATOR_FIELDS) and not query.wants(*BUDGET_FIELDS) else []
        kinds = kinds or (["activity", "total"] if not query.wants(*INDICATOR_FIELDS) else ["indicator", "activity"])
        records = [r for k in kinds for r in self._records(k)]
        record = RecordMatcher(records, self.embed).best(query.subject_words, question)
        if record is None or (
            record.kind != "indicator" and row_named_whole(query, record, self._records("table_row"))
        ):
            return None  # "the terminal evaluation": the evaluation plan's row, not an activity naming it
        if record.kind == "indicator" and _SIZE.search(query.text) and _COUNTS.search(record.label):
            return None  # a count answers "how many", not "how big"
        if record.kind == "indicator":
            found = self._indicator_by_key(record.key, query)
            if (
                found
                and query.wants("share")
                and not any(profiles.answer_types()["share"].says.search(e.quote) for e in found.evidence)
            ):
                return None  # "what share of the planned mini-grids …?": a count's target gives none
            if past and found is not None and found.refused and not found.evidence:
                return None  # no table says what was achieved; the text may ("…supported by 25 countries")
            return found
        if record.kind == "activity":
            return self._activity(record, query)
        return total_rows(self._records("total"), record, query)

    # indicators --------------------------------------------------------------------------
    def _indicator_by_key(self, key: str, query: Query, quiet: bool = False) -> FactResult | None:
        rows = self._records("indicator")
        if not rows:
            return None  # no results framework ingested: let retrieval try
        matches = [r for r in rows if r.key.lower() == key.lower()]  # "pm.2" names "PM.2"
        if not matches:
            if quiet:
                return None
            known = ", ".join(sorted({r.key for r in rows}, key=id_order))
            return FactResult(
                f"Indicator {key} is not in the results framework of the documents (it lists {known}).", refused=True
            )
        if query.wants("achieved", "met", "status"):
            progress = [r for r in matches if r.table == "progress_report"]
            framework = [r for r in matches if r.table != "progress_report"]
            achieved = progress[0].cell("achieved") if progress else None
            if achieved is not None and stands_elsewhere(achieved.column, query.text, query.years, query.fields):
                # "at 30 June 2025" for "by the end of 2025": a sentence of that time may say it
                return self._reached_in_text(framework[0], query) if framework else None
            if progress:
                return self._progress(progress[0], framework[0] if framework else None, query)
            base_year = to_number(framework[0].text("baseline_year")) if framework else None
            if query.years and set(query.years) == {base_year}:  # what had been reached by the baseline's year
                kept = tuple(f for f in query.fields if f in ("final", "midterm"))  # "… and by the end?"
                return self._indicator(framework[0], replace(query, fields=("baseline", *kept)))
            if framework and (told := self._reached_in_text(framework[0], query)):
                return told  # no progress table: "By 31 December 2025 the project had …"
            if not query.wants("target", "baseline", "final", "midterm"):
                return FactResult(
                    f"The documents give targets for indicator {key}, not what was achieved"
                    f"{' in ' + ', '.join(map(str, query.years)) if query.years else ''}.",
                    refused=True,
                )
        framework = [r for r in matches if r.table != "progress_report"] or matches
        return self._indicator(framework[0], query)

    def _reached_in_text(self, record: Record, query: Query) -> FactResult | None:
        """What a sentence says the indicator had reached at the point in time asked, or None."""
        if (asked := point(query.text)) is None:
            return None
        held = [d for d in self.store.documents() if not self.sources or d.source in self.sources]
        texts = [(d.source, d.kind, self.store.document_text(d.source) or "") for d in held]
        found = figure_at(asked, record.label, texts)
        return reached_answer(record, found, asked, query) if found else None

    def _indicator(self, record: Record, query: Query) -> FactResult:
        targets = target_cells(record)
        yearly = [c for c in targets if c.period and c.period.kind in ("project_year", "year")]
        ans = CellAnswer(record)
        chosen: list[Cell] = []
        baseline_year = to_number(record.text("baseline_year"))
        at_baseline = False  # "how many had been granted by 2020?", 2020 the baseline's year
        for year in query.years:
            # "had 7,300 by 2020 (the baseline's year); how many more by the end?"
            reached = query.wants("final") and not query.wants("target") and period_cell(targets, year=year) is None
            if baseline_year == year and (not query.wants("target", "midterm", "final") or reached):
                at_baseline = True
                continue
            cell = period_cell(targets, year=year)
            if cell is None:
                if yearly and all(c.period and c.period.year is None for c in yearly):
                    return FactResult(
                        f"The results framework gives targets by Year 1–{len(yearly)} without calendar years, "
                        f"so it does not say which is {year}.",
                        refused=True,
                    )
                return FactResult(
                    f"The documents do not give a {year} target for indicator {record.key}: its targets "
                    f"cover {years_span(yearly) or 'no calendar years'}.",
                    refused=True,
                )
            chosen.append(cell)
        for index in query.year_indexes:
            cell = period_cell(targets, index=index)
            if cell is None:
                return FactResult(f"Indicator {record.key} has targets for Year 1–{len(yearly)} only.", refused=True)
            chosen.append(cell)
        specific = query.wants("baseline", "final", "midterm", "data_source", "method")
        base_year = clean(record.text("baseline_year"))
        base_label = f"baseline ({base_year})" if base_year else "baseline"
        adding_up = query.wants("sum") and not chosen and len(yearly) > 1  # "do the yearly targets add up?"
        if query.wants("baseline") or (at_baseline and not chosen) or adding_up:
            ans.cite(base_label, record.cell("baseline"))
        if chosen:
            for cell in dict.fromkeys(chosen):
                ans.cite(f"{cell.period.describe() if cell.period else ''} target", cell)
        elif query.wants("target") and (not specific or _PER_YEAR.search(query.text)):
            for cell in yearly:  # "the yearly and final targets", "do the yearly targets add up?"
                ans.cite(f"{cell.period.describe() if cell.period else ''} target", cell)
        for kind, label in (("midterm", "mid-term target"), ("final", "final target")):
            wanted = query.wants(kind) or (kind == "final" and query.wants("target") and not specific and not chosen)
            if wanted and kind == "final":
                final, label = final_target(targets)
                ans.cite(label, final)
            elif wanted:
                ans.cite(label, next((c for c in targets if c.period and c.period.kind == kind), None))
        if query.wants("data_source"):
            ans.cite("data source", record.cell("data_source"))
        if query.wants("method"):
            ans.cite("data collection method", record.cell("method"))
        if not ans.parts:
            ans.cite(base_label, record.cell("baseline"))
            for cell in targets:
                label = (
                    "final target"
                    if cell.period and cell.period.kind == "final"
                    else (f"{cell.period.describe()} target" if cell.period else "target")
                )
                ans.cite(label, cell)
        result = ans.result(f"Indicator {record.key} ({clean(record.label)})")
        if ASKS_MORE.search(query.text):
            result = more_than_baseline(result, record, targets)
        return with_targets_added(result, record) if adding_up else result

    def _progress(self, record: Record, framework: Record | None, query: Query) -> FactResult:
        """Achieved against target, from the progress report's row (and the framework's)."""
        ans = CellAnswer(record)
        target = record.cell("target") or (framework and period_cell(target_cells(framework), *query.years[:1]))
        achieved = record.cell("achieved")
        ans.cite("target", target if isinstance(target, Cell) else None)
        ans.cite("achieved", achieved)
        if record.cell("status"):
            ans.cite("status", record.cell("status"))
        final = final_target(target_cells(framework))[0] if framework else None
        if query.wants("final") and final is not None:  # "… to reach the end-of-project target?"
            ans.cite("end-of-project target", final, record=framework)
        result = ans.result(f"Indicator {record.key} ({clean(record.label)})")
        t = to_number(target.text) if isinstance(target, Cell) else None
        a = to_number(achieved.text) if achieved else None
        met, share = query.wants("met"), query.wants("of_target")
        if (met or share) and t is not None and a is not None and achieved is not None and isinstance(target, Cell):
            if met:
                verdict = "met" if a >= t else "not met"
                result.text += (
                    f" The target was {verdict}: {clean(achieved.text)} achieved against {clean(target.text)}."
                )
            result = against_target(result, achieved, target, share, with_gap=met)
        if (
            query.wants("final")
            and final is not None
            and achieved is not None
            and (left := computed(final, achieved, "-"))
        ):
            result.text += f" Still to reach it: {left}."
        return result

    # budgets -----------------------------------------------------------------------------
    def _activity_by_key(self, key: str, query: Query, quiet: bool = False) -> FactResult | None:
        rows = self._records("activity")
        if not rows:
            return None
        matches = [r for r in rows if r.key.lower() == key.lower()]  # "pm.2" names "PM.2"
        if not matches:
            return (
                None
                if quiet
                else FactResult(f"Activity {key} is not in the budget tables of the documents.", refused=True)
            )
        return self._activity(matches[0], query)

    def _activity(self, record: Record, query: Query) -> FactResult:
        amounts = [c for c in record.cells_of("amount") if c.period is not None]
        ans = CellAnswer(record)
        if query.wants("expenditure") and not record.cells_of("expenditure"):
            # "how much was spent on activity 2.2": a work plan plans, it does not report spending
            return FactResult(
                f"The documents give Activity {record.key}'s planned budget, not what was spent on it.",
                refused=True,
            )
        roles = ("responsible_party", "funding_source", "budget_line")
        line = next((c.line for c in record.cells if c.line and names_line(c.line, query.text)), "")
        # a budget line the question names is asked about, not asked for
        asked = [r for r in roles if query.wants(r) and record.cell(r) and not (r == "budget_line" and line)]
        for role in asked:  # "which funding source covers it?", "who is responsible?", "its budget code?"
            ans.cite(role.replace("_", " "), record.cell(role))
        if asked and not query.wants("amount", "expenditure"):
            return ans.result(f"Activity {record.key} ({clean(record.label)})")
        cells = [c for c in record.cells_of("line_amount") if c.line == line and c.period] if line else []
        if not cells:
            line, cells = "", amounts
        if refusal := years_not_given(query, cells, f"Activity {record.key}"):
            return refusal
        for cell in [period_cell(cells, year=y) for y in query.years] if query.years else cells:
            if cell is not None and cell.period is not None:
                label = f"{cell.period.describe()}" + (f" (budget line {line})" if line else "")
                ans.cite(label, cell, unit="USD ")
        if not query.years and not line:
            # budget lines with one amount over all years ("Amount"): their totals
            for c in record.cells_of("line_amount"):
                if c.period is None:
                    ans.cite(f"{c.line or 'line'} (all years)", c, unit="USD ")
            if total := record.cell("total"):  # the activity's own "Total" column
                ans.cite("total (all years)", total, unit="USD ")
        if not ans.parts and (total := record.cell("amount")):
            ans.cite("amount", total, unit="USD ")
        return ans.result(f"Activity {record.key} ({clean(record.label)})")

    def _ratings_table_named(self, query: Query) -> bool:
        """The question names a document whose ratings are a table (an evaluation), not the QA
        form: "the mid-term evaluation's relevance rating"."""
        named = {r.source for r in self._records("rating")}
        forms = {r.source for r in self._records("qa_section")}

        def best(sources: set[str]) -> int:
            return max((doc_named(query.text, s) for s in sources), default=0)

        return best(named) > best(forms)

    # other tables --------------------------------------------------------------------------
    def _rating(self, query: Query, question: str) -> FactResult | None:
        """A criterion's rating in a review or evaluation ratings table, or a QA form's question
        named by its words, with the level it marks and its evidence."""
        rated = self._records("rating")
        questions = self._records("qa_question")  # a QA form's question named by its words
        rows = rated + questions
        if not rows:
            return None
        held = [f"{d.source} {d.title}" for d in self.store.documents() if not self.sources or d.source in self.sources]
        if stage := other_stage_only(query.text, held):  # "the final evaluation" of a project mid-way
            return FactResult(f"The documents hold a {stage} evaluation, not the one asked about.", refused=True)
        record = None
        if query.overall:
            record = next((r for r in rows if "overall" in r.label.lower()), None)
        if record is None:
            # of the document the question names ("the evaluation's efficiency rating"), if any
            most = max(doc_named(query.text, r.source) for r in rows)
            named = [r for r in rows if doc_named(query.text, r.source) == most] if most else rows
            # the words that name the document ("mte") name none of its rows
            words = [w for w in query.subject_words if not (most and doc_named(w, named[0].source))]
            record = RecordMatcher(named, self.embed).best(words or query.subject_words, question)
        if record is None:
            return None
        if record.kind == "qa_question":
            return qa_facts.question(replace(query, qa_question=record.key), [record], rated)
        ans = CellAnswer(record)
        ans.cite("rating", record.cell("rating"))
        if record.cell("justification"):
            ans.cite("justification", record.cell("justification"))
        return ans.result(clean(record.label))

    def _table_row(self, query: Query, question: str) -> FactResult | None:
        """A (row, column) question on any other table with a header."""
        found = row_answer(self._records("table_row"), query, question, self.embed)
        if found is None:
            return None
        row = found[0][0]
        ans = CellAnswer(row)
        if named := next((c for c in row.cells if clean(c.text) == clean(row.label)), None):
            ans.named_by(named)  # "Extend the project by 12 months…" is cited from its own cell
        for record, cell in found:
            if record is row and cell is named:
                continue  # said once, as the head
            # another row's cell is named by its row; one of the head's name ("Senior Beneficiary") by its column
            named_apart = record is not row and clean(record.label_cell) != clean(row.label_cell)
            label = clean(record.label_cell) if named_apart and not record.label_cell.strip().isdigit() else ""
            # a header's scale ("Probability (1-5)") is no figure the answer cites: left out
            header = _SCALE.sub("", cell.column.split(" > ")[-1]) if cell.column else ""
            ans.cite(" ".join(x for x in (label, header) if x) or "value", cell, record=record)
        result = ans.result(clean(row.label))
        if (
            len({id(r) for r, _ in found}) == 1
            and re.search(r"\bwhich\b", query.text)
            and not asks_superlative(query.text)
        ):
            # "which risk has an impact of 5?": "it" in the next question (a superlative's own
            # words already name the row, and read better carried as they are)
            result.subject = clean(row.label)
        return result

    # QA forms ------------------------------------------------------------------------------
    def _qa_section(self, query: Query) -> FactResult | None:
        return qa_facts.section(
            query, self._records("qa_section"), self._records("qa_question"), self._records("rating")
        )

    def _sections_rated(self, rating: str, question: str) -> FactResult | None:
        """The sections a QA form rated ``rating``, or (a form laid out as a ratings table) its
        criteria, of the document the question names when it names one."""
        if sections := self._records("qa_section"):
            return qa_facts.sections_rated(rating, sections)
        rows = self._records("rating")
        most = max((doc_named(question, r.source) for r in rows), default=0)
        named = [r for r in rows if doc_named(question, r.source) == most] if most else rows
        return qa_facts.sections_rated(rating, named)

    def _qa_question(self, query: Query) -> FactResult | None:
        return qa_facts.question(query, self._records("qa_question"), self._records("rating"))


__all__ = ["Evidence", "FactFinder", "FactResult", "Period", "merge"]
