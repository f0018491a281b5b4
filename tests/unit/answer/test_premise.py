"""What a question takes for granted is checked against what its answer cites: a figure given
as known ("of the 30 planned mini-grids") and the people a "why" question names."""

from __future__ import annotations

from assistant.answer.premise import denial, presumed, unsupported_premise
from assistant.core.types import Answer, Chunk, Citation, Location
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit

COMMISSIONED = "By the end of 2022, 15 of the 24 planned mini-grids had been commissioned."
SUPERVISED = (
    "Under the day-to-day supervision of the Chairman of the Steering Committee, the incumbent heads operations."
)


def _answer(quote: str, source: str = "apr.txt") -> Answer:
    return Answer(
        answer=f"{quote} [1]", refused=False, citations=[Citation(source=source, place=Location(source), quote=quote)]
    )


def test_a_figure_the_question_takes_as_known_must_be_the_documents() -> None:
    refused = unsupported_premise("How many of the 30 planned mini-grids were finished by 2022?", _answer(COMMISSIONED))
    assert refused is not None and refused.refused and "30" in refused.answer and "24 planned" in refused.answer
    assert unsupported_premise("How many of the 24 planned mini-grids were finished?", _answer(COMMISSIONED)) is None


def test_a_why_questions_names_must_be_in_the_evidence() -> None:
    asked = "Why is the operations manager supervised day to day by the UNDP Resident Representative?"
    refused = unsupported_premise(asked, _answer(SUPERVISED))
    assert refused is not None and refused.refused and "Chairman of the Steering Committee" in refused.answer
    held = "Why is the incumbent supervised by the Chairman of the Steering Committee?"
    assert unsupported_premise(held, _answer(SUPERVISED)) is None
    # a word naming the cited document ("the QA") is no premise
    graded = "Why did the monitoring question get a low score in the QA?"
    assert unsupported_premise(graded, _answer("Monitoring data were incomplete.", "np-qa-2022.txt")) is None


def test_why_there_is_none_is_answered_by_the_amount_the_documents_give() -> None:
    label = "Activity 2.3 Allocation of scholarships"
    answer = Answer(
        answer="Activity 2.3 (Allocation of scholarships) [1]: 2023: USD 110 706 [2].",
        refused=False,
        citations=[
            Citation(source="plan.txt", place=Location("plan.txt"), quote=label),
            Citation(source="plan.txt", place=Location("plan.txt"), quote="110 706"),
        ],
    )
    refused = unsupported_premise("Why are there no scholarships budgeted for 2023?", answer)
    assert refused is not None and refused.refused and "110 706" in refused.answer
    named_only = Answer(answer=f"{label} [1].", refused=False, citations=answer.citations[:1])
    assert unsupported_premise("Why are there no scholarships budgeted for 2023?", named_only) is None


def _hits(text: str, source: str = "apr.txt") -> list[Hit]:
    chunk = Chunk(id=source, text=text, location=Location(source, line_start=1), title=source)
    return [Hit(chunk, 1.0, 1, 1, 0.6)]


REPORT = (
    "The water tariff rules were drafted and sent to the regulator but had not been approved by December.\n"
    "The district council adopted its irrigation bylaw in May 2023.\n"
)


def test_a_clause_taken_as_done_is_refused_when_the_documents_say_it_was_not() -> None:
    question = "Now that the regulator approved the water tariff rules, how are farmers paying?"
    clause = presumed(question)
    assert clause == "the regulator approved the water tariff rules"
    refused = denial(clause, _hits(REPORT), SourceTexts({"apr.txt": REPORT}.get), None)
    assert refused is not None and refused.refused and "had not been approved" in refused.answer
    assert refused.citations and refused.citations[0].quote.endswith("approved by December.")
    # what the documents do report stands: the question goes on to be answered
    done = presumed("Since the district council adopted its irrigation bylaw, what has changed?")
    assert done is not None and denial(done, _hits(REPORT), SourceTexts({"apr.txt": REPORT}.get), None) is None
    # a clause of time, not of something done, presumes nothing
    assert presumed("Since 2021, how many farmers were trained?") is None
    assert presumed("As the project manager, what should I report?") is None


def test_why_there_is_none_is_no_false_premise_when_the_evidence_says_there_is_none() -> None:
    said = "No agricultural insurance product is available in the project area, and women own 15 percent of plots."
    assert unsupported_premise("Why is there still no insurance product for the farmers?", _answer(said)) is None
    budgeted = "The 2023 budget for scholarships is USD 40,000."
    refused = unsupported_premise("Why are there no scholarships budgeted for 2023?", _answer(budgeted))
    assert refused is not None and refused.refused
