"""Files shipped inside the package (fonts, icons, sounds, translations).

Looked up through ``importlib.resources`` so they are found in a source checkout, an installed
wheel and the frozen (PyInstaller) app alike.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The filesystem path of a packaged resource, e.g. ``resource_path("fonts", "x.ttf")``."""
    ref = resources.files(__name__).joinpath(*parts)
    path = Path(str(ref))
    if not path.exists():
        raise FileNotFoundError(f"packaged resource missing: {'/'.join(parts)}")
    return path


def font_path(name: str = "DejaVuSansCondensed-Bold.ttf") -> Path:
    return resource_path("fonts", name)
