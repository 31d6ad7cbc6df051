"""``station site``: warehouse mode — set up a site, join a station, look at it, free a claim.

``init`` and ``join`` ask for the database password (and ``join`` for the site data key) on the
terminal, or read ``STATION_SITE_PASSWORD`` / ``STATION_SITE_DATA_KEY`` for unattended set-up;
both are checked against the database before anything is saved, then kept in the OS keyring
(never in the settings file, never in the database). A bench without a keyring gives both as
those variables: they are checked the same way and stay there (nothing secret is saved).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from station.cli.argtypes import po_number, seconds
from station.cli.exit_codes import EXIT_OK

if TYPE_CHECKING:
    from station.config import Settings
    from station.errors import StationError
    from station.paths import StationPaths
    from station.runtime import Runtime
    from station.site.db import SiteDatabase
    from station.site.membership import FieldRefusal

__all__ = ["add_arguments", "flush_site", "print_site_history", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="site_command", metavar="ACTION", required=True)
    for name, text in (
        ("init", "set up a new site database from this station; shows the site data key once"),
        ("join", "join this station to a site (asks the password and the site data key)"),
    ):
        action = sub.add_parser(name, help=text, description=text, allow_abbrev=False)
        action.add_argument("url", metavar="URL", help="postgresql://USER@HOST/DB?sslmode=…")
        action.add_argument("--bench", required=True, help="this bench's name or number")
    sub.add_parser(
        "status",
        help="the site's stations, claims and outbox",
        description="the site's stations, claims and outbox",
        allow_abbrev=False,
    )
    watch = sub.add_parser(
        "watch",
        help="the site live: every bench's claims, hand-overs and confirmations as they happen",
        description="the site live (LISTEN/NOTIFY, with polling as a fallback)",
        allow_abbrev=False,
    )
    watch.add_argument(
        "--seconds",
        type=seconds(7 * 86400.0),
        default=0.0,
        help="stop after this long, at most a week (default 0: until Ctrl+C)",
    )
    release = sub.add_parser(
        "release",
        help="free a PO claimed by a bench (journaled with who and why)",
        description="free a PO claimed by a bench (journaled with who and why)",
        allow_abbrev=False,
    )
    release.add_argument("po", metavar="PO", type=po_number)
    release.add_argument("--by", required=True, help="who releases it (the lead's name)")
    release.add_argument("--reason", default="", help="why (shown in the site history)")


_PASSWORD_ENV = "STATION_SITE_PASSWORD"  # noqa: S105 - a variable's name
_DATA_KEY_ENV = "STATION_SITE_DATA_KEY"


def run(args: argparse.Namespace) -> int:
    return _site(args, sys.stdout)


def _secret(name: str, prompt: str) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if not sys.stdin.isatty():
        from station.errors import ConfigError

        raise ConfigError(
            f"{prompt.rstrip(': ')} is needed and there is no terminal to ask it on",
            hint=f"Run it in a terminal, or set {name} for an unattended set-up.",
        )
    import getpass

    return getpass.getpass(prompt)


def _station() -> tuple[StationPaths, Settings]:
    from station.config import load_settings
    from station.paths import default_paths

    paths = default_paths(dict(os.environ))
    return paths, load_settings(paths.config_file)


def _database(settings: Settings) -> SiteDatabase:
    """The site database of this station's settings, for a look at the site (``"lead"``)."""
    from station.errors import ConfigError
    from station.paths import default_paths
    from station.secrets import KeyringSecretStore
    from station.site.db import ENV_SITE_PASSWORD, SiteDatabase
    from station.site.identity import site_identity
    from station.site.url import check_site_url

    url = settings.journal_url
    if not url:
        raise ConfigError(
            "This station is not part of a site (journal_url is empty)",
            hint="Run `station site join URL --bench N`.",
        )
    check_site_url(url)
    identity = site_identity(default_paths(dict(os.environ)).config_file)
    store = None if os.environ.get(ENV_SITE_PASSWORD) else KeyringSecretStore()
    return SiteDatabase.from_settings(
        url,
        station_id=settings.station_id,
        bench=settings.bench,
        store=store,
        environ=dict(os.environ),
        identity=identity,
        purpose="lead",
    )


def _site(args: argparse.Namespace, out: TextIO) -> int:
    command = args.site_command
    if getattr(args, "demo", False):
        from station.cli.errors import UsageError

        # Demo runs are throw-away stations; `site init/join` would write the real settings.
        raise UsageError(
            "--demo has no site: warehouse mode needs the site's PostgreSQL database",
            hint="Run `station site …` without --demo (README: Warehouse mode).",
        )
    if command in ("init", "join"):
        return _set_up(args, out)
    _paths, settings = _station()
    db = _database(settings)
    if command == "status":
        return _status(db, out)
    if command == "watch":
        return _watch(db, out, args.seconds)
    from station.site.claims import SiteClaims

    claims = SiteClaims(db)
    try:
        claim = claims.release(args.po.strip(), by=args.by, reason=args.reason)
    finally:
        claims.close(release=False)
    print(f"released PO {claim.po} (was held by bench {claim.bench}, {claim.station_id})", file=out)
    return EXIT_OK


def _set_up(args: argparse.Namespace, out: TextIO) -> int:
    from station.errors import ConfigError, StationError
    from station.secrets import KeyringSecretStore
    from station.site.db import PASSWORD_KEY_NAME
    from station.site.membership import FieldRefusal, join, prepare

    paths, _settings = _station()
    try:
        prepare(paths.config_file, args.url, args.bench)  # the URL and the bench, before asking
    except FieldRefusal as exc:
        raise _usage(exc) from None
    # README: a bench without a keyring gives the secrets as STATION_SITE_PASSWORD and
    # STATION_SITE_DATA_KEY; they are checked against the database like typed ones and stay in
    # those variables (never written to the settings file, the log or the database).
    needed = [_PASSWORD_ENV] + ([_DATA_KEY_ENV] if args.site_command == "join" else [])
    keyring = KeyringSecretStore()
    store: KeyringSecretStore | None = keyring
    try:
        keyring.get(PASSWORD_KEY_NAME)  # a missing keyring is said now, before any question
    except StationError as exc:
        missing = [name for name in needed if not os.environ.get(name)]
        if missing:
            raise ConfigError(
                f"{exc.message}: `station site {args.site_command}` keeps the site database "
                "password and the site data key there",
                hint="Run it where the system keyring works, or on a bench without one give "
                f"{' and '.join(needed)} in the environment (missing: {', '.join(missing)}): "
                "the command then writes journal_url and bench into the settings file and the "
                "secrets stay in the variables.",
            ) from None
        store = None
    password = _secret(_PASSWORD_ENV, "Site database password: ")
    key = None
    if args.site_command == "join":
        key = _secret(_DATA_KEY_ENV, "Site data key (from `station site init`): ")
    try:
        joined = join(paths.config_file, args.url, args.bench, password, key, store=store)
    except FieldRefusal as exc:
        raise exc.cause from None
    verb = "set up" if args.site_command == "init" else "joined"
    print(
        f"{verb} the site at {joined.where} (schema {joined.schema_version}) as bench "
        f"{joined.bench}",
        file=out,
    )
    if store is None:
        print(
            f"No system keyring here: nothing secret was saved. Every run of this station needs "
            f"{_PASSWORD_ENV}"
            + (
                f" (and {_DATA_KEY_ENV}, the key shown below)"
                if args.site_command == "init"
                else f" and {_DATA_KEY_ENV}"
            )
            + " in its environment.",
            file=sys.stderr,
        )
    if args.site_command == "init":
        print(
            "Site data key (write it down; every station asks for it when it joins, and it is "
            f"shown only now):\n  {joined.data_key}",
            file=out,
        )
    return EXIT_OK


def _usage(refusal: FieldRefusal) -> StationError:
    """The URL or --bench of the command line refused: a usage error in its own words (exit 2);
    anything else as it is."""
    from station.cli.errors import UsageError

    cause = refusal.cause
    if refusal.field == "url":
        message = cause.message.replace("journal_url", "The URL", 1)
        return UsageError(message, hint=cause.hint or "See `station site join --help`.")
    if refusal.field == "bench":
        return UsageError(f"--bench: {cause.message}", hint=cause.hint)
    return cause


def _status(db: SiteDatabase, out: TextIO) -> int:
    from station.site.admin import site_status

    status = site_status(db)  # the database away: an error on standard error, exit 1
    print(f"site database at {status.where}, schema {status.schema_version}", file=out)
    print(f"{'bench':<8} {'station':<20} {'last seen':<9} claims", file=out)
    for row in status.stations:
        seen = row.last_seen.astimezone().strftime("%H:%M:%S")
        print(f"{row.bench:<8} {row.station_id:<20} {seen:<9} {row.active_claims}", file=out)
    for claim in status.claims:
        print(f"  {claim.describe()}", file=out)
    counts = ", ".join(f"{n} {state}" for state, n in sorted(status.outbox.items())) or "empty"
    print(f"site outbox: {counts}", file=out)
    print(f"shared documents: {status.documents} (encrypted with the site data key)", file=out)
    print(f"shift prefetch: {status.prefetch or 'never run on this site'}", file=out)
    for item in status.ask_amazon:
        since = item.since.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"  ask Amazon: PO {item.po}, transaction {item.transaction_id or '-'} (from "
            f"{item.origin_station}, since {since}): Amazon accepted it but its status cannot "
            "be read; the site looks again every hour and never sends it twice",
            file=out,
        )
    return EXIT_OK


def print_site_history(day_start: object, day_end: object, out: TextIO) -> int:
    """``station history --site``: every bench's claims, hand-overs and deliveries of a day."""
    from datetime import datetime

    from station.site.admin import site_history

    assert isinstance(day_start, datetime) and isinstance(day_end, datetime)
    _paths, settings = _station()
    events = site_history(_database(settings), since=day_start, until=day_end)
    print(f"Site history {day_start.astimezone():%Y-%m-%d} ({len(events)} events)", file=out)
    for event in events:
        at = event.at.astimezone().strftime("%H:%M:%S")
        print(
            f"{at:<8} {event.po or '-':<12} {event.kind:<24} bench {event.bench} "
            f"({event.station_id})",
            file=out,
        )
    shipped = {e.po for e in events if e.kind == "confirmation_succeeded"}
    print(f"confirmed: {len(shipped)}", file=out)
    return EXIT_OK


def flush_site(runtime: Runtime, *, wait: float) -> int:
    """``station outbox flush`` on a bench of a site: hand this bench's items over, then send the
    whole site's outbox from here (what stopped benches left included) for up to ``wait`` s."""
    import time

    from station.cli.context import outbox_worker, say, start_worker
    from station.cli.exit_codes import EXIT_QUEUED

    assert runtime.site is not None
    deadline = time.monotonic() + wait
    worker = outbox_worker(runtime)
    owner = start_worker(worker)
    local = worker.flush(wait) if owner else runtime.outbox.open_items()
    site_worker = runtime.site.site_worker
    if site_worker is None:
        say("The site outbox is sent by this station's other process.")
        return EXIT_QUEUED
    remaining = site_worker.flush(max(0.1, deadline - time.monotonic()))
    if local or remaining:
        say(
            f"{len(local)} item(s) of this bench and {len(remaining)} of the site still waiting "
            "(offline or not decided yet)."
        )
        return EXIT_QUEUED
    say("Sent: nothing is waiting in this bench's outbox nor in the site's.")
    return EXIT_OK


def _watch(db: SiteDatabase, out: TextIO, seconds: float) -> int:
    import threading

    from station.site.live import SiteEventRow, SiteWatcher

    def show(rows: list[SiteEventRow]) -> None:
        for row in rows:
            at = row.at.astimezone().strftime("%H:%M:%S")
            print(
                f"{at} {row.po or '-':<12} {row.kind:<24} bench {row.bench} ({row.station_id})",
                file=out,
                flush=True,
            )

    def state(online: bool, text: str) -> None:
        print(f"-- {'online' if online else 'offline'}: {text}", file=out, flush=True)

    watcher = SiteWatcher(db, show, on_state=state, poll_s=2.0)
    watcher.start()
    try:
        threading.Event().wait(seconds if seconds > 0 else None)
    finally:
        watcher.stop()
    return EXIT_OK
