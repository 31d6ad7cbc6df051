"""Code 128 as ZPL's ``^BC`` means it: subsets chosen by the label, not by an optimiser.

General-purpose encoders pick their own code sets; ZPL labels pick them with invocation codes
(``>9 >: >;`` start A/B/C, ``>5 >6 >7`` switch, ``>8`` FNC1, ``>< >0 >=`` escaped characters), and
mode ``A`` (automatic), ``U`` (UCC case) and ``D`` (GS1) add their own rules. This module turns
field data into code values; the bar patterns come from python-barcode's Code 128 table.
"""

from __future__ import annotations

from dataclasses import dataclass

from barcode.charsets import code128 as _table

START_A, START_B, START_C = 103, 104, 105
CODE_A, CODE_B, CODE_C = 101, 100, 99
FNC1, FNC2, FNC3, SHIFT = 102, 97, 96, 98
STOP_PATTERN = _table.STOP + "11"


@dataclass(frozen=True)
class Code128:
    """Code values (start, data, check, no stop), and the human-readable text."""

    values: tuple[int, ...]
    text: str
    skipped: int = 0  # characters that could not be encoded in their subset (dropped)

    def modules(self) -> list[bool]:
        pattern = "".join(_table.CODES[v] for v in self.values) + STOP_PATTERN
        return [c == "1" for c in pattern]


def is_digits(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts "²" and other digits ``int`` refuses."""
    return bool(text) and all("0" <= c <= "9" for c in text)


def _value(ch: str, subset: str) -> int | None:
    code = ord(ch)
    if subset == "A":
        if 32 <= code <= 95:
            return code - 32
        if code < 32:
            return code + 64
        return None
    if 32 <= code <= 127:
        return code - 32
    return None


def _char(value: int, subset: str) -> str:
    """The data a code value stands for in ``subset``."""
    if subset == "C":
        return f"{value:02d}"
    if subset == "A" and value >= 64:
        return chr(value - 64)
    return chr(value + 32)


def _with_check(values: list[int]) -> tuple[int, ...]:
    total = values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))
    return (*values, total % 103)


def mod10(digits: str) -> str:
    """GS1 mod-10 check digit (weights 3,1 from the right)."""
    total = sum((ord(d) - 48) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


_INVOCATION = {"<": 62, "0": 30, "=": 94, "1": 95, "2": FNC3, "3": FNC2, "4": SHIFT, "8": FNC1}


def encode_manual(data: str) -> Code128:
    """Mode N: start subset B unless the data starts with ``>9``/``>:``/``>;``."""
    subset = "B"
    values: list[int] = []
    text: list[str] = []
    skipped = 0
    latched = shifted = False
    i = 0
    if data[:2] in (">9", ">:", ">;"):
        subset = {">9": "A", ">:": "B", ">;": "C"}[data[:2]]
        i = 2
    values.append({"A": START_A, "B": START_B, "C": START_C}[subset])
    n = len(data)
    while i < n:
        ch = data[i]
        if ch == ">" and i + 1 < n:
            code = data[i + 1]
            i += 2
            if code == "5":
                if subset == "C":
                    text.append("99")  # value 99 in subset C is the digits 99
                subset = "C"
                values.append(CODE_C)
            elif code == "6":
                if subset == "B":
                    values.append(100)  # FNC4 in subset B: the next character + 128
                    latched, shifted = (not latched, False) if shifted else (latched, True)
                else:
                    subset = "B"
                    values.append(CODE_B)
            elif code == "7":
                if subset == "A":
                    values.append(101)  # FNC4 in subset A
                    latched, shifted = (not latched, False) if shifted else (latched, True)
                else:
                    subset = "A"
                    values.append(CODE_A)
            elif code in _INVOCATION:
                invoked = _INVOCATION[code]
                values.append(invoked)
                if code in "<0=":
                    char = _char(invoked, subset)
                    if subset != "C":
                        if latched != shifted:
                            char = chr(ord(char) + 128)
                        # a pending FNC4 applies to the next A/B character: scanners keep it
                        # across subset C digit pairs, so only an A/B character consumes it
                        shifted = False
                    text.append(char)
            elif code in "9:;":
                skipped += 1  # a start code in the middle: ignored as a printer does
            else:
                skipped += 1
            continue
        if subset == "C":
            pair = data[i : i + 2]
            if len(pair) == 2 and is_digits(pair):
                values.append(int(pair))
                text.append(pair)
                i += 2
                continue
            # A lone digit or a letter in subset C: fall back to B for it, like a printer's
            # "best effort", and report it.
            subset = "B"
            values.append(CODE_B)
            skipped += 1
            continue
        char_value = _value(ch, subset)
        if char_value is None:
            skipped += 1
        else:
            values.append(char_value)
            # one FNC4 extends the next character; two in a row latch (or unlatch) extension
            text.append(chr(ord(ch) + 128) if latched != shifted else ch)
            shifted = False
        i += 1
    return Code128(_with_check(values), "".join(text), skipped)


def encode_auto(data: str, *, fnc1_first: bool = False) -> Code128:
    """Mode A/D: subset C for runs of four or more digits, A for control characters, else B.

    ``>8`` still inserts FNC1 (GS1 separators).
    """
    parts: list[str | int] = []
    i = 0
    while i < len(data):
        if data.startswith(">8", i):
            parts.append(FNC1)
            i += 2
        else:
            parts.append(data[i])
            i += 1
    values: list[int] = []
    text: list[str] = []
    subset = ""
    skipped = 0
    i = 0
    n = len(parts)

    def digit_run(start: int) -> int:
        k = start
        while k < n and isinstance(parts[k], str) and is_digits(str(parts[k])):
            k += 1
        return k - start

    def switch(to: str) -> None:
        nonlocal subset
        if not subset:
            values.append({"A": START_A, "B": START_B, "C": START_C}[to])
        elif subset != to:
            values.append({"A": CODE_A, "B": CODE_B, "C": CODE_C}[to])
        subset = to

    if fnc1_first:
        run = digit_run(0)
        switch("C" if run >= 2 else "B")
        values.append(FNC1)
    while i < n:
        part = parts[i]
        if isinstance(part, int):
            if not subset:
                switch("C" if digit_run(i + 1) >= 4 else "B")
            values.append(part)
            i += 1
            continue
        run = digit_run(i)
        if run >= 4 or (subset == "C" and run >= 2):
            if run % 2 and subset != "C":
                # odd run: the first digit in A/B (digits have the same value in both)
                if not subset:
                    switch("B")
                values.append(ord(part) - 32)
                text.append(part)
                i += 1
                run -= 1
            switch("C")
            while run >= 2:
                pair = str(parts[i]) + str(parts[i + 1])
                values.append(int(pair))
                text.append(pair)
                i += 2
                run -= 2
            continue
        if ord(part) < 32:
            switch("A")
        elif subset not in ("A", "B") or (subset == "A" and _value(part, "A") is None):
            switch("B")
        value = _value(part, subset)
        if value is None:
            skipped += 1
        else:
            values.append(value)
            text.append(part)
        i += 1
    if not subset:
        switch("B")
    return Code128(_with_check(values), "".join(text), skipped)


def encode_ucc_case(data: str) -> Code128:
    """Mode U: 19 digits (zero-padded or cut) plus a mod-10 digit, FNC1 first, subset C."""
    digits = "".join(c for c in data if is_digits(c))[:19].ljust(19, "0")
    full = digits + mod10(digits)
    values = [START_C, FNC1, *(int(full[k : k + 2]) for k in range(0, 20, 2))]
    return Code128(_with_check(values), full)


def encode_gs1(data: str) -> tuple[Code128, str]:
    """Mode D: parentheses and spaces are for people; FNC1 starts the symbol.

    Returns the symbol and the interpretation line (with the parentheses kept).
    """
    readable = data.replace(">8", "")
    stripped = data.replace("(", "").replace(")", "").replace(" ", "")
    symbol = encode_auto(stripped, fnc1_first=True)
    return symbol, readable
