"""The parser stays cheap to build and agrees with the code its choices come from."""

from __future__ import annotations

import subprocess
import sys

from station.cli import print_file, render
from station.printing.profile import Language, Media
from station.zpl.renderer import SUPPORTED_DPI


def test_building_the_whole_parser_loads_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from station.cli.program import build_parser\n"
        "build_parser()\n"
        "heavy = ('PySide6', 'PIL', 'pydantic', 'httpx', 'fpdf', 'pypdfium2', 'keyring')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", result.stdout


def test_the_choices_written_in_the_command_modules_are_the_code_s() -> None:
    assert render.DPI_CHOICES == SUPPORTED_DPI
    assert set(print_file.MEDIA_CHOICES) == {m.value for m in Media}
    assert set(print_file.LANGUAGE_CHOICES) == {lang.value for lang in Language}
