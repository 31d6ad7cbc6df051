"""The SP-API credentials page: pasted or obtained by OAuth, stored in the OS keyring only.

Credentials are not settings (``station.config`` refuses them in the file), so this page is not
generated from the model: it writes through ``KeyringCredentialsProvider`` and nothing else. Every
keyring access and the LWA code exchange run on a pool thread — a locked keyring may prompt, and
LWA is a network call.
"""

from __future__ import annotations

import os
import secrets as pysecrets
from collections.abc import Callable
from typing import Any

from pydantic import SecretStr
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import CredentialsError, StationError
from station.secrets import (
    CLIENT_ID_KEY,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
    ENV_REFRESH_TOKEN,
    KeyringCredentialsProvider,
    KeyringSecretStore,
    LwaCredentials,
    SecretStore,
)
from station.ui.background import run_in_background

# Vendor Central's consent page per region; the app id and state are filled in by the page.
CONSENT_HOSTS = {
    "na": "https://vendorcentral.amazon.com",
    "eu": "https://vendorcentral.amazon.co.uk",
    "fe": "https://vendorcentral.amazon.co.jp",
}
CONSENT_PATH = "/apps/authorize/consent?application_id={app_id}&state={state}"

Exchange = Callable[[str, str, str, str], str]


def consent_url(region: str, app_id: str, state: str) -> str:
    """Where the vendor's admin approves the app; Amazon redirects back with spapi_oauth_code."""
    host = CONSENT_HOSTS.get(region, CONSENT_HOSTS["na"])
    return host + CONSENT_PATH.format(app_id=app_id or "<application id>", state=state)


def exchange_code(client_id: str, client_secret: str, code: str, redirect_uri: str) -> str:
    """The public-app step, on a pool thread: LWA trades the one-time code for a refresh token."""
    import httpx

    from station.spapi import exchange_authorization_code
    from station.spapi.endpoints import resolve_endpoints

    lwa_url = resolve_endpoints(environ=os.environ).lwa_url
    with httpx.Client() as client:
        return exchange_authorization_code(
            client,
            client_id=client_id,
            client_secret=client_secret,
            code=code,
            redirect_uri=redirect_uri,
            lwa_url=lwa_url,
        )


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, StationError):
        return exc.user_text()
    return f"{type(exc).__name__}: {exc}"


class CredentialsPage(QWidget):
    """Client id, client secret and refresh token, for the keyring (never for a file)."""

    saved = Signal()  # the credentials are in the keyring
    status_changed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        store: SecretStore | None = None,
        region: str = "na",
        exchange: Exchange = exchange_code,
    ) -> None:
        super().__init__(parent)
        self.store: SecretStore = store if store is not None else KeyringSecretStore()
        self.region = region
        self._exchange = exchange
        self.keyring_available: bool | None = None  # None: not checked yet
        self._state = pysecrets.token_urlsafe(12)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The SP-API credentials are kept in the system keyring (Windows Credential "
                "Manager), never in the settings file."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        modes = QHBoxLayout()
        self.private_app = QRadioButton(self.tr("Private app (paste the refresh token)"))
        self.public_app = QRadioButton(self.tr("Public app (authorise in Vendor Central)"))
        self.private_app.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.private_app)
        group.addButton(self.public_app)
        modes.addWidget(self.private_app)
        modes.addWidget(self.public_app)
        modes.addStretch(1)
        layout.addLayout(modes)

        form = QFormLayout()
        self.client_id = QLineEdit()
        self.client_id.setObjectName("client_id")
        self.client_id.setPlaceholderText("amzn1.application-oa2-client.…")
        self.client_secret = QLineEdit()
        self.client_secret.setObjectName("client_secret")
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.refresh_token = QLineEdit()
        self.refresh_token.setObjectName("refresh_token")
        self.refresh_token.setEchoMode(QLineEdit.EchoMode.Password)
        self.refresh_token.setPlaceholderText("Atzr|…")
        form.addRow(self.tr("LWA client id"), self.client_id)
        form.addRow(self.tr("LWA client secret"), self.client_secret)
        form.addRow(self.tr("Refresh token"), self.refresh_token)
        layout.addLayout(form)

        self.oauth = QWidget()
        oauth_form = QFormLayout(self.oauth)
        self.app_id = QLineEdit()
        self.app_id.setPlaceholderText("amzn1.sp.solution.…")
        self.redirect_uri = QLineEdit()
        self.redirect_uri.setPlaceholderText("https://example.com/spapi/callback")
        self.consent = QLabel()
        self.consent.setObjectName("consent_url")
        self.consent.setWordWrap(True)
        self.consent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.auth_code = QLineEdit()
        self.auth_code.setObjectName("auth_code")
        self.auth_code.setPlaceholderText("spapi_oauth_code")
        self.exchange_button = QPushButton(self.tr("Get refresh token"))
        self.exchange_button.setObjectName("exchange_button")
        oauth_form.addRow(self.tr("Application id"), self.app_id)
        oauth_form.addRow(self.tr("Redirect URI"), self.redirect_uri)
        oauth_form.addRow(self.tr("Consent page"), self.consent)
        oauth_form.addRow(self.tr("Code from the redirect"), self.auth_code)
        oauth_form.addRow("", self.exchange_button)
        layout.addWidget(self.oauth)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save in keyring"))
        self.save_button.setObjectName("save_credentials")
        self.clear_button = QPushButton(self.tr("Remove from keyring"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("credentials_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.public_app.toggled.connect(self._mode_changed)
        self.app_id.textChanged.connect(self._update_consent)
        self.exchange_button.clicked.connect(self.exchange)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self._mode_changed()
        self._update_consent()
        self.check_keyring()

    # -- keyring -----------------------------------------------------------------------------

    def _set_status(self, text: str, error: bool = False) -> None:
        self._status_serial = getattr(self, "_status_serial", 0) + 1
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.status_changed.emit(text)

    def no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no usable system keyring, so credentials cannot be stored here. "
            "On a headless machine set the environment variables {id}, {secret} and {token} "
            "for the station's user instead."
        ).format(id=ENV_CLIENT_ID, secret=ENV_CLIENT_SECRET, token=ENV_REFRESH_TOKEN)

    def check_keyring(self) -> None:
        """Look (off the GUI thread) whether a keyring works and what it already holds."""
        store = self.store
        self._set_status(self.tr("Checking the system keyring…"))
        # The check runs beside anything the user starts next (an OAuth exchange, a save): its
        # answer must not overwrite their outcome, nor a client id they typed meanwhile.
        serial = self._status_serial

        def probe() -> str | None:
            return store.get(CLIENT_ID_KEY)

        run_in_background(
            probe,
            on_success=lambda client_id: self._keyring_checked(client_id, serial),
            on_failure=lambda exc: self._keyring_failed(exc, serial),
            context=self,
            name="keyring check",
        )

    def _keyring_checked(self, client_id: Any, serial: int | None = None) -> None:
        self.keyring_available = True
        if serial is not None and serial != self._status_serial:
            return  # the user has moved on; what they see now is newer than this check
        if client_id:
            if not self.client_id.text().strip():
                self.client_id.setText(str(client_id))
            self._set_status(
                self.tr("Credentials are stored in the keyring for client id {id}.").format(
                    id=client_id
                )
            )
        else:
            self._set_status(self.tr("No credentials stored yet."))

    def _keyring_failed(self, exc: BaseException, serial: int | None = None) -> None:
        self.keyring_available = False
        self.save_button.setEnabled(False)
        self.clear_button.setEnabled(False)
        if (
            serial is not None
            and serial != self._status_serial
            and not isinstance(exc, CredentialsError)
        ):
            return
        if isinstance(exc, CredentialsError):
            self._set_status(self.no_keyring_text(), error=True)
        else:
            self._set_status(_error_text(exc), error=True)

    def credentials(self) -> LwaCredentials:
        """What was typed, validated; CredentialsError names the missing part."""
        missing = [
            label
            for label, edit in (
                (self.tr("client id"), self.client_id),
                (self.tr("client secret"), self.client_secret),
                (self.tr("refresh token"), self.refresh_token),
            )
            if not edit.text().strip()
        ]
        if missing:
            raise CredentialsError(
                self.tr("Missing: {fields}").format(fields=", ".join(missing)),
                hint=self.tr("Fill in every field, or use the public-app authorisation."),
            )
        return LwaCredentials(
            client_id=self.client_id.text().strip(),
            client_secret=SecretStr(self.client_secret.text().strip()),
            refresh_token=SecretStr(self.refresh_token.text().strip()),
        )

    def has_input(self) -> bool:
        return bool(self.client_secret.text().strip() or self.refresh_token.text().strip())

    def save(self) -> None:
        try:
            credentials = self.credentials()
        except CredentialsError as exc:
            self._set_status(exc.user_text(), error=True)
            return
        provider = KeyringCredentialsProvider(self.store)
        self.save_button.setEnabled(False)
        self._set_status(self.tr("Saving in the keyring…"))
        run_in_background(
            lambda: provider.save(credentials),
            on_success=self._saved,
            on_failure=self._save_failed,
            context=self,
            name="keyring save",
        )

    def _saved(self, _: Any) -> None:
        self.save_button.setEnabled(True)
        self.client_secret.clear()
        self.refresh_token.clear()
        self._set_status(self.tr("Credentials saved in the system keyring."))
        self.saved.emit()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, CredentialsError):
            self._set_status(self.no_keyring_text(), error=True)
        else:
            self._set_status(_error_text(exc), error=True)

    def clear(self) -> None:
        provider = KeyringCredentialsProvider(self.store)
        run_in_background(
            provider.clear,
            on_success=lambda _: self._set_status(self.tr("Credentials removed from the keyring.")),
            on_failure=self._save_failed,
            context=self,
            name="keyring clear",
        )

    # -- public app --------------------------------------------------------------------------

    def _mode_changed(self) -> None:
        self.oauth.setVisible(self.public_app.isChecked())

    def _update_consent(self) -> None:
        url = consent_url(self.region, self.app_id.text().strip(), self._state)
        self.consent.setText(
            self.tr(
                "Open this page signed in as the Vendor Central admin, approve the app, then "
                "copy the spapi_oauth_code from the address Amazon redirects to (add "
                "&version=beta while the app is still a draft):\n{url}"
            ).format(url=url)
        )

    def exchange(self) -> None:
        client_id = self.client_id.text().strip()
        secret = self.client_secret.text().strip()
        code = self.auth_code.text().strip()
        redirect = self.redirect_uri.text().strip()
        if not (client_id and secret and code and redirect):
            self._set_status(
                self.tr(
                    "Enter the client id, client secret, redirect URI and the code before "
                    "asking for a refresh token."
                ),
                error=True,
            )
            return
        self.exchange_button.setEnabled(False)
        self._set_status(self.tr("Asking Login with Amazon for a refresh token…"))
        exchange = self._exchange
        run_in_background(
            lambda: exchange(client_id, secret, code, redirect),
            on_success=self._exchanged,
            on_failure=self._exchange_failed,
            context=self,
            name="oauth exchange",
        )

    def _exchanged(self, token: Any) -> None:
        self.exchange_button.setEnabled(True)
        self.refresh_token.setText(str(token))
        self.auth_code.clear()
        self._set_status(self.tr("Refresh token received. Save it in the keyring to keep it."))

    def _exchange_failed(self, exc: BaseException) -> None:
        self.exchange_button.setEnabled(True)
        self._set_status(_error_text(exc), error=True)
