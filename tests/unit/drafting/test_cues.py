"""Requirement cues: a rubric requirement is found when a report of what was done says what the
rubric asks for (a board, its meetings, a frequency, minutes), not only when the embedder finds
the sentence close to the rubric's wording; plans never show it; what is missing is listed."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.core.types import Location
from assistant.drafting.bank import load_stage
from assistant.drafting.cues import cue_entries, cue_hits, cue_parts
from assistant.drafting.rubric import _requirements, assess


def _orthogonal() -> object:
    """An embedder under which no two texts are alike: only the cues can find a requirement."""
    seen: dict[str, int] = {}

    def embed(texts: Sequence[str]) -> list[list[float]]:
        out = []
        for t in texts:
            i = seen.setdefault(t, len(seen))
            v = [0.0] * 512
            v[i % 512] = 1.0
            out.append(v)
        return out

    return embed


def _question(stage: str, number: int):  # type: ignore[no-untyped-def]
    return next(q for q in load_stage(stage)[2] if q.number == number)


GOVERNANCE = _question("closure", 10)
MET = "The Steering Committee met once a year, in March 2019, April 2020 and March 2021."
MINUTES = "The minutes of the Steering Committee meetings are kept on file by the Country Office."
REPORTED = "The annual progress report was submitted to the Steering Committee and endorsed at each meeting."


def test_every_cue_names_exactly_one_requirement_of_its_question() -> None:
    for (stage, number, level), fragments in cue_entries().items():
        texts = [t for o, t in _requirements(_question(stage, number)) if o.key == level]
        for fragment in fragments:
            assert sum(fragment in t.lower() for t in texts) == 1, (stage, number, level, fragment)


def test_board_meetings_a_year_with_minutes_and_reports_meet_level_2() -> None:
    level, reason, missing, found = assess(GOVERNANCE, [MET, MINUTES, REPORTED], _orthogonal())  # type: ignore[arg-type]
    level2 = {r.text: r for r in found if r.level == "2"}
    assert all(r.found for r in level2.values()), reason
    assert level == "2" and reason.startswith("2 of 2 level-2 requirements found")
    meets = next(r for t, r in level2.items() if t.startswith("The project's governance mechanism met"))
    assert meets.evidence == (1, 2)  # the meetings and the minutes are both cited
    assert all(m.startswith("(level 3)") for m in missing)


def test_meetings_without_minutes_leave_the_requirement_missing() -> None:
    level, reason, missing, _ = assess(GOVERNANCE, [MET, REPORTED], _orthogonal())  # type: ignore[arg-type]
    assert level == "2" and reason.startswith("partly shown: 1 of 2 level-2")
    assert any(m.startswith("(level 2) The project's governance mechanism met") for m in missing)


def test_planned_meetings_and_minutes_are_not_evidence() -> None:
    plans = [
        "The Steering Committee will meet once a year.",
        "Minutes of its meetings will be kept on file.",
        "The annual progress report will be submitted to the Steering Committee.",
    ]
    level, reason, missing, found = assess(GOVERNANCE, plans, _orthogonal())  # type: ignore[arg-type]
    assert level is None and "plans only" in reason
    meets = next(r for r in found if r.level == "2" and r.text.startswith("The project's governance mechanism met"))
    assert not meets.found and meets.planned and meets.status == "planned only [1, 2]"
    assert any("planned only" in m for m in missing)


def test_a_count_of_people_reached_is_what_scale_asks_for() -> None:
    scale = _question("closure", 5)
    parts = cue_parts("closure", 5, "3", next(t for o, t in _requirements(scale) if o.key == "3"))
    assert cue_hits(parts, ["The number of participating countries rose from 25 to 42."]) == [0]
    assert cue_hits(parts, ["The project reached many participating countries."]) == []  # no count


def test_such_as_without_a_comma_is_part_of_what_is_asked() -> None:
    from assistant.drafting.rubric import requirement_core

    asked = "Costs such as the cost per unit delivered are tracked and compared with benchmarks"
    assert requirement_core(asked) == asked
    assert requirement_core("Partners were engaged, such as ministries and NGOs") == "Partners were engaged"


def test_a_plan_documents_arrangements_show_nothing_done_but_its_past_tense_reports_do() -> None:
    from assistant.drafting.evidence import reports_past
    from assistant.drafting.rubric import Evidence

    arranged = "The Steering Committee meets once a year and the minutes of its meetings are kept on file."
    assert not reports_past(arranged)
    assert reports_past(MET) and reports_past("The Hub was created in 2013 by the Government and UNDP.")
    assert reports_past("Participating countries rose from 25 to 42 during the past seven years.")
    # described in a project document: it addresses the question, yet nothing is found as done
    level, reason, missing, found = assess(GOVERNANCE, [Evidence(arranged, arrangement=True)], _orthogonal())  # type: ignore[arg-type]
    assert level == "2" and reason.startswith("partly shown")
    assert "1 arrangement of a plan document not counted as done" in reason
    assert not any(r.found for r in found)
    # the same project document reporting what happened in the earlier phase is evidence
    level, reason, _, found = assess(GOVERNANCE, [Evidence(MET), Evidence(MINUTES), Evidence(REPORTED)], _orthogonal())  # type: ignore[arg-type]
    assert level == "2" and reason.startswith("2 of 2 level-2 requirements found")


def test_a_project_document_sentence_is_an_arrangement_unless_it_reports_the_past() -> None:
    from assistant.drafting.drafter import _arrangement, _Sentence
    from assistant.drafting.evidence import DocKind

    prodoc = DocKind("project_document", "project document", "plan", 0.65)
    report = DocKind("progress_report", "progress report", "happened", 1.0)
    where = Location("x.txt", line_start=1)
    present = "The Steering Committee reviews progress and risks every year."

    def s(quote: str, kind: DocKind) -> _Sentence:
        return _Sentence(quote, where, "x.txt", "", "", 0, 0.0, kind=kind)

    assert _arrangement(s(present, prodoc))
    assert not _arrangement(s(MET, prodoc))
    assert not _arrangement(s(present, report))  # a report's present tense tells what is being done


def test_a_report_sentence_under_a_lessons_heading_is_a_documented_lesson() -> None:
    from assistant.drafting.rubric import Evidence

    knowledge = _question("closure", 4)
    said = "Equipment deliveries were rescheduled to the dry season after the 2022 delays."
    wanted = "were considered by the project team"

    def considered(e: Evidence) -> bool:
        _, _, _, found = assess(knowledge, [e], _orthogonal())  # type: ignore[arg-type]
        return next(r for r in found if wanted in r.text).found

    assert considered(Evidence(said, heading="4. Challenges and Lessons Learned"))
    assert not considered(Evidence(said))  # the same sentence elsewhere is not a lesson by its words


def test_equally_relevant_sentences_are_chosen_in_document_order_whatever_order_they_were_found_in() -> None:
    """A near-tie in sentence choice is broken by document and position, not by the order the
    retrieval happened to return them in: the same documents give the same draft on every run."""
    from assistant.drafting.choice import MAX_SENTENCES, _Sentence, choose

    def s(i: int) -> _Sentence:
        vector = [0.0] * 8
        vector[i] = 1.0  # nothing in common: none is a repeat of another
        where = Location("report.txt", line_start=10 * (i + 1))
        return _Sentence(
            f"Sentence {i} reports what was done.",
            where,
            "report.txt",
            "",
            "",
            0,
            0.0,
            relevance=0.5,
            weighted=0.5,
            vector=vector,
        )

    pool = [s(i) for i in range(7)]
    first = [c.quote for c in choose(pool)]
    assert first == [f"Sentence {i} reports what was done." for i in range(MAX_SENTENCES)]
    assert [c.quote for c in choose(list(reversed(pool)))] == first


def test_a_report_of_what_happened_is_cited_before_a_project_documents_arrangement() -> None:
    """A project document's arrangement mirrors the form's wording, so it scores closer to the
    question than a report telling what happened in the project's own words; it rates as a plan
    all the same, so it ranks like one, and a report below the plain relevance floor still
    addresses the question (the draft is not "too thin" while a report says what was done)."""
    from assistant.drafting.choice import MIN_RELEVANCE, REPORT_RELEVANCE, _Sentence, choose, weigh
    from assistant.drafting.evidence import DocKind

    prodoc = DocKind("project_document", "project document", "plan", 0.65)
    report = DocKind("progress_report", "progress report", "happened", 1.0)

    def s(quote: str, kind: DocKind, relevance: float, axis: int, planned: bool = False) -> _Sentence:
        vector = [0.0] * 4
        vector[axis] = 1.0
        out = _Sentence(
            quote,
            Location("x.txt", line_start=axis + 1),
            "x.txt",
            "",
            "",
            0,
            0.0,
            relevance=relevance,
            vector=vector,
            planned=planned,
            kind=kind,
        )
        out.weighted = weigh(out)
        return out

    arranged = s("Relevant lessons are captured by the project team and used to inform decisions.", prodoc, 0.55, 0)
    plan = s("Lessons will be captured by the project team and used to inform decisions.", prodoc, 0.55, 1, True)
    lesson = s("The Board extended the reserve fund rule to all cooperatives after the 2022 review.", report, 0.3, 2)
    assert weigh(arranged) == weigh(plan) < weigh(s(MET, prodoc, 0.55, 3))  # a past-tense report counts
    assert REPORT_RELEVANCE <= lesson.relevance < MIN_RELEVANCE
    assert choose([arranged, plan, lesson])[0] is lesson
    faint = s("The Board extended the reserve fund rule to all cooperatives.", report, REPORT_RELEVANCE / 2, 2)
    assert faint not in choose([arranged, faint])
    assert s("Lessons are captured.", prodoc, 0.3, 0) not in choose(
        [arranged, s("Lessons are captured.", prodoc, 0.3, 0)]
    )


def test_a_delay_elsewhere_in_the_project_does_not_hold_its_scale_at_2() -> None:
    """A gap or delay holds level 3 at 2 only when it is about what the question asks: an
    evaluation's 'grants are behind schedule', cited for its other findings, says nothing of the
    project's scale; 'only 15 of 24 mini-grids, behind schedule' does."""
    scale = _question("implementation", 5)
    covers = (
        "By December 2022, 15 solar mini-grids were commissioned in 14 municipalities, connecting 3,850 households."
    )
    basis = (
        "The Karnali Renewable Energy Act adopted in June 2022 is already used as a model by Sudurpashchim Province."
    )
    elsewhere = "Women's enterprise grants are behind schedule."
    level, reason, _, _ = assess(scale, [covers, basis], _orthogonal())  # type: ignore[arg-type]
    assert level == "3", reason
    level, reason, _, _ = assess(scale, [covers, basis, elsewhere], _orthogonal())  # type: ignore[arg-type]
    assert level == "3", reason
    own = "Only 15 of the 24 planned mini-grids were commissioned in 14 municipalities, behind schedule."
    level, reason, _, _ = assess(scale, [own, basis], _orthogonal())  # type: ignore[arg-type]
    assert level == "2" and "held at 2" in reason
