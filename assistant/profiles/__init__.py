"""Template profiles: what identifies a results framework, a work plan, a QA form…, their
column roles and synonyms, total-row labels, QA section names and rating scales. Data files
beside this module, read by generic code; a new template variant is a data change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict[str, Any]:
    """A profile file (``tables``, ``qa_form``…) as plain data."""
    import yaml

    with (HERE / f"{name}.yaml").open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"profile {name}.yaml is not a mapping")
    return data


def rx(pattern: str) -> re.Pattern[str]:
    return _compiled(pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class RoleRule:
    role: str
    patterns: tuple[re.Pattern[str], ...]
    periodic: bool = False

    def matches(self, path: str) -> bool:
        # PDF text may also split a header's words ("EXPECT ED OUT PUTS"): try it unspaced too
        squeezed = path.replace(" ", "")
        return any(p.search(path) or p.search(squeezed) for p in self.patterns)


@dataclass(frozen=True)
class TableKind:
    name: str
    title: str
    looks_like: tuple[re.Pattern[str], ...]
    required: tuple[str, ...]
    key: str
    roles: tuple[RoleRule, ...]
    line_roles: tuple[str, ...] = ()
    required_periodic: tuple[str, ...] = ()  # roles that need at least one column with a period


def _loose(pattern: str) -> str:
    """A space in a header pattern matches any run of whitespace, or none: PDF text extraction
    may run a header's words together ("DATASOURCE")."""
    return pattern.replace(" ", r"\s*")


@lru_cache(maxsize=1)
def table_kinds() -> tuple[TableKind, ...]:
    kinds = []
    for name, raw in load("tables")["kinds"].items():
        roles = tuple(
            RoleRule(r["role"], tuple(rx(_loose(p)) for p in r["header"]), bool(r.get("periodic")))
            for r in raw["roles"]
        )
        kinds.append(
            TableKind(
                name=name,
                title=raw["title"],
                looks_like=tuple(rx(p) for p in raw["looks_like"]),
                required=tuple(raw["required"]),
                key=raw["key"],
                roles=roles,
                line_roles=tuple(raw.get("line_roles", ())),
                required_periodic=tuple(raw.get("required_periodic", ())),
            )
        )
    return tuple(kinds)


def identifier(kind: str) -> re.Pattern[str]:
    """The identifier pattern of ``indicator``, ``activity`` or ``output`` cells."""
    return rx(load("tables")["identifiers"][kind])


@dataclass(frozen=True)
class AnswerType:
    """A kind of answer ("date", "country"): how a question asks for it, what a phrase holding
    it looks like, and the question's words such a phrase says ("which countries …?" is
    answered by "… in Uzbekistan and Tajikistan", which never says "countries")."""

    asks: re.Pattern[str]
    says: re.Pattern[str]
    covers: tuple[str, ...] = ()


@cache
def answer_types() -> dict[str, AnswerType]:
    types = load("questions").get("answer_types") or {}
    return {name: AnswerType(rx(t["asks"]), _says(t), tuple(t.get("covers") or ())) for name, t in types.items()}


def _says(kind: dict[str, Any]) -> re.Pattern[str]:
    """A kind's phrase pattern, with the world's country names (pycountry's ISO 3166 list: its
    names, common and official names, "Iran" of "Iran, Islamic Republic of") for ``names: countries``."""
    pattern = kind["says"]
    if kind.get("names") == "countries":
        import pycountry

        names = {
            n.split(",")[0].strip().lower()
            for c in pycountry.countries
            for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""))
            if n
        }
        listed = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = rf"{pattern}|\b(?:{listed})\b"
    return re.compile(pattern, re.IGNORECASE)


def total_patterns() -> dict[str, re.Pattern[str]]:
    return {k: rx(v) for k, v in load("tables")["totals"].items()}


def period_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(p["kind"], rx(p["pattern"])) for p in load("tables")["periods"]]


def numeric_roles() -> frozenset[str]:
    return frozenset(load("tables")["numeric_roles"])


@dataclass(frozen=True)
class QASection:
    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def qa_sections() -> tuple[QASection, ...]:
    return tuple(QASection(s["name"], tuple(s["aliases"])) for s in load("qa_form")["sections"])


def qa_marker(name: str) -> Any:
    value = load("qa_form")["markers"][name]
    return rx(value) if isinstance(value, str) else tuple(value)


def rating_scale() -> tuple[str, ...]:
    return tuple(load("qa_form")["rating_scale"])


@cache
def synonyms() -> dict[str, frozenset[str]]:
    """Each word's stem -> the stems of the other words of its ``questions`` profile group
    (words people and documents use for one thing), every inflection of each word included."""
    from assistant.core.text import stem

    def inflected(word: str) -> set[str]:  # "approve" stems as itself, "approved" as "approv"
        return {stem(word), stem(word + "s"), stem(word + ("d" if word.endswith("e") else "ed"))}

    out: dict[str, set[str]] = {}
    for group in load("questions").get("synonyms") or []:
        stems = {s for w in group for s in inflected(str(w))}
        for s in stems:
            out.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in out.items()}
