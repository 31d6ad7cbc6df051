"""Secrets never reach a log file, even when a message carries one by mistake."""

from __future__ import annotations

import logging
from pathlib import Path

from station.logs import configure_logging, redact


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
