"""Where the station keeps its files.

Nothing here touches the disk at import time: callers ask for a directory and create it when they
write. ``STATION_HOME`` puts everything under one folder (portable installs, tests, demo mode);
otherwise the platform's conventional per-user directories are used (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "PackingStation"
APP_AUTHOR = "PackingStation"


@dataclass(frozen=True)
class StationPaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def journal_file(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @classmethod
    def under(cls, root: Path) -> StationPaths:
        """Every directory below one root folder."""
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            cache_dir=root / "cache",
            log_dir=root / "logs",
        )


def default_paths(environ: dict[str, str] | None = None) -> StationPaths:
    env = os.environ if environ is None else environ
    home = env.get("STATION_HOME")
    if home:
        return StationPaths.under(Path(home).expanduser())
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
    return StationPaths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        cache_dir=Path(dirs.user_cache_dir),
        log_dir=Path(dirs.user_log_dir),
    )
