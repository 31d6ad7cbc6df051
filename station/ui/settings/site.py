"""Settings → Site: join this station to a site, see the site, leave it.

The same as ``station site join`` and ``station site status`` (``station.site.membership``):
the database password and the site data key go to the keyring, never to the settings file; the
URL and the bench go to the settings file. Every step that talks to the database, the keyring
or the disk runs on a pool thread; a refusal is marked on the field it is about.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.config import Settings
from station.errors import StationError
from station.journal.outbox import Outbox
from station.secrets import KeyringSecretStore, SecretStore
from station.ui.background import run_in_background
from station.ui.settings.form import ERROR_STYLE, INVALID_STYLE

log = logging.getLogger("station.ui.settings")

__all__ = ["SitePage"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SitePage", text)


class SitePage(QWidget):
    """``on_changed(journal_url, bench)`` is called after a join or a leave was saved."""

    FIELDS = ("url", "bench", "password", "data_key")

    def __init__(
        self,
        settings: Settings,
        config_file: Path | None,
        *,
        store: SecretStore | None = None,
        outbox: Outbox | None = None,
        on_changed: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("page_site")
        self.settings = settings
        self.config_file = config_file
        self.store: SecretStore = store if store is not None else KeyringSecretStore()
        self.outbox = outbox
        self._on_changed = on_changed or (lambda _url, _bench: None)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "Warehouse mode: the benches of a site share which bench packs which order, one "
                "outbox and one Amazon quota in one PostgreSQL database. The password and the "
                "site data key are kept in this computer's keyring, never in the settings file."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.status = QLabel()
        self.status.setObjectName("site_status_text")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        join_box = QGroupBox(_tr("Join a site"))
        form = QFormLayout(join_box)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://packing@db.example/station?sslmode=verify-full")
        self.bench = QLineEdit()
        self.bench.setMaxLength(32)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.data_key = QLineEdit()
        self.data_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.data_key.setPlaceholderText(_tr("as `station site init` showed it"))
        self.inputs: dict[str, QLineEdit] = {
            "url": self.url,
            "bench": self.bench,
            "password": self.password,
            "data_key": self.data_key,
        }
        self.errors: dict[str, QLabel] = {}
        for name, title in (
            ("url", _tr("Site database URL")),
            ("bench", _tr("Bench name or number")),
            ("password", _tr("Database password")),
            ("data_key", _tr("Site data key")),
        ):
            self.inputs[name].setObjectName(f"site_{name}")
            error = QLabel()
            error.setObjectName(f"site_{name}_error")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            column = QVBoxLayout()
            column.addWidget(self.inputs[name])
            column.addWidget(error)
            form.addRow(title, column)
        self.join_button = QPushButton(_tr("Join the site"))
        self.join_button.setObjectName("site_join")
        self.join_button.clicked.connect(self.join)
        form.addRow(self.join_button)
        layout.addWidget(join_box)

        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(_tr("Show the site's state"))
        self.refresh_button.setObjectName("site_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.leave_button = QPushButton(_tr("Leave the site"))
        self.leave_button.setObjectName("site_leave")
        self.leave_button.clicked.connect(self.leave)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("site_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.busy = False
        self._fill()
        self._show_membership()

    # -- what is on screen -----------------------------------------------------------------

    def _fill(self) -> None:
        self.url.setText(self.settings.journal_url)
        self.bench.setText(self.settings.bench)

    def _show_membership(self) -> None:
        url, bench = self.settings.journal_url, self.settings.bench
        joined = bool(url)
        self.leave_button.setEnabled(joined)
        self.refresh_button.setEnabled(joined)
        if joined:
            self.status.setText(
                _tr("This station is bench {bench} of the site at {url}.").format(
                    bench=bench or self.settings.station_id, url=url
                )
            )
        else:
            self.status.setText(
                _tr("This station is not part of a site: it keeps its own journal.")
            )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def mark(self, field: str, text: str) -> None:
        """Show ``text`` at ``field`` (red); an empty field name says it below the buttons."""
        self.clear_marks()
        if field in self.inputs:
            self.inputs[field].setStyleSheet(INVALID_STYLE)
            self.inputs[field].setProperty("invalid", True)
            self.errors[field].setText(text)
            self.errors[field].show()
            self._say(_tr("Not joined: see the field marked in red."), error=True)
        else:
            self._say(text, error=True)

    def clear_marks(self) -> None:
        for name in self.FIELDS:
            self.inputs[name].setStyleSheet("")
            self.inputs[name].setProperty("invalid", False)
            self.errors[name].hide()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.join_button, self.leave_button, self.refresh_button):
            button.setEnabled(not busy)
        if not busy:
            self._show_membership()

    # -- join ------------------------------------------------------------------------------

    def join(self) -> None:
        from station.site.membership import FieldRefusal, join

        path = self.config_file
        if path is None:
            self.mark("", _tr("This station has no settings file to save the site in."))
            return
        url, bench = self.url.text().strip(), self.bench.text().strip()
        password, key = self.password.text(), self.data_key.text().strip()
        if not key:
            self.mark("data_key", _tr("Type the site data key the lead wrote down."))
            return
        self.clear_marks()
        self._say(_tr("Joining the site…"))
        self._set_busy(True)
        store = self.store

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if isinstance(exc, FieldRefusal):
                self.mark(exc.field, exc.user_text())
            elif isinstance(exc, StationError):
                self.mark("", exc.user_text())
            else:
                log.error("joining the site failed", exc_info=exc)
                self.mark("", str(exc))

        run_in_background(
            lambda: join(path, url, bench, password, key, store=store),
            on_success=self._joined,
            on_failure=failed,
            context=self,
            name="join the site",
        )

    def _joined(self, joined: Any) -> None:
        self.password.clear()
        self.data_key.clear()
        url = self.url.text().strip()
        self.settings = self.settings.model_copy(update={"journal_url": url, "bench": joined.bench})
        self._set_busy(False)
        self._fill()
        self._say(
            _tr(
                "Joined the site at {where} as bench {bench}. Restart the station to pack as a "
                "bench of the site."
            ).format(where=joined.where, bench=joined.bench)
        )
        self._on_changed(url, joined.bench)

    # -- status ----------------------------------------------------------------------------

    def _database(self) -> Any:
        from station.site.db import SiteDatabase
        from station.site.identity import site_identity

        return SiteDatabase.from_settings(
            self.settings.journal_url,
            station_id=self.settings.station_id,
            bench=self.settings.bench,
            store=self.store,
            environ=dict(os.environ),
            identity="" if self.config_file is None else site_identity(self.config_file),
            purpose="lead",  # a look at the site, or leaving it: not a running bench's words
        )

    def refresh(self) -> None:
        from station.site.admin import site_status

        self._say(_tr("Asking the site database…"))
        self._set_busy(True)
        database = self._database

        def done(status: Any) -> None:
            self._set_busy(False)
            self._say(self._status_text(status))

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            text = exc.user_text() if isinstance(exc, StationError) else str(exc)
            self._say(text, error=True)

        run_in_background(
            lambda: site_status(database()),
            on_success=done,
            on_failure=failed,
            context=self,
            name="site status",
        )

    @staticmethod
    def _status_text(status: Any) -> str:
        lines = [
            _tr("Site database at {where} (schema {version}).").format(
                where=status.where, version=status.schema_version
            )
        ]
        for row in status.stations:
            lines.append(
                _tr(
                    "Bench {bench} ({station}): {claims} order(s) claimed, last seen {seen}"
                ).format(
                    bench=row.bench,
                    station=row.station_id,
                    claims=row.active_claims,
                    seen=row.last_seen.astimezone().strftime("%H:%M:%S"),
                )
            )
        counts = ", ".join(f"{n} {state}" for state, n in sorted(status.outbox.items()))
        lines.append(_tr("Site outbox: {counts}").format(counts=counts or _tr("empty")))
        for item in status.ask_amazon:
            lines.append(
                _tr(
                    "Ask Amazon about PO {po} (transaction {transaction}): accepted, but its "
                    "status cannot be read"
                ).format(po=item.po, transaction=item.transaction_id or "-")
            )
        return "\n".join(lines)

    # -- leave -----------------------------------------------------------------------------

    def leave(self) -> None:
        from station.site.membership import leave

        path, outbox, store = self.config_file, self.outbox, self.store
        if path is None or outbox is None:
            self._say(
                _tr(
                    "Leave the site from the running station (Settings of the packing screen): "
                    "its confirmations are handed over first."
                ),
                error=True,
            )
            return
        self._say(_tr("Handing over this bench's confirmations, then leaving…"))
        self._set_busy(True)
        database = self._database

        def work() -> Settings:
            try:
                db = database()
            except StationError:
                db = None  # no password here any more: leave without telling the site
            return leave(path, outbox=outbox, store=store, db=db)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            text = exc.user_text() if isinstance(exc, StationError) else str(exc)
            self._say(_tr("Not left: {reason}").format(reason=text), error=True)

        run_in_background(
            work, on_success=self._left, on_failure=failed, context=self, name="leave"
        )

    def _left(self, settings: Settings) -> None:
        self.settings = self.settings.model_copy(update={"journal_url": ""})
        self._set_busy(False)
        self._fill()
        self._say(
            _tr(
                "This station left the site; its password and site data key were removed from "
                "the keyring. Restart the station to pack on its own journal."
            )
        )
        self._on_changed("", settings.bench)
