"""Progress of a command on stderr: Rich bars with counts and a time estimate on a terminal,
plain lines in a log or CI (not a terminal).

Every long step of the chain reports ``progress(step, done, total)`` (the
:data:`lunarbase.pipeline.Progress` protocol): the stages tick 0 and 1 of 1, the first run's
horizon maps count azimuths, the light maps pixels and the site refinement cells
(:data:`UNITS`). A step name may carry a prefix, ``"ilrs-2035: horizons"`` (compare).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.progress import ProgressColumn, Task
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console

UNITS = {"horizons": "azimuths", "light": "pixels", "refine": "cells"}
"""What the counted steps count, by step name; the stages count nothing (0 or 1 of 1)."""

LOG_EVERY = 0.25
"""In plain-line mode, a counted step prints a line each time it passes another quarter [-]."""


def unit_of(step: str) -> str:
    """What ``step`` counts (``""`` for a stage), a ``"name: "`` prefix ignored."""
    return UNITS.get(step.rsplit(": ", 1)[-1], "")


def clock_text(seconds: float) -> str:
    """``h:mm:ss`` of a duration [s]."""
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


@dataclass
class _Step:
    """One step as the plain-line mode follows it."""

    started_s: float
    logged: int = 0
    """Quarters already printed."""
    done: bool = False


class progress:
    """Context manager yielding ``tick(step, done, total)`` for :class:`~lunarbase.pipeline.Chain`.

    Parameters
    ----------
    console : rich.console.Console, optional
        Where progress goes (default the CLI's stderr console). On a terminal: one Rich bar per
        step with its count (``48/64 azimuths``), time elapsed and an estimate of the time
        left; otherwise one line when a step starts, one per quarter of a counted step with
        its count, elapsed time and estimate, and one when it ends.
    clock : callable, optional
        Monotonic time [s] (``time.monotonic``; tests pass a fake one).
    """

    def __init__(
        self, console: Console | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        from lunarbase.cli.options import err

        self.console = err if console is None else console
        self.clock = clock
        self.tasks: dict[str, Any] = {}
        self.steps: dict[str, _Step] = {}
        self.bar: Any = None

    def __enter__(self) -> Callable[[str, int, int], None]:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        if self.console.is_terminal:
            self.bar = Progress(
                TextColumn("{task.description:<11}"),
                BarColumn(),
                _CountColumn(),
                TimeElapsedColumn(),
                _LeftColumn(),
                console=self.console,
                get_time=self.clock,
            )
            self.bar.start()
        return self.tick

    def tick(self, step: str, done: int, total: int) -> None:
        """``done`` of ``total`` units of ``step`` finished."""
        if self.bar is not None:
            if step not in self.tasks:
                self.tasks[step] = self.bar.add_task(step, total=total, unit=unit_of(step))
            self.bar.update(self.tasks[step], completed=done, total=total)
        else:
            self._line(step, done, total)

    def _line(self, step: str, done: int, total: int) -> None:
        now = self.clock()
        state = self.steps.get(step)
        if state is None:
            state = self.steps[step] = _Step(started_s=now)
            self._print(f"- {step} ...")
        if state.done:
            return
        elapsed = now - state.started_s
        unit = unit_of(step)
        if done >= total:
            state.done = True
            count = f": {total:,} {unit}" if unit else ""
            self._print(f"- {step} done{count} in {clock_text(elapsed)}")
            return
        quarter = int(done / total / LOG_EVERY) if unit and total > 0 else 0
        if quarter > state.logged and done > 0:
            state.logged = quarter
            left = elapsed * (total - done) / done
            self._print(
                f"  {step} {done:,}/{total:,} {unit}, {clock_text(elapsed)} elapsed, "
                f"~{clock_text(left)} left"
            )

    def _print(self, line: str) -> None:
        self.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


class _CountColumn(ProgressColumn):
    """``48/64 azimuths`` for a counted step, nothing for a stage."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit", "")
        if not unit or task.total is None:
            return Text("")
        return Text(f"{int(task.completed):,}/{int(task.total):,} {unit}", "progress.download")


class _LeftColumn(ProgressColumn):
    """``~0:01:12 left`` while a counted step runs (Rich's estimate from its recent speed)."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("unit") or task.finished:
            return Text("")
        left = task.time_remaining
        text = "~?:??:?? left" if left is None else f"~{clock_text(left)} left"
        return Text(text, "progress.remaining")
