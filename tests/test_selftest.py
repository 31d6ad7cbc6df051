"""`station --self-test` checks a whole installation and says which part is broken."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from station import selftest


def test_self_test_passes_on_this_installation() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if sys.platform == "win32":
        # Windows always has a keyring (the Credential Manager) and the self-test requires it:
        # use the real one instead of the failing back end tests/conftest.py selects.
        env.pop("PYTHON_KEYRING_BACKEND", None)
    result = subprocess.run(
        [sys.executable, "-m", "station", "--self-test"],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    names = ["imports", "qt platform", "qt style", "qt pdf", "qt printing", "documents"]
    names.append("simulator round trip")
    if sys.platform == "win32":
        names += ["win32print", "keyring"]
    for name in names:
        assert f"[  ok] {name}:" in result.stdout, result.stdout
    assert "self-test passed" in result.stdout


def test_a_failing_required_check_fails_the_self_test() -> None:
    def broken() -> str:
        raise selftest.CheckFailed("QtPdf plugin missing")

    results = selftest.run_checks([selftest.Check("qt pdf", broken)])
    assert not results[0].ok
    assert "QtPdf plugin missing" in results[0].detail


def test_a_failing_optional_check_is_a_warning() -> None:
    def broken() -> str:
        raise selftest.CheckFailed("no keyring")

    results = selftest.run_checks([selftest.Check("keyring", broken, required=False)])
    assert results[0].ok and results[0].warning


def test_a_platform_plugin_that_aborts_qt_is_reported_not_fatal() -> None:
    # Qt aborts the whole process when a platform plugin cannot load; the probe runs in a child
    # so the self-test survives to say which one.
    with pytest.raises(selftest.CheckFailed, match="'no-such-platform' does not load"):
        selftest.probe_platform("no-such-platform")


def test_the_probe_reports_the_platform_and_the_widget_style() -> None:
    reply = selftest.probe_platform("offscreen")
    assert reply["platform"] == "offscreen"
    assert reply["style"] and reply["style"] in [str(s).lower() for s in reply["styles"]]


def test_without_the_headless_platform_the_qt_checks_fail_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "APP_PLATFORMS", ["no-such-platform"])
    wanted = {"qt platform", "qt style", "qt", "qt pdf"}
    chosen = [c for c in selftest.checks() if c.name in wanted]
    monkeypatch.setattr(selftest, "checks", lambda: chosen)
    assert selftest.run() == 1
    out = capsys.readouterr().out
    for name in wanted:
        assert f"[FAIL] {name}:" in out, out
    assert "not run: the Qt platform plugin 'offscreen' does not load" in out
    assert "self-test FAILED" in out


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows checks run on Windows only")
def test_on_windows_the_self_test_checks_the_spooler_and_the_keyring() -> None:
    names = [c.name for c in selftest.checks() if c.required]
    assert {"win32print", "keyring", "qt platform", "qt style"} <= set(names)
    assert selftest.APP_PLATFORMS == ["windows", "offscreen"]


def test_a_release_requires_the_libraries_of_warehouse_mode_and_the_scales(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """psycopg, hidapi and pyserial are imported only when a site or a scale is configured: a
    release without them started and failed at the first bench that joined a site."""
    optional = {c.name for c in selftest.checks() if not c.required}
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    required = {c.name for c in selftest.checks() if c.required}
    assert {"psycopg", "hidapi", "pyserial"} <= required
    # from source they are extras (pip install 'packing-station[site,scale]')
    assert {"psycopg", "hidapi", "pyserial"} <= optional


@pytest.mark.parametrize(
    ("name", "module", "said"),
    [
        ("psycopg", "psycopg", "psycopg 3"),
        ("hidapi", "hid", "HID device"),
        ("pyserial", "serial", "asleep"),
    ],
)
def test_each_library_check_uses_the_library_for_real(name: str, module: str, said: str) -> None:
    pytest.importorskip(module, reason=f"{module} is not installed (pip install -e '.[dev]')")
    check = next(c for c in selftest.checks() if c.name == name)
    result = selftest.run_checks([check])[0]
    assert result.ok and not result.warning and said in result.detail, result.detail


@pytest.mark.parametrize(
    ("name", "module", "said"),
    [
        ("psycopg", "psycopg", "PostgreSQL driver does not load"),
        ("hidapi", "hid", "hidapi library"),
        ("pyserial", "serial", "pyserial library"),
    ],
)
def test_a_missing_library_fails_its_check_in_a_release(
    monkeypatch: pytest.MonkeyPatch, name: str, module: str, said: str
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    check = next(c for c in selftest.checks() if c.name == name)
    result = selftest.run_checks([check])[0]
    assert not result.ok and said in result.detail, result.detail
