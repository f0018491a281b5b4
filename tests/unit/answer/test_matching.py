"""Rows named by their words: two question words a label writes as one ("mid term" for
"Mid-Term") still name it, and a misspelt word is read as the label's."""

from __future__ import annotations

from assistant.answer.matching import RecordMatcher
from assistant.core.records import Record
from assistant.core.types import Location


def _row(label: str) -> Record:
    return Record("table_row", label.lower(), label, (), Location("plan.txt"), "plan.txt", label_cell=label)


def test_two_words_written_as_one_in_a_label_name_it() -> None:
    rows = [_row("Mid-Term Evaluation"), _row("Terminal Evaluation"), _row("Annual Review")]
    matcher = RecordMatcher(rows)
    assert matcher.best(["mid", "term", "evaluation"], "when is the mid term evaluation due") is rows[0]
    assert matcher.best(["terminal", "evalution"], "terminal evalution cost") is rows[1]


def test_one_word_a_label_writes_as_two_names_it() -> None:
    rows = [_row("Mid Term Project Evaluation"), _row("Annual Project Quality Assurance"), _row("Project Report")]
    question = "when is the mid-term project evaluation planned to be completed?"
    assert RecordMatcher(rows).best(["mid-term", "evaluation", "completed"], question) is rows[0]


def test_a_hyphenated_word_whose_first_part_is_short_names_a_label_that_writes_it_apart() -> None:
    rows = [_row("Hold the final review at no cost to the donor"), _row("Hold the final review in the capital")]
    assert RecordMatcher(rows).best(["no-cost", "review"], "who holds the no-cost review?") is rows[0]


def test_how_many_names_the_row_that_counts_that_thing() -> None:
    # every label mentions the participating countries; one counts them
    rows = [
        _row("Number of triangular cooperation exchanges among ACSH participating countries"),
        _row("Number of ACSH countries participating in knowledge exchange"),
        _row("Number of experts in the ACSH roster advising the participating countries"),
    ]
    question = "how many acsh participating countries are targeted by the end of phase 3?"
    assert RecordMatcher(rows).best(["acsh", "participating", "countries"], question) is rows[1]


def test_a_target_for_a_thing_names_the_row_that_counts_it_without_how_many() -> None:
    # "the target for participating countries" asks what one row counts, as "how many" would
    rows = [
        _row("Number of triangular cooperation exchanges taking place involving ACSH participating countries"),
        _row("Number of ACSH countries participating for exchange of knowledge and experience"),
    ]
    question = "What is the phase 3 target for participating countries?"
    assert RecordMatcher(rows).best(["participating", "countries"], question) is rows[1]


def test_a_rows_own_words_name_it_before_its_groups() -> None:
    # a PDF reads the output's description into both rows' group: only one row says "civil service"
    group = "Output 2 - Capacity building: civil service institutions apply knowledge"
    rows = [
        Record(
            "indicator",
            "2.1",
            "Number of events supporting civil service modernisation",
            (),
            Location("p.pdf"),
            "p.pdf",
            group=group,
        ),
        Record(
            "indicator",
            "2.2",
            "Number of events supporting public service delivery",
            (),
            Location("p.pdf"),
            "p.pdf",
            group=group,
        ),
    ]
    assert RecordMatcher(rows).best(["events", "civil", "service"], "civil service events target") is rows[0]
