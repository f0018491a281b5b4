"""'Do the yearly targets add up to the final target?': the yearly targets listed and added from
their cited cells, and the sum set beside the final target: equal, equal with the baseline, or
targets that are cumulative (each year's includes the years before)."""

from __future__ import annotations

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

FRAMEWORK = (
    "Project document\n\nResults Framework\n\n"
    "EXPECTED OUTPUTS\tOUTPUT INDICATORS\tBASELINE Value\tBASELINE Year\t2021\t2022\t2023\tEnd of project\tDATA SOURCE\n"
    "Output 1: Water\tIndicator 1.1: Number of basin councils set up\t0\t2020\t2\t3\t1\t6\tMinistry records\n"
    "\tIndicator 1.2: Number of inspectors certified\t40\t2020\t20\t30\t10\t100\tCertificates\n"
    "\tIndicator 1.3: Kilometres of canals rehabilitated (cumulative)\t0\t2020\t10\t25\t40\t40\tSite reports\n"
    "\tIndicator 1.4: Number of water meters installed\t0\t2020\t100\t100\t100\t250\tUtility records\n"
)


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> FactFinder:
    return FactFinder(indexed(tmp_path_factory.mktemp("targets") / "home", {"prodoc.txt": FRAMEWORK}), ())


def test_yearly_targets_that_make_the_final_one(finder: FactFinder) -> None:
    found = finder.answer("Do the yearly targets for basin councils add up to the final target?")
    assert found is not None and not found.refused
    assert "2 + 3 + 1 = 6" in found.text and "add up to the final target" in found.text


def test_yearly_targets_that_count_on_from_the_baseline(finder: FactFinder) -> None:
    found = finder.answer("do the yearly targets of indicator 1.2 add up to its end of project target?")
    assert found is not None and "20 + 30 + 10 = 60" in found.text
    assert "40 + 60 = 100, the final target" in found.text
    assert {"40", "100"} <= {e.quote for e in found.evidence}  # the baseline and final cells are cited


def test_cumulative_targets_are_not_added(finder: FactFinder) -> None:
    found = finder.answer("Do the yearly targets of indicator 1.3 add up to the final target?")
    assert found is not None and "cumulative" in found.text and "75" not in found.text


def test_targets_that_do_not_add_up_are_said_to_differ(finder: FactFinder) -> None:
    found = finder.answer("Do the yearly targets of indicator 1.4 add up to the final target?")
    assert found is not None and "add up to 300" in found.text and "not to the final target of 250" in found.text


def test_yearly_and_final_targets_are_both_listed(finder: FactFinder) -> None:
    found = finder.answer("What are the yearly and final targets for inspectors certified?")
    assert found is not None
    assert all(f"{year} target: {value}" in found.text for year, value in (("2021", 20), ("2022", 30), ("2023", 10)))
    assert "final target: 100" in found.text


def test_how_many_more_by_the_end_is_the_final_target_less_the_baseline(finder: FactFinder) -> None:
    found = finder.answer("If 40 inspectors were certified by 2020, how many more are expected by the end of project?")
    assert found is not None and not found.refused
    assert "computed: 100 − 40 = 60 more than the baseline" in found.text
    plain = finder.answer("What is the end of project target for inspectors certified?")
    assert plain is not None and "computed" not in plain.text


def test_a_figure_asked_for_two_places_apart_is_refused_when_the_table_has_one_figure(finder: FactFinder) -> None:
    split = finder.answer("What is the end of project target for water meters in Dodoma versus Mbeya?")
    assert split is not None and split.refused and "not for Dodoma and Mbeya separately" in split.text
    whole = finder.answer("How many water meters are to be installed by the end of project?")
    assert whole is not None and not whole.refused and "250" in whole.text
