"""All configuration in one object; defaults work offline with no configuration.

Environment variables use the ``PROJDOCS_`` prefix (``PROJDOCS_HOME``,
``PROJDOCS_CHROMA_URL``, ``PROJDOCS_LLM``…); a ``.env`` file in the working directory is
read too (environment variables win). Nothing here reads the environment or ``.env`` at
import time: both are read when a ``Settings`` is made.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)


class _ProjdocsDotEnv(DotEnvSettingsSource):
    """``.env`` values, keeping only ``PROJDOCS_*`` names: other tools' variables in the same
    file are not ours to reject, while a misspelt ``PROJDOCS_`` name still fails loudly."""

    def __call__(self) -> dict[str, object]:
        data = super().__call__()
        fields = self.settings_cls.model_fields
        return {k: v for k, v in data.items() if k in fields or k.lower().startswith("projdocs_")}


# Bump when loaders, table recognition or chunking change what is indexed: every document
# is then re-ingested into a fresh collection instead of mixing old and new chunks.
INDEX_VERSION = "v12"  # v12: a PDF cell line overflowing a table's bottom rule stays in its cell; v11: an output cell split by a page stays its output; v10: a QA section named on its rating line; v9: a row chunk names the cell of its unsaid lines; v8: reports told from project documents by their title; v7: PDF cells read as typed, documents told apart by path; v6: rows of unknown columns by header


def default_home() -> Path:
    """Where the tool writes when neither ``--home`` nor ``PROJDOCS_HOME`` is given."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "projdocs"


class Settings(BaseSettings):
    """Every setting of the tool, with working offline defaults."""

    model_config = SettingsConfigDict(
        env_prefix="PROJDOCS_", extra="forbid", env_file=".env", env_file_encoding="utf-8"
    )

    home: Path = Field(default_factory=default_home, description="Directory for everything the tool writes.")
    chroma_url: str = Field(default="", description="URL of a Chroma server; empty = embedded Chroma under home.")
    embedding_model: str = Field(
        default="",
        description=(
            "Path of a sentence-transformers model; empty = the bundled all-MiniLM-L6-v2; "
            '"hashing" = a fast embedder with no notion of meaning (tests).'
        ),
    )
    chunk_tokens: int = Field(default=200, description="Target chunk size in word pieces (the model reads 256).")
    chunk_overlap_sentences: int = Field(default=1, description="Sentences repeated between neighbouring chunks.")
    top_k: int = Field(default=8, description="Passages retrieved per question.")
    max_file_mb: int = Field(default=100, description="Files larger than this are refused.")

    # Optional language-model answers (issue 7): off by default; any OpenAI-compatible server.
    llm: Literal["extractive", "openai"] = Field(
        default="extractive",
        description="extractive = answers quote the documents, no model (default); "
        "openai = a language model on an OpenAI-compatible server writes the answer, then it is verified.",
    )
    llm_base_url: str = Field(
        default="http://127.0.0.1:8000/v1", description="Base URL of the OpenAI-compatible server (ends in /v1)."
    )
    llm_model: str = Field(default="local", description="Model name sent to the server.")
    llm_api_key: SecretStr = Field(
        default=SecretStr("not-needed"), description="API key sent to the server (local servers ignore it)."
    )
    llm_timeout_s: float = Field(
        default=60.0, gt=0, description="Seconds to wait to connect and for each read (a streamed token included)."
    )
    llm_max_retries: int = Field(default=2, ge=0, description="Retries of a failed request (connection, 5xx, 429).")
    llm_max_tokens: int = Field(default=400, gt=0, description="Longest reply the model may write, in tokens.")
    llm_max_passages: int = Field(default=6, gt=0, description="Retrieved passages put in the model's prompt.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _ProjdocsDotEnv(settings_cls), file_secret_settings

    @property
    def index_name(self) -> str:
        """Collection name: changes whenever the vectors would not be comparable."""
        key = f"{self.embedding_model or 'bundled-all-MiniLM-L6-v2'}|{self.chunk_tokens}|{self.chunk_overlap_sentences}|{INDEX_VERSION}"
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
