"""Deterministic project-like text for the benchmarks: prose, headings and tab tables.

Everything comes from ``random.Random(seed)``, so a run with the same seed writes the same
documents (the words are drawn from small lists in the style of the sample corpus).
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = {
    "org": ["the Agency", "the Hub", "UNDP", "the Ministry", "the Academy", "the Board", "partner institutions"],
    "verb": ["will support", "strengthened", "reviewed", "delivered", "coordinated", "monitored", "financed"],
    "obj": [
        "capacity development events",
        "research papers",
        "peer-to-peer exchanges",
        "civil service reform",
        "training modules",
        "the results framework",
        "the annual work plan",
        "scholarship programmes",
        "knowledge products",
        "the e-learning platform",
        "regional conferences",
        "evaluation missions",
    ],
    "place": ["in Kazakhstan", "across the region", "in participating countries", "at the national level", ""],
    "tail": [
        "in line with the work plan",
        "with a focus on gender equality",
        "as agreed by the Board",
        "under Output 2",
        "within the approved budget",
        "by the end of Year 3",
        "",
    ],
}


def sentence(rng: random.Random) -> str:
    w = {k: rng.choice(v) for k, v in WORDS.items()}
    n = rng.choice([f" {rng.randint(2, 9000):,}", f" {rng.randint(1, 99)}%", "", ""])
    return (
        f"{w['org']} {w['verb']}{n} {w['obj']} {w['place']} {w['tail']}".replace("  ", " ").strip().capitalize() + "."
    )


def paragraph(rng: random.Random, n: int) -> str:
    return " ".join(sentence(rng) for _ in range(n))


def synthetic_document(rng: random.Random, number: int) -> str:
    """A small project document: title, two sections of prose and a tab table."""
    lines = [f"# Project {10_000 + number:08d}: {rng.choice(WORDS['obj']).capitalize()}", ""]
    for section in range(1, 3):
        lines += [f"## Output {section}", "", paragraph(rng, rng.randint(3, 6)), ""]
    lines += ["Indicator", "", "\tIndicator", "\tBaseline", "\tYear 1", "\tYear 2", ""]
    for row in range(1, rng.randint(2, 4)):
        lines += [
            f"\t{row}.{rng.randint(1, 5)} - Number of {rng.choice(WORDS['obj'])}",
            f"\t{rng.randint(0, 500)}",
            f"\t{rng.randint(1, 900)}",
            f"\t{rng.randint(1, 900)}",
            "",
        ]
    return "\n".join(lines)


def write_synthetic_corpus(folder: Path, n_docs: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        (folder / f"synthetic-{i:05d}.txt").write_text(synthetic_document(rng, i), encoding="utf-8")


def write_synthetic_docx(folder: Path, n_docs: int, seed: int) -> None:
    """The same documents as Word files: headings, paragraphs and a real table."""
    from docx import Document as Docx

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        doc = Docx()
        doc.add_heading(f"Project {10_000 + i:08d}: {rng.choice(WORDS['obj']).capitalize()}", level=1)
        for section in range(1, 3):
            doc.add_heading(f"Output {section}", level=2)
            doc.add_paragraph(paragraph(rng, rng.randint(3, 6)))
        rows = [["Indicator", "Baseline", "Year 1", "Year 2"]] + [
            [f"{r}.{rng.randint(1, 5)} - Number of {rng.choice(WORDS['obj'])}"]
            + [str(rng.randint(0, 900)) for _ in range(3)]
            for r in range(1, rng.randint(2, 4))
        ]
        table = doc.add_table(rows=len(rows), cols=4)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
        doc.save(str(folder / f"synthetic-{i:05d}.docx"))


def write_synthetic_pdf(folder: Path, n_docs: int, seed: int, pages: int = 4) -> None:
    """Multi-page PDFs of project prose (a heading and paragraphs per page) and a table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    rng = random.Random(seed)
    styles = getSampleStyleSheet()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        story: list[object] = [
            Paragraph(f"Project {10_000 + i:08d}: {rng.choice(WORDS['obj']).capitalize()}", styles["Title"])
        ]
        for page in range(1, pages + 1):
            story.append(Paragraph(f"Output {page}", styles["Heading2"]))
            story += [Paragraph(paragraph(rng, rng.randint(4, 7)), styles["BodyText"]) for _ in range(4)]
            if page == pages:
                story.append(
                    Table(
                        [["Indicator", "Baseline", "Year 1", "Year 2"]]
                        + [
                            [
                                f"{r}.1 - Number of {rng.choice(WORDS['obj'])}",
                                "0",
                                str(rng.randint(1, 900)),
                                str(rng.randint(1, 900)),
                            ]
                            for r in range(1, 4)
                        ]
                    )
                )
            else:
                story.append(PageBreak())
        SimpleDocTemplate(str(folder / f"synthetic-{i:05d}.pdf"), pagesize=A4).build(story)  # type: ignore[arg-type]
