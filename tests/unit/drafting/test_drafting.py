"""QA evidence drafting: document selection by project (linked phases), the question bank,
rating suggestions on hand-made evidence, exports, and the whole closure draft through the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from assistant.core.errors import ConfigError, ProjdocsError
from assistant.core.types import Citation, Location
from assistant.drafting.drafter import (
    TOO_THIN,
    BankQuestion,
    Draft,
    DraftedQuestion,
    DraftedSentence,
    Requirement,
    RubricOption,
    evidence_sentences,
    linked_projects,
    load_stage,
    missing_evidence,
    requirement_core,
    requirement_texts,
    select_documents,
    suggest_level,
)
from tests.conftest import CORPUS, PRODOC, QA_REPORT

SOURCE_LINE = re.compile(r"^\[(?P<n>\d+)\] (?P<source>[^,]+), (?P<location>.+?): “(?P<quote>.*)”$", re.DOTALL)


@dataclass(frozen=True)
class Doc:
    source: str
    project_number: str
    related_projects: tuple[str, ...] = ()


DOCS = [
    Doc("phase2-closure-qa.txt", "00108694", ("00123513",)),  # names the next phase
    Doc("phase3-prodoc.txt", "000123513"),  # names nothing
    Doc("other-project.txt", "00999999"),
]


# document selection -----------------------------------------------------------------------
def test_project_selects_its_own_and_the_linked_later_phase() -> None:
    assert select_documents(DOCS, "00108694") == ["phase2-closure-qa.txt", "phase3-prodoc.txt"]


def test_link_is_read_both_ways_and_leading_zeros_do_not_matter() -> None:
    assert select_documents(DOCS, "123513") == ["phase2-closure-qa.txt", "phase3-prodoc.txt"]
    assert select_documents(DOCS, "0000108694") == ["phase2-closure-qa.txt", "phase3-prodoc.txt"]
    assert linked_projects(DOCS, "00123513") == {"123513", "108694"}
    assert linked_projects(DOCS, "999999") == {"999999"}


def test_exclude_and_explicit_sources() -> None:
    assert select_documents(DOCS, "00108694", exclude=["phase2-closure-qa.txt"]) == ["phase3-prodoc.txt"]
    assert select_documents(DOCS, sources=["other-project.txt"]) == ["other-project.txt"]
    both = ["other-project.txt", "phase3-prodoc.txt"]
    assert select_documents(DOCS, "00999999", sources=["phase3-prodoc.txt"]) == both
    assert select_documents(DOCS) == [d.source for d in DOCS]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"project": "00555555"},
        {"sources": ["missing.txt"]},
        {"project": "00108694", "exclude": ["typo.txt"]},
        {"sources": ["phase3-prodoc.txt"], "exclude": ["phase3-prodoc.txt"]},
    ],
)
def test_selection_errors_say_what_is_wrong(kwargs: dict) -> None:
    with pytest.raises(ProjdocsError):
        select_documents(DOCS, **kwargs)


# question bank ------------------------------------------------------------------------------
def test_closure_bank_has_the_20_questions_of_the_seed_form() -> None:
    title, sections, questions = load_stage("closure")
    assert title.startswith("Closure Stage")
    assert [q.number for q in questions] == list(range(1, 21))
    assert len(sections) == 7 and {q.section for q in questions} == set(sections)
    for q in questions:
        keys = [o.key for o in q.options]
        assert keys in (["3", "2", "1"], ["Yes", "No"]), (q.number, keys)
        assert all(o.text and not o.text.startswith("*") for o in q.options)
    assert [q.number for q in questions if q.kind == "yes_no"] == [12, 15]
    assert {q.number for q in questions if q.not_applicable} == {3, 17, 18, 19}


def test_unknown_stage_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="design, implementation, closure"):
        load_stage("appraisal-2015")


def test_design_and_implementation_banks_are_data_marked_as_written_from_the_standard() -> None:
    from assistant.drafting.bank import known_stages, stage_info

    assert known_stages() == ["design", "implementation", "closure"]
    for stage, count in (("design", 25), ("implementation", 20)):
        info = stage_info(stage)
        title, sections, questions = load_stage(stage)
        assert info.origin == "standard" and info.file == f"qa_{stage}.yaml"
        assert {q.origin for q in questions} == {"standard"}
        assert [q.number for q in questions] == list(range(1, count + 1))
        assert {q.section for q in questions} == set(sections) and len(sections) == 7
        for q in questions:
            keys = [o.key for o in q.options]
            assert keys in (["3", "2", "1"], ["Yes", "No"]), (stage, q.number, keys)
    assert stage_info("design").plans_are_evidence and not stage_info("implementation").plans_are_evidence
    assert stage_info("closure").origin == "seed" and {q.origin for q in load_stage("closure")[2]} == {"seed"}


# evidence sentences and requirements ----------------------------------------------------------
def test_evidence_sentences_are_verbatim_and_skip_footnotes_and_checklist_questions() -> None:
    text = (
        "The ACSH has established three alliances.[footnoteRef:11] It supports the Virtual Alliance on Government "
        "responses. [11:  See https://example.org for details.]\n"
        "Have women’s groups raised gender equality concerns regarding the project?\n"
        "Low Risk"
    )
    sentences = evidence_sentences(text)
    assert sentences == [
        "The ACSH has established three alliances.",
        "It supports the Virtual Alliance on Government responses.",
    ]
    assert all(s in text for s in sentences)


def test_requirements_are_option_sentences_without_form_notes() -> None:
    option = RubricOption(
        "2",
        "The project monitored risks every year, as evidenced by an updated risk log. "
        "Some updates were made to management plans and mitigation measures. (all must be true)",
    )
    assert requirement_texts(option) == [
        "The project monitored risks every year, as evidenced by an updated risk log",
        "Some updates were made to management plans and mitigation measures",
    ]
    assert (
        requirement_core("Progress data was collected on a regular basis, although there may be some slippage")
        == "Progress data was collected on a regular basis"
    )


# rating suggestion -----------------------------------------------------------------------------
RISK_QUESTION = BankQuestion(
    stage="closure",
    section="Management & Monitoring",
    number=11,
    text="Were risks to the project adequately monitored and managed?",
    kind="rubric",
    options=(
        RubricOption(
            "3",
            "The project monitored risks every quarter and consulted with the key stakeholders. "
            "Mitigating measures were fully implemented for each key risk.",
        ),
        RubricOption(
            "2",
            "The project monitored risks every year, as evidenced by an updated risk log. "
            "Some updates were made to management plans and mitigation measures.",
        ),
        RubricOption("1", "The risk log was not updated as required."),
    ),
)
DONE = [
    "The risk log was updated every year and reviewed by the Steering Committee.",
    "Mitigation measures were revised after the 2020 review.",
]
PLANNED = [
    "The risk log will be updated every quarter with the key stakeholders.",
    "Mitigating measures will be implemented for each key risk.",
]


def _reqs(found: dict[str, list[bool]]) -> list[Requirement]:
    return [
        Requirement(level, f"requirement {level}.{i}", ok) for level, oks in found.items() for i, ok in enumerate(oks)
    ]


def test_level_3_when_all_its_requirements_are_found_in_what_was_done() -> None:
    reqs = _reqs({"3": [True, True], "2": [True, True], "1": [False]})
    level, reason, option = suggest_level(RISK_QUESTION, DONE, reqs)
    assert level == "3"
    assert reason.startswith("2 of 2 level-3 requirements found") and "risk log" in reason
    assert option.startswith("The project monitored risks every quarter")


def test_plans_are_never_evidence_that_something_happened() -> None:
    reqs = _reqs({"3": [False, False], "2": [False, False], "1": [False]})
    level, reason, _ = suggest_level(RISK_QUESTION, PLANNED, reqs)
    assert level is None and "2 state plans only" in reason
    # at design, the plan is what is appraised
    level, _, _ = suggest_level(RISK_QUESTION, PLANNED, _reqs({"3": [True, True]}), plans_are_evidence=True)
    assert level == "3"


def test_a_reported_shortfall_holds_level_3_at_2() -> None:
    evidence = [*DONE, "The risk log was not updated in 2021."]
    level, reason, _ = suggest_level(RISK_QUESTION, evidence, _reqs({"3": [True, True], "2": [True, True]}))
    assert level == "2" and "held at 2" in reason


def test_level_2_and_what_is_missing_for_3() -> None:
    reqs = _reqs({"3": [False, True], "2": [True, True], "1": [False]})
    level, reason, _ = suggest_level(RISK_QUESTION, DONE, reqs)
    assert level == "2"
    assert "2 of 2 level-2 requirements found (level 3: 1 of 2)" in reason
    assert missing_evidence(level, reqs) == ["(level 3) requirement 3.0"]


def test_what_is_not_shown_is_partly_shown_2_not_a_failure() -> None:
    level, reason, _ = suggest_level(
        RISK_QUESTION, DONE, _reqs({"3": [False, False], "2": [False, True], "1": [False]})
    )
    assert level == "2" and reason.startswith("partly shown: 1 of 2 level-2")


def test_level_1_only_on_a_sentence_reporting_the_failure() -> None:
    reqs = _reqs({"3": [False, False], "2": [False, False], "1": [True]})
    level, reason, _ = suggest_level(RISK_QUESTION, ["The risk log was not updated as required in 2020 or 2021."], reqs)
    assert level == "1" and "reports what level 1 describes" in reason


def test_option_naming_a_signal_needs_it_in_the_evidence() -> None:
    # every requirement "found", but nothing about risks, logs, monitoring or frequency in the evidence
    unrelated = ["The project organised 12 study visits.", "Participants praised the trainers."]
    level, _, _ = suggest_level(RISK_QUESTION, unrelated, _reqs({"3": [True, True], "2": [True, True], "1": [False]}))
    assert level == "2"


def test_no_reported_sentence_is_too_thin_to_rate() -> None:
    reqs = _reqs({"3": [True, True], "2": [True, True], "1": [False]})
    level, reason, option = suggest_level(RISK_QUESTION, [], reqs)
    assert level is None and option == ""
    assert reason.startswith("0 sentences found that report what was done")
    assert len(missing_evidence(None, _reqs({"3": [False, False], "2": [False, False], "1": [False]}))) == 4
    planned_only = [Requirement("3", "requirement 3.0", False, planned=True, evidence=(2,))]
    assert missing_evidence(None, planned_only) == ["(level 3) requirement 3.0 — planned only [2]"]


def test_reasons_use_singular_and_plural_correctly() -> None:
    one = _reqs({"3": [False], "2": [True], "1": [False]})
    level, reason, _ = suggest_level(RISK_QUESTION, DONE[:1], one)
    assert level == "2" and reason.startswith("1 of 1 level-2 requirement found (level 3: 0 of 1)")
    assert "requirements found (level" not in reason
    level, reason, _ = suggest_level(RISK_QUESTION, PLANNED[:1], one)
    assert (
        level is None
        and reason == "0 sentences found that report what was done (1 states plans only); at least 1 is needed"
    )
    yes_no = BankQuestion("closure", "Effective", 15, "Was the project on track?", "yes_no", ())
    assert "1 sentence from the documents addresses the question" in suggest_level(yes_no, DONE[:1], [])[1]
    assert "2 sentences from the documents address the question" in suggest_level(yes_no, DONE, [])[1]
    level, reason, _ = suggest_level(RISK_QUESTION, [*DONE, PLANNED[0]], _reqs({"3": [True, True], "2": [True]}))
    assert reason.endswith("; 1 plan sentence not counted") and "sentences not counted" not in reason


def test_the_highest_level_with_every_must_find_evidenced_is_suggested_and_the_rest_listed() -> None:
    reqs = [
        Requirement("3", "The risk log was updated every quarter", True, evidence=(1,)),
        Requirement("3", "Mitigating measures were fully implemented", False),
        Requirement("2", "The project monitored risks every year", True, evidence=(1,)),
        Requirement("2", "Some updates were made to mitigation measures", True, evidence=(2,)),
        Requirement("1", "The risk log was not updated", False),
    ]
    level, reason, option = suggest_level(RISK_QUESTION, DONE, reqs)
    assert level == "2" and option.startswith("The project monitored risks every year")
    assert missing_evidence(level, reqs) == ["(level 3) Mitigating measures were fully implemented"]
    level, _, _ = suggest_level(RISK_QUESTION, DONE, [replace(reqs[1], found=True), *reqs[:1], *reqs[2:]])
    assert level == "3"


def test_conditions_hedges_alternatives_and_limits_are_not_must_finds() -> None:
    from assistant.drafting.rubric import requirement_role

    assert requirement_role("If grievances were received, they were responded to", "2") == "condition"
    assert requirement_role("Any necessary budget revisions have been made", "3") == "condition"
    assert requirement_role("There may or may not be evidence that data were used", "2") == "hedge"
    assert requirement_role("OR project was categorized as Low risk through the SESP", "2") == "alternative"
    assert requirement_role("Feedback from them is collected only sometimes", "2") == "limit"
    assert requirement_role("Some feedback is collected, but it is not systematic", "2") == "must"
    assert requirement_role("The risk log was not updated as required", "1") == "must"  # level 1: failures
    # a level whose must-finds are all found is met whatever its condition and limit say
    reqs = [
        Requirement("3", "requirement 3.0", False),
        Requirement("2", "The project monitored risks every year", True, evidence=(1,)),
        Requirement("2", "If grievances were received, they were responded to", False, role="condition"),
        Requirement("2", "Feedback from them is collected only sometimes", False, role="limit"),
    ]
    level, reason, _ = suggest_level(RISK_QUESTION, DONE, reqs)
    assert level == "2" and reason.startswith("1 of 1 level-2 requirement found")
    assert missing_evidence("2", reqs) == [
        "(level 2) If grievances were received, they were responded to — only if it applies",
        "(level 3) requirement 3.0",
    ]


def test_requirement_core_drops_examples_and_while_clauses() -> None:
    assert (
        requirement_core(
            "While the project was not considered at scale, there are explicit plans in place to scale up the project"
        )
        == "there are explicit plans in place to scale up the project"
    )
    assert (
        requirement_core("The work plan is reviewed at least once a year, for example revised targets")
        == "The work plan is reviewed at least once a year"
    )
    option = RubricOption(
        "2", "There was one review per year (i.e., outputs.) There may or may not be evidence of data use."
    )
    assert requirement_texts(option) == [
        "There was one review per year (i.e., outputs)",
        "There may or may not be evidence of data use",
    ]


# what evidence shows ----------------------------------------------------------------------------------
def test_document_kinds_and_plan_sentences_come_from_the_profile() -> None:
    from assistant.drafting.evidence import document_kind, is_planned, qa_report_stage

    assert document_kind("", "Annual Progress Report 2022\n\nReporting period").shows == "happened"
    assert document_kind("", "Mid-Term Evaluation Report").kind == "evaluation"
    prodoc = document_kind("", "Brief Description", "project_document")
    assert prodoc.is_plan and prodoc.weight < 1.0
    assert qa_report_stage("", QA_REPORT.read_text(encoding="utf-8")) == "closure"
    assert qa_report_stage("", PRODOC.read_text(encoding="utf-8")) is None
    assert is_planned("In the project's final year, the Steering Committee will hold a review.")
    assert not is_planned("The Steering Committee met twice in 2020.")


@dataclass(frozen=True)
class DescribedDoc:
    source: str
    project_number: str
    title: str
    doc_type: str
    related_projects: tuple[str, ...] = ()


TEXTS = {
    "closure-qa.txt": "# Closure Stage Quality Assurance Report\n",
    "impl-qa.txt": "Implementation Stage Quality Assurance Report\n",
    "apr.txt": "Annual Progress Report 2022\n",
    "prodoc.txt": "Project Document\n",
}


def test_the_report_being_drafted_is_the_same_project_and_stage() -> None:
    from assistant.drafting.sources import own_reports

    docs = [
        DescribedDoc("closure-qa.txt", "00108694", "", "qa_report", ("00123513",)),
        DescribedDoc("impl-qa.txt", "00108694", "", "qa_report"),
        DescribedDoc("prodoc.txt", "00123513", "", "project_document"),
    ]
    assert own_reports(docs, "108694", "closure", TEXTS.__getitem__) == ["closure-qa.txt"]
    assert own_reports(docs, "00108694", "implementation", TEXTS.__getitem__) == ["impl-qa.txt"]
    assert own_reports(docs, "00123513", "closure", TEXTS.__getitem__) == []  # a linked phase's report stays


def test_stage_is_suggested_from_the_documents() -> None:
    from assistant.drafting.sources import suggest_stage

    def doc(source: str) -> DescribedDoc:
        return DescribedDoc(source, "1", "", "document")

    assert suggest_stage([doc("prodoc.txt"), doc("closure-qa.txt")], TEXTS.__getitem__)[0] == "closure"
    stage, why = suggest_stage([doc("prodoc.txt"), doc("apr.txt")], TEXTS.__getitem__)
    assert stage == "implementation" and "apr.txt" in why
    assert suggest_stage([doc("prodoc.txt")], TEXTS.__getitem__)[0] == "design"


@pytest.mark.slow
def test_assess_matches_hand_made_evidence_to_the_rubric(tmp_path: Path) -> None:
    """With the real embedder: evidence of yearly risk-log updates meets level 2's first requirement."""
    from assistant.core.settings import Settings
    from assistant.drafting.drafter import Drafter

    drafter = Drafter(Settings(home=tmp_path / "home"))
    level, reason, missing, found = drafter.assess(RISK_QUESTION, DONE)
    by_text = {r.text: r.found for r in found}
    assert by_text["The project monitored risks every year, as evidenced by an updated risk log"]
    assert level in ("2", "3"), reason
    level, reason, missing, found = drafter.assess(RISK_QUESTION, PLANNED)
    assert level is None and "plans only" in reason
    assert any(r.planned and not r.found for r in found)


class _OneDocStore:
    """What ``Drafter._sentences`` reads of a store: one document's text."""

    def __init__(self, source: str, text: str) -> None:
        self.source, self.text = source, text

    def document_text(self, source: str) -> str | None:
        return self.text if source == self.source else None


def test_a_table_row_is_quoted_from_the_document_not_from_its_record_sentence() -> None:
    """An evaluation's ratings table is indexed as records ("Efficiency. Rating: … Justification:
    …"); the justification a reader sees in the table is evidence, quoted verbatim from the row."""
    from assistant.core.settings import Settings
    from assistant.core.types import Chunk
    from assistant.drafting.drafter import Drafter
    from assistant.retrieval.hybrid import Hit

    text = (
        "Mid-Term Evaluation Report\n\nCriterion\tRating\tJustification\n"
        "Efficiency\tModerately Satisfactory (MS)\tCost per kWp installed is in line with benchmarks, "
        "but procurement and transport delays reduced delivery.\n"
    )
    store = _OneDocStore("mte.txt", text)
    drafter = Drafter(Settings(), store=store)  # type: ignore[arg-type]
    record = Chunk(
        id="r1",
        text="Efficiency. Rating: Moderately Satisfactory (MS). Justification: Cost per kWp installed is in line "
        "with benchmarks, but procurement and transport delays reduced delivery..",
        location=Location("mte.txt", table=1, row=2, line_start=4, line_end=4),
        title="Mid-Term Evaluation Report",
        chunk_type="record",
    )
    pool = drafter._sentences([(0, Hit(record, 1.0, 0, 0, 0.5))], set(), {})
    quotes = [s.quote for s in pool]
    assert quotes == [
        "Cost per kWp installed is in line with benchmarks, but procurement and transport delays reduced delivery."
    ]
    assert all(q in text for q in quotes) and pool[0].location.table == 1


def test_a_sentence_showing_a_missing_level_3_requirement_is_cited_even_if_it_shares_few_question_words(
    tmp_path: Path,
) -> None:
    """Level 3 needs every key risk's mitigation implemented: a report saying so is cited beside
    the chosen sentences even when it scores low against the question's own wording; the same
    sentence as a plan is not."""
    from assistant.core.settings import Settings
    from assistant.drafting.drafter import MIN_RELEVANCE, Drafter, _Sentence

    drafter = Drafter(Settings(home=tmp_path / "home"))
    where = Location("report.txt", line_start=1, line_end=1)

    def sentence(quote: str, relevance: float, planned: bool = False) -> _Sentence:
        s = _Sentence(quote, where, "report.txt", "", "", 0, 0.0, relevance=relevance, planned=planned)
        s.vector = drafter._embed([quote])[0]
        return s

    chosen = [sentence(DONE[0], 0.6)]
    done = sentence("Mitigating measures were fully implemented for each key risk by 2021.", MIN_RELEVANCE / 2)
    plan = sentence(PLANNED[1], MIN_RELEVANCE / 2, planned=True)
    picked = drafter._supporting(RISK_QUESTION, [*chosen, done, plan], chosen, False)
    assert [s.quote for s in picked] == [done.quote]


# exports ----------------------------------------------------------------------------------------
def _small_draft() -> Draft:
    quote = "Risk log was maintained and updated regularly in the Atlas project management module."
    sentence = DraftedSentence(
        quote,
        Citation(source="report.txt", place=Location("report.txt", line_start=186, line_end=186), quote=quote),
        0.6,
    )
    plan = "The risk log will be reviewed every quarter."
    planned = DraftedSentence(
        plan,
        Citation(source="prodoc.txt", place=Location("prodoc.txt", line_start=9, line_end=9), quote=plan),
        0.5,
        planned=True,
    )
    rated = DraftedQuestion(
        section="Management & Monitoring",
        number=11,
        question=RISK_QUESTION.text,
        kind="rubric",
        paragraph=f"{quote} [1] Planned: {plan} [2]",
        sentences=(sentence, planned),
        suggested_level="2",
        reason="2 of 2 level-2 requirements found",
        missing=("(level 3) requirement 3.0",),
    )
    thin = DraftedQuestion(
        section="Efficient",
        number=13,
        question="Were project inputs procured and delivered on time?",
        kind="rubric",
        paragraph="",
        sentences=(),
        suggested_level=None,
        reason="0 supporting sentences found",
        missing=(),
    )
    return Draft(
        stage="closure",
        title="Closure Stage Quality Assurance Report",
        project="00108694",
        sources=("report.txt",),
        excluded=(),
        questions=(rated, thin),
        sections=("Management & Monitoring", "Efficient"),
        date="2026-12-01",
        stage_reason="chosen",
        own_report=("closure-qa.txt",),
    )


def test_markdown_export_reads_like_the_form() -> None:
    from assistant.drafting.export import to_markdown

    md = to_markdown(_small_draft())
    assert md.startswith("# Closure Stage Quality Assurance Report — draft")
    assert "## Management & Monitoring" in md and "## Efficient" in md
    assert "**Suggested rating: 2 — 2 of 2 level-2 requirements found**" in md
    assert f"**Suggested rating: {TOO_THIN} — 0 supporting sentences found**" in md
    assert "- [1] report.txt, line 186: “Risk log was maintained" in md
    assert "- (level 3) requirement 3.0" in md
    assert "Planned: The risk log will be reviewed" in md
    assert "| 11 | Management & Monitoring | 2 | 2 of 2 level-2 requirements found |" in md
    assert "closure-qa.txt, not quoted" in md


def _style(paragraph: Any) -> str:
    """A Word paragraph's style name ("" when it has none)."""
    return paragraph.style.name if paragraph.style is not None else ""


def test_docx_export_opens_with_headings_ratings_and_sources(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    from assistant.drafting.export import to_docx

    path = to_docx(_small_draft(), tmp_path / "draft.docx")
    paragraphs = WordDocument(str(path)).paragraphs
    headings = [(_style(p), p.text) for p in paragraphs if _style(p).startswith(("Heading", "Title"))]
    assert ("Heading 1", "Management & Monitoring") in headings
    assert ("Heading 2", f"11. {RISK_QUESTION.text}") in headings
    texts = [p.text for p in paragraphs]
    assert "Suggested rating: 2 — 2 of 2 level-2 requirements found" in texts
    assert any(SOURCE_LINE.match(t) for t in texts)
    assert any(t.startswith("Risk log was maintained") and "Planned: The risk log will" in t for t in texts)


def test_docx_carries_properties_footnotes_and_a_table_of_levels(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    from assistant.drafting.export import to_docx
    from assistant.drafting.footnotes import footnote_texts

    path = to_docx(_small_draft(), tmp_path / "draft.docx")
    word = WordDocument(str(path))
    props = word.core_properties
    assert props.title == "Closure Stage Quality Assurance Report — draft, 00108694"
    assert "00108694" in props.subject and props.category == "closure stage QA"
    assert "closure" in props.keywords and props.created.date().isoformat() == "2026-12-01"
    notes = footnote_texts(str(path))
    assert (
        notes[0]
        == "report.txt, line 186: “Risk log was maintained and updated regularly in the Atlas project management module.”"
    )
    assert len(notes) == 2 and notes[1].startswith("prodoc.txt, line 9:")
    table = word.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Q", "Section", "Suggested level", "Reason"]
    assert rows[1] == ["11", "Management & Monitoring", "2", "2 of 2 level-2 requirements found"]
    assert rows[2][2] == TOO_THIN


# the whole closure draft, end to end --------------------------------------------------------------
@pytest.mark.slow
def test_closure_draft_of_00108694_without_its_qa_report(corpus_settings, tmp_path: Path) -> None:
    from click.testing import CliRunner
    from docx import Document as WordDocument

    from assistant.cli.main import cli

    out = tmp_path / "closure.docx"
    result = CliRunner().invoke(
        cli,
        [
            "--home",
            str(corpus_settings.home),
            "draft",
            "--project",
            "00108694",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "closure stage (suggested from the documents" in result.output  # no --stage, no --exclude
    assert "20 questions drafted" in result.output and f"({QA_REPORT.name}) left out" in result.output

    _, sections, bank = load_stage("closure")
    paragraphs = WordDocument(str(out)).paragraphs
    headings = [p.text for p in paragraphs if _style(p) == "Heading 1"]
    assert headings[0] == "Suggested levels" and headings[1 : len(sections) + 1] == list(sections)
    questions = [p for p in paragraphs if _style(p) == "Heading 2"]
    assert [p.text.split(".")[0] for p in questions] == [str(q.number) for q in bank]

    corpus = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.iterdir()}
    texts = [p.text for p in paragraphs]
    starts = [texts.index(p.text) for p in questions] + [len(texts)]
    cited = 0
    for begin, end in zip(starts, starts[1:]):
        block = texts[begin:end]
        rating = next(t for t in block if t.startswith("Suggested rating: "))
        value = rating[len("Suggested rating: ") :].split(" — ")[0]
        assert value in ("3", "2", "1", "Yes", "No", TOO_THIN), rating
        for line in block:
            m = SOURCE_LINE.match(line)
            if not m:
                continue
            cited += 1
            assert m["source"] != QA_REPORT.name, "a citation from the excluded report"
            assert m["quote"] in corpus[m["source"]], f"not verbatim in {m['source']}: {m['quote'][:80]}"
    assert cited >= 20
    assert PRODOC.name in " ".join(texts[:8])  # the linked phase-3 document was used
    from assistant.drafting.evidence import is_planned
    from assistant.drafting.footnotes import footnote_texts

    quotes = [n.split(": “", 1)[1].rstrip("”") for n in footnote_texts(str(out))]
    assert quotes and not any(q in corpus[QA_REPORT.name] and q not in corpus[PRODOC.name] for q in quotes)
    body = " ".join(t for t in texts if not SOURCE_LINE.match(t))
    for q in quotes:
        if is_planned(q):
            assert f"Planned: {' '.join(q.split())}" in body, q
