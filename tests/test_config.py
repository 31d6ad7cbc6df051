"""Settings: defaults, round trips, and clear errors for every kind of bad file."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station.config import (
    BoxPreset,
    PrinterSettings,
    Settings,
    WarehouseSettings,
    load_settings,
    save_settings,
    settings_from_json,
)
from station.errors import ConfigError
from station.paths import default_paths


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "nope.json")
    assert settings == Settings(station_id=settings.station_id)
    assert settings.document_retention_days == 30
    assert settings.scanner.max_inter_key_ms == 55
    assert settings.scanner.min_length == 3
    assert settings.printers.label.dpi == 203
    assert settings.printers.slip.language == "driver"
    assert settings.station_id


def test_default_path_is_the_config_dir() -> None:
    path = save_settings(Settings(vendor_code="ABCDE"))
    assert path == default_paths().config_file
    assert load_settings().vendor_code == "ABCDE"


def test_round_trip(tmp_path: Path) -> None:
    settings = Settings(
        region="eu",
        environment="sandbox",
        api_version="v1",
        vendor_code="VEND1",
        warehouses=[
            WarehouseSettings(code="WH1", label_format="zpl"),
            WarehouseSettings(code="WH2", vendor_own_carrier=True, carrier="DPD"),
        ],
        station_id="pack-01",
        box_presets=[
            BoxPreset(id="S", name="Small", length=20, width=15, height=10, dimension_unit="CM")
        ],
        printers={"label": PrinterSettings(uri="tcp://10.0.0.5:9100", dpi=300)},
        language="pt_BR",
    )
    path = save_settings(settings, tmp_path / "cfg" / "settings.json")
    assert load_settings(path) == settings
    assert not [p for p in path.parent.iterdir() if p.name != "settings.json"], "temp file left"


def test_every_field_is_documented_for_the_dialog() -> None:
    def walk(model: type[Any]) -> None:
        for name, info in model.model_fields.items():
            assert info.title, f"{model.__name__}.{name} has no title"
            assert info.description, f"{model.__name__}.{name} has no description"

    for model in (Settings, PrinterSettings, WarehouseSettings, BoxPreset):
        walk(model)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"printers": {"label": {"dpi": 250}}}, "printers.label.dpi: must be one of 203, 300, 600"),
        ({"region": "us"}, "region: must be one of na, eu, fe"),
        ({"api_version": "v2"}, "api_version: must be one of v1, 2021-12-28"),
        ({"document_retention_days": 0}, "document_retention_days:"),
        ({"scanner": {"terminators": ["ESC"]}}, "scanner.terminators.0:"),
        (
            {"box_presets": [{"id": "a", "name": "A", "length": -1, "width": 1, "height": 1}]},
            "box_presets.0.length:",
        ),
        ({"warehouses": [{"code": "W 1"}]}, "warehouses.0.code:"),
        ({"warehouses": [{"code": "W1", "vendor_own_carrier": True}]}, "warehouses.0.scac_code:"),
        ({"colour": "red"}, "colour: is not a known setting"),
        ({"vendor_code": "bad code!"}, "vendor_code:"),
    ],
)
def test_invalid_values_name_the_field_and_the_file(
    tmp_path: Path, document: dict[str, Any], expected: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)
    assert info.value.hint


def test_vendor_own_carrier_outside_na_needs_a_carrier_name() -> None:
    with pytest.raises(ConfigError, match=r"warehouses\.0\.carrier"):
        settings_from_json(
            json.dumps({"region": "eu", "warehouses": [{"code": "W", "vendor_own_carrier": True}]})
        )


def test_duplicate_warehouses_and_presets_are_refused() -> None:
    with pytest.raises(ConfigError, match="listed twice"):
        settings_from_json(json.dumps({"warehouses": [{"code": "W1"}, {"code": "w1"}]}))
    preset = {"id": "a", "name": "A", "length": 1, "width": 1, "height": 1}
    with pytest.raises(ConfigError, match="used twice"):
        settings_from_json(json.dumps({"box_presets": [preset, preset]}))


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"", b"[1, 2]", b"42"])
def test_corrupt_file_is_a_config_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "document",
    [
        {"lwa_client_secret": "abc"},
        {"credentials": {"refreshToken": "Atzr|x"}},
        {"warehouses": [{"code": "W", "api_key": "k"}]},
    ],
)
def test_secrets_are_refused_and_sent_to_the_keyring(document: dict[str, Any]) -> None:
    with pytest.raises(ConfigError) as info:
        settings_from_json(json.dumps(document))
    assert "secrets are not settings" in str(info.value)
    assert "keyring" in info.value.hint
    # The secret's value is never echoed.
    for value in ("abc", "Atzr|x"):
        assert value not in str(info.value)


def test_unreadable_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Cannot read"):
        load_settings(tmp_path)  # a directory


def test_save_into_a_file_path_that_is_a_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="Cannot save"):
        save_settings(Settings(), blocker / "settings.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
setting_keys = st.sampled_from(
    [*Settings.model_fields, "printers", "label", "dpi", "uri", "code", "scanner", "x"]
)
settings_like = st.dictionaries(
    setting_keys, json_values | st.dictionaries(setting_keys, json_values)
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(json_values, settings_like))
def test_arbitrary_json_never_crashes(document: Any) -> None:
    try:
        loaded = settings_from_json(json.dumps(document), source="f.json")
    except ConfigError as exc:
        assert "f.json" in str(exc)
    else:
        assert settings_from_json(loaded.model_dump_json()) == loaded


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_never_crash(content: bytes) -> None:
    with contextlib.suppress(ConfigError):
        settings_from_json(content)


def test_deeply_nested_json_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        settings_from_json("[" * 100_000 + "]" * 100_000)
