"""The wedge decoder: scans are recognised, typing is handed back, nothing is lost (no Qt)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from station.ui.scan_decoder import DecoderConfig, Keystroke, Replay, Scanned, WedgeDecoder

CONFIG = DecoderConfig(max_inter_key_ms=55, min_length=3)
printable = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\r\n\t"
)


def feed_all(decoder: WedgeDecoder, events: list[tuple[Keystroke, float]]) -> list[object]:
    actions: list[object] = []
    for key, at in events:
        actions += decoder.feed(key, at)
    actions += decoder.expire()
    return actions


def keys(text: str) -> list[Keystroke]:
    return [Keystroke(c) for c in text]


def enter() -> Keystroke:
    return Keystroke("\r", terminator="CR")


def test_a_fast_burst_with_enter_is_a_scan() -> None:
    decoder = WedgeDecoder(CONFIG)
    events = [(k, i * 5.0) for i, k in enumerate([*keys("2AUW63W3"), enter()])]
    actions = feed_all(decoder, events)
    assert [a for a in actions if isinstance(a, Scanned)] == [
        Scanned("2AUW63W3", tuple(k for k, _ in events))
    ]
    assert not [a for a in actions if isinstance(a, Replay)]


def test_slow_typing_is_replayed_in_order() -> None:
    decoder = WedgeDecoder(CONFIG)
    events = [(k, i * 180.0) for i, k in enumerate([*keys("12.5"), enter()])]
    actions = feed_all(decoder, events)
    replayed = [k.text for a in actions if isinstance(a, Replay) for k in a.keys]
    assert "".join(replayed) == "12.5\r"
    assert not any(isinstance(a, Scanned) for a in actions)


def test_short_fast_burst_is_typing() -> None:
    decoder = WedgeDecoder(CONFIG)
    actions = feed_all(decoder, [(Keystroke("1"), 0.0), (Keystroke("2"), 10.0), (enter(), 20.0)])
    assert not any(isinstance(a, Scanned) for a in actions)


def test_prefix_and_suffix_are_required_and_removed() -> None:
    config = DecoderConfig(prefix="]C1", suffix="#", min_length=3)
    decoder = WedgeDecoder(config)
    events = [(k, float(i)) for i, k in enumerate([*keys("]C1ABC123#"), enter()])]
    actions = feed_all(decoder, events)
    assert [a.text for a in actions if isinstance(a, Scanned)] == ["ABC123"]
    decoder = WedgeDecoder(config)
    events = [(k, float(i)) for i, k in enumerate([*keys("ABC123"), enter()])]
    assert not any(isinstance(a, Scanned) for a in feed_all(decoder, events))


def test_tab_terminator_only_when_enabled() -> None:
    tab = Keystroke("\t", terminator="TAB")
    decoder = WedgeDecoder(DecoderConfig(terminators=("CR",)))
    events = [(k, float(i)) for i, k in enumerate([*keys("ABCDEF"), tab])]
    actions = feed_all(decoder, events)
    assert not any(isinstance(a, Scanned) for a in actions)
    decoder = WedgeDecoder(DecoderConfig(terminators=("TAB",)))
    assert [a.text for a in feed_all(decoder, events) if isinstance(a, Scanned)] == ["ABCDEF"]


@given(
    st.lists(
        st.tuples(
            st.one_of(printable.map(Keystroke), st.just(enter()), st.just(Keystroke(""))),
            st.floats(min_value=0, max_value=400, allow_nan=False),
        ),
        max_size=60,
    )
)
def test_every_key_is_scanned_or_replayed_exactly_once(
    script: list[tuple[Keystroke, float]],
) -> None:
    decoder = WedgeDecoder(CONFIG)
    now = 0.0
    fed: list[Keystroke] = []
    out: list[Keystroke] = []
    for key, gap in script:
        now += gap
        key = Keystroke(key.text, key.terminator, token=object())  # identity per key press
        fed.append(key)
        for action in decoder.feed(key, now):
            out += list(action.keys)
    for action in decoder.expire():
        out += list(action.keys)
    assert [id(k.token) for k in out] == [id(k.token) for k in fed]
    assert not decoder.pending


@given(
    st.text(alphabet=st.characters(codec="ascii", categories=("L", "N")), min_size=3, max_size=40)
)
def test_any_fast_code_ending_with_enter_is_one_scan_of_itself(code: str) -> None:
    decoder = WedgeDecoder(CONFIG)
    events = [(k, i * 3.0) for i, k in enumerate([*keys(code), enter()])]
    actions = feed_all(decoder, events)
    assert [a.text for a in actions if isinstance(a, Scanned)] == [code]
    assert not any(isinstance(a, Replay) for a in actions)
