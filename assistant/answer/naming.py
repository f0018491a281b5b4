"""How a question names a document (by the words of its file name) or a budget line (by its
code or its whole description)."""

from __future__ import annotations

import re

from assistant import profiles


def doc_words(source: str) -> frozenset[str]:
    """The words of a document's file name ("np-solar-midterm-evaluation.txt")."""
    stem = re.sub(r"\.\w+$", "", source).lower()
    return frozenset(w for w in re.split(r"[-_\s]+", stem) if len(w) > 1)  # "qa" names a QA form


def doc_named(text: str, source: str) -> int:
    """How many words of a document's file name the question names ("evaluators" names an
    "evaluation", "mid-term" or "MTE" a "midterm", "qa" a "qa" form)."""
    glossary = {k.lower(): str(v).lower() for k, v in (profiles.load("questions").get("acronyms") or {}).items()}
    words = re.findall(r"[a-z]+", text.lower().replace("-", ""))
    words += [w for a in words if a in glossary for w in re.findall(r"[a-z]+", glossary[a].replace("-", ""))]
    asked = set(words)  # "mte" reads as the template's "mid-term evaluation" too
    return sum(w in asked or (len(w) > 5 and any(a[:6] == w[:6] for a in asked)) for w in doc_words(source))


def documents_named(question: str, sources: list[str]) -> tuple[str, ...]:
    """The documents a question names by two or more words of their file names, leaving out
    the words every name shares ("acsh-…", "np-solar-…": the project's, which name none)."""
    shared = frozenset.intersection(*(doc_words(s) for s in sources)) if len(sources) > 1 else frozenset()
    words = " ".join(w for w in re.findall(r"[\w-]+", question.lower()) if w not in shared)
    return tuple(s for s in sources if doc_named(words, s) >= 2)


def document_type_named(question: str) -> str:
    """The kind of document a question names ("per the QA" → "qa_report"), or ""."""
    text = question.lower()
    for kind, patterns in (profiles.load("questions").get("document_types") or {}).items():
        if any(profiles.rx(p).search(text) for p in patterns):
            return str(kind)
    return ""


def names_line(line: str, text: str) -> bool:
    """The question names this budget line: its code, or its whole description of 2+ words."""
    if re.fullmatch(r"\d{4,6}", line):
        return re.search(rf"\b{line}\b", text) is not None
    return len(line.split()) >= 2 and line.lower() in text


# an evaluation named by its stage; a document's name says which it is
_STAGES = {
    "final": re.compile(r"\b(?:final|terminal|end[\s-]*of[\s-]*project)[\s-]+evaluation", re.I),
    "mid-term": re.compile(r"\b(?:mid[\s-]*term|midterm|mid[\s-]*point)[\s-]+(?:evaluation|review)|\bmte\b", re.I),
}


def other_stage_only(question: str, sources: list[str]) -> str | None:
    """ "What did the final evaluation rate …?" when the evaluations among ``sources`` are of
    another stage only: the stage they are (to say so), else None."""
    asked = next((s for s, p in _STAGES.items() if p.search(question)), None)
    if asked is None:
        return None
    names = [s.replace("-", " ").replace("_", " ") for s in sources]
    held = {s for s, p in _STAGES.items() for n in names if p.search(n)}
    return next(iter(sorted(held)), None) if held and asked not in held else None
