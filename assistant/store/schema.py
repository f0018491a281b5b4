"""The SQLite schema of the index (see ``assistant.store.database``)."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    index_name TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_type TEXT NOT NULL,
    project_number TEXT NOT NULL,
    related_projects TEXT NOT NULL,
    period_start INTEGER,
    period_end INTEGER,
    pages INTEGER,
    text TEXT NOT NULL,
    n_chunks INTEGER NOT NULL,
    ingested_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(id UNINDEXED, text, tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_vocab USING fts5vocab(chunks_fts, 'row');
CREATE TABLE IF NOT EXISTS records (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    grp TEXT NOT NULL,
    fields TEXT NOT NULL,
    location TEXT NOT NULL,
    notes TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_key ON records(kind, key);
CREATE INDEX IF NOT EXISTS records_source ON records(source);
-- Access (assistant.access.policy): uploader and projects; no foreign keys, so a re-ingest keeps them
CREATE TABLE IF NOT EXISTS document_owners (
    source TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS document_projects (
    source TEXT NOT NULL,
    project TEXT NOT NULL,  -- project_key(): no leading zeros
    added_by TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (source, project)
);
"""
