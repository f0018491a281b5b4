"""``projdocs access ...`` and ``projdocs keys ...``: users, project links and API keys."""

from __future__ import annotations

import time
from typing import Any

import click


@click.group()
def access() -> None:
    """Users, their projects, and which projects a document belongs to.

    \b
    Users come from PROJDOCS_AUTH_FILE (one "name:secret:projects" per line; "*" = every
    project, an administrator) or PROJDOCS_AUTH. A document belongs to the project it was
    uploaded to (or, ingested here without a login, its own project number) and to the
    projects linked to it; never to a project it merely mentions.

    \b
    Examples:
      projdocs access hash >> users.txt        # then edit the line: name:<hash>:00123513
      projdocs access users
      projdocs access link acsh-phase2-closure-qa-report.txt 00123513
    """


@access.command(name="hash")
@click.option("--pbkdf2", is_flag=True, help="PBKDF2-SHA256 instead of scrypt.")
def hash_cmd(pbkdf2: bool) -> None:
    """Print a salted hash of a password (asked twice) for the users file."""
    from assistant.access.users import hash_password

    password = click.prompt("password", hide_input=True, confirmation_prompt=True, err=True)
    click.echo(hash_password(password, "pbkdf2" if pbkdf2 else "scrypt"))


@access.command(name="users")
def users_cmd() -> None:
    """List the configured users and their projects (no secrets)."""
    from assistant.access.users import load_users

    users = load_users()
    if users is None:
        click.echo("no login configured (PROJDOCS_AUTH_FILE / PROJDOCS_AUTH): single-user mode, everything visible")
        return
    for user in users.values():
        projects = "* (administrator: every document)" if user.projects is None else ",".join(sorted(user.projects))
        click.echo(f"{user.name}\t{projects}")


@access.command(name="list")
@click.pass_obj
def list_cmd(ctx: Any) -> None:
    """Each document with the projects it belongs to and who uploaded it."""
    from assistant.store.database import Store

    for d in Store(ctx.settings).documents():
        how = "chosen" if d.projects is not None else "own number"
        owner = d.owner or "-"
        click.echo(f"{d.source}\tprojects {','.join(d.member_projects) or '-'} ({how})\towner {owner}")


@access.command()
@click.argument("source")
@click.argument("project")
@click.pass_obj
def link(ctx: Any, source: str, project: str) -> None:
    """Make document SOURCE belong to PROJECT too (an earlier or later phase, say)."""
    from assistant.access import policy
    from assistant.core.errors import ProjdocsError
    from assistant.store.database import Store

    try:
        doc = policy.link(Store(ctx.settings), policy.Caller.single_user(), source, project)
    except ProjdocsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{doc.source}: projects {','.join(doc.member_projects)}")


@access.command()
@click.argument("source")
@click.argument("project")
@click.pass_obj
def unlink(ctx: Any, source: str, project: str) -> None:
    """Take document SOURCE out of PROJECT (not its last project: remove the document instead)."""
    from assistant.access import policy
    from assistant.core.errors import ProjdocsError
    from assistant.store.database import Store

    try:
        doc = policy.unlink(Store(ctx.settings), policy.Caller.single_user(), source, project)
    except ProjdocsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{doc.source}: projects {','.join(doc.member_projects)}")


@click.group()
def keys() -> None:
    """API keys for the HTTP API and /v1/chat/completions (Authorization: Bearer KEY).

    \b
    Examples:
      projdocs keys create alice          # prints the key once; keep it
      projdocs keys list
      projdocs keys revoke 3f9a01bc
    """


@keys.command()
@click.argument("user")
@click.pass_obj
def create(ctx: Any, user: str) -> None:
    """Make a key acting as USER (a user of the users file; with no login, the single user)."""
    from assistant.access.keys import create_key
    from assistant.access.users import load_users

    users = load_users()
    if users is not None and user not in users:
        raise click.ClickException(f"{user} is not in the users file (see: projdocs access users)")
    record, secret = create_key(ctx.settings.home, user)
    click.echo(secret)
    click.echo(f"key {record.id} for {user}: shown once, only its hash is kept", err=True)


@keys.command(name="list")
@click.pass_obj
def list_keys(ctx: Any) -> None:
    """The keys (id, user, created); the secrets are not kept."""
    from assistant.access.keys import load_keys

    for k in load_keys(ctx.settings.home):
        click.echo(f"{k.id}\t{k.user}\t{time.strftime('%Y-%m-%d %H:%M', time.localtime(k.created))}")


@keys.command()
@click.argument("key_id")
@click.pass_obj
def revoke(ctx: Any, key_id: str) -> None:
    """Revoke the key KEY_ID (see: projdocs keys list)."""
    from assistant.access.keys import revoke_key

    if not revoke_key(ctx.settings.home, key_id):
        raise click.ClickException(f"no key {key_id}")
    click.echo(f"revoked {key_id}")
