"""A drafted paragraph rewritten by the language model, with the same checks as answers."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.citations import verified
from assistant.answer.grounding import (
    Verifier,
    numbers,
    passages_from_citations,
    strip_citations,
    with_markers,
)
from assistant.answer.llm import DRAFT_FALLBACK_NOTE, LLMBackend, finish, rewrite_messages, verified_stream
from assistant.core.settings import Settings
from assistant.core.types import Answer, Citation
from assistant.core.verify import SourceTexts
from assistant.store.database import Store


def rewrite_paragraph(
    sentences_with_citations: Sequence[tuple[str, Sequence[Citation]]],
    settings: Settings,
    *,
    store: Store | None = None,
    backend: LLMBackend | None = None,
) -> Answer:
    """Rewrite a drafted paragraph through the model, with the same checks as answers.

    Args:
        sentences_with_citations: the draft, one ``(sentence, citations)`` pair per sentence;
            the sentence may carry its own "[n]" markers (they are ignored).
        settings: settings naming the server (``settings.llm`` need not be "openai").
        store: the store the citations' sources are in (default: ``Store(settings)``).
        backend: an ``LLMBackend`` to reuse (default: one made from ``settings``).

    Returns:
        An ``Answer`` whose ``answer`` is the verified paragraph with markers [1], [2]… into
        ``citations`` (each quote verbatim in its source) and whose ``notes`` say what was
        removed. When no sentence holds, or a number of the draft was lost, it is the draft
        itself, renumbered, with a note. ``refused`` is False unless the draft had no usable
        citation.

    Raises:
        BackendError: the server cannot be reached or answers with an error.
    """
    store = store or Store(settings)
    texts = SourceTexts(store.document_text)

    def check(cits: list[Citation]) -> list[Citation]:
        return verified(cits, texts)

    all_citations = list(dict.fromkeys(c for _, cits in sentences_with_citations for c in cits))
    passages = passages_from_citations(all_citations, store)
    passage_of = {(p.source, p.quotes[0].text): p.id for p in passages}
    numbered: dict[Citation, int] = {}
    kept: list[Citation] = []
    draft_parts, base_parts = [], []
    for sentence, cits in sentences_with_citations:
        body = strip_citations(sentence)
        if not body:
            continue
        ids = list(dict.fromkeys(passage_of[(c.source, c.quote)] for c in cits if (c.source, c.quote) in passage_of))
        marks = []
        for c in cits:
            if c not in numbered:
                pinned = check([c])
                if not pinned:
                    continue
                kept.append(pinned[0])
                numbered[c] = len(kept)
            marks.append(numbered[c])
        if ids:
            draft_parts.append(f"{body} {''.join(f'[{i}]' for i in ids)}")
        base_parts.append(with_markers(body, list(dict.fromkeys(marks))) if marks else body)
    if not draft_parts:
        return Answer(
            answer=" ".join(base_parts),
            refused=True,
            notes=["The draft has no citation that quotes its source verbatim, so it was not rewritten."],
        )
    base = Answer(answer=" ".join(base_parts), refused=False, citations=kept)
    draft = " ".join(draft_parts)
    backend = backend or LLMBackend(settings)
    verifier = Verifier(passages)
    for _ in verified_stream([backend.complete(rewrite_messages(draft, passages))], verifier):
        pass
    required = sorted(set(numbers(strip_citations(draft))))
    return finish(check, verifier, base, required, fallback_note=DRAFT_FALLBACK_NOTE)
