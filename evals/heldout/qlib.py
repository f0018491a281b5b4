"""Shared helpers for building / validating the held-out question files.

Each item is resolved against the source text: must_contain strings and the
evidence span are searched verbatim; where the document writes a thin/no-break
space (U+00A0) inside a number, the exact form found in the document is stored.
"""

import json
import re
from collections import Counter, defaultdict

TYPES = {
    "table_rf",
    "table_budget",
    "table_qa",
    "narrative",
    "qa_report",
    "multi_hop",
    "followup",
    "overview",
    "unanswerable",
    "false_premise",
}
PHRASINGS = {"number", "name", "telegraphic", "typo", "russian", "conversation"}


def resolve(s, texts):
    """Return the exact form of s as it occurs in one of texts (space may be NBSP)."""
    for t in texts:
        if s in t:
            return s
    pat = re.escape(s).replace(r"\ ", "[ \u00a0]")
    for t in texts:
        m = re.search(pat, t)
        if m:
            return m.group(0)
    return None


def build(items, docs, prefix, out_path):
    """items: list of dicts; docs: {source_name: text}. Writes JSONL, returns rows."""
    rows, errors = [], []
    # stratified split: alternate dev/test within each (type, phrasing) cell
    counter = defaultdict(int)
    offset = {}
    for n, it in enumerate(items, 1):
        it = dict(it)
        assert it["type"] in TYPES, it
        assert it["phrasing"] in PHRASINGS, it
        srcs = it.pop("sources", None) or [it["source"]]
        texts = [docs[s] for s in srcs]
        mc = []
        for s in it.get("must_contain", []):
            r = resolve(s, texts)
            if r is None:
                errors.append(f"{prefix}-{n:03d}: must_contain not found: {s!r}")
            else:
                mc.append(r)
        ev = it["evidence"]
        evs = ev if isinstance(ev, list) else [ev]
        evr = []
        for e in evs:
            r = resolve(e, texts)
            if r is None:
                errors.append(f"{prefix}-{n:03d}: evidence not found: {e[:60]!r}")
                r = e
            evr.append(r)
        key = (it["type"], it["phrasing"])
        if key not in offset:
            offset[key] = len(offset) % 2
        k = counter[key]
        counter[key] += 1
        split = it.pop("split", None) or ("dev" if (k + offset[key]) % 2 == 0 else "test")
        row = {
            "id": f"{prefix}-{n:03d}",
            "type": it["type"],
            "phrasing": it["phrasing"],
            "split": split,
            "question": it["question"],
            "history": it.get("history", []),
            "answer": it["answer"],
            "must_contain": mc,
            "source": srcs[0],
            "evidence": evr[0],
            "refuse": bool(it.get("refuse", False)),
        }
        if len(srcs) > 1:
            row["sources"] = srcs
            row["evidence_2"] = evr[1] if len(evr) > 1 else None
        if it.get("table"):
            row["table"] = it["table"]
        if row["refuse"] and it["type"] not in ("unanswerable", "false_premise"):
            errors.append(f"{row['id']}: refuse on non-refusal type")
        rows.append(row)
    if errors:
        raise SystemExit("\n".join(errors))
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


def summary(rows):
    out = {}
    for k in ("type", "phrasing", "split"):
        out[k] = dict(sorted(Counter(r[k] for r in rows).items()))
    out["type_x_split"] = dict(sorted(Counter(f"{r['type']}/{r['split']}" for r in rows).items()))
    out["total"] = len(rows)
    return out


def build_with_splits(items, split, docs, prefix, out_path):
    """Build a set whose items' splits are set by ``split`` (question -> dev/test) where the
    alternation is not even, validate it, and print its summary with the finer counts."""
    assert set(split) <= {it["question"] for it in items}
    items = [dict(it, split=split[it["question"]]) if it["question"] in split else dict(it) for it in items]
    rows = build(items, docs, prefix, out_path)
    validate(out_path, docs)
    s = summary(rows)
    s["table"] = dict(sorted(Counter(r.get("table") for r in rows if r.get("table")).items()))
    s["refuse"] = sum(r["refuse"] for r in rows)
    s["with_history"] = sum(bool(r["history"]) for r in rows)
    s["cross_document"] = sum(bool(r.get("sources")) for r in rows)
    s["phrasing_x_split"] = dict(sorted(Counter(f"{r['phrasing']}/{r['split']}" for r in rows).items()))
    print(json.dumps(s, ensure_ascii=False, indent=1))
    return rows


def validate(path, docs):
    """Re-read a JSONL file and check every line (used by README instructions)."""
    ids = set()
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    for r in rows:
        assert r["id"] not in ids
        ids.add(r["id"])
        srcs = r.get("sources") or [r["source"]]
        for s in r["must_contain"]:
            assert any(s in docs[x] for x in srcs), (r["id"], s)
        assert any(r["evidence"] in docs[x] for x in srcs), r["id"]
        assert isinstance(r["history"], list)
    return rows


PROJECT2 = (
    "np-solar-project-document.txt",
    "np-solar-annual-report-2022.txt",
    "np-solar-qa-implementation-2022.txt",
    "np-solar-midterm-evaluation.txt",
)


def project2_documents(here):
    """The text of project 2's four documents by file name (``here``: the heldout folder)."""
    import os

    return {n: open(os.path.join(here, "project2", "txt", n), encoding="utf-8").read() for n in PROJECT2}
