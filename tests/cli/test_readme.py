"""The README's command table, exit codes and settings section say what the program does: each is
compared with the parser, the exit codes module and the settings model."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from station.cli import exit_codes
from station.cli.program import COMMANDS, build_parser
from station.config import (
    BoxPreset,
    PrinterSettings,
    ScaleSettings,
    ScannerSettings,
    Settings,
    WarehouseSettings,
)

README = Path(__file__).resolve().parents[2] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _rows(section: str, header: str) -> list[list[str]]:
    """The rows of the markdown table whose header line starts with ``header``."""
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        rows.append([cell.strip().replace("\\|", "|") for cell in cells])
    return rows


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("the station parser has no commands")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return set(parser._option_string_actions)


def _command_rows() -> dict[str, str]:
    """README command name ("" for the packing screen rows) -> the usage written for it."""
    found: dict[str, str] = {}
    for row in _rows(_section("Commands"), "| command |"):
        usage = row[0].strip("`")
        words = usage.split()
        assert words[0] == "station", usage
        name = next((w for w in words[1:] if not w.startswith(("-", "["))), "")
        found.setdefault(name, "")
        found[name] += " " + usage
    return found


def test_the_command_table_lists_exactly_the_program_s_commands() -> None:
    rows = _command_rows()
    assert set(rows) - {""} == set(COMMANDS)
    assert set(_subparsers(build_parser())) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(_command_rows()))
def test_every_option_in_the_table_is_one_the_command_takes(name: str) -> None:
    parser = build_parser()
    command = _subparsers(parser)[name] if name else parser
    usage = _command_rows()[name]
    written = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage))
    unknown = sorted(written - _options(command))
    assert not unknown, f"README shows {unknown} for `station {name}`, the parser does not take it"
    for choices in re.findall(r"\{([a-z,-]+)\}", usage):
        with_choices = [a for a in command._actions if a.choices]
        assert any(set(choices.split(",")) == set(a.choices or ()) for a in with_choices), choices


def test_the_global_options_are_the_program_s() -> None:
    text = _section("Commands")
    paragraph = text[text.index("**Global options**") :].split("\n\n")[0]
    written = set(re.findall(r"`(--?[a-z][a-z-]*)", paragraph)) - {"--opt"}  # the placeholder
    parser = build_parser()
    for command in _subparsers(parser).values():
        assert written <= _options(command), sorted(written - _options(command))
    assert written <= _options(parser)


def test_the_exit_code_table_is_the_program_s() -> None:
    rows = _rows(_section("Commands"), "| code |")
    documented = {int(row[0].strip("`")) for row in rows}
    program = {value for name, value in vars(exit_codes).items() if name.startswith("EXIT_")}
    assert documented == program
    epilog = build_parser().epilog or ""
    for code in sorted(program):
        assert f"{code} " in epilog, f"`station --help` does not explain exit code {code}"


def test_the_settings_table_is_the_settings_model() -> None:
    rows = _rows(_section("Settings"), "| setting |")
    documented = {row[0].strip("`") for row in rows}
    assert documented == set(Settings.model_fields)
    nested = {
        "warehouses": WarehouseSettings,
        "printers": PrinterSettings,
        "box_presets": BoxPreset,
        "scanner": ScannerSettings,
        "scale": ScaleSettings,
    }
    for row in rows:
        name = row[0].strip("`")
        if name in nested:
            listed = set(re.findall(r"`([a-z_]+)`", row[2]))
            missing = set(nested[name].model_fields) - listed
            assert not missing, f"README's {name} row does not mention {sorted(missing)}"
