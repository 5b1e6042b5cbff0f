"""The progress display, fed by a fake progress source and a fake clock: Rich bars with counts
and a time estimate on a terminal, plain lines in a log (not a terminal)."""

from __future__ import annotations

import io

from rich.console import Console

from lunarbase.cli.progress import clock_text, progress, unit_of


class FakeClock:
    """Seconds that advance only when a test says so."""

    def __init__(self) -> None:
        self.now_s = 100.0

    def __call__(self) -> float:
        return self.now_s


def first_run(tick: object, clock: FakeClock) -> None:
    """A stage around 64 azimuths of horizons, one every 2 s, then a 3-cell refinement."""
    assert callable(tick)
    tick("terrain", 0, 1)
    for done in range(0, 65, 8):
        tick("horizons", done, 64)
        clock.now_s += 16.0
    tick("terrain", 1, 1)
    for done in (1, 2, 3):
        tick("ilrs-2035: refine", done, 3)


def test_a_log_gets_plain_lines_with_counts_and_estimates() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, width=100)
    clock = FakeClock()
    with progress(console=console, clock=clock) as tick:
        first_run(tick, clock)
    assert buffer.getvalue().splitlines() == [
        "- terrain ...",
        "- horizons ...",
        "  horizons 16/64 azimuths, 0:00:32 elapsed, ~0:01:36 left",
        "  horizons 32/64 azimuths, 0:01:04 elapsed, ~0:01:04 left",
        "  horizons 48/64 azimuths, 0:01:36 elapsed, ~0:00:32 left",
        "- horizons done: 64 azimuths in 0:02:08",
        "- terrain done in 0:02:24",
        "- ilrs-2035: refine ...",
        "  ilrs-2035: refine 1/3 cells, 0:00:00 elapsed, ~0:00:00 left",
        "  ilrs-2035: refine 2/3 cells, 0:00:00 elapsed, ~0:00:00 left",
        "- ilrs-2035: refine done: 3 cells in 0:00:00",
    ]


def test_a_terminal_gets_bars_with_counts_and_the_time_left() -> None:
    """Half-way through, the horizons bar shows its count, the time spent and the time left
    (Rich's estimate from the fake clock: 32 azimuths in 64 s, 32 to go); a stage shows no
    count."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=120, color_system=None)
    clock = FakeClock()
    shown = progress(console=console, clock=clock)
    with shown as tick:
        tick("terrain", 0, 1)
        for done in range(0, 33, 8):
            tick("horizons", done, 64)
            clock.now_s += 16.0
        clock.now_s -= 16.0
        bar = shown.bar
        assert bar is not None
        half_way = Console(file=io.StringIO(), width=120, color_system=None)
        half_way.print(bar.get_renderable())
    lines = half_way.file.getvalue().splitlines()  # type: ignore[attr-defined]
    terrain = next(line for line in lines if line.startswith("terrain"))
    horizons = next(line for line in lines if line.startswith("horizons"))
    assert "/" not in terrain and "left" not in terrain
    assert "32/64 azimuths" in horizons
    assert "0:01:04" in horizons.split("32/64 azimuths")[1]  # elapsed
    assert "~0:01:04 left" in horizons
    assert "horizons" in buffer.getvalue()  # drawn to the terminal itself


def test_units_and_clock_text() -> None:
    assert [unit_of(s) for s in ("horizons", "light", "a: refine", "terrain")] == [
        "azimuths",
        "pixels",
        "cells",
        "",
    ]
    assert clock_text(3725.4) == "1:02:05"
