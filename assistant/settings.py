"""All configuration in one object; defaults work offline with no configuration.

Environment variables use the ``PROJDOCS_`` prefix (``PROJDOCS_HOME``,
``PROJDOCS_CHROMA_URL``…). Nothing here reads the environment at import time.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    """Where the tool writes when neither ``--home`` nor ``PROJDOCS_HOME`` is given."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "projdocs"


class Settings(BaseSettings):
    """Every setting of the tool, with working offline defaults."""

    model_config = SettingsConfigDict(env_prefix="PROJDOCS_", extra="forbid")

    home: Path = Field(default_factory=default_home, description="Directory for everything the tool writes.")
    chroma_url: str = Field(default="", description="URL of a Chroma server; empty = embedded Chroma under home.")
    embedding_model: str = Field(
        default="", description="Path of a sentence-transformers model; empty = the bundled all-MiniLM-L6-v2."
    )
    chunk_tokens: int = Field(default=200, description="Target chunk size in word pieces (the model reads 256).")
    chunk_overlap_sentences: int = Field(default=1, description="Sentences repeated between neighbouring chunks.")
    top_k: int = Field(default=8, description="Passages retrieved per question.")
    max_file_mb: int = Field(default=100, description="Files larger than this are refused.")

    @property
    def index_name(self) -> str:
        """Collection name: changes whenever the vectors would not be comparable."""
        key = f"{self.embedding_model or 'bundled-all-MiniLM-L6-v2'}|{self.chunk_tokens}|{self.chunk_overlap_sentences}|v1"
        return "projdocs-" + hashlib.sha256(key.encode()).hexdigest()[:12]

    @property
    def db_path(self) -> Path:
        return self.home / "projdocs.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


def load_settings(home: str | Path | None = None) -> Settings:
    """Settings from the environment, with ``home`` (from ``--home``) taking precedence."""
    if home is not None:
        return Settings(home=Path(home))
    return Settings()
