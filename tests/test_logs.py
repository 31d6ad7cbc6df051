"""Secrets never reach a log file, even when a message carries one by mistake."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.logs import LOG_FILE_NAME, configure_logging, redact, setup_station_logging


@pytest.fixture(autouse=True)
def station_logger() -> Iterator[logging.Logger]:
    """These tests set up the station's logging for real; the next test gets it back as it was
    (pytest's log capture needs the records to propagate)."""
    logger = logging.getLogger("station")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield logger
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        if handler not in saved[0]:
            handler.close()
    for handler in saved[0]:
        logger.addHandler(handler)
    logger.setLevel(saved[1])
    logger.propagate = saved[2]


def test_tokens_and_secrets_are_masked() -> None:
    text = (
        "refresh Atzr|IwEBIA-abc+def/123= access Atza|IQEBLjAs secret amzn1.oa2-cs.v1.deadbeef "
        'client_secret=hunter2 "refresh_token": "Atzr|x" x-amz-access-token: tok123'
    )
    cleaned = redact(text)
    for secret in ("IwEBIA", "IQEBLjAs", "deadbeef", "hunter2", "tok123"):
        assert secret not in cleaned
    assert "client_secret=[redacted]" in cleaned


def test_log_file_holds_no_secret(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    log = logging.getLogger("station.test")
    log.warning("token was %s", "Atza|SECRETVALUE")
    try:
        raise ValueError("client_secret=SECRET2")
    except ValueError:
        log.exception("failed")
    for handler in logging.getLogger("station").handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert "SECRETVALUE" not in content
    assert "SECRET2" not in content
    assert "failed" in content
    configure_logging(None)


def test_every_station_run_logs_to_its_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATION_HOME", str(tmp_path / "home"))
    path = setup_station_logging()
    assert path == tmp_path / "home" / "logs" / LOG_FILE_NAME
    logging.getLogger("station.test").info("shift started")
    for handler in logging.getLogger("station").handlers:
        handler.flush()
    assert "shift started" in path.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_costs_the_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv("STATION_HOME", str(home))
    assert setup_station_logging() is None
    logging.getLogger("station.test").warning("printer offline, token Atza|SECRET3")
    err = capsys.readouterr().err
    assert "no log file" in err
    assert "printer offline" in err
    assert "SECRET3" not in err  # standard error is scrubbed like the file
