"""The one verbatim check: a quote counts only if it is an exact span of its source's text,
and a claim's numbers count only if its quotes hold them. Used by the answerer, the
language-model path, drafting and the evaluation."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from assistant.core.text import numbers

TextOf = Callable[[str], "str | None"]  # source name -> stored document text (None if unknown)


def is_verbatim(quote: str, text: str | None) -> bool:
    """True when ``quote`` is a non-empty exact span of ``text``."""
    return bool(text) and bool(quote.strip()) and quote in text  # type: ignore[operator]


def unsupported_numbers(claim: str, quotes: Iterable[str], allowed: Iterable[str] = ()) -> list[str]:
    """Numbers of ``claim`` that none of ``quotes`` (nor ``allowed``) holds, normalised."""
    held = {n for q in quotes for n in numbers(q)} | {n for a in allowed for n in numbers(a)}
    return [n for n in dict.fromkeys(numbers(claim)) if n not in held]


class SourceTexts:
    """Cached document texts for checking many quotes against the same sources."""

    def __init__(self, text_of: TextOf) -> None:
        self._text_of = text_of
        self._cache: dict[str, str | None] = {}

    def text(self, source: str) -> str | None:
        if source not in self._cache:
            self._cache[source] = self._text_of(source)
        return self._cache[source]

    def verbatim(self, source: str, quote: str) -> bool:
        return is_verbatim(quote, self.text(source))
