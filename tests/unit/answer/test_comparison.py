"""A comparison question is answered side by side: each side asked on its own, both cited, and
whether the figures agree said plainly; a side not found gives no comparison."""

from __future__ import annotations

from assistant.answer.comparison import compare, sides
from assistant.core.types import Answer, Citation, Location


def _answer(text: str, quote: str, source: str) -> Answer:
    return Answer(
        answer=f"{text} [1]",
        refused=False,
        citations=[Citation(source=source, place=Location(source=source), quote=quote)],
    )


def test_the_two_sides_of_a_comparison_are_read_as_questions() -> None:
    assert sides("Does the funding in the closure report match the budget in the project document?") == (
        "What is the funding in the closure report?",
        "What is the budget in the project document?",
    )
    assert sides("How does the 2022 delivery compare with the 2021 delivery?") == (
        "What is the 2022 delivery?",
        "What is the 2021 delivery?",
    )
    assert sides("What is the 2022 budget of output 2?") is None


def test_both_sides_are_cited_and_a_disagreement_is_said() -> None:
    answers = {
        "What is the funding in the closure report?": _answer(
            "USD 3,600,000", "in an amount of USD 3,600,000", "qa.txt"
        ),
        "What is the budget in the project document?": _answer(
            "USD 4,660,000", "Total resources: 4,660,000", "prodoc.txt"
        ),
    }
    found = compare(
        "Does the funding in the closure report match the budget in the project document?", answers.__getitem__
    )
    assert found is not None and not found.refused
    assert "[1]" in found.answer and "[2]" in found.answer and "The figures differ." in found.answer
    assert [c.source for c in found.citations] == ["qa.txt", "prodoc.txt"]


def test_a_side_not_found_gives_no_comparison() -> None:
    def ask(question: str) -> Answer:
        return Answer(answer="Not found in the documents.", refused=True)

    assert compare("Does the funding in the closure report match the budget in the project document?", ask) is None


def test_one_subject_asked_of_two_phases_is_decomposed() -> None:
    assert sides("Was the implementing partner the same in phase 2 (project 00108694) and in phase 3?") == (
        "What is the implementing partner in phase 2 (project 00108694)?",
        "What is the implementing partner in phase 3?",
    )
    # the second part names only its phase: it takes the first part's subject
    assert sides("Compare the share of women at phase 2 events with what phase 3 aims for.") == (
        "What is the share of women at phase 2 events?",
        "What is the phase 3 target for share women events?",
    )
    assert sides("Phase 2 ended with how many participating countries, and what does phase 3 aim for?") == (
        "Phase 2 ended with how many participating countries?",
        "What is the phase 3 target for participating countries?",
    )
    # a second part with a subject of its own is no comparison of one thing
    assert sides("How many countries took part in phase 2, and what was the budget of phase 3?") is None


def test_a_statement_then_how_does_it_compare_is_decomposed() -> None:
    question = "The closure report gives an amount for the next phase — how does it compare to the total budget?"
    assert sides(question) == (
        "What is The closure report gives an amount for the next phase?",
        "What is the total budget?",
    )


def test_answers_of_one_subject_stand_side_by_side_without_figures() -> None:
    answers = {
        "What is the implementing partner in phase 2?": _answer("The Agency was selected", "The Agency", "qa.txt"),
        "What is the implementing partner in phase 3?": _answer("The Agency is", "The Agency is", "prodoc.txt"),
    }
    found = compare("Was the implementing partner the same in phase 2 and in phase 3?", answers.__getitem__)
    assert found is not None and [c.source for c in found.citations] == ["qa.txt", "prodoc.txt"]
    assert "figures" not in found.answer  # no figures, no verdict on them


def test_a_difference_asked_is_computed_from_the_two_cited_figures() -> None:
    answers = {
        "What is the grand total?": _answer("USD 4 660 000", "USD 4\xa0660\xa0000", "prodoc.txt"),
        "What is the total for all outputs?": _answer("USD 4 300 000", "USD 4\xa0300\xa0000", "prodoc.txt"),
    }
    found = compare(
        "What is the difference between the grand total and the total for all outputs?", answers.__getitem__
    )
    assert found is not None
    assert "computed: 4 660 000 − 4 300 000 = 360 000" in found.answer


def test_percentages_are_figures_to_compare() -> None:
    answers = {
        "What is the share of women in phase 2?": _answer(
            "51 per cent", "On average, 51 per cent were female", "qa.txt"
        ),
        "What is the phase 3 target for share women?": _answer("50% women", "1,000 50% women", "prodoc.txt"),
    }
    found = compare("How does the share of women in phase 2 compare with the phase 3 target?", answers.__getitem__)
    assert found is not None and "The figures differ." in found.answer


def test_a_document_is_named_by_the_words_its_name_does_not_share() -> None:
    from assistant.answer.naming import documents_named

    sources = ["acsh-phase2-closure-qa-report.txt", "acsh-phase3-project-document.txt"]
    assert documents_named("the phase 3 funding mentioned in the closure QA", sources) == (sources[0],)
    assert documents_named("the budget in the phase 3 project document", sources) == (sources[1],)
    assert documents_named("what is the ACSH project about?", sources) == ()  # "acsh" names every one


def test_a_phase_is_named_by_its_number_or_its_ordinal() -> None:
    from assistant.answer.assistant import phase_asked

    assert phase_asked("How long is the third phase meant to run?") == "3"
    assert phase_asked("What did phase 2 achieve?") == "2"
    assert phase_asked("What did the project achieve?") is None


def test_a_second_part_without_a_subject_leans_on_the_first() -> None:
    from assistant.answer.comparison import decompose

    found = decompose(
        "Solar pumps: by how much did they beat the 2022 target, and how many more are needed for the end target?"
    )
    assert found is not None and found.first.startswith("Solar pumps: by how much")
    assert "solar pumps" in found.second.lower() and "end target" in found.second
    # a second part with a subject of its own is no follow-up
    assert decompose("What is the 2022 budget of activity 1.1, and what is the gender marker of output 2?") is None


def test_how_far_is_it_from_compares_the_two_sentences_parts() -> None:
    from assistant.answer.comparison import decompose

    found = decompose(
        "The closure QA quotes a funding figure for phase 3. How far is it from the budget in the phase 3 project document?"
    )
    assert found is not None and found.second == "What is the budget in the phase 3 project document?"
    assert "closure QA quotes a funding figure" in found.first


def test_a_total_given_first_with_its_parts_is_the_sides_figure() -> None:
    from assistant.answer.comparison import _difference

    total = [("4660000", "4,660,000"), ("4300000", "4,300,000")]
    assert _difference([("3600000", "3,600,000")], total) == "Difference, computed: 4,660,000 − 3,600,000 = 1,060,000"
    yearly = [("97500", "97,500"), ("142700", "142,700")]  # an activity's years: no one figure
    assert _difference([("3600000", "3,600,000")], yearly) is None


def test_two_questions_in_one_are_both_answered_and_not_compared() -> None:
    question = "In the work plan, how big is the UNDP parallel contribution and what is the grand total?"
    assert sides(question) == (
        "In the work plan, how big is the UNDP parallel contribution?",
        "what is the grand total?",
    )
    answers = {
        "In the work plan, how big is the UNDP parallel contribution?": _answer(
            "UNDP parallel contribution: 360 000", "360 000", "prodoc.txt"
        ),
        "what is the grand total?": _answer("Grand total: 4 660 000", "4 660 000", "prodoc.txt"),
    }
    found = compare(question, answers.__getitem__)
    assert found is not None and "360 000 [1]" in found.answer and "4 660 000 [2]" in found.answer
    assert "differ" not in found.answer and "agree" not in found.answer  # two facts, not one fact twice
    # a second part without a subject of its own is no second question
    assert sides("What was the 2022 target for indicator 2.1, and what was achieved?") != (
        "What was the 2022 target for indicator 2.1?",
        "what was achieved?",
    )


def test_one_thing_in_two_documents_is_decomposed() -> None:
    assert sides("2025 budget excl GMS: progress report vs work plan") == (
        "What is the 2025 budget excl GMS in the progress report?",
        "What is the 2025 budget excl GMS in the work plan?",
    )
    assert sides("the 2025 budget in the progress report versus the work plan") == (
        "What is the 2025 budget in the progress report?",
        "What is the 2025 budget in the work plan?",
    )
    # two places or groups are no two documents: "… versus …" splits a figure there
    assert sides("How many of the commissioned mini-grids are in Sudurpashchim versus Karnali?") is None
