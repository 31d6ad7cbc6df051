"""The station's settings: one pydantic model, declared once as data.

The settings dialog is generated from this model (every field carries a ``title`` and a
``description``), the headless commands read the same file, and an invalid file is reported with the
dotted name of the faulty field and the file's location, never with a traceback.

Secrets (the LWA client secret, the refresh token) are deliberately *not* settings: they live in
the OS keyring (``station.secrets``) or, on a headless box, in ``STATION_*`` environment variables.
A settings file that contains them is refused so that nobody believes they are protected there.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from station.errors import ConfigError
from station.files import MAX_SETTINGS_BYTES, read_input_file
from station.seller import SellerSettings

__all__ = [
    "SETTINGS_SCHEMA_VERSION",
    "BoxPreset",
    "PrinterSettings",
    "PrintersSettings",
    "ScaleSettings",
    "ScannerSettings",
    "Settings",
    "WarehouseSettings",
    "load_settings",
    "save_settings",
    "settings_from_json",
]

SETTINGS_SCHEMA_VERSION = 1
# Settings earlier versions wrote that mean nothing any more; a file holding them still loads.
# "prefetch": shift preparation is started by hand (the screen's menu, `station prefetch`).
RETIRED_SETTINGS = ("prefetch",)

Region = Literal["na", "eu", "fe"]
Environment = Literal["production", "sandbox", "simulator"]
ApiVersion = Literal["v1", "2021-12-28"]
LabelFormatHint = Literal["auto", "png", "zpl", "pdf"]
PrinterLanguage = Literal["zpl", "driver"]
StatusQuery = Literal["auto", "HQES", "HS", "none"]
Dpi = Literal[203, 300, 600]
Media = Literal["4x6", "A4", "Letter"]
DimensionUnit = Literal["IN", "CM"]
WeightUnit = Literal["KG", "LB"]
Terminator = Literal["CR", "LF", "TAB"]
Language = Literal["en", "pt_BR", "system"]

# Amazon party ids (vendor codes, warehouse codes) are short upper-case alphanumerics; allow the
# separators some vendors use and reject anything that could not be an id (spaces, quotes, ...).
_PARTY_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$"
_STATION_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"

# Keys that look like credentials. Matched against every key, at any depth, after lower-casing and
# removing separators, so "refreshToken", "refresh_token" and "REFRESH-TOKEN" are all caught.
_SECRET_KEY_PARTS = ("secret", "refreshtoken", "accesstoken", "password", "apikey", "privatekey")

_Model = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


def _default_station_id() -> str:
    """The host name, reduced to the characters a station id allows (falls back to 'station')."""
    name = socket.gethostname().split(".")[0]
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "-", name).strip("-._")[:64]
    return cleaned or "station"


class PrinterSettings(BaseModel):
    """One printer: where it is (a URI) and how to talk to it (its profile).

    The URI is kept as a plain string here; ``station.printing`` parses and validates it, so that
    this model does not depend on the printing back ends.
    """

    model_config = _Model

    uri: str = Field(
        default="",
        title="Printer",
        description=(
            "Where to print: tcp://HOST:9100, cups://QUEUE, windows://PRINTER NAME, qt://NAME or "
            "file:///FOLDER. Empty means not configured."
        ),
        max_length=500,
    )
    language: PrinterLanguage = Field(
        default="zpl",
        title="Printer language",
        description="zpl: send ZPL to a thermal printer; driver: print through the driver.",
    )
    dpi: Dpi = Field(
        default=203,
        title="Resolution (dpi)",
        description=(
            "The printer's resolution in dots/inch. Amazon's PNG labels are drawn for 203 dpi: "
            "a 300-dpi printer prints them at two thirds of their size, so use a 203-dpi label "
            "printer or set the warehouse's label format to ZPL."
        ),
    )
    status_query: StatusQuery = Field(
        default="auto",
        title="Printer state query",
        description=(
            "How the station asks a tcp:// label printer for its state before every label: "
            "auto tries Zebra's ~HQES and ~HS; none for printers that answer neither."
        ),
    )
    media: Media = Field(
        default="4x6", title="Media", description="The paper or label size loaded."
    )
    darkness: int | None = Field(
        default=None,
        ge=0,
        le=30,
        title="Darkness",
        description="ZPL darkness (0-30, ~SD). Empty keeps the printer's own setting.",
    )
    offset_x_dots: int = Field(
        default=0,
        ge=-2000,
        le=2000,
        title="Horizontal offset (dots)",
        description="Shifts the print right (positive) or left (negative).",
    )
    offset_y_dots: int = Field(
        default=0,
        ge=-2000,
        le=2000,
        title="Vertical offset (dots)",
        description="Shifts the print down (positive) or up (negative).",
    )


def _default_slip_printer() -> PrinterSettings:
    return PrinterSettings(language="driver", dpi=300, media="A4")


class PrintersSettings(BaseModel):
    model_config = _Model

    label: PrinterSettings = Field(
        default_factory=PrinterSettings,
        title="Label printer",
        description="The thermal printer for shipping labels (4x6 in).",
    )
    slip: PrinterSettings = Field(
        default_factory=_default_slip_printer,
        title="Packing-slip printer",
        description="The office printer for packing slips and invoices.",
    )


ScaleKind = Literal["none", "hid", "serial"]
ScaleProtocol = Literal["nci", "sma"]


class ScaleSettings(BaseModel):
    """The shipping scale whose stable readings fill the cartons' weight."""

    model_config = _Model

    kind: ScaleKind = Field(
        default="none",
        title="Scale",
        description=(
            "none: weights are typed; hid: a USB point-of-sale scale (DYMO M10/M25, "
            "Mettler-Toledo and others); serial: a scale on a serial port, asked with W<CR>."
        ),
    )
    device: str = Field(
        default="",
        max_length=200,
        title="Scale device",
        description=(
            "USB: VENDOR:PRODUCT in hex (0922:8003 is a DYMO M10), empty for the first USB "
            "scale found; serial: the port (/dev/ttyUSB0, COM3)."
        ),
    )
    baud: int = Field(
        default=9600, ge=1200, le=115200, title="Serial speed (baud)", description="Serial only."
    )
    protocol: ScaleProtocol = Field(
        default="nci",
        title="Serial protocol",
        description="What the serial scale answers to W<CR>: nci (NCI / SCP-01) or sma.",
    )


class WarehouseSettings(BaseModel):
    """One ship-from warehouse (``shipFromParty.partyId``) and how it ships."""

    model_config = _Model

    code: Annotated[str, Field(pattern=_PARTY_ID)] = Field(
        title="Warehouse code",
        description="The ship-from party id Amazon assigned to this warehouse.",
    )
    name: str = Field(
        default="", max_length=100, title="Name", description="A name for people (optional)."
    )
    label_format: LabelFormatHint = Field(
        default="auto",
        title="Label format",
        description="The label format Amazon sends for this warehouse, when known (auto: detect).",
    )
    vendor_own_carrier: bool = Field(
        default=False,
        title="Vendor-own carrier",
        description="The vendor ships with its own carrier and sends shipment status updates.",
    )
    scac_code: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z]{2,4}$",
        title="Carrier SCAC code (NA)",
        description="Standard Carrier Alpha Code of the vendor's own carrier (North America).",
    )
    carrier: str | None = Field(
        default=None,
        min_length=1,
        max_length=64,
        title="Carrier (EU)",
        description="Name of the vendor's own carrier (Europe).",
    )


class BoxPreset(BaseModel):
    """A carton size the packer picks with one key instead of measuring."""

    model_config = _Model

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,32}$")] = Field(
        title="Preset id", description="A short unique id (letters, digits, - and _)."
    )
    name: str = Field(min_length=1, max_length=60, title="Name", description="Shown to the packer.")
    length: float = Field(gt=0, le=10_000, title="Length", description="Outer length of the box.")
    width: float = Field(gt=0, le=10_000, title="Width", description="Outer width of the box.")
    height: float = Field(gt=0, le=10_000, title="Height", description="Outer height of the box.")
    dimension_unit: DimensionUnit = Field(
        default="IN", title="Dimension unit", description="IN (inches) or CM (centimetres)."
    )
    tare_weight: float = Field(
        default=0.0, ge=0, le=1_000, title="Tare weight", description="Weight of the empty box."
    )
    weight_unit: WeightUnit = Field(
        default="LB", title="Weight unit", description="KG (kilograms) or LB (pounds)."
    )


def _default_terminators() -> list[Terminator]:
    return ["CR", "LF", "TAB"]


class ScannerSettings(BaseModel):
    """How keystrokes from a keyboard-wedge scanner are told apart from typing."""

    model_config = _Model

    prefix: str = Field(
        default="",
        max_length=10,
        title="Prefix",
        description="Characters the scanner sends before each barcode (removed).",
    )
    suffix: str = Field(
        default="",
        max_length=10,
        title="Suffix",
        description="Characters the scanner sends after each barcode (removed).",
    )
    max_inter_key_ms: int = Field(
        default=55,
        ge=5,
        le=1000,
        title="Max time between keys (ms)",
        description="Keys arriving closer together than this belong to one scan.",
    )
    min_length: int = Field(
        default=3,
        ge=1,
        le=100,
        title="Minimum length",
        description="Shorter bursts are treated as typing, not scans.",
    )
    terminators: list[Terminator] = Field(
        default_factory=_default_terminators,
        min_length=1,
        title="Terminators",
        description="Keys that end a scan: CR (Enter), LF, TAB.",
    )


class Settings(BaseModel):
    """Everything the warehouse lead can set, with defaults that run the demo out of the box."""

    model_config = _Model

    schema_version: int = Field(
        default=SETTINGS_SCHEMA_VERSION,
        ge=1,
        le=SETTINGS_SCHEMA_VERSION,
        title="Settings format version",
        description="Version of this file's format; written by the station.",
    )
    region: Region = Field(
        default="na",
        title="Region",
        description="SP-API region: na (North America), eu (Europe), fe (Far East).",
    )
    environment: Environment = Field(
        default="simulator",
        title="Environment",
        description="production (real orders), sandbox (Amazon's test data) or the simulator.",
    )
    api_version: ApiVersion = Field(
        default="2021-12-28",
        title="API version",
        description="Vendor Direct Fulfillment API version: v1 or 2021-12-28.",
    )
    vendor_code: str = Field(
        default="",
        pattern=r"^$|" + _PARTY_ID,
        title="Vendor code",
        description="The selling party id (vendor code) orders are placed with.",
    )
    warehouses: list[WarehouseSettings] = Field(
        default_factory=list,
        title="Warehouses",
        description="The ship-from warehouses this station packs for.",
    )
    station_id: Annotated[str, Field(pattern=_STATION_ID)] = Field(
        default_factory=_default_station_id,
        title="Station id",
        description="Names this station in the journal and shipment history (default: host name).",
    )
    printers: PrintersSettings = Field(
        default_factory=PrintersSettings, title="Printers", description="Label and slip printers."
    )
    scale: ScaleSettings = Field(
        default_factory=ScaleSettings,
        title="Shipping scale",
        description="A scale fills each carton's weight from its stable readings.",
    )
    box_presets: list[BoxPreset] = Field(
        default_factory=list,
        title="Box presets",
        description="Carton sizes offered to the packer.",
    )
    document_retention_days: int = Field(
        default=30,
        ge=1,
        le=3650,
        title="Keep documents after shipment (days)",
        description="Labels, slips and invoices are deleted this many days after shipment.",
    )
    unshipped_document_retention_days: int = Field(
        default=90,
        ge=1,
        le=3650,
        title="Keep unshipped documents (days)",
        description="Documents of orders never shipped are deleted after this many days.",
    )
    scanner: ScannerSettings = Field(
        default_factory=ScannerSettings, title="Scanner", description="Barcode scanner input."
    )
    verify_items: bool = Field(
        default=False,
        title="Verify items",
        description="Ask the packer to scan every item before the box is closed.",
    )
    auto_advance: bool = Field(
        default=True,
        title="Auto-advance",
        description="Move to the next step by itself when a step succeeds.",
    )
    language: Language = Field(
        default="system",
        title="Language",
        description="Language of the station: en, pt_BR, or system (follow the computer).",
    )
    seller: SellerSettings = Field(
        default_factory=SellerSettings,
        title="Seller connection (MCF)",
        description="Seller Central app for sending web-shop orders to Amazon's network.",
    )
    journal_url: str = Field(
        default="",
        max_length=500,
        title="Site database (warehouse mode)",
        description="Empty: this station keeps its own journal (one bench). "
        "postgresql://USER@HOST/DB?sslmode=verify-full: every bench of the site shares claims, "
        "outbox and quota there; the password is kept in the keyring, never here.",
    )
    bench: str = Field(
        default="",
        max_length=32,
        pattern=r"^$|^[A-Za-z0-9][A-Za-z0-9 _.-]{0,31}$",
        title="Bench",
        description="The bench's name or number shown to other benches (warehouse mode).",
    )

    @field_validator("journal_url")
    @classmethod
    def _site_url(cls, value: str) -> str:
        if value:
            from station.site.url import check_site_url

            check_site_url(value)
        return value

    @field_validator("warehouses")
    @classmethod
    def _unique_warehouses(cls, value: list[WarehouseSettings]) -> list[WarehouseSettings]:
        seen: set[str] = set()
        for warehouse in value:
            if warehouse.code.upper() in seen:
                raise ValueError(f"warehouse {warehouse.code!r} is listed twice")
            seen.add(warehouse.code.upper())
        return value

    @field_validator("box_presets")
    @classmethod
    def _unique_presets(cls, value: list[BoxPreset]) -> list[BoxPreset]:
        ids = [preset.id for preset in value]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"box preset id {duplicates[0]!r} is used twice")
        return value

    @model_validator(mode="after")
    def _vendor_own_carrier_needs_a_carrier(self) -> Settings:
        for index, warehouse in enumerate(self.warehouses):
            if not warehouse.vendor_own_carrier:
                continue
            if self.region == "na" and not warehouse.scac_code:
                raise ValueError(
                    f"warehouses.{index}.scac_code: a vendor-own-carrier warehouse in North "
                    "America needs the carrier's SCAC code"
                )
            if self.region != "na" and not warehouse.carrier:
                raise ValueError(
                    f"warehouses.{index}.carrier: a vendor-own-carrier warehouse outside North "
                    "America needs the carrier's name"
                )
        return self

    def warehouse(self, code: str) -> WarehouseSettings | None:
        """The warehouse with this ship-from party id (case-insensitive), if configured."""
        for warehouse in self.warehouses:
            if warehouse.code.upper() == code.upper():
                return warehouse
        return None


# --------------------------------------------------------------------------------------------
# Loading and saving


def _secret_keys(value: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, child in value.items():
            name = f"{prefix}{key}"
            normalized = re.sub(r"[^a-z]", "", str(key).lower())
            if any(part in normalized for part in _SECRET_KEY_PARTS):
                yield name
            yield from _secret_keys(child, f"{name}.")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _secret_keys(child, f"{prefix}{index}.")


def _describe(error: ErrorDetails) -> str:
    """One pydantic error as 'dotted.field: what is wrong', in words a warehouse lead can act on."""
    loc = ".".join(str(part) for part in error["loc"]) or "(file)"
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error" and "expected" in ctx:
        expected = str(ctx["expected"]).replace("'", "")
        expected = expected.replace(" or ", ", ")
        text = f"must be one of {expected}"
    elif kind == "extra_forbidden":
        text = "is not a known setting (remove it or check its spelling)"
    elif kind == "missing":
        text = "is required"
    elif kind == "string_pattern_mismatch":
        text = "contains characters that are not allowed"
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        # Model-level checks already name their field ("warehouses.0.scac_code: ...").
        if re.match(r"^[\w.]+: ", message):
            return message
        text = message
    else:
        msg = error["msg"]
        text = msg[:1].lower() + msg[1:]
        text = re.sub(r"^input should be", "must be", text)
    return f"{loc}: {text}"


def settings_from_json(text: str | bytes, *, source: str = "the settings") -> Settings:
    """Parse and validate settings JSON; every failure is a :class:`ConfigError`.

    ``source`` names where the text came from (a file path) so the message can say where to look.
    """
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ConfigError(
            f"{source} is not valid JSON ({type(exc).__name__}: {str(exc)[:120]})",
            hint="Fix the file by hand, or delete it to start again from the default settings.",
        ) from None
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{source} must hold a JSON object of settings, not {type(raw).__name__}",
            hint="Fix the file by hand, or delete it to start again from the default settings.",
        )
    for retired in RETIRED_SETTINGS:
        raw.pop(retired, None)
    secrets = list(_secret_keys(raw))
    if secrets:
        raise ConfigError(
            f"{source} contains {', '.join(secrets[:3])}: secrets are not settings",
            hint=(
                "Remove them from the file. Credentials belong in the system keyring (Settings > "
                "Credentials) or, on a headless machine, in STATION_LWA_* environment variables."
            ),
        )
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ConfigError(
            f"Invalid settings in {source}: {'; '.join(problems[:3])}{more}",
        ) from None
    except RecursionError:
        raise ConfigError(f"{source} is nested too deeply to be a settings file") from None


def _default_settings_path() -> Path:
    from station.paths import default_paths

    return default_paths().config_file


def load_settings(path: Path | None = None) -> Settings:
    """The settings stored at ``path`` (default: the user's config dir); defaults when absent."""
    path = _default_settings_path() if path is None else path
    if not path.exists():
        return Settings()
    data = read_input_file(path, what="settings file", limit=MAX_SETTINGS_BYTES, error=ConfigError)
    return settings_from_json(data, source=str(path))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (temp file, fsync, rename): a crash leaves old or new."""
    path = _default_settings_path() if path is None else path
    text = settings.model_dump_json(indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise
        _fsync_directory(path.parent)
    except OSError as exc:
        raise ConfigError(
            f"Cannot save the settings to {path}: {exc.strerror or exc}",
            hint="Check free disk space and that the folder is writable by this user.",
        ) from None
    return path


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
