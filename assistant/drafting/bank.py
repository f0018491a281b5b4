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

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
BANK_PATH = PROFILES / "qa_bank.json"  # the closure stage, generated from the seed form
TOO_THIN = "too thin to rate"
STAGES = ("design", "implementation", "closure")  # the QA stages, in the order a project meets them


# ---------------------------------------------------------------------------------------
# values


@dataclass(frozen=True)
class RubricOption:
    """One answer option of a QA question: its key ("3", "2", "1", "Yes", "No") and text."""

    key: str
    text: str
    requires: tuple[str, ...] = ()  # the level's checkable requirements; empty: the text's sentences


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
    origin: str = "seed"  # "seed": copied from a seed QA form; "standard": written from the UNDP PQA standard

    def option(self, key: str) -> RubricOption | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class DraftedSentence:
    """A sentence of a drafted paragraph: the verbatim quote and where it comes from."""

    text: str  # as shown in the paragraph (whitespace tidied; the quote itself is verbatim)
    citation: Citation
    relevance: float
    planned: bool = False  # states a plan ("will…"), not what happened: shown as a plan, never rated on
    kind: str = ""  # what its document is ("progress report", "project document"…)
    shortfall: bool = False  # reports a gap or a delay
    arrangement: bool = False  # a plan document's sentence not reporting what happened ("The board reviews…")
    heading: str = ""  # the heading it sits under in its document


@dataclass(frozen=True)
class Requirement:
    """A rubric requirement (a sentence of an option) and whether the evidence holds it."""

    level: str
    text: str
    found: bool
    planned: bool = False  # not found in what was done, only in plans
    evidence: tuple[int, ...] = ()  # the sentences (1-based markers) that show it
    role: str = "must"  # "must" (to be found); "condition", "hedge", "alternative", "limit": not a must-find

    @property
    def status(self) -> str:
        """ "found [1, 3]", "planned only [2]", "not found" or, for what is not a must-find,
        "not found (only if it applies)"."""
        marks = f" [{', '.join(map(str, self.evidence))}]" if self.evidence else ""
        if self.found:
            return "found" + marks
        if self.planned:
            return "planned only" + marks
        return "not found" + ("" if self.role == "must" else f" ({ROLE_NOTES.get(self.role, self.role)})")


ROLE_NOTES = {
    "condition": "only if it applies",
    "hedge": "a hedge, not required",
    "alternative": "an alternative",
    "limit": "what the level lacks, not required",
}


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
    stage_reason: str = ""  # why this stage: chosen by the user, or suggested from the documents
    own_report: tuple[str, ...] = ()  # the QA report(s) being drafted (same project and stage)
    own_report_included: bool = False  # True only when the user asked to quote them
    date: str = ""  # ISO date of the draft

    def by_section(self) -> list[tuple[str, list[DraftedQuestion]]]:
        order = list(self.sections) + [q.section for q in self.questions if q.section not in self.sections]
        out = []
        for name in dict.fromkeys(order):
            qs = [q for q in self.questions if q.section == name]
            if qs:
                out.append((name, qs))
        return out


# ---------------------------------------------------------------------------------------
# question banks: every qa_*.json / qa_*.yaml under assistant/profiles holding "stages"


@dataclass(frozen=True)
class StageInfo:
    """A stage of the QA form: its title, section order, where its questions come from, and
    whether planned arrangements count as evidence (at design, the plan is what is appraised)."""

    stage: str
    title: str
    sections: tuple[str, ...]
    origin: str
    plans_are_evidence: bool
    file: str


def read_profile(path: Path, what: str, required: str = "") -> dict[str, Any]:
    """A drafting profile (YAML or JSON) as a mapping, or a ConfigError naming ``what`` it is
    and the file; ``required``: a key it must hold."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the {what} {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"the {what} {path} is not a mapping")
    if required and required not in data:
        raise ConfigError(f"the {what} {path} has no {required}")
    return data


def _read(path: Path) -> dict[str, Any]:
    return read_profile(path, "QA question bank")


@lru_cache(maxsize=4)
def _bank(folder: str) -> dict[str, tuple[dict[str, Any], str]]:
    """stage → (its data, the file it came from), over the bank files of ``folder``."""
    stages: dict[str, tuple[dict[str, Any], str]] = {}
    base = Path(folder)
    files = [base] if base.is_file() else sorted(base.glob("qa_*.json")) + sorted(base.glob("qa_*.yaml"))
    for path in files:
        for name, data in (_read(path).get("stages") or {}).items():
            if data and data.get("questions"):
                stages[name] = (data, path.name)
    return stages


def known_stages(path: Path = PROFILES) -> list[str]:
    """The QA stages the banks hold questions for, in project order."""
    have = _bank(str(path))
    return [s for s in STAGES if s in have] + sorted(s for s in have if s not in STAGES)


def stage_info(stage: str, path: Path = PROFILES) -> StageInfo:
    """Title, sections, origin and evidence rule of a QA stage."""
    data, file = _stage_data(stage, path)
    return StageInfo(
        stage=stage,
        title=data.get("title", f"{stage.capitalize()} Stage Quality Assurance Report"),
        sections=tuple(data.get("sections", ())),
        origin=data.get("origin", "seed"),
        plans_are_evidence=bool(data.get("plans_are_evidence", False)),
        file=file,
    )


def _stage_data(stage: str, path: Path) -> tuple[dict[str, Any], str]:
    stages = _bank(str(path))
    if stage not in stages:
        raise ConfigError(
            f"the QA question bank has no {stage!r} questions",
            hint=f"known stages: {', '.join(known_stages(path)) or 'none'}; "
            f"add one as assistant/profiles/qa_{stage}.yaml",
        )
    return stages[stage]


def load_stage(stage: str = "closure", path: Path = PROFILES) -> tuple[str, tuple[str, ...], list[BankQuestion]]:
    """Title, section order and questions of a QA stage."""
    data, _ = _stage_data(stage, path)
    info = stage_info(stage, path)
    questions = [
        BankQuestion(
            stage=q.get("stage", stage),
            section=q["section"],
            number=int(q["number"]),
            text=q["text"],
            kind=q.get("kind", "rubric"),
            options=tuple(RubricOption(str(o["key"]), o["text"], tuple(o.get("requires", ()))) for o in q["options"]),
            not_applicable=bool(q.get("not_applicable")),
            origin=q.get("origin", info.origin),
        )
        for q in data["questions"]
    ]
    return info.title, info.sections, questions
