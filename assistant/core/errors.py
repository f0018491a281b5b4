"""Errors the tool raises on purpose; only the CLI turns them into exit codes.

ProjdocsError
 ├── IngestError          (a file could not be ingested; carries path and reason)
 │    ├── UnsupportedFormat
 │    └── UnreadableFile
 ├── StoreError           (the index cannot be read or written)
 ├── ConfigError          (a setting is wrong)
 └── BackendError         (a language-model server failed)
"""

from __future__ import annotations


class ProjdocsError(Exception):
    """Base of every error the tool raises on purpose."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.hint})" if self.hint else base


class IngestError(ProjdocsError):
    """A file could not be ingested."""

    def __init__(self, path: str, reason: str, hint: str = "") -> None:
        super().__init__(f"{path}: {reason}", hint)
        self.path = path
        self.reason = reason


class UnsupportedFormat(IngestError):
    """The file is of a type the loaders do not read."""


class UnreadableFile(IngestError):
    """The file is of a known type but cannot be read (corrupt, encrypted, empty…)."""


class StoreError(ProjdocsError):
    """The index cannot be read or written."""


class ConfigError(ProjdocsError):
    """A setting has a wrong value."""


class BackendError(ProjdocsError):
    """A language-model backend failed."""
