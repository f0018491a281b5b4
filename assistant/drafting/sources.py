"""Which documents a project's draft may quote: its own and those of linked phases."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Protocol

from assistant.core.errors import ProjdocsError
from assistant.core.text import project_key

logger = logging.getLogger(__name__)


# Evidence signals: (name, pattern). An option that mentions the thing asks for the signal.


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


# ---------------------------------------------------------------------------------------
# evidence
