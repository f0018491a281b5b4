"""Performance benchmarks (not tests): answers end to end and ingest, by index size.

Run:  python -m evals.bench [--sizes 1000,10000,100000] [--out DIR] [--docs 300] [--docx 20] [--pdf 10]
      [--reingest-files 14000] [--queries 0] [--no-server] [--no-baseline]

(a) Ingest throughput (chunks/s; pages/s for PDF) of corpus/, of many small synthetic text files,
    of DOCX and of multi-page PDF (evals/synthetic.py), against the raw throughput of the
    embedding model on the same chunk texts in the same run, with seconds per stage (hash,
    parse, tables, chunk, embed, write) and peak memory.
(b) Re-ingest of an unchanged home (``--reingest-files``; hashing embedder for the first ingest).
(c) Query latency p50/p95 at each index size, embedded Chroma and a real ``chroma run`` server,
    unfiltered and with a project filter: ``Assistant.ask`` end to end over the gold questions
    (with their history), ``Retriever.search``, and the raw parts (query embedding, BM25,
    dense search); the naive LangChain baseline's query time in the same run. The index is
    corpus/ (real vectors) padded with synthetic chunks with random unit vectors
    (``evals/bench/index.py``): embedding 100k chunks would take ~20 min on 2 cores, and search
    cost does not depend on the vectors' meaning.
(d) Peak memory: ``ru_maxrss`` of this process after each phase, and the server's VmHWM.

Writes ``bench.md``, ``bench.json`` and ``bench-latency.png`` (answer p95 against index size per
configuration) into the out dir (default ``<home>/bench/``).
"""

from __future__ import annotations

from evals.bench.runner import main, parse_args, run

__all__ = ["main", "parse_args", "run"]
