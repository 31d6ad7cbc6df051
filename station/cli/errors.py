"""Errors as the command line reports them: usage errors (exit 2) and hints in its own words."""

from __future__ import annotations

from station.errors import ConfigError, CredentialsError, ScanError, StationError


class UsageError(StationError):
    """The command line asks for something that cannot be: exit 2, like argparse's own errors."""

    default_hint = "See the command's --help."


# The lower layers' default hints speak to the packer at the screen; on the command line the
# same errors point at options, the settings file and environment variables.
_CLI_HINTS: dict[type[StationError], str] = {
    ConfigError: "Correct the setting named above in the settings file (`station config path` "
    "shows where it is; `station config check` checks it) and run the command again.",
    CredentialsError: "Set STATION_LWA_CLIENT_ID, STATION_LWA_CLIENT_SECRET and "
    "STATION_LWA_REFRESH_TOKEN, or enter the credentials once in the station's setup (they are "
    "kept in the system keyring).",
    ScanError: "Check the value given on the command line and run the command again.",
}

# Words of the packing screen that make no sense in a terminal, and what to say instead (the
# longer phrases first: they contain the shorter ones).
_SCREEN_WORDS = (
    (
        "Scan the barcode again, or type it and press Enter.",
        "Check the value and run the command again.",
    ),
    (
        "Set the order aside and scan it again in a few minutes.",
        "Run the command again in a few minutes.",
    ),
    (
        "Fix the label printer and reprint before confirming.",
        "Fix the label printer and run the command again.",
    ),
    ("fix the printer and reprint", "fix the printer and run the same command again"),
    ("Reprint the label if needed", "Print the label again with --reprint if needed"),
    # Reprint on the screen is "the same command again" here: --reprint is only for a PO
    # already shipped, and a print that failed in `ship` stopped before the confirmation.
    ("Reprint in a minute", "Run the same command again in a minute"),
    (
        "Enter the carton's dimensions and weight.",
        "Give the carton with --box LxWxH{in|cm}:W{kg|lb}.",
    ),
    ("Enter the cartons first.", "Give the cartons with --box."),
    ("Enter at least one carton", "Give at least one --box"),
    ("Scan the PO again in a minute.", "Run the command again in a minute."),
    ("Scan the PO barcode on the packing slip", "Give the PO number"),
    ("Scan the PO barcode again", "Check the PO number"),
    ("Scan it again.", "Run the command again."),
    (": enter the cartons to request it", ": it is requested for the cartons given"),
    ("Printed: pack the items and enter the cartons", "Printed"),
    ("press Reprint", "run the same command again"),
    ("Press Reprint", "Run the same command again"),
    ("check the Settings", "check the settings file (`station config check`)"),
    ("Check the Settings", "Check the settings file (`station config check`)"),
    ("in Settings", "in the settings file (`station config path`)"),
    ("scan again", "run the command again"),
    ("Scan again", "Run the command again"),
)


def cli_text(text: str) -> str:
    """A message or hint of the lower layers in the command line's words."""
    for screen, terminal in _SCREEN_WORDS:
        text = text.replace(screen, terminal)
    return text


def cli_hint(error: StationError) -> str | None:
    """The error's hint in the command line's words."""
    hint = error.hint
    if not hint:
        return None
    for cls in type(error).__mro__:
        if cls in _CLI_HINTS and hint == getattr(cls, "default_hint", None):
            return _CLI_HINTS[cls]
    return cli_text(hint)
