"""Row-and-column answers from any table with a header: a risk log ("who owns risk 3?"), a
monitoring plan ("how often is Monitor and Manage Risk done, and who is the partner?"), a
cover page of field/value rows ("start date", "implementing partner"), ratings and budget
delivery tables ("how much of output 2's 2022 budget was spent?").

A row is chosen by its number or its label (``matching``), a column by the words of its
header path; each value is cited from its cell, and arithmetic on cited cells is shown as
"computed: a − b = c" so that a reader (and the evaluation) can check it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant import profiles
from assistant.answer.matching import Embed, RecordMatcher
from assistant.answer.query import Query
from assistant.core.records import Cell, Record
from assistant.core.text import clean, key_terms, same_family, stem, stems, to_number

ROW_MIN_SCORE = 0.55  # a row named only by its words must match them well

# question words that point at a column although the header uses another word
_COLUMN_WORDS = {
    "who": ("owner", "responsible", "partner", "partners", "party", "member", "members", "name"),
    "own": ("owner", "responsible"),
    "often": ("frequency",),
    "frequency": ("frequency",),
    "when": ("date", "frequency", "completion", "timing"),
    "likelihood": ("likelihood", "probability"),
    "chance": ("likelihood", "probability"),
    "probab": ("likelihood", "probability"),
    "impact": ("impact",),
    "pay": ("funding", "funder", "donor"),  # "who pays for it?": its Source of funding column
    "cost": ("cost", "budget", "amount"),
    "budget": ("cost", "budget", "amount"),  # "how much is budgeted for the survey?": its Cost column
    "much": ("cost", "budget", "amount"),
    "mitigat": ("mitigation", "response", "treatment", "management", "countermeasure"),
    "done": ("mitigation", "countermeasure", "treatment"),  # "what is being done about it?"
    "doing": ("mitigation", "countermeasure", "treatment"),
    "status": ("status",),
    "rate": ("rating", "level"),  # "how does the risk log rate it?": its risk level
    "partner": ("partner", "partners"),
    "владел": ("owner",),
    "ответствен": ("owner", "responsible"),
    "вероятност": ("likelihood", "probability"),
    "влияни": ("impact",),
    "статус": ("status",),
    "частот": ("frequency",),
    "стоимост": ("cost",),
}


# column words only a table's columns answer, never a cover page's field ("the chance that …")
_TABLE_ONLY = (
    "often",
    "frequency",
    "likelihood",
    "chance",
    "probab",
    "impact",
    "mitigat",
    "own",
    "вероятност",
    "частот",
)


def wanted_columns(query: Query, record: Record) -> list[Cell]:
    """The cells whose column header the question names (directly or by a column word)."""
    words = stems(query.text)
    extra = {
        stem(w) for q, alts in _COLUMN_WORDS.items() if any(t.startswith(q) for t in query.text.split()) for w in alts
    }
    label_words = stems(record.label)
    by_word, direct = [], []
    for c in record.cells:
        header = stems(c.column.split(" > ")[-1] if c.column else c.role)
        if c.text.strip() == (record.label_cell or "").strip():
            continue
        if header & extra:
            by_word.append(c)  # "how often" → Frequency: what the question asks for
        elif header & (words - label_words):
            direct.append(c)
    return by_word or direct or _said_values(query, record)


_YES_NO = re.compile(r"^\W*(?:was|were|is|are|has|have|had|did|does|do|will|would)\b")


def _said_values(query: Query, record: Record) -> list[Cell]:
    """A yes/no question answered by a cell that says its word ("was it accepted?":
    "Management response: Accepted"), the row's label aside."""
    if not _YES_NO.match(query.text):
        return []
    words = stems(query.text)
    label = clean(record.label_cell or record.label)
    return [c for c in record.cells if clean(c.text) != label and (said := stems(c.text)) and said <= words]


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NOT_ROW_NOUNS = {"year", "phase", "quarter", "output", "indicator", "activity", "outcome", "question", "section"}


def _number_in_question(query: Query, headers: set[str]) -> str | None:
    """The row number a question names: "risk 3", "row 2", or a column's noun with a number or
    an ordinal ("recommendation 1", "the first recommendation": the table with that column)."""
    m = re.search(r"\b(?:risk|row|no\.?|#|риск\w*)\s*(\d{1,3})\b", query.text)
    if m:
        return m.group(1)
    for m in re.finditer(r"\b([a-z]{4,})\s+(?:no\.?\s*|#\s*)?(\d{1,2})\b(?![.,:]?\d)", query.text):
        if m.group(1) not in _NOT_ROW_NOUNS and stem(m.group(1)) in headers:
            return m.group(2)
    for m in re.finditer(rf"\b({'|'.join(_ORDINALS)})\s+([a-z]{{4,}})\b", query.text):
        if m.group(2) not in _NOT_ROW_NOUNS and stem(m.group(2)) in headers:
            return str(_ORDINALS.index(m.group(1)) + 1)
    return None


def asks_superlative(text: str) -> bool:
    """ "Which risk has the highest impact?": a row chosen by the largest value of a column."""
    return _SUPERLATIVE.search(text) is not None


def row_answer(
    records: Sequence[Record], query: Query, question: str, embed: Embed | None
) -> list[tuple[Record, Cell]] | None:
    """The cells the question asks for, each with its row, or None; none for a "when …?" whose
    cells give no date ("QA approver | Deputy Resident Representative": who, not when)."""
    found = _row_answer(records, query, question, embed)
    if found is None:
        return None
    pairs = found if isinstance(found, list) else [(found[0], c) for c in found[1]]
    date = profiles.answer_types()["date"]
    if date.asks.search(question) and not any(date.says.search(c.text) for _, c in pairs):
        return None
    return pairs


def _row_answer(
    records: Sequence[Record], query: Query, question: str, embed: Embed | None
) -> tuple[Record, list[Cell]] | list[tuple[Record, Cell]] | None:
    if not records:
        return None
    # the words of the columns' own headers ("Recommendation", "Likelihood")
    headers = {s for r in records for c in r.cells if c.column for s in stems(c.column.split(" > ")[-1])}
    number = _number_in_question(query, headers)
    row: Record | None = None
    if number:
        # "risk 3": of the rows numbered 3, the one whose table has the columns the question asks for
        numbered = [r for r in records if clean(r.label_cell) == number or r.key == number]
        asked = stems(query.text)
        ranked = sorted(
            numbered,
            key=lambda r: -(len(wanted_columns(query, r)) + len(asked & stems(" ".join(c.column for c in r.cells)))),
        )
        row = next((r for r in ranked if wanted_columns(query, r)), None)
    if row is None:
        fields = [] if any(w.startswith(_TABLE_ONLY) for w in query.text.split()) else _field_rows(records, query)
        if fields:
            source = fields[0].source  # one document's cover page, not several
            return [(r, c) for r in fields if r.source == source for c in _values(r)]
        if best := _superlative(records, query):
            return best
        if valued := _by_value(records, query, headers):
            return valued
        row = quoted_row(records, query)  # "did management agree to it (Extend the project by …)?"
        row = row or _label_said(records, query)  # "who pays for the final evaluation?"
    if row is None:
        words = [w for w in key_terms(query.text) if len(w) > 2]
        # words that name columns ("likelihood", "cost", "owns") ask for cells, not for the row,
        # unless a row's label holds them ("Staff turnover in the partner agency")
        labelled = {s for r in records for s in stems(r.label)}
        asks_cell = tuple(_COLUMN_WORDS)
        named = [w for w in words if stem(w) not in headers and (stem(w) in labelled or not w.startswith(asks_cell))]
        # "risk owner insurance risk": words that name columns ask for a row of a table that has them
        with_columns = [r for r in records if wanted_columns(query, r)] if named and len(named) < len(words) else []
        words = named or words
        matcher = RecordMatcher(with_columns or list(records), embed)
        row = matcher.best(words, question)
        if row is not None and matcher.score_of(row, words, question) < ROW_MIN_SCORE:
            row = None  # a loosely matching row of some table is no answer
        if row is not None and len(words) == 1 and not _in_label(words[0], row.label):
            row = None  # one word ("funding") found among a row's cells does not name the row
    if row is None:
        return None
    if len(alike := _of_one_name(records, row)) > 1:
        # "who represents the beneficiaries?": every "Senior Beneficiary" row, each with all it says
        return [(r, c) for r in alike for c in _values(r)]
    cells = wanted_columns(query, row)
    if cells and all(clean(c.text) == clean(row.label) for c in cells):
        cells += _values(row)  # only the row's own column named ("what does the risk log say about …"): all it says
    return (row, list(dict.fromkeys(cells))) if cells else None


def _of_one_name(records: Sequence[Record], row: Record) -> list[Record]:
    """The rows of the row's table that bear its name ("Senior Beneficiary" five times in a
    board table), in table order; a row found by its name stands for them all."""
    name = clean(row.label_cell)
    return [
        r
        for r in records
        if name and r.source == row.source and r.location.table == row.location.table and clean(r.label_cell) == name
    ]


QUOTED_LABEL_WORDS = 4  # a row label this long, all of it in the question, is the row meant


def quoted_row(records: Sequence[Record], query: Query) -> Record | None:
    """The row whose whole (long) label the question holds, as a follow-up carries the row an
    answer quoted; of several, the one with the longest label."""
    asked = set(key_terms(query.text))
    quoted = [(len(t), r) for r in records if len(t := set(key_terms(r.label))) >= QUOTED_LABEL_WORDS and t <= asked]
    return max(quoted, key=lambda x: x[0])[1] if quoted else None


_SAYS = re.compile(r"\b(?:say|says|said|find|finds|found|note[sd]?|conclude[sd]?)\b")  # … or what it recommends


def _label_said(records: Sequence[Record], query: Query) -> Record | None:
    """The row whose label of two or more words the question says as written ("the final
    evaluation" names "Final evaluation") and asks a column of; of several, the longest. What a
    document says ("what did the mid-term evaluation recommend?") is asked of the document."""
    if _RECOMMENDED.search(query.text) or _SAYS.search(query.text):
        return None
    said = [
        (len(name), r)
        for r in records
        if len((name := clean(r.label_cell).lower()).split()) >= 2
        and re.search(rf"\b{re.escape(name)}\b", query.text)
        and wanted_columns(query, r)
    ]
    return max(said, key=lambda x: x[0])[1] if said else None


def _in_label(word: str, label: str) -> bool:
    """The word is the label's, however hyphens and spaces write it ("mid-term" in "Mid Term"),
    or another of its family ("insurer" for "insurance")."""
    squeezed = re.sub(r"[\s-]", "", label.lower())
    said = stems(label)
    return (
        stem(word) in said
        or re.sub(r"[\s-]", "", word.lower()) in squeezed
        or any(same_family(stem(word), s) for s in said)
    )


def _values(row: Record) -> list[Cell]:
    """The row's cells besides its name that say something: a word or a figure, not a bare
    tick box ("Moderate Risk | ☐" states nothing)."""
    return [c for c in row.cells if c.text.strip() != (row.label_cell or "").strip() and re.search(r"\w", c.text)]


def _field_rows(records: Sequence[Record], query: Query) -> list[Record]:
    """Rows of field/value tables ("Start Date | 1 January 2020") whose field name the
    question says in full: "start and end dates" names both "Start Date" and "End Date"."""
    if _RECOMMENDED.search(query.text):
        return []  # what a review recommends is in its recommendations, never a cover-page field
    # a follow-up's field is in its own words: "did it happen (… delays decisions)?" asks no "Decision"
    own = query.text.split(" (")[0] if query.text.rstrip("? ").endswith(")") else query.text
    query = replace(query, text=_with_agents(own, records))
    asked = stems(query.text)
    tables: dict[tuple[str, int | None], set[str]] = {}
    for r in records:
        tables.setdefault((r.source, r.location.table), set()).update(stems(" ".join(c.text for c in r.cells)))
    out = []
    for r in records:
        if len(_values(r)) != 1 or not r.label_cell:
            continue
        words = stems(r.label_cell)
        if not _label_words(r.label_cell) <= _label_words(query.text):
            continue  # every word of the field's name, even one too common to search by ("report")
        if not _word_forms(r.label_cell) <= _word_forms(query.text):
            continue  # as words, not only stems: "Commissioned by" is not the "Regulatory Commission"
        # a template term the question names must be the table's too: "SBAA date" asks for the
        # date of an agreement the cover page never names, not the cover page's "Date"
        elsewhere = (asked & _template_terms()) - words - tables[(r.source, r.location.table)]
        if words and len(words) <= 4 and words <= asked and not elsewhere:
            out.append(r)
    return out


def _with_agents(text: str, records: Sequence[Record]) -> str:
    """A "who …?" question names the one who does what it asks about: "who carried out the
    assessment?" names a field "QA assessor", "who approved it?" a "QA approver"."""
    if not re.match(r"\W*(?:who|кто)\b", text):
        return text
    said = re.findall(r"[a-z]{5,}", text)
    agents = {
        w
        for r in records
        for w in re.findall(r"[a-z]+(?:or|er)\b", r.label_cell.lower())
        if len(base := w[:-2]) >= 5 and any(q.startswith(base) and q != w for q in said)
    }
    return f"{text} {' '.join(sorted(agents))}" if agents else text


_RECOMMENDED = re.compile(r"\brecommend\w*|\bsuggest\w*|\bpropos\w*|\bрекоменд\w*")
_FUNCTION_WORDS = {"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "by", "with", "at", "from", "per"}


def _label_words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in _FUNCTION_WORDS}


def _word_forms(text: str) -> set[str]:
    """A text's words as written, less a plural's "s" ("start dates" says "Start Date")."""
    return {re.sub(r"(?<=\w\w)s$", "", w) for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in _FUNCTION_WORDS}


def _template_terms() -> set[str]:
    """The UNDP template's own acronyms (the ``questions`` profile's glossary), as stems."""
    return {stem(a.lower()) for a in profiles.load("questions").get("acronyms") or {}}


_SUPERLATIVE = re.compile(
    r"\b(highest|largest|biggest|most|maximum|greatest|lowest|smallest|least|minimum|"
    r"наибольш\w*|максимальн\w*|наименьш\w*|минимальн\w*)\b"
)


def asks_lowest(text: str) -> bool:
    """ "the lowest impact", "gets the least money": the superlative asks for the smallest value."""
    m = _SUPERLATIVE.search(text)
    return m is not None and m.group(1).startswith(("low", "small", "least", "minim", "наимен", "минимал"))


def _superlative(records: Sequence[Record], query: Query) -> list[tuple[Record, Cell]] | None:
    """ "Which risk has the highest impact?": the row(s) with the largest number in the column
    the question names, within one table."""
    m = _SUPERLATIVE.search(query.text)
    if not m:
        return None
    low = asks_lowest(query.text)
    best: list[tuple[Record, Cell]] = []
    best_value: float | None = None
    for r in records:
        for c in wanted_columns(query, r):
            v = to_number(c.text)
            if v is None:
                continue
            if best_value is None or (v < best_value if low else v > best_value):
                best, best_value = [(r, c)], v
            elif v == best_value and best and best[0][0].source == r.source:
                best.append((r, c))
    # "… and who owns it?": the winning rows' other asked columns too
    return [(r, c) for r, top in best for c in dict.fromkeys([top, *wanted_columns(query, r)])] or None


_VALUE_WORDS = 20  # a value (a status, a risk's name, a rating line) is a phrase, not a paragraph
_VALUE_ROWS = 6  # rows a value may select at once; more is a column's common value, no selection
_CATEGORY_WORDS = 2  # a category cell ("High", "Closed (2022)") is a word or two


def _by_number(records: Sequence[Record], query: Query) -> list[tuple[Record, Cell]] | None:
    """ "Which risk has an impact of 5?": the rows of one table whose cell under the column the
    question names is that number."""
    wanted = {n for n in re.findall(r"(?<![\d.,])(\d{1,3})(?![\d.,])", query.text)}
    if not wanted:
        return None
    asked = stems(query.text)
    hits = [
        (r, c)
        for r in records
        for c in r.cells
        if c.column and clean(c.text) in wanted and stems(c.column.split(" > ")[-1]) & asked
    ]
    rows = list(dict.fromkeys(r for r, _ in hits))
    if not rows or len(rows) > _VALUE_ROWS or len({(r.source, r.location.table) for r in rows}) != 1:
        return None
    return hits


def _by_value(records: Sequence[Record], query: Query, headers: set[str]) -> list[tuple[Record, Cell]] | None:
    """ "Which risk is closed?": the one row with a cell that starts with a rare word of the
    question (a status, a category), answered with that row's name and the cell."""
    if not re.search(r"\bwhich\b|\bкак(?:ой|ая|ие) из\b", query.text):
        return None  # only a selection question ("which risk is closed?") looks rows up by a value
    if (numbered := _by_number(records, query)) is not None:
        return numbered
    # a word of the columns' headers ("risk") names the table, not a value of one of its rows
    words = {w for w in key_terms(query.text) if len(w) >= 4 and w.isalpha() and stem(w) not in headers}
    words -= set(_COLUMN_WORDS)  # "what is being done about it?" asks a column, it is no value
    hits = []
    for r in records:
        for c in r.cells:
            # a short cell's first word, or a short line's: "P = 2 / I = 5 / Moderate" is rated
            # Moderate; a paragraph ("The project’s governance mechanism, i.e. …") is no value
            firsts = {
                next(iter(key_terms(line)), "") for line in c.text.split("\n") if len(line.split()) <= _VALUE_WORDS
            }
            if firsts & words and c.text.strip() != (r.label_cell or "").strip():
                hits.append((r, c))
    rows = list(dict.fromkeys(r for r, _ in hits))
    if len(rows) > 1:
        # several rows share a value only as a category cell of a column the question names,
        # in one table: "which recommendations are high priority?" (Priority: High)
        if len({(r.source, r.location.table) for r in rows}) != 1:
            return None
        asked = stems(query.text)
        hits = [
            (r, c)
            for r, c in hits
            if stems(c.column.split(" > ")[-1]) & asked
            and any(len(line.split()) <= _CATEGORY_WORDS for line in c.text.split("\n"))
        ]
        rows = list(dict.fromkeys(r for r, _ in hits))
        if len(rows) > _VALUE_ROWS:
            return None
    if not rows:
        return None
    out: list[tuple[Record, Cell]] = []
    for row in rows:
        name = next((c for c in row.cells if clean(c.text) == row.label), None)
        cells = [name] if name else []
        cells += [c for r, c in hits if r is row] + wanted_columns(query, row)  # "… and who owns it?"
        out += [(row, c) for c in dict.fromkeys(cells)]
    return out
