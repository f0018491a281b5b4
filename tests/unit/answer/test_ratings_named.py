"""Ratings from the document the question names: a QA form's section (named on its own rating
line in a text export) or an evaluation's criterion, however the question says which."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

QA = (
    "Quality Assurance Report: Implementation\n\n"
    "Effective - Quality Rating: Satisfactory\n\n"
    "#\tQuestion\tRating\tEvidence\n"
    "15\tIs the project on track to deliver its expected outputs?\tYes\tFive of ten targets were met.\n\n"
    "Sustainability & National Ownership - Quality Rating: Highly Satisfactory\n\n"
    "#\tQuestion\tRating\tEvidence\n"
    "20\tIs there a sustainability and transition plan?\t2\tA draft hand-over strategy exists.\n"
)
MTE = (
    "Mid-Term Evaluation\n\n3. Ratings\n\n"
    "Criterion\tRating\tJustification\n"
    "Efficiency\tModerately Satisfactory (MS)\tProcurement delays reduced delivery.\n"
    "Sustainability\tModerately Likely (ML)\tReserve funds are still small.\n"
)


@pytest.fixture()
def finder(tmp_path: Path) -> FactFinder:
    store = indexed(tmp_path / "home", {"solar-qa-implementation-2022.txt": QA, "solar-midterm-evaluation.txt": MTE})
    return FactFinder(store, ())


def test_a_qa_section_named_on_its_rating_line_has_that_rating(finder: FactFinder) -> None:
    found = finder.answer("How did the QA assess sustainability?")
    assert found is not None and "Highly Satisfactory" in found.text and "Likely" not in found.text
    assert "A draft hand-over strategy exists." in found.text  # "how did it assess": its evidence too
    assert "Five of ten targets" not in found.text  # the Effective section's, not this one's
    plain = finder.answer("What rating did the QA give sustainability?")
    assert plain is not None and "hand-over" not in plain.text
    effective = finder.answer("What rating did the QA give the Effective section?")
    assert effective is not None and "rated Satisfactory" in effective.text


def test_an_evaluation_named_in_other_words_gives_its_own_rating(finder: FactFinder) -> None:
    found = finder.answer("How did the evaluators rate sustainability?")
    assert found is not None and "Moderately Likely" in found.text
    efficiency = finder.answer("What rating did the mid-term evaluation give efficiency?")
    assert efficiency is not None and "Moderately Satisfactory" in efficiency.text
    acronym = finder.answer("mte efficiency rating")
    assert acronym is not None and "Moderately Satisfactory" in acronym.text  # MTE: the template's acronym


def test_the_evidence_of_the_qa_question_asked_about_comes_first(tmp_path: Path) -> None:
    rows = [
        ("9", "Were risks to the project monitored?", "The risk log was updated."),
        ("10", "Were the project board meetings held?", "The board met once a year."),
        ("11", "Were lessons learned captured?", "Lessons were documented."),
        ("12", "Was the project's M&E Plan adequately implemented?", "Reporting took place quarterly."),
    ]
    qa = (
        "Quality Assurance Report: Closure\n\nManagement & Monitoring - Quality Rating: Satisfactory\n\n"
        "#\tQuestion\tRating\tEvidence\n" + "".join(f"{n}\t{q}\t2\t{e}\n" for n, q, e in rows)
    )
    finder = FactFinder(indexed(tmp_path / "home", {"qa-closure.txt": qa}), ())
    found = finder.answer("What evidence did the QA give that the M&E plan was followed?")
    assert found is not None and "Reporting took place quarterly." in found.text
    lessons = finder.answer("What did the QA say about lessons learned?")  # a question of the form, by its words
    assert lessons is not None and "Lessons were documented." in lessons.text and "quarterly" not in lessons.text


FORM = """Project QA Assessment: Closure

**Principled****Quality Rating: Satisfactory**

7. Were social and environmental impacts and risks successfully managed and monitored?

- 3: Risks were tracked in the risk log and assessed.
- 2: *Risks were tracked in the risk log.*
- 1: Risks were not tracked.

**Evidence:**

Project was categorized as low risk through the SESP.

8. Were grievance mechanisms available to project-affected people?

- 2: *People were informed of the accountability mechanism.*
- 1: People were not informed.

**Evidence:**

No grievances were received during the project.
"""


def test_a_qa_forms_question_named_by_its_words_gives_its_level_and_evidence(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"qa-closure.txt": FORM}), ())
    found = finder.answer("What did the QA say about the grievance mechanisms?")
    assert found is not None and "No grievances were received during the project." in found.text
    assert "SESP" not in found.text  # question 7's evidence, not this one's


def test_the_criterion_rated_best_or_worst_is_read_on_the_scale(tmp_path: Path) -> None:
    mte = (
        "Mid-Term Evaluation\n\n3. Ratings\n\nCriterion\tRating\tJustification\n"
        "Relevance\tHighly Satisfactory (HS)\tAligned with national plans.\n"
        "Efficiency\tModerately Satisfactory (MS)\tProcurement delays reduced delivery.\n"
        "Effectiveness\tSatisfactory (S)\tMost targets were met.\n"
        "Overall project rating\tSatisfactory (S)\tOn track.\n"
        "\nAnnex. Risk log\n\n#\tRisk\tLikelihood\tImpact\n1\tFloods damage sites\t3\t4\n2\tLow tariff collection\t3\t5\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"mte.txt": mte}), ())
    best = finder.answer("Which criterion did the evaluation score highest?")
    assert best is not None and "Relevance" in best.text and "Efficiency" not in best.text
    worst = finder.answer("Which criterion got the lowest rating?")
    assert worst is not None and "Efficiency" in worst.text and "Overall" not in worst.text
    impact = finder.answer("Which risk has the highest impact score?")  # a column's number, not a rating
    assert impact is not None and "Low tariff collection" in impact.text


def test_a_summary_table_criterion_named_as_a_criterion_has_its_rating(tmp_path: Path) -> None:
    design = (
        "Quality Assurance: Design\n\n2. Summary of ratings\n\n"
        "Criterion\tQuestions\tRatings given\tCriterion rating\n"
        "Strategic\t1-3\t3, 3, 2\tHighly Satisfactory\n"
        "Principled\t4-6\t2, 2, 2\tSatisfactory\n"
        "Efficient\t7-9\t1, 2, 2\tNeeds Improvement\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"wash-design-qa.txt": design}), ())
    found = finder.answer("What rating did the design QA give the Principled criterion?")
    assert found is not None and not found.refused
    assert "Satisfactory" in found.text and "Highly" not in found.text and "Needs" not in found.text


def test_the_mid_term_evaluation_names_a_document_not_a_mid_term_target() -> None:
    from assistant.answer.query import parse_query

    assert "midterm" not in parse_query("What does the mid-term evaluation say about the advisory service?").fields
    assert "midterm" not in parse_query("Что среднесрочная оценка говорит о службе?").fields
    assert "midterm" in parse_query("What is the mid-term target for indicator 1.2?").fields


def test_the_questions_under_a_criterion_are_listed_with_their_ratings(tmp_path: Path) -> None:
    form = (
        "Quality Assurance: Design\n\n3. Assessment by question\n\n"
        "Criterion\tNo.\tQuestion\tRating\tEvidence and comments\n"
        "Strategic\t1\tIs the theory of change clear?\t3\tA full theory of change is annexed.\n"
        "Principled\t2\tDoes the project apply a human rights-based approach?\t2\tTargeting is described.\n"
        "\t3\tIs the design based on a gender analysis?\t1\tNo gender analysis was made.\n"
        "Efficient\t4\tIs the budget justified?\t2\tUnit costs are from past projects.\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"wash-design-qa.txt": form}), ())
    found = finder.answer("Which questions fall under the Principled criterion?")
    assert found is not None and not found.refused
    assert "human rights-based approach" in found.text and "gender analysis" in found.text
    assert "rated 1" in found.text and "rated 2" in found.text
    assert "theory of change" not in found.text and "budget justified" not in found.text
    # every figure it states is one of its quotes (the questions' numbers and count are not)
    stated = set(re.findall(r"\d+", re.sub(r"\[\d+\]", " ", found.text)))
    assert stated <= {n for e in found.evidence for n in re.findall(r"\d+", e.quote)}


def test_a_summary_tables_question_range_is_given_when_question_numbers_are_asked(tmp_path: Path) -> None:
    summary = (
        "Quality Assurance: Implementation\n\nSummary of Quality Ratings\n\n"
        "Criterion\tQuestions\tQuality Rating\n"
        "Strategic\t1-2\tSatisfactory\n"
        "Efficient\t12-14\tHighly Satisfactory\n"
        "Effective\t15-17\tNeeds Improvement\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"solar-qa-implementation.txt": summary}), ())
    found = finder.answer("Which question numbers fall under the Efficient criterion?")
    assert found is not None and not found.refused
    assert "12-14" in found.text and "Highly Satisfactory" in found.text and "15-17" not in found.text


def test_the_criteria_a_ratings_table_gave_one_level_are_listed(tmp_path: Path) -> None:
    design = (
        "Quality Assurance: Design\n\n2. Summary of ratings\n\n"
        "Criterion\tQuestions\tRatings given\tCriterion rating\n"
        "Strategic\t1-3\t3, 3, 2\tHighly Satisfactory\n"
        "Principled\t4-6\t2, 2, 2\tSatisfactory\n"
        "Effective\t7-9\t3, 3, 2\tHighly Satisfactory\n"
        "Overall project rating\t1-9\t–\tSatisfactory\n"
    )
    evaluation = (
        "Mid-term Evaluation\n\n2. Ratings\n\nCriterion\tRating\tJustification\n"
        "Relevance\t6 – Highly satisfactory\tFarmers named water as their first need.\n"
        "Efficiency\t5 – Satisfactory\tMost of the budget was spent.\n"
    )
    store = indexed(tmp_path / "home", {"wash-design-qa.txt": design, "wash-midterm-evaluation.txt": evaluation})
    found = FactFinder(store, ()).answer("Which criteria got Highly Satisfactory in the design QA?")
    assert found is not None and not found.refused
    assert "Strategic" in found.text and "Effective" in found.text
    assert "Principled" not in found.text and "Relevance" not in found.text and "Overall" not in found.text


def test_which_criterion_came_out_weakest_ranks_the_ratings(tmp_path: Path) -> None:
    design_qa = (
        "Design Quality Assurance\n\nAssessment stage\tDesign (Appraisal Committee of 5 December 2023)\n\n"
        "Criterion\tRating\n"
        "Strategic\tHighly Satisfactory\nRelevant\tSatisfactory\nManagement and Monitoring\tNeeds Improvement\n"
    )
    store = indexed(tmp_path / "home", {"design-qa.txt": design_qa})
    found = FactFinder(store, ()).answer("Which criterion came out weakest in the design QA?")
    assert found is not None and "Management and Monitoring" in found.text and "Needs Improvement" in found.text
    assert "Strategic" not in found.text


def test_a_qa_question_named_by_what_it_asks_gives_its_rating_and_evidence(tmp_path: Path) -> None:
    form = (
        "Design Quality Assurance\n\n"
        "Criterion\t#\tQuestion\tRating\tEvidence\n"
        "Strategic\t2\tIs the project aligned with the thematic focus of the UNDP Strategic Plan?\t3\tThe results framework refers to the Strategic Plan output.\n"
        "Management and Monitoring\t10\tDoes the project have a strong results framework?\t1\tThe baseline of 350 hectares has not been verified.\n"
        "Management and Monitoring\t11\tIs the governance mechanism clearly defined?\t2\tThe board is named.\n"
    )
    store = indexed(tmp_path / "home", {"design-qa.txt": form})
    found = FactFinder(store, ()).answer("Why did the results framework question get a rating of 1 in the QA?")
    assert found is not None and "350 hectares" in found.text and "governance" not in found.text
