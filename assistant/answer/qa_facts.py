"""Answers from a QA report read as a form: a section's rating (and, asked how it was assessed,
the evidence of its questions), the sections given one rating, a question's marked level."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant import profiles
from assistant.answer.fact_types import CellAnswer, Evidence, FactResult
from assistant.answer.matching import Embed, RecordMatcher
from assistant.answer.naming import doc_named
from assistant.answer.query import Query
from assistant.core.records import Record
from assistant.core.text import clean, key_terms, stems

EVIDENCE_PER_SECTION = 3
_ASKS_HOW = re.compile(r"^\s*how\b|\bevidence\b|\bwhy\b|\bjustif\w*|\bпочему\b|\bкак\b")


def section(
    query: Query, sections: Sequence[Record], questions: Sequence[Record], rated: Sequence[Record]
) -> FactResult | None:
    """A QA section's rating (or the overall one); asked how it was assessed, its evidence too."""
    key = "overall" if query.overall else query.qa_section
    rows = [r for r in sections if r.key == key]
    if not rows:
        return None
    record = rows[0]
    rating = record.text("rating")
    ev = [Evidence(rating, record)]
    stated = [r for r in profiles.rating_scale() if re.search(rf"\b{r.lower()}\b", query.text)]
    if stated and not any(s.lower() in rating.lower() for s in stated):
        # "why was efficiency rated unsatisfactory?": the premise is not what the form says
        return FactResult(
            f"The documents do not support that: the {record.label} section was rated {rating} [1], not {stated[0]}.",
            ev,
            refused=True,
        )
    if record.key == "overall":
        return FactResult(f"The overall rating of the QA report is {rating} [1].", ev)
    text = f"The {record.label} section was rated {rating} [1]."
    if _ASKS_HOW.search(query.text):  # "how did the QA assess it?": the evidence it gave, too
        for quote, source in section_evidence(record, questions, rated, query.text):
            ev.append(Evidence(quote, source))
            text += f" {quote} [{len(ev)}]"
    return FactResult(text, ev)


# "which questions fall under it?", "list the questions of the Principled section"
ASKS_QUESTIONS = re.compile(
    r"\b(?:which|what)\s+(?:qa\s+)?questions\b|\bquestions\s+(?:fall|come|sit|are)\b|\blist\b[^?]*\bquestions\b"
    r"|\bquestion\s+numbers\b"
    r"|\bкакие\s+вопросы\b",
    re.IGNORECASE,
)


def section_questions(section_key: str, questions: Sequence[Record]) -> FactResult | None:
    """The questions a QA form files under a section, each with the level it was rated; the
    section is the criterion cell beside them (or the rating line above their table)."""
    under = [q for q in questions if _names_section(q.group, section_key)]
    if not under:
        return None
    under.sort(key=lambda q: (q.source, int(q.key) if q.key.isdigit() else 0, q.key))
    ev: list[Evidence] = []
    said: list[str] = []
    for source in dict.fromkeys(q.source for q in under):  # each QA form's own list
        parts: list[str] = []
        mine = [q for q in under if q.source == source]
        for q in mine:
            ev.append(Evidence(q.label_cell or q.label, q))
            part = f"{q.label_cell or q.label} [{len(ev)}]"  # its number is no quote: the question is
            if selected := q.cell("selected"):
                ev.append(Evidence(selected.text, q))
                part += f" — rated {selected.line} [{len(ev)}]"
            parts.append(part)
        said.append(f"{source} files these questions under {mine[0].group}: " + "; ".join(parts) + ".")
    return FactResult(" ".join(said), ev)


def summary_questions(section_key: str, rated: Sequence[Record]) -> FactResult | None:
    """A summary table's range of questions for a criterion ("Efficient | 12-14 |
    Satisfactory"), with the criterion's rating."""
    rows = [r for r in rated if r.cell("question_numbers") and _names_section(r.label, section_key)]
    if not rows:
        return None
    ans = CellAnswer(rows[0])
    ans.cite("questions", rows[0].cell("question_numbers"))
    ans.cite("rating", rows[0].cell("rating"))
    return ans.result(clean(rows[0].label))


def _names_section(text: str, section_key: str) -> bool:
    """``text`` (a criterion cell, a row's label) names the section, by its name or an alias."""
    aliases = next((s.aliases for s in profiles.qa_sections() if s.name.lower() == section_key), ())
    low = text.lower()
    return any(re.search(rf"(?<!\w){re.escape(a.lower())}(?!\w)", low) for a in (section_key, *aliases))


def sections_rated(rating: str, sections: Sequence[Record]) -> FactResult | None:
    """The sections rated ``rating`` ("which sections were rated Satisfactory?")."""
    rows = [r for r in sections if r.key != "overall" and "overall" not in r.label.lower()]
    if not rows:
        return None
    # "6 – Highly satisfactory" is rated Highly Satisfactory, "Satisfactory" is not
    hits = [r for r in rows if re.sub(r"^\s*\d+\s*[–-]\s*", "", r.text("rating")).lower() == rating.lower()]
    if not hits:
        return FactResult(f"No section of the QA report was rated {rating.title()}.", refused=True)
    ev = [Evidence(r.text("rating"), r) for r in hits]
    names = [f"{r.label} [{i}]" for i, r in enumerate(hits, start=1)]
    return FactResult(f"Rated {hits[0].text('rating')}: " + ", ".join(names) + ".", ev)


def question(query: Query, questions: Sequence[Record], rated_rows: Sequence[Record]) -> FactResult | None:
    """A QA question by its number: the rubric level the form marks and its evidence."""
    rows = [r for r in questions if r.key == query.qa_question]
    if not rows:
        # a QA form laid out as a table: "17. Were the targeted groups … | 2 | evidence"
        rated = [r for r in rated_rows if re.match(rf"\s*{query.qa_question}[.)]?\s", r.label_cell or "")]
        if rated:
            ans = CellAnswer(rated[0])
            ans.cite("rating", rated[0].cell("rating"))
            ans.cite("evidence", rated[0].cell("justification"))
            return ans.result(f"QA question {query.qa_question}")
    if not rows:
        if questions:
            return FactResult(f"The QA report has no question {query.qa_question}.", refused=True)
        return None
    record = rows[0]
    ev = [Evidence(record.label_cell or record.label, record)]
    selected = record.cell("selected")
    if selected:
        ev.append(Evidence(selected.text, record))
        text = f"QA question {record.key} ({record.group}) [1] was rated {selected.line} [2]."
    else:
        text = f"QA question {record.key} ({record.group}) [1]: the form marks no rubric level."
    evidence = record.cells_of("evidence")
    if evidence:
        ev.append(Evidence(evidence[0].text, record))
        text += f" Evidence: {evidence[0].text} [{len(ev)}]"
    return FactResult(text, ev)


# the words that ask about a QA question, not which one it is
_ABOUT_A_QUESTION = {
    "question",
    "questions",
    "rating",
    "rated",
    "rate",
    "score",
    "scored",
    "qa",
    "why",
    "get",
    "got",
    "gets",
}


def question_named(
    query: Query, question_text: str, questions: Sequence[Record], rated_rows: Sequence[Record], embed: Embed | None
) -> FactResult | None:
    """A QA question named by what it asks ("why did the results framework question get a 1?":
    "Does the project have a strong results framework?"), answered as by its number."""
    # a Russian question by its English glosses: the form's words are English
    words = [w for w in key_terms(query.text) if w not in _ABOUT_A_QUESTION and not re.search(r"[а-яё]", w)]
    record = RecordMatcher(list(questions), embed).best(words, question_text) if questions and words else None
    if record is None:
        return None
    return question(replace(query, qa_question=record.key), [record], rated_rows)


def section_evidence(
    section: Record, questions: Sequence[Record], rows: Sequence[Record], asked: str = ""
) -> list[tuple[str, Record]]:
    """The first evidence of each question of a QA form's section: the form's questions filed
    under it, or (a form laid out as tables) the rated rows between its rating line and the next
    section's, in a text document's lines. Those of the questions sharing most words with
    ``asked`` come first ("… that the M&E plan was followed": "Was the M&E Plan implemented?")."""
    found = [
        (q.cells_of("evidence")[0].text, q)
        for q in questions
        if q.source == section.source and q.group == section.label and q.cells_of("evidence")
    ]
    start = section.location.line_start
    if not found and start is not None:
        later = [
            r.location.line_start
            for r in rows
            if r.source == section.source
            and r.label == r.label_cell
            and r.key != section.key
            and r.location.line_start
            and r.location.line_start > start
            and not r.cell("justification")
        ]
        end = min(later, default=None)
        found = [
            (cell.text, r)
            for r in rows
            if r.source == section.source
            and (cell := r.cell("justification")) is not None
            and r.location.line_start
            and r.location.line_start > start
            and (end is None or r.location.line_start < end)
        ]
    words = stems(asked)
    found.sort(key=lambda pair: -len(words & stems(pair[1].label_cell or pair[1].label)))
    return found[:EVIDENCE_PER_SECTION]


_BEST = re.compile(r"\b(?:highest|best|strongest|top|most (?:positive|favourable))\b", re.IGNORECASE)
_WORST = re.compile(r"\b(?:lowest|worst|weakest|poorest|least (?:positive|favourable))\b", re.IGNORECASE)


# words that rank ratings, never a column's numbers ("the highest impact score" is a column's)
_RANKED = re.compile(r"\b(?:best|strongest|worst|weakest|poorest)\b", re.IGNORECASE)


def ranks(text: str) -> bool:
    """ "Which criterion came out weakest?": a question for the best or the worst rated."""
    return bool(_RANKED.search(text)) and bool(_BEST.search(text)) != bool(_WORST.search(text))


def rating_rank(text: str) -> int | None:
    """A rating's place on the profile's scale, best first (0), or None: "Highly Satisfactory
    (HS)" → 0; a longer name wins over one inside it ("Moderately Satisfactory")."""
    names = [(str(n), i) for i, level in enumerate(profiles.load("qa_form").get("rating_order") or []) for n in level]
    for name, rank in sorted(names, key=lambda p: -len(p[0])):
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, 0 if name.isupper() else re.IGNORECASE):
            return rank
    return None


def best_rated(query: Query, rated: Sequence[Record]) -> FactResult | None:
    """ "Which criterion did the evaluation score highest?": the rows of one ratings table with the
    best (or worst) level, each with its rating."""
    best, worst = _BEST.search(query.text), _WORST.search(query.text)
    if not (best or worst) or (best and worst):
        return None
    criteria = [r for r in rated if "overall" not in r.label.lower()]  # the overall rating is no criterion
    ranked = [(rank, r) for r in criteria if (rank := rating_rank(r.text("rating"))) is not None]
    if not ranked:
        return None
    # one table: of the document the question names ("the mid-term evaluation"), else the first
    source = max(dict.fromkeys(r.source for _, r in ranked), key=lambda s: doc_named(query.text, s))
    ranked = [(rank, r) for rank, r in ranked if r.source == source]
    top = (min if best else max)(rank for rank, _ in ranked)
    rows = [r for rank, r in ranked if rank == top]
    ev = [Evidence(r.label_cell or r.label, r) for r in rows] + [Evidence(r.text("rating"), r) for r in rows]
    n = len(rows)
    parts = [f"{r.label_cell or r.label} [{i + 1}]: {r.text('rating')} [{n + i + 1}]" for i, r in enumerate(rows)]
    return FactResult(f"{'Best' if best else 'Lowest'} rated: " + "; ".join(parts) + ".", ev)
