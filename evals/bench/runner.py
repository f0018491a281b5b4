"""The benchmark run: phases in order, results to bench.json, bench.md and plots."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.bench.index import PROJECT, Index, server_peak_mb, start_chroma_server
from evals.bench.measure import (
    baseline_latency,
    ingest_throughput,
    load,
    naive_latency,
    peak_rss_mb,
    query_latency,
    reingest_unchanged,
)
from evals.bench.report import markdown, plot
from evals.scorer import load_gold
from evals.synthetic import write_synthetic_corpus, write_synthetic_docx, write_synthetic_pdf

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus"


def _ingest(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    ingest: dict[str, Any] = {}
    if not args.no_corpus:
        print("ingesting corpus/ …", flush=True)
        ingest["corpus"] = ingest_throughput(CORPUS_DIR, work / "home", args.repeat)
    for name, n, write in (
        ("small text files", args.docs, write_synthetic_corpus),
        ("DOCX", args.docx, write_synthetic_docx),
        ("PDF", args.pdf, write_synthetic_pdf),
    ):
        if n:
            print(f"ingesting {n} synthetic {name} …", flush=True)
            tag = name.split()[0].lower()
            folder, home = (
                work / f"synthetic-{tag}",
                work / f"home-{tag}",
            )  # one path each: Chroma caches clients by path
            write(folder, n, args.seed)
            ingest["synthetic" if tag == "small" else name] = ingest_throughput(folder, home, args.repeat)
            shutil.rmtree(home, ignore_errors=True)
    return ingest


def _naive_embeddings() -> Any:
    """The naive baseline's embedder: LangChain's HuggingFaceEmbeddings on the bundled model."""
    from langchain_huggingface import HuggingFaceEmbeddings

    from assistant.store.embeddings import bundled_model_path

    return HuggingFaceEmbeddings(
        model_name=str(bundled_model_path()),
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True},
    )


def run(args: argparse.Namespace) -> dict[str, Any]:
    from assistant.core.settings import load_settings
    from assistant.store.embeddings import get_embedder

    out = Path(args.out) if args.out else load_settings().home / "bench"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="projdocs-bench-"))
    result: dict[str, Any] = {"sizes": args.sizes, "k": args.k, "cpus": os.cpu_count(), "project": PROJECT}
    result["loadavg_start"] = list(map(lambda x: round(x, 2), os.getloadavg()))
    start = time.perf_counter()
    try:
        get_embedder()
        result["model_load_s"] = round(time.perf_counter() - start, 2)
        result["ingest"] = _ingest(args, work)
        if args.reingest_files:
            print(f"re-ingest of {args.reingest_files} unchanged files …", flush=True)
            write_synthetic_corpus(work / "reingest", args.reingest_files, args.seed + 1)
            result["reingest"] = reingest_unchanged(work / "reingest", work / "reingest-home")
            shutil.rmtree(work / "reingest-home", ignore_errors=True)
        items = load_gold()[: args.queries or None]
        result["queries"] = len(items)
        standalone = [it.question for it in items if not it.history]
        vectors = get_embedder().embed(standalone)
        if not args.no_baseline:
            print("naive LangChain baseline …", flush=True)
            result["baseline"] = baseline_latency(CORPUS_DIR, standalone, args.k)
        naive = None if args.no_baseline else _naive_embeddings()
        proc, url = start_chroma_server(work / "server") if not args.no_server else (None, None)
        try:
            index = Index(work / "home", url)
            rng, latency = random.Random(args.seed), []
            for size in sorted(args.sizes):
                print(f"index of {size} chunks …", flush=True)
                t0 = time.perf_counter()
                index.pad_to(size, rng)
                row: dict[str, Any] = {"size": size, "chunks": index.embedded.count_chunks()}
                row["build_s"] = round(time.perf_counter() - t0, 1)
                row["embedded"] = query_latency(index.embedded, items, vectors, args.k, PROJECT)
                if naive is not None:
                    row["embedded"]["naive"] = naive_latency(index.embedded, standalone, args.k, PROJECT, naive)
                if index.server is not None:
                    row["server"] = query_latency(index.server, items, vectors, args.k, PROJECT)
                    if naive is not None:
                        row["server"]["naive"] = naive_latency(index.server, standalone, args.k, PROJECT, naive)
                row["peak_rss_mb"] = round(peak_rss_mb())
                row["server_peak_mb"] = server_peak_mb(proc) if proc else None
                row["load"] = load()
                latency.append(row)
                print(json.dumps(row), flush=True)
            result["latency"] = latency
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["peak_rss_mb"] = round(peak_rss_mb())
        result["cpu_s"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_utime, 1)
        result["server_cpu_s"] = round(children.ru_utime + children.ru_stime, 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["elapsed_s"] = round(time.perf_counter() - start, 1)
    result["loadavg_end"] = list(map(lambda x: round(x, 2), os.getloadavg()))
    (out / "bench.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    plot(result, out / "bench-latency.png")
    (out / "bench.md").write_text(markdown(result), encoding="utf-8")
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from evals.bench import __doc__ as doc

    p = argparse.ArgumentParser(prog="python -m evals.bench", description=(doc or "").split("\n")[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="Index sizes in chunks, comma-separated.")
    p.add_argument("--out", help="Output folder (default: <home>/bench).")
    p.add_argument("--docs", type=int, default=300, help="Synthetic small text files to ingest (0: none).")
    p.add_argument("--docx", type=int, default=20, help="Synthetic DOCX files to ingest (0: none).")
    p.add_argument("--pdf", type=int, default=10, help="Synthetic 4-page PDFs to ingest (0: none).")
    p.add_argument("--reingest-files", type=int, default=0, help="Small files for the unchanged re-ingest (0: none).")
    p.add_argument("--queries", type=int, default=0, help="Gold questions timed (0: all).")
    p.add_argument("--k", type=int, default=8, help="Chunks retrieved per query.")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--repeat", type=int, default=2, help="Ingest and raw-embedding runs; the fastest is kept.")
    p.add_argument("--no-server", action="store_true", help="Embedded Chroma only (no `chroma run`).")
    p.add_argument("--no-corpus", action="store_true", help="Do not ingest corpus/ (synthetic chunks only).")
    p.add_argument("--no-baseline", action="store_true", help="Do not time the naive LangChain baseline.")
    args = p.parse_args(argv)
    args.sizes = [int(s) for s in str(args.sizes).split(",") if s.strip()]
    return args


def main(argv: list[str] | None = None) -> None:
    print(markdown(run(parse_args(argv))))
