"""Which documents a project's draft may quote: its own and those of linked phases, less the QA
report being drafted (same project, same stage) unless the user asks for it; and which QA stage
a project's documents suggest."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from assistant.core.errors import ProjdocsError
from assistant.core.text import project_key
from assistant.drafting.evidence import document_kind, profile, qa_report_stage

logger = logging.getLogger(__name__)


class _DocLike(Protocol):
    """What selection needs of a document (``StoredDocument`` has it)."""

    @property
    def source(self) -> str: ...

    @property
    def project_number(self) -> str: ...

    @property
    def related_projects(self) -> tuple[str, ...]: ...


def linked_projects(docs: Iterable[_DocLike], number: str) -> set[str]:
    """``number`` and the project numbers linked to it as an earlier or later phase.

    A link is read both ways: a document of project A that names project B (the closure
    report of phase 2 naming phase 3) links A to B and B to A. Numbers are compared
    without leading zeros (Atlas writes 000123513 and 00123513 for the same project).
    """
    n = project_key(number)
    linked = {n}
    for d in docs:
        own = project_key(d.project_number)
        related = {project_key(p) for p in d.related_projects if project_key(p)}
        if own == n:
            linked |= related
        elif n in related and own:
            linked.add(own)
    return linked


def select_documents(
    docs: Sequence[_DocLike], project: str | None = None, sources: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[str]:
    """The sources a draft may quote: the project's documents (own and linked phases) and/or
    the named sources, minus ``exclude``. With neither a project nor sources: every document.

    Raises:
        ProjdocsError: a named source or exclusion is not in the index, or nothing is left.
    """
    known = [d.source for d in docs]
    for name in list(sources) + list(exclude):
        if name not in known:
            raise ProjdocsError(f"{name} is not in the index", hint="see: projdocs documents")
    chosen: list[str] = []
    if project:
        linked = linked_projects(docs, project)
        n = project_key(project)
        chosen = [
            d.source
            for d in docs
            if project_key(d.project_number) in linked or n in {project_key(p) for p in d.related_projects}
        ]
        if not chosen:
            raise ProjdocsError(f"no ingested document belongs to project {project}", hint="see: projdocs documents")
    chosen += [s for s in sources if s not in chosen]
    if not project and not sources:
        chosen = list(known)
    left = [s for s in chosen if s not in set(exclude)]
    if not left:
        raise ProjdocsError("no documents left to draft from after --exclude")
    return left


class _DescribedDoc(_DocLike, Protocol):
    """A document with what tells its kind (``StoredDocument`` has it)."""

    @property
    def title(self) -> str: ...

    @property
    def doc_type(self) -> str: ...


def own_reports(
    docs: Iterable[_DescribedDoc], project: str | None, stage: str, text: Callable[[str], str]
) -> list[str]:
    """The QA reports of ``stage`` for ``project`` itself (not a linked phase): the report being
    drafted, which a draft must not quote by default. ``text(source)`` gives a document's text."""
    if not project:
        return []
    n = project_key(project)
    return [
        d.source
        for d in docs
        if project_key(d.project_number) == n and qa_report_stage(d.title, text(d.source)) == stage
    ]


def suggest_stage(docs: Iterable[_DescribedDoc], text: Callable[[str], str]) -> tuple[str, str]:
    """The QA stage a project's documents suggest, and why (the profile's ``stage_rules``: the
    first rule matched by a document wins: a QA report of that stage, a kind, or a pattern)."""
    import re

    described = []
    for d in docs:
        body = text(d.source)
        head = f"{d.title}\n{body[:3000]}"
        described.append((d, document_kind(d.title, body, d.doc_type).kind, qa_report_stage(d.title, body), head))
    for rule in profile()["stage_rules"]:
        for d, kind, qa_stage, head in described:
            hit = (
                (rule.get("qa_report_stage") and qa_stage == rule["qa_report_stage"])
                or kind in rule.get("kinds", ())
                or any(re.search(p, head, re.IGNORECASE) for p in rule.get("patterns", ()))
            )
            if hit:
                return str(rule["stage"]), f"suggested from the documents: {rule['why']} ({d.source})"
    last = profile()["stage_rules"][-1]
    return str(last["stage"]), f"suggested: {last['why']}"
