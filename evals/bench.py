"""Performance benchmarks (not tests): ingest throughput, query latency by index size, memory.

Run:  python -m evals.bench [--sizes 1000,10000,100000] [--out DIR] [--docs 300] [--no-server]

(a) Ingest throughput (chunks/s) of corpus/ and of a deterministic synthetic corpus of small
    project-like text files (prose, headings, tab tables; ~7 chunks each, 300 files by default
    to stay within ~15 min on 2 cores: ``--docs 2000`` for a longer run), against the raw throughput of the
    embedding model (``SentenceTransformer.encode`` of the same chunk texts, same run): the
    ratio says how much of ingest is embedding (1.0 = nothing but embedding).
(b) Query latency p50/p95 of hybrid search (``Retriever.search``: embed + BM25 + dense + fuse)
    at each index size, with embedded Chroma and with a real ``chroma run`` server; also
    BM25-only and Chroma-only timings, each unfiltered and with a ``where`` filter
    (doc_type = qa_report, ~10% of the synthetic chunks).
    The index is corpus/ (real vectors) padded to each size with synthetic chunks whose
    vectors are random unit vectors, written through ``Store.write_document`` (embedded) and
    ``Store.collection.upsert`` (server; both stores share one SQLite home): embedding 100k
    chunks would take ~20 min on 2 cores, and search cost does not depend on the vectors'
    meaning (random vectors are, if anything, the harder case for HNSW).
(c) Peak memory: ``ru_maxrss`` of this process after each phase, and the server's VmHWM.

Writes ``bench.md``, ``bench.json`` and ``bench-latency.png`` into the out dir (default
``<home>/bench/``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.scorer import load_gold, percentile
from evals.synthetic import paragraph, write_synthetic_corpus

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"


def cpu_s() -> float:
    """CPU seconds of this process, all threads (less sensitive than wall time to a busy machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def ingest_throughput(folder: Path, home: Path, repeat: int = 2) -> dict[str, Any]:
    """Ingest ``folder`` into fresh homes and encode the same chunk texts with the bare model.

    Each is done ``repeat`` times and the fastest run kept: on a shared machine a neighbour's
    burst slows one run, never speeds one up. ``home`` keeps the first run's index.
    """
    from assistant.core.settings import Settings
    from assistant.store.database import Store
    from assistant.store.embeddings import embedding_text, get_embedder
    from ingest.pipeline import ingest_paths

    load_before = os.getloadavg()[0]
    ingest_runs: list[tuple[float, float, int, int]] = []  # (wall s, CPU s, chunks, files)
    for i in range(max(1, repeat)):
        target = home if i == 0 else home.with_name(f"{home.name}-{i}")
        start, cpu = time.perf_counter(), cpu_s()
        summary = ingest_paths([folder], Settings(home=target))
        ingest_runs.append((time.perf_counter() - start, cpu_s() - cpu, summary.chunks_written, len(summary.added)))
        if i:
            shutil.rmtree(target, ignore_errors=True)
    ingest_s, ingest_cpu, chunks_written, files = min(ingest_runs)
    store = Store(Settings(home=home))
    ids = [r["id"] for r in store.query("SELECT id FROM chunks ORDER BY id")]
    texts = [embedding_text(c.title, c.section, c.text) for c in store.chunks(ids).values()]
    model = get_embedder(store.settings.embedding_model).model  # type: ignore[attr-defined]  # the real model
    raw_runs = []
    for _ in range(max(1, repeat)):
        start, cpu = time.perf_counter(), cpu_s()
        model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        raw_runs.append((time.perf_counter() - start, cpu_s() - cpu))
    raw_s, raw_cpu = min(raw_runs)
    ingest_rate, raw_rate = chunks_written / ingest_s, len(texts) / raw_s
    return {
        "files": files,
        "chunks": chunks_written,
        "runs": len(ingest_runs),
        "ingest_s": round(ingest_s, 2),
        "ingest_chunks_per_s": round(ingest_rate, 1),
        "raw_embed_s": round(raw_s, 2),
        "raw_embed_chunks_per_s": round(raw_rate, 1),
        "ratio_to_raw_embedding": round(ingest_rate / raw_rate, 3),
        "ingest_cpu_s": round(ingest_cpu, 1),
        "raw_embed_cpu_s": round(raw_cpu, 1),
        "cpu_ratio_to_raw_embedding": round(raw_cpu / ingest_cpu, 3) if ingest_cpu else None,
        "all_runs_s": {"ingest": [round(r[0], 2) for r in ingest_runs], "raw": [round(r[0], 2) for r in raw_runs]},
        "loadavg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "peak_rss_mb": round(peak_rss_mb()),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_chroma_server(path: Path) -> tuple[subprocess.Popen[bytes], str]:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    log = open(path.parent / "chroma-server.log", "wb")  # noqa: SIM115 - the server's stdout, closed with it
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited with {proc.returncode}; see {log.name}")
        try:
            urllib.request.urlopen(url + "/api/v2/heartbeat", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("chroma run did not answer within 60 s")


def server_peak_mb(proc: subprocess.Popen[bytes]) -> float | None:
    try:
        for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return None


class Index:
    """One SQLite home with embedded Chroma and, optionally, a Chroma server beside it."""

    def __init__(self, home: Path, server_url: str | None) -> None:
        from assistant.core.settings import Settings
        from assistant.store.database import Store

        self.embedded = Store(Settings(home=home))
        self.server = Store(Settings(home=home, chroma_url=server_url)) if server_url else None
        self.n_synthetic_docs = 0
        if self.server is not None and self.embedded.count_chunks():  # copy the real corpus vectors over
            got = self.embedded.collection.get(include=["embeddings", "documents", "metadatas"])
            for i in range(0, len(got["ids"]), 1000):
                self.server.collection.upsert(
                    ids=got["ids"][i : i + 1000],
                    embeddings=got["embeddings"][i : i + 1000],
                    documents=got["documents"][i : i + 1000],
                    metadatas=got["metadatas"][i : i + 1000],
                )

    def pad_to(self, size: int, rng: random.Random, per_doc: int = 100) -> None:
        """Add synthetic chunks with random unit vectors until the index holds ``size`` chunks."""
        import numpy as np

        from assistant.core.types import Chunk, Document, Location

        nprng = np.random.default_rng(rng.randint(0, 2**31))
        while (have := self.embedded.count_chunks()) < size:
            n = min(per_doc, size - have)
            i = self.n_synthetic_docs
            self.n_synthetic_docs += 1
            source, doc_type = f"padding-{i:05d}.txt", "qa_report" if i % 10 == 0 else "project_document"
            texts = [paragraph(rng, rng.randint(3, 6)) for _ in range(n)]
            chunks = [
                Chunk(
                    id=f"pad-{i}-{j}",
                    text=t,
                    location=Location(source, line_start=j + 1, line_end=j + 1),
                    title=f"Padding {i}",
                    section="Output 1",
                    doc_type=doc_type,
                )
                for j, t in enumerate(texts)
            ]
            vectors = nprng.standard_normal((n, 384)).astype("float32")
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            doc = Document(
                source=source,
                path=source,
                kind="text",
                title=f"Padding {i}",
                text="\n".join(texts),
                blocks=(),
                doc_type=doc_type,
            )
            self.embedded.write_document(doc, chunks, vectors.tolist(), [])
            if self.server is not None:
                self.server.collection.upsert(
                    ids=[c.id for c in chunks],
                    embeddings=vectors.tolist(),
                    documents=texts,
                    metadatas=[c.to_metadata() for c in chunks],
                )


def timed(fn: Callable[[Any], Any], args: list[Any]) -> dict[str, float]:
    for a in args[:3]:
        fn(a)  # warm-up
    times = []
    for a in args:
        start = time.perf_counter()
        fn(a)
        times.append(time.perf_counter() - start)
    return {"p50_ms": round(1000 * percentile(times, 50), 2), "p95_ms": round(1000 * percentile(times, 95), 2)}


def query_latency(store: Any, questions: list[str], vectors: list[list[float]], k: int) -> dict[str, Any]:
    from assistant.retrieval.hybrid import Retriever
    from assistant.store.database import Filters
    from assistant.store.embeddings import get_embedder

    retriever, qa = Retriever(store, store.settings), Filters(doc_type="qa_report")
    pool = max(k * 4, 20)
    where = {"doc_type": "qa_report"}
    embedder = get_embedder(store.settings.embedding_model)
    return {
        "embed": timed(lambda q: embedder.embed([q]), questions),
        "hybrid": timed(lambda q: retriever.search(q, k), questions),
        "hybrid_filtered": timed(lambda q: retriever.search(q, k, qa), questions),
        "bm25": timed(lambda q: store.keyword_search(q, pool), questions),
        "chroma": timed(lambda v: store.collection.query(query_embeddings=[v], n_results=pool), vectors),
        "chroma_filtered": timed(
            lambda v: store.collection.query(query_embeddings=[v], n_results=pool, where=where), vectors
        ),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.core.settings import load_settings
    from assistant.store.embeddings import get_embedder

    out = Path(args.out) if args.out else load_settings().home / "bench"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="projdocs-bench-"))
    result: dict[str, Any] = {"sizes": args.sizes, "queries": args.queries, "k": args.k, "cpus": os.cpu_count()}
    try:
        start = time.perf_counter()
        get_embedder()
        result["model_load_s"] = round(time.perf_counter() - start, 2)
        ingest: dict[str, Any] = {}
        if not args.no_corpus:
            print("ingesting corpus/ …", flush=True)
            ingest["corpus"] = ingest_throughput(CORPUS_DIR, work / "home", args.repeat)
        if args.docs:
            print(f"ingesting {args.docs} synthetic documents …", flush=True)
            write_synthetic_corpus(work / "synthetic", args.docs, args.seed)
            ingest["synthetic"] = ingest_throughput(work / "synthetic", work / "synthetic-home", args.repeat)
            shutil.rmtree(work / "synthetic-home", ignore_errors=True)
        result["ingest"] = ingest
        questions = [it.question for it in load_gold() if not it.history][: args.queries]
        vectors = get_embedder().embed(questions)
        proc, url = start_chroma_server(work / "server") if not args.no_server else (None, None)
        try:
            index = Index(work / "home", url)
            rng, latency = random.Random(args.seed), []
            for size in sorted(args.sizes):
                print(f"index of {size} chunks …", flush=True)
                t0 = time.perf_counter()
                index.pad_to(size, rng)
                row: dict[str, Any] = {
                    "size": size,
                    "chunks": index.embedded.count_chunks(),
                    "build_s": round(time.perf_counter() - t0, 1),
                }
                row["embedded"] = query_latency(index.embedded, questions, vectors, args.k)
                if index.server is not None:
                    row["server"] = query_latency(index.server, questions, vectors, args.k)
                row["peak_rss_mb"] = round(peak_rss_mb())
                row["server_peak_mb"] = server_peak_mb(proc) if proc else None
                latency.append(row)
                print(json.dumps(row), flush=True)
            result["latency"] = latency
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["peak_rss_mb"] = round(peak_rss_mb())
        result["cpu_s"] = round(cpu_s(), 1)
        result["server_cpu_s"] = round(children.ru_utime + children.ru_stime, 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["elapsed_s"] = round(time.perf_counter() - start, 1)
    (out / "bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    (out / "bench.md").write_text(markdown(result), encoding="utf-8")
    plot(result, out / "bench-latency.png")
    return result


def _table(header: list[str], align: str, rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    return out + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def markdown(r: dict[str, Any]) -> str:
    title = (
        f"# Benchmarks ({r['cpus']} CPUs, model load {r['model_load_s']} s, total {r['elapsed_s']} s wall, "
        f"{r['cpu_s']} CPU s here + {r['server_cpu_s']} CPU s in `chroma run`)"
    )
    ingest = _table(
        [
            "corpus",
            "files",
            "chunks",
            "ingest chunks/s",
            "raw embedding chunks/s",
            "ratio (wall)",
            "ingest / raw CPU s",
            "ratio (CPU)",
            "load avg",
            "peak RSS MB",
        ],
        "lrrrrrrrrr",
        [
            [
                name,
                i["files"],
                i["chunks"],
                i["ingest_chunks_per_s"],
                i["raw_embed_chunks_per_s"],
                i["ratio_to_raw_embedding"],
                f"{i['ingest_cpu_s']} / {i['raw_embed_cpu_s']}",
                i["cpu_ratio_to_raw_embedding"],
                " → ".join(map(str, i["loadavg_1min"])),
                i["peak_rss_mb"],
            ]
            for name, i in r["ingest"].items()
        ],
    )
    metrics = ("hybrid", "hybrid_filtered", "embed", "bm25", "chroma", "chroma_filtered")
    latency = _table(
        [
            "chunks",
            "Chroma",
            "hybrid search",
            "hybrid, filtered",
            "of which: embed question",
            "BM25 only",
            "Chroma query",
            "Chroma query, where-filtered",
            "peak RSS MB",
        ],
        "rlrrrrrrr",
        [
            [
                row["chunks"],
                backend,
                *(f"{row[backend][x]['p50_ms']} / {row[backend][x]['p95_ms']}" for x in metrics),
                row["peak_rss_mb"] if backend == "embedded" else row["server_peak_mb"],
            ]
            for row in r["latency"]
            for backend in ("embedded", "server")
            if backend in row
        ],
    )
    notes = [
        (
            "ratio = ingest chunks/s ÷ raw embedding chunks/s (1.0: ingest costs no more than embedding); the CPU "
            "ratio uses this process's CPU seconds. Best of `--repeat` runs; load avg = 1-min load before → after."
        ),
        (
            "Chunks beyond corpus/ are synthetic with random unit vectors (see evals/bench.py). Server memory is the "
            "`chroma run` process's VmHWM; embedded is this process's ru_maxrss."
        ),
    ]
    return "\n".join(
        [
            title,
            "",
            "## Ingest throughput",
            "",
            *ingest,
            "",
            notes[0],
            "",
            f"## Query latency (ms, p50 / p95; {r['queries']} gold questions, k={r['k']})",
            "",
            *latency,
            "",
            notes[1],
            "",
        ]
    )


def plot(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    panels = (
        ("Retriever.search (embed + BM25 + dense + fuse)", [("hybrid", "p50", "o-"), ("hybrid", "p95", "s--")]),
        ("Chroma query, p50: where-filtered vs not", [("chroma_filtered", "p50", "o-"), ("chroma", "p50", "^:")]),
    )
    for ax, (title, lines) in zip(axes, panels):
        for backend, colour in (("embedded", "tab:blue"), ("server", "tab:orange")):
            rows = [row for row in r["latency"] if backend in row]
            for metric, stat, style in lines if rows else []:
                ax.plot(
                    [row["chunks"] for row in rows],
                    [row[backend][metric][f"{stat}_ms"] for row in rows],
                    style,
                    color=colour,
                    label=f"{backend} {metric.replace('_', ' ')} {stat}",
                )
        ax.set_xscale("log")
        ax.set_xlabel("chunks in the index")
        ax.set_ylabel("latency (ms)")
        ax.set_title(title, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="Index sizes in chunks, comma-separated.")
    p.add_argument("--out", help="Output folder (default: <home>/bench).")
    p.add_argument("--docs", type=int, default=300, help="Synthetic documents to ingest (0: none).")
    p.add_argument("--queries", type=int, default=60, help="Gold questions timed per measurement.")
    p.add_argument("--k", type=int, default=8, help="Chunks retrieved per query.")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--repeat", type=int, default=2, help="Ingest and raw-embedding runs; the fastest is kept.")
    p.add_argument("--no-server", action="store_true", help="Embedded Chroma only (no `chroma run`).")
    p.add_argument("--no-corpus", action="store_true", help="Do not ingest corpus/ (synthetic chunks only).")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    return args


def main(argv: list[str] | None = None) -> None:
    result = run(parse_args(argv))
    print(markdown(result))


if __name__ == "__main__":
    main()
