"""Ingestion: load files into Documents, recognise tables, chunk, embed and store."""
