"""A script that reads only the first line of a command (``station ship PO --box … | head -1``):
the reader closes its end of the pipe and the command goes on writing. A closed standard output
never changes what is done or recorded; no traceback; the exit status is 141 (128 + SIGPIPE, what
the shell reports for a program stopped by a closed pipe) when the work itself succeeded, and the
work's own status otherwise (README, exit codes)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from station.cli.pipes import ClosedPipeGuard
from station.simulator.server import SimulatorServer
from tests.cli.conftest import TIMEOUT, Result, Station, fresh_po

BOX = "12x8x4in:1.5kg"
EXIT_CLOSED_PIPE = 141

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="a closed pipe is EPIPE on POSIX; Windows reports EINVAL"
)


def first_line_only(station: Station, *args: str) -> tuple[str, Result]:
    """Run the command, read its first line of output, close the pipe (``| head -1``)."""
    process = subprocess.Popen(
        station.command(*args),
        env=station.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=station.tmp,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        first = process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        code = process.wait(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    return first, Result(code, first, err, args)


def test_ship_into_a_closed_pipe_records_amazons_verdict(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    first, result = first_line_only(configured, "ship", po, "--box", BOX, "--acknowledge")
    assert first, str(result)
    assert "Traceback" not in result.err and "BrokenPipe" not in result.err, str(result)
    assert result.code == EXIT_CLOSED_PIPE, str(result)
    assert simulator.state.orders[po].status == "SHIPPED"
    outbox = configured("outbox", "list", "--all")
    assert outbox.code == 0, str(outbox)
    item = next(line for line in outbox.out.splitlines() if po in line)
    assert " succeeded " in item, outbox.out  # not left "sent"
    order = configured("order", po)
    assert "On this station: confirmation confirmed" in order.out, str(order)
    again = configured("ship", po)  # the PO is shipped: nothing left to send
    assert again.code == 0, str(again)


def output_unread(station: Station, *args: str) -> Result:
    """Run the command with its output going to a pipe nobody reads (``| true``)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        completed = subprocess.run(
            station.command(*args),
            env=station.env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=station.tmp,
            timeout=TIMEOUT,
            check=False,
        )
    finally:
        os.close(write_end)
    return Result(completed.returncode, "", completed.stderr, args)


def test_order_and_history_into_a_closed_pipe(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    shipped = configured("ship", po, "--box", BOX, "--acknowledge")
    assert shipped.code == 0, str(shipped)
    for args in (("order", po), ("history", "--po", po), ("ship", po), ("--help",)):
        result = output_unread(configured, *args)
        assert "Traceback" not in result.err and "BrokenPipe" not in result.err, str(result)
        assert result.code == EXIT_CLOSED_PIPE, str(result)


def test_a_failure_keeps_its_own_status_when_the_pipe_is_closed(configured: Station) -> None:
    result = output_unread(configured, "order", "9ZZZZZZZ")
    assert result.code == 1, str(result)
    assert result.err.count("station:") == 1, str(result)
    assert "Traceback" not in result.err, str(result)


def test_the_guard_drops_output_once_the_reader_is_gone() -> None:
    read_end, write_end = os.pipe()
    stream = os.fdopen(write_end, "w", encoding="utf-8")
    guard = ClosedPipeGuard(stream)
    guard.write("first\n")
    guard.flush()
    assert os.read(read_end, 100) == b"first\n"
    os.close(read_end)
    assert not guard.closed_pipe
    guard.write("second\n")
    guard.flush()
    assert guard.closed_pipe
    assert guard.write("third\n") == len("third\n")
    guard.flush()
    stream.close()  # what was buffered goes to the null device: no error at close either
