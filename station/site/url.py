"""The ``journal_url`` setting: which site database, never with its password."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from station.errors import ConfigError

__all__ = ["SiteUrl", "check_site_url"]

_SCHEMES = ("postgresql", "postgres")
_ALLOWED_PARAMS = frozenset(
    {
        "host",
        "port",
        "sslmode",
        "sslrootcert",
        "sslcert",
        "sslkey",
        "connect_timeout",
        "application_name",
        "target_session_attrs",
        "options",
    }
)


@dataclass(frozen=True)
class SiteUrl:
    url: str
    user: str
    database: str
    where: str  # host[:port] or the socket folder, for messages (no credentials in it)


def check_site_url(value: str) -> SiteUrl:
    """Parse and check a ``journal_url``; ConfigError naming what is wrong otherwise."""
    hint = "Use postgresql://USER@HOST[:PORT]/DATABASE?sslmode=verify-full"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"journal_url is not a valid address ({exc})", hint=hint) from None
    if parts.scheme not in _SCHEMES:
        raise ConfigError(
            "journal_url must be a postgresql:// address (empty keeps the local journal)",
            hint=hint,
        )
    where_it_goes = (
        "Drop the password from the address (postgresql://USER@HOST[:PORT]/DATABASE?…): "
        "`station site init` and `station site join` ask for it (or read STATION_SITE_PASSWORD) "
        "and keep it in the system keyring."
    )
    if parts.password is not None:
        raise ConfigError("journal_url must not contain the database password", hint=where_it_goes)
    if not parts.username:
        raise ConfigError("journal_url names no database user", hint=hint)
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise ConfigError("journal_url names no database", hint=hint)
    params = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(params) - _ALLOWED_PARAMS)
    if unknown:
        raise ConfigError(f"journal_url has an unknown parameter {unknown[0]!r}", hint=hint)
    if "password" in params or "passfile" in params:
        raise ConfigError("journal_url must not contain the database password", hint=where_it_goes)
    host = parts.hostname or (params.get("host") or [""])[0]
    where = f"{host}:{port}" if port else host or "the local socket"
    return SiteUrl(value, unquote(parts.username), database, where)
