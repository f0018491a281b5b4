"""Acronyms in questions read as the documents define them, or as the template's glossary gives
them when the documents do not."""

from __future__ import annotations

from assistant.answer.acronyms import definitions, expand, known_acronyms

TEXT = (
    "This document is the instrument referred to in the Standard Basic Assistance Agreement (SBAA) "
    "between the Government and UNDP. The Social and Environmental Screening Procedure (SESP) rated "
    "the project Low risk. Scholarships at the Academy of Public Administration (APA) are granted yearly."
)


def test_definitions_are_the_words_whose_initials_spell_the_acronym() -> None:
    found = definitions(TEXT)
    assert found["SBAA"] == "Standard Basic Assistance Agreement"
    assert found["SESP"] == "Social and Environmental Screening Procedure"
    assert found["APA"] == "Academy of Public Administration"
    assert "UNDP" not in found  # used, never defined here


def test_a_question_gets_the_long_forms_of_its_acronyms() -> None:
    known = known_acronyms([TEXT])
    assert expand("SBAA date", known) == "SBAA date (Standard Basic Assistance Agreement)"
    assert expand("APA scholarships 2022", known).endswith("(Academy of Public Administration)")
    assert expand("What is the GMS rate?", known) == "What is the GMS rate? (General Management Support)"  # glossary
    assert expand("When does the project end?", known) == "When does the project end?"
