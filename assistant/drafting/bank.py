"""The QA question banks (data in ``assistant/profiles``) and the values a draft is made of."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.core.errors import ConfigError
from assistant.core.types import Citation

logger = logging.getLogger(__name__)

BANK_PATH = Path(__file__).resolve().parent.parent / "profiles" / "qa_bank.json"
TOO_THIN = "too thin to rate"

# Evidence signals: (name, pattern). An option that mentions the thing asks for the signal.


# ---------------------------------------------------------------------------------------
# values


@dataclass(frozen=True)
class RubricOption:
    """One answer option of a QA question: its key ("3", "2", "1", "Yes", "No") and text."""

    key: str
    text: str


@dataclass(frozen=True)
class BankQuestion:
    """A question of the QA form, as in ``qa_bank.json``."""

    stage: str
    section: str
    number: int
    text: str
    kind: str  # "rubric" (3/2/1) or "yes_no"
    options: tuple[RubricOption, ...]
    not_applicable: bool = False

    def option(self, key: str) -> RubricOption | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class DraftedSentence:
    """A sentence of a drafted paragraph: the verbatim quote and where it comes from."""

    text: str  # as shown in the paragraph (whitespace tidied; the quote itself is verbatim)
    citation: Citation
    relevance: float


@dataclass(frozen=True)
class Requirement:
    """A rubric requirement (a sentence of an option) and whether the evidence holds it."""

    level: str
    text: str
    found: bool


@dataclass(frozen=True)
class DraftedQuestion:
    """The drafted evidence for one QA question."""

    section: str
    number: int
    question: str
    kind: str
    paragraph: str  # the sentences joined, each followed by its marker [n]
    sentences: tuple[DraftedSentence, ...]
    suggested_level: str | None  # "3" | "2" | "1" | "Yes" | None when too thin to rate
    reason: str  # one line
    missing: tuple[str, ...]  # rubric requirements the evidence does not show
    requirements: tuple[Requirement, ...] = ()
    option_text: str = ""  # the rubric text of the suggested level

    @property
    def citations(self) -> list[Citation]:
        return [s.citation for s in self.sentences]

    @property
    def rating_label(self) -> str:
        """ "2 — reason" or "too thin to rate — reason"."""
        return f"{self.suggested_level or TOO_THIN} — {self.reason}"


@dataclass(frozen=True)
class Draft:
    """A drafted QA form: the questions in order and the documents they were drawn from."""

    stage: str
    title: str
    project: str | None
    sources: tuple[str, ...]
    excluded: tuple[str, ...]
    questions: tuple[DraftedQuestion, ...]
    sections: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def by_section(self) -> list[tuple[str, list[DraftedQuestion]]]:
        order = list(self.sections) + [q.section for q in self.questions if q.section not in self.sections]
        out = []
        for name in dict.fromkeys(order):
            qs = [q for q in self.questions if q.section == name]
            if qs:
                out.append((name, qs))
        return out


# ---------------------------------------------------------------------------------------
# question bank


@lru_cache(maxsize=4)
def _bank(path: str) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the QA question bank {path}: {exc}") from exc


def known_stages(path: Path = BANK_PATH) -> list[str]:
    """The QA stages the bank holds questions for."""
    return [s for s, v in _bank(str(path)).get("stages", {}).items() if v and v.get("questions")]


def load_stage(stage: str = "closure", path: Path = BANK_PATH) -> tuple[str, tuple[str, ...], list[BankQuestion]]:
    """Title, section order and questions of a QA stage."""
    stages = _bank(str(path)).get("stages", {})
    data = stages.get(stage)
    if not data or not data.get("questions"):
        raise ConfigError(
            f"the QA question bank has no {stage!r} questions",
            hint=f"known stages: {', '.join(known_stages(path)) or 'none'}; "
            "add one with python -m evals.build_question_bank --stage STAGE --seed REPORT",
        )
    questions = [
        BankQuestion(
            stage=q.get("stage", stage),
            section=q["section"],
            number=int(q["number"]),
            text=q["text"],
            kind=q.get("kind", "rubric"),
            options=tuple(RubricOption(o["key"], o["text"]) for o in q["options"]),
            not_applicable=bool(q.get("not_applicable")),
        )
        for q in data["questions"]
    ]
    return data.get("title", f"{stage.capitalize()} Stage QA"), tuple(data.get("sections", ())), questions


# ---------------------------------------------------------------------------------------
# document selection
