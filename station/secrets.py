"""Where the station keeps its secrets: the LWA credentials and other parts' keys.

A tiny interface (``SecretStore``) with the OS keyring as the real implementation and an in-memory
one for tests and demo mode. There is deliberately no plaintext-file fallback: when no usable
keyring exists the station says so (CredentialsError) instead of quietly writing secrets to disk.
The environment provider exists for headless use, where the operator chose where secrets live.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, SecretStr, field_validator

from station.errors import CredentialsError

__all__ = [
    "CLIENT_ID_KEY",
    "CLIENT_SECRET_KEY",
    "ENV_CLIENT_ID",
    "ENV_CLIENT_SECRET",
    "ENV_REFRESH_TOKEN",
    "REFRESH_TOKEN_KEY",
    "SERVICE_NAME",
    "CredentialsProvider",
    "EnvironmentCredentialsProvider",
    "KeyringCredentialsProvider",
    "KeyringSecretStore",
    "LwaCredentials",
    "MemorySecretStore",
    "SecretStore",
    "StaticCredentialsProvider",
]

SERVICE_NAME = "PackingStation"
CLIENT_ID_KEY = "lwa.client_id"
CLIENT_SECRET_KEY = "lwa.client_secret"  # noqa: S105 - the name of a key, not a secret
REFRESH_TOKEN_KEY = "lwa.refresh_token"  # noqa: S105 - the name of a key, not a secret
ENV_CLIENT_ID = "STATION_LWA_CLIENT_ID"
ENV_CLIENT_SECRET = "STATION_LWA_CLIENT_SECRET"  # noqa: S105 - a variable name
ENV_REFRESH_TOKEN = "STATION_LWA_REFRESH_TOKEN"  # noqa: S105 - a variable name


@runtime_checkable
class SecretStore(Protocol):
    """Named secrets. ``get`` returns None for a name never set."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class MemorySecretStore:
    """Secrets in a dict, for tests and demo mode. Never persisted."""

    def __init__(self, initial: Mapping[str, str] | None = None) -> None:
        self._values = dict(initial or {})
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"MemorySecretStore(names={sorted(self._values)})"

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        with self._lock:
            self._values[name] = value

    def delete(self, name: str) -> None:
        with self._lock:
            self._values.pop(name, None)


_NO_KEYRING_HINT = (
    "No usable system keyring was found. On Windows the Credential Manager is used; on Linux "
    "install and unlock a Secret Service keyring (e.g. GNOME Keyring), or run headless with "
    "STATION_LWA_CLIENT_ID, STATION_LWA_CLIENT_SECRET and STATION_LWA_REFRESH_TOKEN."
)


class KeyringSecretStore:
    """The OS keyring (Windows Credential Manager, Secret Service, macOS Keychain).

    The ``keyring`` package is imported on first use, not at import time, so merely importing the
    station never probes the keyring.
    """

    def __init__(self, service: str = SERVICE_NAME, backend: Any = None) -> None:
        self.service = service
        self._backend = backend

    def __repr__(self) -> str:
        return f"KeyringSecretStore(service={self.service!r})"

    def _keyring(self) -> Any:
        if self._backend is not None:
            return self._backend
        try:
            import keyring
            from keyring.backends import fail, null
        except ImportError as exc:  # pragma: no cover - keyring is a dependency
            raise CredentialsError(
                "The keyring package is not installed", hint=_NO_KEYRING_HINT
            ) from exc
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring | null.Keyring):
            raise CredentialsError(
                f"No usable system keyring (backend {type(backend).__module__})",
                hint=_NO_KEYRING_HINT,
            )
        return backend

    def _call(self, action: str, name: str, *args: str) -> Any:
        from keyring.errors import KeyringError

        backend = self._keyring()
        try:
            return getattr(backend, action)(self.service, name, *args)
        except KeyringError as exc:
            raise CredentialsError(
                f"The system keyring refused to {action.split('_')[0]} {name!r} "
                f"({type(exc).__name__})",
                hint=_NO_KEYRING_HINT,
            ) from None
        except RuntimeError as exc:  # some backends raise plain RuntimeError when locked
            raise CredentialsError(
                f"The system keyring is not usable ({type(exc).__name__})", hint=_NO_KEYRING_HINT
            ) from None

    def get(self, name: str) -> str | None:
        value = self._call("get_password", name)
        return None if value is None else str(value)

    def set(self, name: str, value: str) -> None:
        self._call("set_password", name, value)

    def delete(self, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        backend = self._keyring()
        try:
            backend.delete_password(self.service, name)
        except PasswordDeleteError:
            return  # already absent: deleting is idempotent
        except Exception as exc:
            raise CredentialsError(
                f"The system keyring refused to delete {name!r} ({type(exc).__name__})",
                hint=_NO_KEYRING_HINT,
            ) from None


class LwaCredentials(BaseModel):
    """Login with Amazon credentials. The secret fields print as ``**********``."""

    model_config = ConfigDict(frozen=True)

    client_id: str
    client_secret: SecretStr
    refresh_token: SecretStr

    @field_validator("client_id")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        return value


@runtime_checkable
class CredentialsProvider(Protocol):
    def load(self) -> LwaCredentials: ...


class StaticCredentialsProvider:
    """Credentials already in hand (tests, the simulator, a just-finished OAuth flow)."""

    def __init__(self, credentials: LwaCredentials) -> None:
        self._credentials = credentials

    def __repr__(self) -> str:
        return f"StaticCredentialsProvider(client_id={self._credentials.client_id!r})"

    def load(self) -> LwaCredentials:
        return self._credentials


def _build(
    values: Mapping[str, str | None], names: Mapping[str, str], source: str
) -> LwaCredentials:
    missing = [names[k] for k, v in values.items() if not (v and v.strip())]
    if missing:
        raise CredentialsError(
            f"SP-API credentials incomplete in {source}: missing {', '.join(missing)}"
        )
    return LwaCredentials(
        client_id=str(values["client_id"]).strip(),
        client_secret=SecretStr(str(values["client_secret"]).strip()),
        refresh_token=SecretStr(str(values["refresh_token"]).strip()),
    )


class KeyringCredentialsProvider:
    """The default: credentials in the OS keyring under service ``PackingStation``."""

    #: The keyring names of the client id, client secret and refresh token.
    keys: tuple[str, str, str] = (CLIENT_ID_KEY, CLIENT_SECRET_KEY, REFRESH_TOKEN_KEY)

    def __init__(self, store: SecretStore | None = None) -> None:
        self.store: SecretStore = store if store is not None else KeyringSecretStore()

    def __repr__(self) -> str:
        return f"KeyringCredentialsProvider(store={self.store!r})"

    def load(self) -> LwaCredentials:
        client_id, client_secret, refresh_token = self.keys
        values = {
            "client_id": self.store.get(client_id),
            "client_secret": self.store.get(client_secret),
            "refresh_token": self.store.get(refresh_token),
        }
        names = {
            "client_id": "client id",
            "client_secret": "client secret",
            "refresh_token": "refresh token",
        }
        return _build(values, names, "the system keyring")

    def save(self, credentials: LwaCredentials) -> None:
        client_id, client_secret, refresh_token = self.keys
        self.store.set(client_id, credentials.client_id)
        self.store.set(client_secret, credentials.client_secret.get_secret_value())
        self.store.set(refresh_token, credentials.refresh_token.get_secret_value())

    def clear(self) -> None:
        for key in self.keys:
            self.store.delete(key)


class EnvironmentCredentialsProvider:
    """Headless use: ``STATION_LWA_CLIENT_ID``, ``..._CLIENT_SECRET``, ``..._REFRESH_TOKEN``.

    The environment is read on ``load()``, not when the provider is built.
    """

    #: The variables holding the client id, client secret and refresh token.
    variables: tuple[str, str, str] = (ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_REFRESH_TOKEN)

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ

    def __repr__(self) -> str:
        return "EnvironmentCredentialsProvider()"

    def load(self) -> LwaCredentials:
        env = os.environ if self._environ is None else self._environ
        names = dict(
            zip(("client_id", "client_secret", "refresh_token"), self.variables, strict=True)
        )
        values = {field: env.get(variable) for field, variable in names.items()}
        return _build(values, names, "the environment")
