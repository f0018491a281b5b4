"""A sentence may answer a question put in other words: a word of the same family
("certify" / "certification"), a synonym of the profile's groups, or, when it holds nearly
enough of the question's words, a meaning close to the question's. A word the documents never
use, left unsaid, and a "why did …" premise keep the refusal."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.extractive import Rewording, extractive_answer
from assistant.core.text import coverage, key_terms, same_family, stem
from assistant.core.types import Chunk, Location
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit

SUSTAIN = (
    "Mini-grids will be handed over to community energy cooperatives, which will collect tariffs "
    "and keep an operation and maintenance reserve fund.\n"
)
VOCABULARY = frozenset(
    "mini grids will be handed over to community energy cooperatives which collect tariffs and keep an operation "
    "maintenance reserve fund how the after project end office address run running".split()
)


def _hits(text: str, source: str = "prodoc.txt") -> list[Hit]:
    chunk = Chunk(id=source, text=text, location=Location(source, line_start=1), title=source)
    return [Hit(chunk, 1.0, 1, 1, 0.6)]


def _rewording(similarity: float) -> Rewording:
    return Rewording(lambda sentence: similarity, VOCABULARY)


def test_words_of_one_family_agree_and_different_words_do_not() -> None:
    assert same_family(stem("certify"), stem("certification"))
    assert same_family(stem("partner"), stem("partnership"))
    assert same_family(stem("sustain"), stem("sustainability"))
    assert not same_family(stem("fund"), stem("fundamental"))
    assert not same_family(stem("governance"), stem("government"))
    assert stem("planned") == stem("plan") and stem("installed") == "install"


def test_a_synonym_counts_for_a_little_less_than_the_word_itself() -> None:
    alike = {"swap": frozenset({"exchange"})}
    assert coverage(["swap", "experience"], "We exchange experience with Bangladesh.", alike) == 0.9
    assert coverage(["swap", "experience"], "We exchange experience with Bangladesh.") == 0.5


def test_nearly_enough_words_and_a_close_meaning_answer() -> None:
    question = "How will the mini-grids keep running after the project ends?"
    texts = SourceTexts({"prodoc.txt": SUSTAIN}.get)
    assert extractive_answer(question, _hits(SUSTAIN), texts).refused  # words alone: too few of them
    answer = extractive_answer(question, _hits(SUSTAIN), texts, _rewording(0.52))
    assert not answer.refused and "community energy cooperatives" in answer.answer
    assert extractive_answer(question, _hits(SUSTAIN), texts, _rewording(0.3)).refused


def test_a_why_premise_is_not_taken_as_said_in_other_words() -> None:
    question = "Why did the mini-grids keep running after the project ended?"
    texts = SourceTexts({"prodoc.txt": SUSTAIN}.get)
    assert extractive_answer(question, _hits(SUSTAIN), texts, _rewording(0.9)).refused


def test_a_word_the_documents_never_use_left_unsaid_needs_a_closer_meaning() -> None:
    office = "The project office is located at 14 Mambetov street, in the UN common premises.\n"
    texts = SourceTexts({"prodoc.txt": office}.get)
    question = "What is the email address of the project office?"  # "email": no document word
    assert extractive_answer(question, _hits(office), texts, _rewording(0.5)).refused
    known = "What is the street address of the project office?"
    assert not extractive_answer(known, _hits(office), texts, _rewording(0.5)).refused


def test_a_tables_header_row_is_no_answer() -> None:
    header = "Evaluation Title\nPartners (if joint)\nPlanned Completion Date\nKey Evaluation Stakeholders\n"
    chunk = Chunk(
        id="h", text=header, location=Location("plan.txt", table=1, row=1), title="plan", chunk_type="table_row"
    )
    texts = SourceTexts({"plan.txt": header.replace("\n", "\t")}.get)
    answer = extractive_answer("When will the evaluation be completed?", [Hit(chunk, 1.0, 1, 1, 0.6)], texts)
    assert answer.refused


def test_a_sentences_section_heading_says_half_of_what_it_answers() -> None:
    text = "Recommendation 1 (no-cost extension) was noted; the Project Board will decide on it at the end of 2023.\n"
    texts = SourceTexts({"mte.txt": text}.get)
    question = "What was the management response to the extension recommendation?"

    def hits(section: str) -> list[Hit]:
        chunk = Chunk(id="m", text=text, location=Location("mte.txt", line_start=1), title="mte", section=section)
        return [Hit(chunk, 1.0, 1, 1, 0.6)]

    assert extractive_answer(question, hits("4. Findings"), texts).refused
    answer = extractive_answer(question, hits("5. Management Response"), texts)
    assert not answer.refused and "end of 2023" in answer.answer


def test_a_heading_is_no_answer_though_it_holds_the_questions_words() -> None:
    text = (
        "**QA Summary/Final Project Board Comments**\nSenior Suppliers\nThe Board approved the closure in March 2021.\n"
    )
    texts = SourceTexts({"qa.txt": text}.get)
    answer = extractive_answer("What did the final Project Board comments say?", _hits(text, "qa.txt"), texts)
    assert answer.refused or "Comments**" not in answer.answer
    assert extractive_answer("Who are the Senior Suppliers?", _hits(text, "qa.txt"), texts).refused


def test_a_count_in_words_answers_how_many_and_a_state_is_not_an_indicators_target(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    context = (
        "Nearly one in five households in Karnali Province still lack access to grid electricity, "
        "and most rely on kerosene.\n"
    )
    texts = SourceTexts({"prodoc.txt": context}.get)
    question = "how many households in karnali dont have grid electricity?"
    answer = extractive_answer(question, _hits(context), texts)
    assert not answer.refused and "one in five" in answer.answer
    framework = (
        "Project document\n\nResults Framework\n\n"
        "Output indicators\tBaseline\t2021\t2022\tEnd of project\tData source\n"
        "Indicator 2.2: Households with a new grid electricity connection in Karnali\t0\t1,500\t4,200\t8,000\tRegisters\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": framework}), ())
    assert finder.answer(question) is None  # what households lack is no indicator's target: the text may say
    assert finder.answer("how many households in karnali will get a grid electricity connection?") is not None


def test_a_possessive_is_its_word() -> None:
    # "the participating countries' governments" speaks of the participating countries
    assert coverage(["participating", "countries"], "its participating countries' government beneficiaries") == 1.0
    assert key_terms("the hub's aim") == ["hub", "aim"]


def test_a_word_whose_family_the_documents_use_is_known() -> None:
    known = Rewording(lambda sentence: 0.0, frozenset({"recommendation", "recommendations", "extend"}))
    assert known.knows("recommend") and known.knows("extend")
    assert not known.knows("salary")


def test_a_table_rows_heading_says_half_of_what_the_question_asks() -> None:
    # the row sits under "4. Recommendations": "recommend" is said by its heading
    row = "1. Recommendation: Extend the project by 12 months at no cost."
    chunk = Chunk(
        id="mte",
        text=row,
        location=Location("mte.txt", line_start=1, heading="4. Recommendations"),
        title="mte",
        chunk_type="record",
    )
    texts = SourceTexts({"mte.txt": "1\tExtend the project by 12 months at no cost.\tHigh\n"}.get)
    answer = extractive_answer(
        "What did they recommend about extending the project?",
        [Hit(chunk, 1.0, 1, 1, 0.6)],
        texts,
        Rewording(lambda sentence: 0.3, frozenset({"recommendation", "extend", "project"})),
    )
    assert not answer.refused and "Extend the project by 12 months" in answer.answer


def test_everyday_wrapping_words_need_not_be_quoted() -> None:
    """ "What happens to … once it is over?": "happens" and "once" wrap the subject; the
    sentence on the mini-grids' hand-over answers, and one on another subject still does not."""
    texts = SourceTexts({"prodoc.txt": SUSTAIN}.get)
    answer = extractive_answer("What happens to the mini-grids once the project is over?", _hits(SUSTAIN), texts)
    assert not answer.refused and "community energy cooperatives" in answer.answer
    other = "What happens to the solar pumps once the project is over?"
    assert extractive_answer(other, _hits(SUSTAIN), texts).refused


def test_where_a_team_sits_is_answered_by_where_its_unit_is_located() -> None:
    text = (
        "The project team meets every month with the district officers.\n"
        "The Project Management Unit will be located at the ministry in Dodoma, with one field office in Mbeya.\n"
    )
    texts = SourceTexts({"prodoc.txt": text}.get)
    answer = extractive_answer("Where does the project team sit?", _hits(text), texts)
    assert not answer.refused and "located at the ministry in Dodoma" in answer.answer.split("[1]")[0]


def test_a_verb_of_reporting_need_not_be_quoted() -> None:
    text = "Implementation of the procurement plan had no unnecessary delays, besides some expected minor ones.\n"
    texts = SourceTexts({"qa.txt": text}.get)
    answer = extractive_answer("Were delays flagged?", _hits(text, "qa.txt"), texts)
    assert not answer.refused and "minor ones" in answer.answer


def test_the_kind_of_passage_asked_for_need_not_be_quoted() -> None:
    text = "The procurement plan is updated annually; transport delays affected 4 irrigation schemes.\n"
    texts = SourceTexts({"qa.txt": text}.get)
    answer = extractive_answer("What evidence was given on procurement?", _hits(text, "qa.txt"), texts)
    assert not answer.refused and "procurement plan is updated annually" in answer.answer
    hit = extractive_answer("How many schemes were hit?", _hits(text, "qa.txt"), texts)
    assert not hit.refused and "affected 4 irrigation schemes" in hit.answer


def test_an_office_named_is_not_where_it_is_located() -> None:
    """ "office" and "located" are two words: a sentence on the Country Office's services does
    not say where the project office is; the one on its premises does."""
    from assistant import profiles

    alike = profiles.synonyms()
    services = "The UNDP Country Office also provides support services including procurement."
    premises = "The project will be run from the UN common premises in Dodoma, in a project office."
    assert coverage(["office", "located"], services, alike) == 0.5
    assert coverage(["office", "located"], premises, alike) == 0.9  # "located" said as "premises"


def test_a_name_the_documents_never_use_is_not_said_in_other_words() -> None:
    said = "The Government provides a parallel in-kind contribution estimated at USD 350,000.\n"
    words = frozenset("the government provides parallel in kind contribution estimated usd how much".split())
    texts = SourceTexts({"prodoc.txt": said}.get)
    close = Rewording(lambda sentence: 0.9, words)
    finland = "How much is the Government of Finland contributing to the project?"
    assert extractive_answer(finland, _hits(said), texts, close).refused  # Finland is never named
    plain = "How much is the government contributing to the project?"
    assert not extractive_answer(plain, _hits(said), texts, close).refused
