"""Overview answers from a document's field tables: every member of the board, even two of one
role, and a field repeated on two documents' cover pages given once."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.overview import Overview
from assistant.store.database import Store
from tests.unit.answer.indexing import indexed


def _store(folder: Path) -> Store:
    board = "Role\tMember\nExecutive (Chair)\tSecretary, Ministry of Energy\nSenior Supplier\tUNDP Resident Representative\nSenior Supplier\tCounsellor, Royal Norwegian Embassy\n"
    cover = (
        "Atlas Project Number:\t00119874\nTotal resources required:\t6,672,000\n"
        "Donor:\tRoyal Norwegian Embassy\nStart date:\t1 January 2020\n"
    )
    return indexed(
        folder / "home",
        {
            "prodoc.txt": f"Project document\n\n{cover}\nProject Board\n\n{board}",
            "report.txt": f"Annual report\n\n{cover}",
        },
    )


def test_two_members_of_one_role_are_both_listed(tmp_path: Path) -> None:
    found = Overview(_store(tmp_path), ()).answer("Who sits on the Project Board?")
    assert found is not None
    assert "UNDP Resident Representative" in found.text and "Royal Norwegian Embassy" in found.text
    assert found.text.count("Senior Supplier") == 2


def test_the_same_field_on_two_cover_pages_is_given_once(tmp_path: Path) -> None:
    found = Overview(_store(tmp_path), ()).answer("Who funds the project?")
    assert found is not None and found.text.count("Royal Norwegian Embassy") == 1


def test_a_cover_field_does_not_answer_for_a_template_term_its_table_never_names(tmp_path: Path) -> None:
    # "SBAA date" asks when the agreement was signed, not the cover page's "Date"
    from assistant.answer.facts import FactFinder

    store = _store(tmp_path)
    path = tmp_path / "cover.txt"
    path.write_text("Cover\n\nProject title:\tSolar for All\nDate:\t15 February 2023\n", encoding="utf-8")
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    doc = load_document(path)
    records = recognise_tables(doc)
    chunks = chunk_document(doc, records)
    store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    finder = FactFinder(store, ())
    dated = finder.answer("What is the date?")
    assert dated is not None and "15 February 2023" in dated.text
    assert finder.answer("SBAA date") is None


def test_overview_questions_in_people_s_words_name_their_topic() -> None:
    from assistant.answer.overview import asked_topics

    def names(question: str) -> list[str]:
        return [t.name for t in asked_topics(question)]

    assert names("I'm new here - what is the Solar Hub phase 3 project actually about?") == ["about"]
    assert names("what are the main ouputs of the hub project in phase three?") == ["outputs"]
    assert "funding" in names("whats the totl budget of the solar minigrid project?")
    assert names("What is the budget for output 2 in 2022?") == []
    assert names("What did the QA say about sustainability?") == []


def test_a_brief_description_keeps_its_enumeration_whole(tmp_path: Path) -> None:
    text = (
        "Project document\n\nBrief Description\n\nThe SOLAR hub supports rural electrification in two provinces of "
        "the country. SOLAR works through three pillars: (i) policy reform; (ii) mini-grid installation; and "
        "(iii) women's enterprise.\n"
    )
    store = indexed(tmp_path / "home", {"prodoc.txt": text})
    found = Overview(store).answer("What is the project about?")
    assert found is not None and "(iii) women's enterprise." in found.text
    assert all(e.quote in text for e in found.evidence)


def test_a_column_a_pdf_runs_beside_the_brief_description_is_left_out(tmp_path: Path) -> None:
    text = (
        "Project document\n\nBrief Description\n\nGovernments seek better public services for all of their citizens "
        "and in 2013 they created the\tTotal resources required (in USD):\t4,660,000\n"
        "Solar Hub in the capital city. SOLAR is a platform for the exchange of knowledge among the countries of "
        "the region.\n"
    )
    store = indexed(tmp_path / "home", {"prodoc.txt": text})
    found = Overview(store).answer("What is the project about?")
    assert found is not None and "SOLAR is a platform for the exchange of knowledge" in found.text
    assert "4,660,000" not in found.text


def test_a_share_of_the_total_is_computed_from_the_cited_figures(tmp_path: Path) -> None:
    from assistant.answer.arithmetic import with_share

    cover = (
        "Atlas Project Number:\t00119874\nTotal resources required:\t6,672,000\nUNDP TRAC:\t1,650,000\n"
        "Donor (Royal Norwegian Embassy):\t5,022,000\n"
    )
    own = indexed(tmp_path / "own", {"second.txt": f"Project document\n\n{cover}"})
    question = "What share of the total budget does Norway contribute?"
    found = Overview(own).answer(question)
    assert found is not None
    shared = with_share(found, question)
    assert shared.text.endswith("computed: 5,022,000 as a share of 6,672,000 = 75.3%.")
    assert with_share(found, "What share of the total budget does the World Bank give?").text == found.text


def test_where_the_project_works_is_read_from_the_provinces_it_names(tmp_path: Path) -> None:
    text = (
        "Project document\n\nThe grid has reached most towns.\n"
        "The project works with rural cooperatives in Karnali and Sudurpashchim provinces.\n"
        "The Project Management Unit will be located in Lalitpur.\n"
    )
    overview = Overview(indexed(tmp_path / "home", {"prodoc.txt": text}), ())
    found = overview.answer("Where in Nepal does the project work?")
    assert found is not None and "Karnali and Sudurpashchim provinces" in found.text
    assert overview.answer("Where is the project office located?") is None  # an office is no area


def test_a_newcomers_words_ask_for_the_overview(tmp_path: Path) -> None:
    from assistant.answer.overview import asked_topics

    assert [t.name for t in asked_topics("In plain words, what is phase 3 meant to do?")] == ["about"]
    assert [t.name for t in asked_topics("Кто основной донор третьей фазы?")] == ["funding"]
    # a donor named in passing is no question about the funding ("the donor's report on …")
    assert asked_topics("Почему донор отказался от проекта?") == []
    # who pays for something else is no question about the project's funding
    assert asked_topics("What does the final audit cost, and who funds it?") == []
    assert [t.name for t in asked_topics("Who funds the project?")] == ["funding"]


def test_without_dates_the_duration_is_the_years_the_work_plan_budgets(tmp_path: Path) -> None:
    plan = (
        "Project document\n\nMulti-Year Work Plan\n\n"
        "Expected outputs\tPlanned activities\t2021\t2022\t2023\tResponsible party\tAmount\n"
        "Output 1: Research\tActivity 1.1 Publish studies\t97,500\t142,700\t144,191\tACSH\t384,391\n"
    )
    found = Overview(indexed(tmp_path / "home", {"prodoc.txt": plan}), ()).answer(
        "How long is the project meant to run?"
    )
    assert found is not None and "2021–2023" in found.text
    assert [e.quote for e in found.evidence] == ["97,500", "144,191"]  # cited by the first and last year's cells


def test_a_newcomers_ways_of_asking_who_implements_and_when_it_runs() -> None:
    from assistant.answer.overview import asked_topics

    assert [t.name for t in asked_topics("Which agency implements phase 3?")] == ["implementing_partner"]
    assert [t.name for t in asked_topics("When does phase 3 start and finish?")] == ["dates"]
    assert asked_topics("When will the mid-term evaluation start?") == []  # an evaluation's date, not the project's


def test_in_a_nutshell_asks_the_overview_only_of_the_project() -> None:
    from assistant.answer.overview import asked_topics

    assert [t.name for t in asked_topics("What is the project in a nutshell?")] == ["about"]
    assert asked_topics("What's the theory of change in a nutshell?") == []  # a subject of its own


def test_the_projects_short_name_asks_what_the_project_is_about(tmp_path: Path) -> None:
    brief = (
        "The AQUA project will bring safe drinking water to twelve basin towns through "
        "rehabilitated networks, metering and trained water utilities in three provinces."
    )
    text = f"Project Document\n\nProject Title: Clean Water for Basin Towns (AQUA)\n\nBrief Description\n\n{brief}\n"
    store = indexed(tmp_path / "home", {"prodoc.txt": text})
    found = Overview(store, ()).answer("What is AQUA, in a few words?")
    assert found is not None and "twelve basin towns" in found.text
    assert Overview(store, ()).answer("What is a water meter?") is None


def test_a_cover_written_as_lines_and_a_board_table_of_three_columns(tmp_path: Path) -> None:
    cover = "PROJECT DOCUMENT\nProject title: Wells for Dry Villages\nStart date: 1 March 2025\nEnd date: 28 February 2029\n"
    board = (
        "Board role\tOrganization\tRepresented by\n"
        "Executive and Co-chair\tUNDP Country Office\tResident Representative\n"
        "Co-chair (national counterpart)\tMinistry of Water\tDeputy Minister\n"
        "Senior Supplier\tEuropean Union\tHead of Cooperation\n"
    )
    store = indexed(
        tmp_path / "home", {"prodoc.txt": f"{cover}\nBrief description\n\nWells.\n\nProject Board\n\n{board}"}
    )
    dates = Overview(store, ()).answer("How long does the project run?")
    assert dates is not None and "1 March 2025" in dates.text and "28 February 2029" in dates.text
    assert dates.text.index("1 March 2025") < dates.text.index("28 February 2029")  # as the cover writes them
    members = Overview(store, ()).answer("Who sits on the Project Board?")
    assert members is not None
    for said in ("UNDP Country Office", "Deputy Minister", "European Union", "Head of Cooperation"):
        assert said in members.text


def _funding_store(folder: Path) -> Store:
    cover = (
        "Total resources required: USD 7,190,000\n\n"
        "Funding source\tAmount (USD)\tShare of total\tStatus\n"
        "European Union (Contribution Agreement)\t5,400,000\t75.1%\tSigned\n"
        "Swiss Agency for Development and Cooperation (SDC)\t1,080,000\t15.0%\tSigned\n"
        "UNDP TRAC\t710,000\t9.9%\tAllocated\n"
    )
    plan = (
        "Multi-year work plan\n\nActivity\tResponsible party\tFunding source\t2024\t2025\tTotal (USD)\n"
        "2.3 Drip and sprinkler demonstration plots\tRAS\tSDC\t30 000\t90 000\t120 000\n"
    )
    return indexed(folder / "home", {"prodoc.txt": f"Project document\n\n{cover}\n{plan}"})


def test_who_funds_the_project_lists_the_rows_of_the_funding_table(tmp_path: Path) -> None:
    found = Overview(_funding_store(tmp_path), ()).answer("Who funds the project?")
    assert found is not None
    for donor, amount in (("European Union", "5,400,000"), ("(SDC)", "1,080,000"), ("UNDP TRAC", "710,000")):
        assert f"{donor}" in found.text and amount in found.text
    assert "75.1%" not in found.text  # the amount, not every cell of the row


def test_who_funds_an_activity_is_no_question_about_the_project(tmp_path: Path) -> None:
    store = _funding_store(tmp_path)
    assert Overview(store, ()).answer("Who funds the drip and sprinkler demonstration plots?") is None
    assert Overview(store, ()).answer("Who funds Jer-Suu?") is not None


def test_a_newcomer_asking_for_the_gist_asks_what_the_project_is_about() -> None:
    from assistant.answer.overview import asked_topics

    asked = asked_topics("I'm joining next week, can you give me the gist of what it actually does on the ground?")
    assert [t.name for t in asked] == ["about"]


def test_the_timing_of_something_else_is_no_question_on_the_projects_dates() -> None:
    from assistant.answer.overview import asked_topics

    assert "dates" in [t.name for t in asked_topics("Каковы сроки проекта?")]
    assert "dates" not in [t.name for t in asked_topics("Какая доля подписчиков изменила сроки сева?")]
    assert "dates" not in [t.name for t in asked_topics("Почему стройработы начались позже?")]
