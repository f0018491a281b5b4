"""bench.md and bench-latency.png from a benchmark result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

STAGES = ("hash", "parse", "tables", "chunk", "embed", "write")
CONFIGS = (("embedded", "ask"), ("embedded", "ask_project"), ("server", "ask"), ("server", "ask_project"))


def _table(header: list[str], align: str, rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    return out + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def _ingest(r: dict[str, Any]) -> list[str]:
    rows = []
    for name, i in r["ingest"].items():
        st = i.get("stage_s", {})
        rows.append(
            [
                name,
                i["files"],
                i["chunks"],
                i.get("pages") or "",
                i["ingest_chunks_per_s"],
                i.get("ingest_pages_per_s") or "",
                i["raw_embed_chunks_per_s"],
                i["ratio_to_raw_embedding"],
                " / ".join(str(st.get(s, 0)) for s in STAGES),
                i.get("parse_over_raw_embed", ""),
                " → ".join(map(str, i["loadavg_1min"])),
                i["peak_rss_mb"],
            ]
        )
    header = ["corpus", "files", "chunks", "pages", "ingest chunks/s", "pages/s", "raw embedding chunks/s"]
    header += ["ratio (wall)", "s per stage: " + " / ".join(STAGES), "parse ÷ raw embed", "load avg", "peak RSS MB"]
    return _table(header, "lrrrrrrrlrlr", rows)


def _latency(r: dict[str, Any]) -> list[str]:
    metrics = (
        "ask",
        "ask_project",
        "hybrid",
        "hybrid_project",
        "embed",
        "bm25",
        "bm25_project",
        "dense",
        "dense_project",
    )
    header = ["chunks", "Chroma", "**ask**", "**ask, project**", "Retriever.search", "search, project"]
    header += ["embed question", "BM25", "BM25, project", "dense", "dense, project"]
    header += ["naive LangChain", "naive, project", "load avg", "peak RSS MB"]

    def naive(row: dict[str, Any], x: str) -> str:
        n = row.get("naive", {}).get(x)
        return f"{n['p50_ms']} / {n['p95_ms']}" if n else ""

    rows = [
        [
            row["chunks"],
            backend,
            *(f"{row[backend][x]['p50_ms']} / {row[backend][x]['p95_ms']}" for x in metrics),
            naive(row[backend], "query"),
            naive(row[backend], "query_project"),
            " → ".join(map(str, row[backend]["loadavg_1min"])),
            row["peak_rss_mb"] if backend == "embedded" else row["server_peak_mb"],
        ]
        for row in r["latency"]
        for backend in ("embedded", "server")
        if backend in row
    ]
    return _table(header, "rl" + "r" * 13, rows)


def markdown(r: dict[str, Any]) -> str:
    title = (
        f"# Benchmarks ({r['cpus']} CPUs, model load {r['model_load_s']} s, total {r['elapsed_s']} s wall, "
        f"{r['cpu_s']} CPU s here + {r['server_cpu_s']} CPU s in `chroma run`; load avg "
        f"{r['loadavg_start'][0]} at the start, {r['loadavg_end'][0]} at the end)"
    )
    lines = [title, "", "## Ingest throughput", "", *_ingest(r), ""]
    lines += [
        "ratio = ingest chunks/s ÷ raw embedding chunks/s of the same chunks (1.0: ingest costs no more than "
        "embedding). Stage seconds from `IngestSummary.stage_s`; best of `--repeat` runs; load avg = 1-min "
        "load before → after.",
        "",
    ]
    if re := r.get("reingest"):
        lines += [
            "## Re-ingest of an unchanged home",
            "",
            f"{re['files']} small files, {re['chunks']} chunks (hashing embedder: the figure is the skip path's): "
            f"first ingest {re['first_ingest_s']} s (stages {re['first_stage_s']}), **unchanged re-ingest "
            f"{re['unchanged_reingest_s']} s** ({re['unchanged']} unchanged), load {re['loadavg_1min']}.",
            "",
        ]
    lines += [f"## Query latency (ms, p50 / p95; {r['queries']} gold questions with their history, k={r['k']})", ""]
    if b := r.get("baseline"):
        lines += [
            f"Naive LangChain baseline (`evals/baseline.py`, {b['chunks']} chunks of corpus/, same run): "
            f"similarity_search p50 {b['p50_ms']} ms, p95 {b['p95_ms']} ms (load {b['loadavg_1min']}).",
            "",
        ]
    lines += [
        *_latency(r),
        "",
        f"ask = `Assistant.ask` end to end; project = the filter `project_number={r['project']}` (the corpus project "
        "document and a tenth of the padding). naive LangChain = `langchain_chroma.Chroma.similarity_search` over "
        "the same collection (query embedding included; a metadata `filter` for the project). Chunks beyond corpus/ are synthetic with random unit vectors "
        "(evals/bench/index.py). Server memory is the `chroma run` process's VmHWM; embedded is this process's "
        "ru_maxrss.",
        "",
        "![answer p95 against index size](bench-latency.png)",
        "",
    ]
    return "\n".join(lines)


def plot(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    rows = r.get("latency", [])
    for backend, metric in CONFIGS:
        have = [row for row in rows if backend in row]
        if have:
            label = f"{backend}, {'project filter' if metric.endswith('project') else 'unfiltered'}"
            axes[0].plot([x["chunks"] for x in have], [x[backend][metric]["p95_ms"] for x in have], "o-", label=label)
    for backend, style in (("embedded", "k--"), ("server", "k:")):
        have = [row for row in rows if row.get(backend, {}).get("naive")]
        if have:  # the naive LangChain query on the same collection, at each size
            sizes = [x["chunks"] for x in have]
            p95 = [x[backend]["naive"]["query_project"]["p95_ms"] for x in have]
            axes[0].plot(sizes, p95, style, alpha=0.6, label=f"naive LangChain, {backend}, project filter")
    if (b := r.get("baseline")) and not any(row.get("embedded", {}).get("naive") for row in rows):
        axes[0].axhline(b["p95_ms"], color="grey", linestyle=":", label="naive baseline query p95 (corpus/)")
    for metric, style in (("embed", "o-"), ("bm25_project", "s--"), ("dense_project", "^:"), ("hybrid_project", "d-.")):
        have = [row for row in rows if "embedded" in row]
        if have:
            axes[1].plot(
                [x["chunks"] for x in have], [x["embedded"][metric]["p50_ms"] for x in have], style, label=metric
            )
    titles = ("Assistant.ask p95 by configuration", "embedded: parts, p50")
    for ax, title in zip(axes, titles):
        ax.set_xscale("log")
        ax.set_xlabel("chunks in the index")
        ax.set_ylabel("latency (ms)")
        ax.set_title(title, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
