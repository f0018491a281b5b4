"""Extractive answers quote the document's own words: a table row's cell values (from the
record's composed text, checked verbatim), never the composed text itself; a "why" question
answered only by a recommendation is refused as an unsupported premise, with the quote."""

from __future__ import annotations

from assistant.answer.extractive import extractive_answer
from assistant.core.types import Chunk, Location
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit

QA_FORM = (
    "8\tAre grievance mechanisms available to project-affected people?\t2\t"
    "A project grievance redress mechanism was set up in 2021; 11 grievances were received in 2022, "
    "of which 9 were resolved.\n"
)
MTE = "1\tExtend the project by 12 months at no cost, to 31 December 2025, to allow completion of the remaining mini-grids.\tProject Board\tHigh\n"
DOCS = {"qa.txt": QA_FORM, "mte.txt": MTE}


def _hit(source: str, text: str, chunk_type: str) -> Hit:
    chunk = Chunk(id=source, text=text, location=Location(source, line_start=1), title=source, chunk_type=chunk_type)
    return Hit(chunk, 1.0, 1, 1, 0.6)


def test_a_records_cell_values_answer_and_are_quoted_verbatim() -> None:
    composed = (
        "Are grievance mechanisms available to project-affected people?. Rating: 2. Justification: "
        "A project grievance redress mechanism was set up in 2021; 11 grievances were received in 2022, "
        "of which 9 were resolved.."
    )
    answer = extractive_answer(
        "How many grievances were received in 2022?", [_hit("qa.txt", composed, "record")], SourceTexts(DOCS.get)
    )
    assert not answer.refused and "11 grievances were received in 2022" in answer.answer
    assert all(c.quote in QA_FORM for c in answer.citations)
    assert "Justification" not in answer.answer and ".." not in answer.answer


def test_a_why_question_answered_only_by_a_recommendation_is_refused_with_it() -> None:
    composed = "Extend the project by 12 months at no cost, to 31 December 2025, to allow completion of the remaining mini-grids. Addressed to: Project Board. Priority: High."
    hits = [_hit("mte.txt", composed, "record")]
    answer = extractive_answer("Why was the project extended to 2025?", hits, SourceTexts(DOCS.get))
    assert answer.refused and "recommend" in answer.answer
    assert [c.quote for c in answer.citations] == [MTE.split("\t")[1]]
    asked = extractive_answer("What did the evaluation recommend about 31 December 2025?", hits, SourceTexts(DOCS.get))
    assert not asked.refused and "31 December 2025" in asked.answer


def test_how_often_is_answered_by_the_sentence_that_gives_a_frequency() -> None:
    report = (
        "Results of such evaluations appear in the progress reports and in Steering Committee meeting minutes. "
        "The Steering Committee functioned well. Steering Committee meetings took place once per year.\n"
    )
    answer = extractive_answer(
        "How often did the Steering Committee meet?",
        [_hit("closure.txt", report, "text")],
        SourceTexts({"closure.txt": report}.get),
    )
    assert not answer.refused and answer.answer.startswith("Steering Committee meetings took place once per year.")


def test_a_passage_about_another_output_does_not_answer_for_this_one() -> None:
    text = "Output 2 - Capacity building and peer learning\nGender marker: GEN2\n"
    docs = {"plan.txt": text}
    hits = [_hit("plan.txt", text, "table_row")]
    asked = extractive_answer("What is the gender marker of Output 2?", hits, SourceTexts(docs.get))
    assert not asked.refused and "GEN2" in asked.answer
    other = extractive_answer("What is the gender marker of Output 3?", hits, SourceTexts(docs.get))
    assert other.refused and "GEN2" not in other.answer


def test_a_question_in_the_document_is_not_its_own_answer() -> None:
    text = "Was the project on track and delivered its expected outputs?\nThe project was on track and exceeded its expected outputs.\n"
    docs = {"qa.txt": text}
    answer = extractive_answer(
        "Was the project on track and did it deliver its expected outputs?",
        [_hit("qa.txt", text, "text")],
        SourceTexts(docs.get),
    )
    assert (
        not answer.refused
        and answer.citations[0].quote == "The project was on track and exceeded its expected outputs."
    )


def test_a_name_the_documents_never_give_is_said_to_be_missing() -> None:
    text = "The Project Manager, recruited by UNDP and based at AEPC, runs the project day to day.\n"
    docs = {"prodoc.txt": text}
    hits = [_hit("prodoc.txt", text, "text")]
    answer = extractive_answer("What is the name of the project manager?", hits, SourceTexts(docs.get))
    assert answer.refused and "give no name" in answer.answer
    named = "The Project Manager, Ms Sita Karki, runs the project day to day.\n"
    hits = [_hit("prodoc.txt", named, "text")]
    found = extractive_answer("What is the name of the project manager?", hits, SourceTexts({"prodoc.txt": named}.get))
    assert not found.refused and "Sita Karki" in found.answer


def test_a_rubric_level_the_assessor_did_not_choose_is_no_answer() -> None:
    text = (
        "7. Were risks managed?\n- 3: Risks were tracked in Atlas and reviewed quarterly.\n"
        "- 2: *Risks were tracked in the risk log.*\n- 1: Risks were not tracked.\n"
    )
    docs = {"qa.txt": text}
    answer = extractive_answer("How were risks tracked?", [_hit("qa.txt", text, "text")], SourceTexts(docs.get))
    assert not answer.refused and "risk log" in answer.answer and "Atlas" not in answer.answer


def test_a_year_alone_does_not_answer_a_question_about_a_budget() -> None:
    text = "The Cooperation Framework 2021-2025 for Kazakhstan advocates an effective public sector."
    hits = [_hit("prodoc.txt", text, "text")]
    answer = extractive_answer("What is the budget for 2025?", hits, SourceTexts({"prodoc.txt": text}.get))
    assert answer.refused


def test_the_words_that_name_a_passages_document_are_said_by_it() -> None:
    # "the mid-term evaluation" names the document; the sentence need not repeat it
    text = "The extension would move the end date to 31 December 2025."
    docs = {"np-solar-midterm-evaluation.txt": text, "np-solar-annual-report-2022.txt": "Annual figures."}
    hits = [
        _hit("np-solar-midterm-evaluation.txt", text, "text"),
        _hit("np-solar-annual-report-2022.txt", "Annual figures.", "text"),
    ]
    answer = extractive_answer(
        "What end date does the midterm evaluation propose for the extension?", hits, SourceTexts(docs.get)
    )
    assert not answer.refused and "31 December 2025" in answer.answer


def test_a_runner_up_holding_more_of_the_question_answers_with_its_figure() -> None:
    # the figure's own sentence says "female", not "women at events"; the one before says "events"
    text = (
        "The project ensured a gender balance among the women and men taking part in its events. "
        "On average, 51 per cent of participants were female."
    )
    hits = [_hit("qa.txt", text, "text")]
    answer = extractive_answer("What is the share of women at the events?", hits, SourceTexts({"qa.txt": text}.get))
    assert not answer.refused and "51 per cent" in answer.answer


def test_how_many_inside_the_question_still_asks_for_a_figure() -> None:
    text = (
        "Activities were evaluated upon completion to keep them relevant to the participating countries. "
        "The number of participating countries increased from twenty-five to forty-two within three years."
    )
    hits = [_hit("qa.txt", text, "text")]
    answer = extractive_answer(
        "Phase 2 ended with how many participating countries?", hits, SourceTexts({"qa.txt": text}.get)
    )
    assert not answer.refused and answer.answer.startswith("The number of participating countries increased")


def test_a_synonym_counts_in_any_of_its_inflections() -> None:
    # "decide" and "approved" are one group's words, though "approved" stems otherwise than "approve"
    text = "The Project Board approved the closure of the project."
    hits = [_hit("qa.txt", text, "text")]
    answer = extractive_answer("What did the board decide?", hits, SourceTexts({"qa.txt": text}.get))
    assert not answer.refused and "approved the closure" in answer.answer


def test_the_figure_a_sentence_or_two_later_answers_with_the_sentence_that_names_the_event() -> None:
    text = (
        "The Hub organised a joint workshop with SSN4PSI on matchmaking (Astana, 9 June 2018). "
        "It brought together policymakers from many nations. "
        "This matchmaking event generated 13 potential partnerships."
    )
    hits = [_hit("prodoc.txt", text, "text")]
    answer = extractive_answer(
        "How many potential partnerships did the joint SSN4PSI matchmaking workshop in Astana produce?",
        hits,
        SourceTexts({"prodoc.txt": text}.get),
    )
    assert not answer.refused and "13 potential partnerships" in answer.answer  # a date is no count


def test_the_questions_words_may_be_said_across_a_sentence_and_the_next() -> None:
    text = (
        "Moreover, a workshop for African civil servants on diplomacy was organised in Addis Ababa (Ethiopia). "
        "This workshop brought together high-ranking diplomats from 35 African countries."
    )
    hits = [_hit("prodoc.txt", text, "text")]
    answer = extractive_answer(
        "How many African countries sent diplomats to the workshop held in Addis Ababa?",
        hits,
        SourceTexts({"prodoc.txt": text}.get),
    )
    assert not answer.refused and "35 African countries" in answer.answer


def test_a_footnote_mark_is_no_figure_and_another_years_figure_answers_nothing() -> None:
    text = "The participating countries set the Hub's priority areas.[footnoteRef:26] Its membership grew to 42."
    hits = [_hit("prodoc.txt", text, "text")]
    counted = extractive_answer(
        "How many participating countries are there?", hits, SourceTexts({"prodoc.txt": text}.get)
    )
    assert not counted.refused and "grew to 42" in counted.answer  # not "26", the footnote's number
    grievances = "A grievance mechanism was set up in 2021; 11 grievances were received in 2022."
    other = extractive_answer(
        "How many grievances came in during 2021?",
        [_hit("qa.txt", grievances, "text")],
        SourceTexts({"qa.txt": grievances}.get),
    )
    assert other.refused or "11 grievances" not in other.answer


def test_a_sentence_that_refers_back_is_quoted_with_the_one_before_it() -> None:
    from assistant.answer.extractive import extractive_answer
    from assistant.core.types import Chunk, Location
    from assistant.core.verify import SourceTexts
    from assistant.retrieval.hybrid import Hit

    first = "Sites are chosen from a survey of district water offices run every two years."
    second = "In this manner, the choice of sites reflects the districts' own priorities."
    text = f"{first}\n{second}\n"
    chunk = Chunk(id="p", text=second, location=Location("prodoc.txt", line_start=2), title="prodoc.txt")
    answer = extractive_answer(
        "How is the choice of sites made?", [Hit(chunk, 1.0, 1, 1, 0.6)], SourceTexts({"prodoc.txt": text}.get)
    )
    assert not answer.refused and answer.answer.startswith(first) and second in answer.answer
    assert [c.quote for c in answer.citations] == [first, second]


def test_the_sentence_of_the_point_in_time_asked_about_answers() -> None:
    report = (
        "By 30 June 2025, 11,240 farmers were receiving agro-advisories and 38 km of canals had been rehabilitated.\n"
    )
    review = "By 31 December 2025 the project had 16,800 farmers receiving agro-advisories.\n"
    texts = SourceTexts({"report.txt": report, "review.txt": review}.get)
    hits = [_hit("report.txt", report, "text"), _hit("review.txt", review, "text")]  # June's ranked first
    december = extractive_answer("How many farmers were receiving agro-advisories by the end of 2025?", hits, texts)
    assert not december.refused and december.answer.startswith("By 31 December 2025")
    june = extractive_answer("How many farmers were receiving agro-advisories in June 2025?", hits, texts)
    assert not june.refused and june.answer.startswith("By 30 June 2025")


def test_what_an_evaluation_recommended_is_its_recommendation_not_a_finding() -> None:
    findings = "The insurance pilot was designed without a market assessment, and its target is not realistic.\n"
    table = (
        "1\tReplace the insured-farmers target with a weather-index insurance pilot for 1,500 farmers.\tProject Board\n"
    )
    texts = SourceTexts({"kg-midterm-evaluation.txt": findings + table}.get)
    recommendation = Chunk(
        id="r1",
        text="Replace the insured-farmers target with a weather-index insurance pilot for 1,500 farmers.",
        location=Location("kg-midterm-evaluation.txt", line_start=2),
        title="mte",
        section="4. Recommendations",
        chunk_type="text",
    )
    hits = [_hit("kg-midterm-evaluation.txt", findings, "text"), Hit(recommendation, 0.9, 2, 2, 0.5)]
    # "MTE" names the document the sentences are in: no sentence need say it; and the one that
    # holds clearly more of the question ("recommend", by its section) is preferred
    answer = extractive_answer("What did the MTE recommend about the insurance pilot?", hits, texts)
    assert not answer.refused and answer.answer.startswith("Replace the insured-farmers target")


def test_which_countries_is_answered_by_the_sentence_that_names_countries() -> None:
    # the sentence never says "countries": Uzbekistan and Tajikistan say it
    text = (
        "3.6 South-South and triangular cooperation\n"
        "The project will organize exchanges with water user associations and extension services in "
        "Uzbekistan and Tajikistan, and will draw on the experience of Turkey with drip irrigation.\n"
    )
    chunk = Chunk(
        id="pd",
        text=text,
        location=Location("pd.txt", line_start=1),
        title="pd",
        chunk_type="text",
        section="3.6 South-South and triangular cooperation",
    )
    answer = extractive_answer(
        "Which countries are the South-South exchanges planned with?",
        [Hit(chunk, 1.0, 1, 1, 0.4)],
        SourceTexts({"pd.txt": text}.get),
    )
    assert not answer.refused and "Uzbekistan and Tajikistan" in answer.answer


def test_a_word_setting_two_things_side_by_side_need_not_be_quoted() -> None:
    from assistant.answer.extractive import asked_terms

    assert "vs" not in asked_terms("2024 spend vs budget – gap") and "budget" in asked_terms("2024 spend vs budget")


def test_what_held_up_the_works_is_answered_by_the_sentence_on_their_delay() -> None:
    report = (
        "Challenges\n"
        "• Late snowmelt in At-Bashy and Kochkor moved the start of civil works in Naryn Oblast from April to late May 2025.\n"
        "• Civil works in Talas started on time.\n"
    )
    answer = extractive_answer(
        "What held up the canal works in Naryn in spring 2025?",
        [_hit("report.txt", report, "text")],
        SourceTexts({"report.txt": report}.get),
    )
    assert not answer.refused and "Late snowmelt" in answer.answer
