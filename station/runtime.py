"""The composition root: every long-lived object of a running station, built in one place.

The GUI (``station``/``station --demo``) and the headless commands (``station ship``, ``station
prefetch``, …) both call :func:`build_runtime` and get the same engine, so there is one packing
path whatever the front end. Nothing is created at import; :meth:`Runtime.close` releases what
was opened (journal, HTTP connections, the embedded simulator) in reverse order.

Demo mode needs no setup at all: the embedded simulator on a free loopback port, file printers and
every station file in a fresh temporary folder, with a throw-away data key so documents are still
encrypted at rest.
"""

from __future__ import annotations

import base64
import logging
import os
import secrets as pysecrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from station.config import PrinterSettings, Settings, WarehouseSettings, load_settings
from station.errors import ConfigError, CredentialsError, StationError
from station.journal import (
    DocumentCache,
    Journal,
    Outbox,
    OutboxWorker,
    RetentionPolicy,
    RetryPolicy,
    open_document_cache,
)
from station.journal.documents import PurgeResult, purge_stored_documents
from station.journal.identity import check_identity, require_present
from station.journal.retention import DAY_SECONDS, RetentionRunner
from station.paths import StationPaths, default_paths
from station.printing import Printer, PrinterProfile, open_printer
from station.printing.address import parse_printer_uri
from station.printing.printer import JobResult, PrinterState, PrinterStatus, PrintJob
from station.secrets import (
    EnvironmentCredentialsProvider,
    KeyringCredentialsProvider,
    KeyringSecretStore,
    LwaCredentials,
    SecretStore,
)
from station.spapi.client import SpApi, build_client
from station.spapi.http import RetryPolicy as HttpRetryPolicy
from station.workflow.gateway import SpApiGateway
from station.workflow.submissions import SubmissionLog

if TYPE_CHECKING:
    from station.devices.poller import ScalePoller
    from station.printing.monitor import PrinterMonitor
    from station.printing.true_size import SmallPngLabels
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer
    from station.site.bench import SiteBench
    from station.site.prefetch import SitePrefetch
    from station.workflow.engine import PackingEngine
    from station.workflow.prefetch import ShiftPreparation

log = logging.getLogger("station.runtime")

DEMO_VENDOR_CODE = "999US"
DEMO_FOLDER_PREFIX = "packing-station-demo-"
DEMO_OWNER_FILE = "owner.pid"
DEMO_MCF_FOLDER = "demo-mcf"
DEMO_MCF_WORLD = "simulator-mcf.json"


@dataclass
class RuntimeOptions:
    """What the command line (or a test) decides for this run, on top of the settings file."""

    demo: bool = False
    settings: Settings | None = None  # given: used as is; else loaded from the config file
    paths: StationPaths | None = None
    label_printer: str | None = None  # URI overriding the settings for this run
    slip_printer: str | None = None
    environ: Mapping[str, str] | None = None
    secret_store: SecretStore | None = None  # default: the OS keyring
    simulator: SimulatorConfig | None = None  # demo mode's simulator configuration
    http_retry: HttpRetryPolicy | None = None  # the SP-API client's retries (default: its own)
    printers: bool = True  # False: a command that prints nothing; the printers are not opened


@dataclass
class Runtime:
    settings: Settings
    paths: StationPaths
    journal: Journal
    api: SpApi
    gateway: SpApiGateway
    documents: DocumentCache
    outbox: Outbox
    label_printer: Printer
    slip_printer: Printer
    simulator: SimulatorServer | None = None
    demo_dir: Path | None = None
    site: SiteBench | None = None  # warehouse mode (``journal_url``): claims and the site outbox
    _closers: list[Callable[[], None]] = field(default_factory=list, repr=False)

    _engine: PackingEngine | None = field(default=None, repr=False)
    _printer_monitor: PrinterMonitor | None = field(default=None, repr=False)
    _scale_poller: ScalePoller | None = field(default=None, repr=False)

    def png_label_problem(self) -> SmallPngLabels | None:
        """Whether Amazon's PNG labels would print smaller than their size on the label printer
        (a 300-dpi head): front ends say so before the first label."""
        from station.printing.true_size import png_label_problem

        formats = [warehouse.label_format for warehouse in self.settings.warehouses] or ["auto"]
        return png_label_problem(self.label_printer.profile, formats)

    def scale_poller(self) -> ScalePoller | None:
        """The shipping scale, read on its own thread (None when no scale is set up or its
        setting is unusable: the packer then types weights). Stopped when the runtime closes."""
        if self.settings.scale.kind == "none":
            return None
        if self._scale_poller is None:
            from station.devices.poller import ScalePoller
            from station.devices.scale import open_scale

            setting = self.settings.scale
            try:
                scale = open_scale(
                    setting.kind, setting.device, baud=setting.baud, protocol=setting.protocol
                )
            except ConfigError as exc:
                log.warning("no scale: %s", exc.user_text())
                return None
            self._scale_poller = ScalePoller(scale).start()
            self.on_close(self._scale_poller.stop)
        return self._scale_poller

    def printer_monitor(self) -> PrinterMonitor:
        """The label and slip printers' states, asked on a thread of their own (one per runtime;
        closed with it). Its thread starts at the first request."""
        if self._printer_monitor is None:
            from station.printing.monitor import PrinterMonitor

            monitor = PrinterMonitor({"label": self.label_printer, "slip": self.slip_printer})
            self._printer_monitor = monitor
            self.on_close(monitor.close)
        return self._printer_monitor

    def engine(self) -> PackingEngine:
        """The packing engine over this runtime's gateway, journal, cache and printers (one per
        runtime; closed with it)."""
        if self._engine is None:
            from station.workflow.engine import PackingEngine

            engine = PackingEngine(
                gateway=self.gateway,
                journal=self.journal,
                outbox=self.outbox,
                documents=self.documents,
                label_printer=self.label_printer,
                slip_printer=self.slip_printer,
                settings=self.settings,
                claims=self.site.claims if self.site is not None else None,
            )
            self._engine = engine
            self.on_close(engine.close)
        return self._engine

    def shift_preparation(self) -> ShiftPreparation | SitePrefetch:
        """Shift prefetch from this station: into its own cache, or in warehouse mode the
        site's, once for the whole site (under the site's prefetch lease)."""
        from station.workflow.prefetch import ShiftPreparation

        preparation = ShiftPreparation(
            self.gateway, self.documents, self.settings, journal=self.journal
        )
        if self.site is None:
            return preparation
        from station.site.prefetch import SitePrefetch

        site_prefetch = SitePrefetch(self.site.db, preparation)
        self.on_close(site_prefetch.close)
        return site_prefetch

    def outbox_worker(
        self,
        *,
        policy: RetryPolicy | None = None,
        settle_seconds: float | None = None,
    ) -> OutboxWorker:
        """A (not yet started) outbox worker sending through this runtime's gateway.

        ``start()`` raises JournalError when another process owns the outbox (its lock); the
        caller decides what that means (``station ship``: the confirmation is queued). A started
        worker is stopped when the runtime closes.
        """
        from station.workflow.delivery import (
            DEFAULT_SETTLE_SECONDS,
            GatewaySender,
            GatewayTransactionChecker,
            OrderStatusReconciler,
        )

        reconciler = OrderStatusReconciler(
            self.gateway,
            self.journal,
            settle_seconds=DEFAULT_SETTLE_SECONDS if settle_seconds is None else settle_seconds,
        )
        if self.site is not None:
            # Warehouse mode: this bench hands its items to the site outbox, and sends the
            # site's outbox (its own items and those of stopped benches) with the others.
            from station.site.bench import HANDOVER_POLICY

            self.site.start_site_worker(
                GatewaySender(self.gateway),
                GatewayTransactionChecker(self.gateway),
                reconciler,
                lock_path=self.paths.data_dir / "site-outbox.lock",
                policy=policy,
            )
            handover = self.site.handover
            worker = OutboxWorker(
                self.outbox, handover, handover, handover, policy=policy or HANDOVER_POLICY
            )
            self.on_close(lambda: worker.stop() if worker.running else None)
            return worker
        worker = OutboxWorker(
            self.outbox,
            GatewaySender(self.gateway),
            GatewayTransactionChecker(self.gateway, outbox=self.outbox, journal=self.journal),
            reconciler,
            policy=policy,
        )
        self.on_close(lambda: worker.stop() if worker.running else None)
        return worker

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` when the runtime closes (last registered, first run)."""
        self._closers.append(closer)

    def close(self) -> None:
        while self._closers:
            closer = self._closers.pop()
            try:
                closer()
            except Exception:  # closing must go on whatever one part does
                log.exception("error while shutting down")

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def printer_profile(printer: PrinterSettings) -> PrinterProfile:
    return PrinterProfile.model_validate(
        {
            "language": printer.language,
            "dpi": printer.dpi,
            "media": printer.media,
            "darkness": printer.darkness,
            "offset_x": printer.offset_x_dots,
            "offset_y": printer.offset_y_dots,
            "status_query": printer.status_query,
        }
    )


def open_station_journal(
    environ: Mapping[str, str], *, create: bool
) -> tuple[Journal, Settings] | None:
    """The station's journal and settings alone: no credentials, keys, printers or network (for
    the commands that only read or add records). ``create=False``: None when there is no journal
    yet. A journal emptied, replaced or deleted under its settings is refused, as at start-up."""
    paths = default_paths(dict(environ))
    settings = load_settings(paths.config_file)
    require_present(paths.journal_file, paths.config_file)
    if not create and not paths.journal_file.exists():
        return None
    journal = Journal.open(paths.journal_file, station_id=settings.station_id)
    try:
        check_identity(journal, paths.config_file)
    except BaseException:
        journal.close()
        raise
    return journal, settings


def demo_mcf_folder(environ: Mapping[str, str]) -> Path:
    """Where demo mode keeps its web-shop (MCF) orders and the simulator's MCF world between runs:
    the station's data folder, unlike the rest of demo mode (a fresh temporary folder each run),
    so that an order sent by one ``station --demo mcf`` command is there for the next."""
    return default_paths(dict(environ)).data_dir / DEMO_MCF_FOLDER


def demo_simulator_config(
    config: SimulatorConfig | None, environ: Mapping[str, str]
) -> SimulatorConfig:
    """Demo mode's simulator: its MCF world kept in :func:`demo_mcf_folder`;
    ``STATION_DEMO_LATENCY_MS`` (a test and training knob) delays every answer."""
    from dataclasses import replace

    from station.simulator.config import SimulatorConfig

    config = config or SimulatorConfig()
    raw = environ.get("STATION_DEMO_LATENCY_MS", "").strip()
    if raw:
        try:
            latency = int(raw)
        except ValueError:
            raise ConfigError(
                f"STATION_DEMO_LATENCY_MS={raw[:20]!r} is not a whole number of milliseconds"
            ) from None
        config = replace(config, faults=replace(config.faults, latency_ms=latency))
    if config.mcf_state is None:
        config = replace(config, mcf_state=demo_mcf_folder(environ) / DEMO_MCF_WORLD)
    return config


def demo_settings(base: Settings, folder: Path) -> Settings:
    """The settings of demo mode: the simulator's vendor and warehouses, file printers."""
    from station.simulator.orderbook import WAREHOUSES

    warehouses = [
        WarehouseSettings(
            code=w.party_id,
            name=f"Demo warehouse {w.party_id}",
            label_format="png" if w.label_format == "PNG" else "zpl",
            vendor_own_carrier=w.voc,
            scac_code=w.scac_code or None,
        )
        for w in WAREHOUSES
    ]
    label = base.printers.label.model_copy(update={"uri": (folder / "labels").as_uri()})
    slip = base.printers.slip.model_copy(update={"uri": (folder / "slips").as_uri()})
    return base.model_copy(
        update={
            "environment": "simulator",
            "vendor_code": DEMO_VENDOR_CODE,
            "warehouses": warehouses,
            "printers": base.printers.model_copy(update={"label": label, "slip": slip}),
        }
    )


class UnusedPrinter:
    """Stands for a printer the running command never prints on (``station prefetch``,
    ``station outbox``…): it is not opened, so its address need not even be set. Printing on it
    is a fault of the program and says so."""

    def __init__(self, role: str, profile: PrinterProfile) -> None:
        self.role = role
        self.address = parse_printer_uri(f"file:///unused-{role}-printer")
        self.profile = profile

    def status(self) -> PrinterStatus:
        return PrinterStatus(PrinterState.ERROR, "not opened by this command")

    def print_job(self, job: PrintJob) -> JobResult:
        raise ConfigError(f"This command does not open the {self.role} printer")


def _printer(printer: PrinterSettings, role: str, *, opened: bool) -> Printer:
    profile = printer_profile(printer)
    if not opened:
        return UnusedPrinter(role, profile)
    if not printer.uri.strip():
        option = "--label-printer" if role == "label" else "--slip-printer"
        raise ConfigError(
            f"No {role} printer is set",
            hint=f"Set printers.{role}.uri in the settings (the Settings screen, or the file "
            f"`station config path` shows), or give {option} URI for this run.",
        )
    return open_printer(printer.uri, profile)


def remove_abandoned_demo_folders(parent: Path, *, keep: Path | None = None) -> int:
    """Delete the temporary folders of demo runs that were killed before they could clean up
    (SIGKILL, a crash, a power cut; on Windows also Task Manager's End task): those whose owner
    process is gone. Folders without an owner file, or whose owner still runs, are left alone.
    (Windows does not empty %TEMP% by itself: Storage Sense, when turned on, takes weeks.)"""
    removed = 0
    for folder in parent.glob(DEMO_FOLDER_PREFIX + "*"):
        if folder == keep or not folder.is_dir():
            continue
        try:
            pid = int((folder / DEMO_OWNER_FILE).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue
        if pid <= 0 or _process_exists(pid):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    if removed:
        log.info("removed %d folder(s) of demo runs that ended without cleaning up", removed)
    return removed


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    _STILL_ACTIVE = 259
    _ERROR_ACCESS_DENIED = 5

    def _process_exists(pid: int) -> bool:
        """Windows: os.kill(pid, 0) would *end* the process (it calls TerminateProcess), so ask
        the kernel instead: open the process with the least right there is and read its exit
        code, STILL_ACTIVE while it runs. An ended process stays openable while someone holds
        a handle to it; its exit code then tells. No such process: ERROR_INVALID_PARAMETER."""
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.OpenProcess.restype = wintypes.HANDLE
        kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
        handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ctypes.get_last_error() == _ERROR_ACCESS_DENIED  # someone else's: it lives
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(wintypes.HANDLE(handle), ctypes.byref(code)):
                return True  # cannot tell: leave its folder alone
            return code.value == _STILL_ACTIVE
        finally:
            kernel32.CloseHandle(wintypes.HANDLE(handle))

else:

    def _process_exists(pid: int) -> bool:
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists (POSIX)
        except ProcessLookupError:
            return False
        except OSError:
            return True  # it exists, owned by someone else
        return True


def _credentials(
    settings: Settings, environ: Mapping[str, str], store: SecretStore | None
) -> LwaCredentials | EnvironmentCredentialsProvider | KeyringCredentialsProvider:
    if settings.environment == "simulator":
        # The simulator accepts any credentials, as it should; nothing secret is involved.
        return LwaCredentials(
            client_id="demo",
            client_secret="demo",  # noqa: S106 - the simulator's placeholder, not a secret
            refresh_token="demo",  # noqa: S106
        )
    if environ.get("STATION_LWA_REFRESH_TOKEN"):
        return EnvironmentCredentialsProvider(environ)
    if store is None:
        raise CredentialsError(
            "No SP-API credentials: the system keyring is not available on this computer",
        )
    return KeyringCredentialsProvider(store)


def _keyring_store() -> SecretStore | None:
    try:
        return KeyringSecretStore()
    except CredentialsError as exc:
        log.warning("no OS keyring: %s", exc.message)
        return None


def build_runtime(options: RuntimeOptions | None = None) -> Runtime:
    """Open everything a station needs. Raises StationError subclasses with what to fix."""
    options = options or RuntimeOptions()
    environ: dict[str, str] = dict(os.environ if options.environ is None else options.environ)
    closers: list[Callable[[], None]] = []
    try:
        return _build(options, environ, closers)
    except BaseException:
        for closer in reversed(closers):
            try:
                closer()
            except Exception:
                log.exception("error while cleaning up a failed start")
        raise


def _build(
    options: RuntimeOptions, environ: dict[str, str], closers: list[Callable[[], None]]
) -> Runtime:
    demo_dir: Path | None = None
    simulator: SimulatorServer | None = None
    if options.demo:
        scratch = tempfile.TemporaryDirectory(prefix=DEMO_FOLDER_PREFIX)
        closers.append(scratch.cleanup)
        demo_dir = Path(scratch.name)
        (demo_dir / DEMO_OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        remove_abandoned_demo_folders(demo_dir.parent, keep=demo_dir)
        paths = options.paths or StationPaths.under(demo_dir / "station")
        settings = demo_settings(options.settings or Settings(), demo_dir / "printers")
        # A throw-away data key: demo documents are encrypted at rest like real ones.
        environ.setdefault(
            "STATION_DATA_KEY", base64.urlsafe_b64encode(pysecrets.token_bytes(32)).decode()
        )
        from station.simulator.server import SimulatorServer

        simulator = SimulatorServer(demo_simulator_config(options.simulator, environ))
        simulator.start()
        closers.append(simulator.stop)
        environ["STATION_SPAPI_URL"] = simulator.base_url
        environ["STATION_LWA_URL"] = simulator.lwa_url
    else:
        paths = options.paths or default_paths(environ)
        settings = options.settings or load_settings(paths.config_file)
        if settings.environment == "simulator" and not environ.get("STATION_SPAPI_URL"):
            raise ConfigError(
                "The environment is 'simulator' but no simulator address is set",
                hint="Run `station --demo`, or start `station simulator` and set "
                "STATION_SPAPI_URL and STATION_LWA_URL as it prints.",
            )

    if options.label_printer or options.slip_printer:
        printers = settings.printers.model_copy(
            update={
                "label": settings.printers.label.model_copy(
                    update={"uri": options.label_printer or settings.printers.label.uri}
                ),
                "slip": settings.printers.slip.model_copy(
                    update={"uri": options.slip_printer or settings.printers.slip.uri}
                ),
            }
        )
        settings = settings.model_copy(update={"printers": printers})

    label_printer = _printer(settings.printers.label, "label", opened=options.printers)
    slip_printer = _printer(settings.printers.slip, "slip", opened=options.printers)

    store = options.secret_store if options.secret_store is not None else _keyring_store()
    credentials = _credentials(settings, environ, store)
    api = build_client(
        credentials,
        region=settings.region,
        sandbox=settings.environment == "sandbox",
        environ=environ,
        retry=options.http_retry,
    )
    closers.append(api.close)
    gateway = SpApiGateway(api, settings.api_version)

    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"Cannot create the station's data folder {paths.data_dir}: {exc.strerror or exc}",
            hint="Give this user a folder it may write to: set STATION_HOME to one.",
        ) from None
    require_present(paths.journal_file, paths.config_file)
    journal = Journal.open(paths.journal_file, station_id=settings.station_id)
    closers.append(journal.close)
    check_identity(journal, paths.config_file)  # emptied, replaced or deleted: refuse
    gateway.submissions = SubmissionLog(journal)  # label requests resumed, never sent twice
    retention = RetentionPolicy(
        settings.document_retention_days, settings.unshipped_document_retention_days
    )
    documents = open_document_cache(
        journal,
        keystore=store,
        environ=environ,
        retention=retention,
        warn=lambda message: log.warning("%s", message),
    )
    runner = RetentionRunner(
        lambda: _purge_expired(journal, documents, retention),
        retention,
        interval=_seconds(environ, "STATION_RETENTION_INTERVAL_SECONDS", DAY_SECONDS),
    )
    runner.start()
    closers.append(runner.stop)
    outbox = Outbox(journal)
    site = _site_bench(settings, journal, store, environ, closers, paths.config_file)
    if site is not None:
        from station.site.quota import SiteRateLimiter

        # One quota for the site: every bench takes its SP-API tokens from the site database.
        limiter = SiteRateLimiter(site.db, api.http.rate_limiter)
        api.http.rate_limiter = limiter
        closers.append(limiter.close)
        documents = _site_documents(site, documents, store, environ, closers)
        # The Tokens quota (1 request/s) is the site's too: one token for every PO per bench
        # and hour, not one per scan.
        gateway.generic_rdt = True
    return Runtime(
        settings=settings,
        paths=paths,
        journal=journal,
        api=api,
        gateway=gateway,
        documents=documents,
        outbox=outbox,
        label_printer=label_printer,
        slip_printer=slip_printer,
        simulator=simulator,
        demo_dir=demo_dir,
        site=site,
        _closers=closers,
    )


def _site_bench(
    settings: Settings,
    journal: Journal,
    store: SecretStore | None,
    environ: Mapping[str, str],
    closers: list[Callable[[], None]],
    config_file: Path,
) -> SiteBench | None:
    """Warehouse mode when ``journal_url`` is set; None (one bench, nothing changes) otherwise."""
    if not settings.journal_url:
        return None
    from station.site.bench import SiteBench
    from station.site.db import SiteDatabase
    from station.site.identity import site_identity

    db = SiteDatabase.from_settings(
        settings.journal_url,
        station_id=settings.station_id,
        bench=settings.bench,
        store=store,
        environ=environ,
        identity=site_identity(config_file),
    )
    # Test and drill knobs (seconds): the claim lease, the bound of an in-flight label request,
    # and how long a station may take over one send before the others reconcile it.
    timing: dict[str, float] = {}
    for name, variable in (
        ("lease_s", "STATION_SITE_LEASE_SECONDS"),
        ("in_flight_s", "STATION_SITE_IN_FLIGHT_SECONDS"),
        ("sending_s", "STATION_SITE_SENDING_SECONDS"),
    ):
        if environ.get(variable):
            try:
                timing[name] = float(environ[variable])
            except ValueError:
                raise ConfigError(f"{variable} is not a number of seconds") from None
            if not 0.1 <= timing[name] <= 86400:
                raise ConfigError(f"{variable} must be between 0.1 and 86400 seconds")
    site = SiteBench(db, journal, **timing)
    site.start()
    closers.append(site.close)
    return site


def _site_documents(
    site: SiteBench,
    local: DocumentCache,
    store: SecretStore | None,
    environ: Mapping[str, str],
    closers: list[Callable[[], None]],
) -> DocumentCache:
    """The site's shared, encrypted cache over this bench's own (warehouse mode); this bench's
    own alone when it has no site data key (said once)."""
    from station.site.documents import NO_SITE_KEY_WARNING, SiteDocumentCache, resolve_site_key

    key = resolve_site_key(store, environ)
    if key is None:
        log.warning("%s", NO_SITE_KEY_WARNING)
        return local
    documents = SiteDocumentCache(site.db, key, local)
    closers.append(documents.close)
    return documents


def _purge_expired(
    journal: Journal, documents: DocumentCache, policy: RetentionPolicy
) -> PurgeResult:
    """Every expired document: on disk (whatever key sealed it), in the site's shared cache
    (warehouse mode) and, without a key, in memory."""
    on_disk = purge_stored_documents(journal, policy)
    purge_site = getattr(documents, "purge_site", None)  # the site's cache (station.site)
    if purge_site is not None:
        try:
            site = purge_site()
        except StationError as exc:  # the next run (or another bench) purges them
            log.warning("site documents not purged now: %s", exc.message)
        else:
            on_disk = PurgeResult(
                on_disk.shipped + site.shipped, on_disk.unshipped + site.unshipped
            )
    if documents.persistent:
        return on_disk
    in_memory = documents.purge()
    return PurgeResult(on_disk.shipped + in_memory.shipped, on_disk.unshipped + in_memory.unshipped)


def _seconds(environ: Mapping[str, str], name: str, default: float) -> float:
    raw = environ.get(name, "").strip()
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds") from None
    if not value > 0:
        raise ConfigError(f"{name}={raw!r} is not a positive number of seconds")
    return value
