"""``projdocs doctor [--repair]``: the index check, with re-ingest from the files for repairs."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import click

from assistant.core.errors import ProjdocsError, StoreError
from assistant.core.settings import Settings
from assistant.store.database import Store
from assistant.store.doctor import check, repair_index
from ingest.loaders import load_document
from ingest.pipeline import IngestSummary, ingest_one


def reingest_sources(store: Store, settings: Settings, sources: list[str]) -> list[str]:
    """Ingest documents again from their files; one whose file is gone or unreadable is kept."""
    done: list[str] = []
    for source in sources:
        doc = store.document(source)
        if doc is None:
            continue
        path = Path(doc.path)
        if not path.is_file():
            done.append(f"could not repair {source}: {doc.path} no longer exists (run: projdocs remove {source})")
            continue
        try:
            load_document(path, max_bytes=settings.max_file_mb * 1024 * 1024)  # readable before anything goes
        except ProjdocsError as exc:
            done.append(f"could not repair {source}: {exc}")
            continue
        store.remove_document(source)
        ingest_one(path, store, settings, IngestSummary(), source)
        done.append(f"ingested {source} again from {doc.path}")
    return done


@click.command()
@click.option("--repair", is_flag=True, help="Fix what can be fixed (orphan vectors, missing vectors, keyword rows).")
@click.pass_obj
def doctor(ctx: Any, repair: bool) -> None:
    """Check that the index's manifest (SQLite) and vectors (Chroma) agree.

    Reports vectors left by an interrupted ingest, chunks without vectors, keyword-index
    rows that disagree with the chunks, and documents whose file changed or vanished.
    Exits 1 while problems remain.

    \b
    Examples:
      projdocs doctor
      projdocs doctor --repair
    """
    from assistant.store.locking import ingest_lock

    settings: Settings = ctx.settings
    if not settings.db_path.exists():
        click.echo(f"no index at {settings.home} yet (run: projdocs ingest PATH)")
        return
    try:
        with ingest_lock(settings):  # an ingest in progress looks like damage: wait for it
            store = Store(settings)
            report = check(store)
            for line in report.lines():
                click.echo(line)
            if repair and report.repairable:
                if settings.chroma_url and report.orphan_vectors:
                    click.echo(
                        "note: with a Chroma server, another home with the same settings shares this "
                        "collection; its vectors look like orphans here",
                        err=True,
                    )
                for line in repair_index(store, settings, report, partial(reingest_sources, store, settings)):
                    click.echo(f"repaired: {line}")
                report = check(store)
                click.echo("after repair: " + ("healthy" if not report.repairable else "problems remain"))
    except (StoreError, ProjdocsError) as exc:
        if getattr(ctx, "verbose", 0) >= 2:
            raise
        raise click.ClickException(str(exc)) from exc
    if report.healthy:
        click.echo("the index is consistent")
        return
    if report.repairable:
        click.echo("run: projdocs doctor --repair")
    raise SystemExit(1)
