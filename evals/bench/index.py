"""The benchmark's index: corpus/ padded with synthetic chunks, embedded Chroma and a `chroma run` server.

Padding documents belong to ten projects in turn, one of them the corpus project document's
(00123513), so that a project filter keeps about a tenth of the padding with the real document.
"""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from evals.synthetic import paragraph

PROJECT = "00123513"  # the project filter of the benchmark: acsh-phase3-project-document.txt's
PADDING_PROJECTS = [PROJECT] + [f"0020{n:04d}" for n in range(9)]


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
            source, doc_type = f"padding-{i:05d}.txt", "qa_report" if i % 10 == 5 else "project_document"
            number = PADDING_PROJECTS[i % len(PADDING_PROJECTS)]
            texts = [paragraph(rng, rng.randint(3, 6)) for _ in range(n)]
            chunks = [
                Chunk(
                    id=f"pad-{i}-{j}",
                    text=t,
                    location=Location(source, line_start=j + 1, line_end=j + 1),
                    title=f"Padding {i}",
                    section="Output 1",
                    doc_type=doc_type,
                    project_number=number,
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
                project_number=number,
            )
            self.embedded.write_document(doc, chunks, vectors.tolist(), [])
            if self.server is not None:
                self.server.collection.upsert(
                    ids=[c.id for c in chunks],
                    embeddings=vectors.tolist(),
                    documents=texts,
                    metadatas=[c.to_metadata() for c in chunks],
                )
