"""Steady-state surrogate of the operations stage: how He-3 output moves with the grade, the
release fraction, the miners' power draw, their MTBF and the plant's power, without running the
simulation again.

He-3 per year = miners working x rate x fines fraction x grade x release (the closed form of
:func:`lunarbase.operations.expected_he3_kg_per_year`). Grade and release enter linearly. Miners
working is E[min(B, P)] for B ~ Binomial(miners, MTBF / (MTBF + MTTR)) up and power for P miners at
once (:func:`lunarbase.operations.expected_working_miners`), with P the mean power the run had for
its miners over their mean draw (their full draw times the share of the time they could heat). A
plant of another power (``reactor_power_scale``, or the share of it that arrived when landings fail)
changes that mean power by the change in mean fission output; the solar output and the base load
stay as simulated. Simplification, stated: the plant's power changes the mean power only (no new
outage pattern, no commissioning of other units), and the landing plan is the simulated one (a plant
of fewer units would fly fewer landings: its mass and cost are scaled by the economics model,
:mod:`.montecarlo`, not its dates). The surrogate returns the *ratio* to the simulated case, which
scales the simulated shipments year by year; a test checks it against re-run simulations.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.operations import OperationsResults, expected_working_miners
from lunarbase.typing import FloatArray

MULTIPLIERS = (
    "he3_grade_scale",
    "he3_release_scale",
    "miner_power_scale",
    "miner_mtbf_scale",
    "reactor_power_scale",
)
"""The surrogate's inputs: multipliers on the simulated grade, release fraction, miner draw,
MTBF and plant power [-], nominal 1."""

ARRIVALS = ("miners_arrived", "plant_arrived_scale")
"""What the Monte Carlo's landing failures change: miners that reached the surface [count]
(default: as simulated) and the plant power that did over what the run had [-] (default 1)."""


def miners_on_the_moon(ops: OperationsResults) -> int:
    """Miners that landed in the simulated run (those on failed landings never did). [count]"""
    return int(ops.miners_landed)


def fission_mean_kw(ops: OperationsResults) -> float:
    """Mean electric output of the fission plant over the simulated run [kW]."""
    hours = len(ops.annual) * HOURS_PER_YEAR
    return ops.total("fission_energy_mwh") * 1e3 / hours if hours > 0.0 else 0.0


def _working(
    ops: OperationsResults,
    power_scale: FloatArray,
    mtbf_scale: FloatArray,
    miners: FloatArray | None = None,
    plant_scale: FloatArray | None = None,
) -> FloatArray:
    """Expected working miners per draw, for ``miners`` on the Moon (default: as simulated)
    and a plant of ``plant_scale`` x the simulated one's output."""
    mean_draw_kw = ops.miner_power_kw * max(ops.heat_use_fraction, 1e-12)
    extra_kw = 0.0 if plant_scale is None else (plant_scale - 1.0) * fission_mean_kw(ops)
    power = np.maximum(ops.power_for_miners_kw + extra_kw, 0.0)
    powered = np.asarray(power / (mean_draw_kw * np.asarray(power_scale)))
    mtbf = ops.miner_mtbf_h * mtbf_scale
    availability = np.broadcast_to(mtbf / (mtbf + ops.miner_mttr_h), powered.shape)
    if miners is None:
        return expected_working_miners(miners_on_the_moon(ops), powered, availability)
    counts = np.broadcast_to(np.asarray(miners, dtype=int), powered.shape)
    out = np.zeros(powered.shape)
    for count in np.unique(counts):  # a few distinct fleets: one binomial each
        pick = counts == count
        out[pick] = expected_working_miners(int(count), powered[pick], availability[pick])
    return out


def he3_output_scale(x: Mapping[str, FloatArray], ops: OperationsResults) -> FloatArray:
    """He-3 output relative to the simulated run [-], per draw: ``he3_grade_scale`` x
    ``he3_release_scale`` x working miners at ``miner_power_scale`` x the draw and
    ``miner_mtbf_scale`` x the MTBF, with ``miners_arrived`` miners on the Moon [count] and a plant
    of ``reactor_power_scale`` x ``plant_arrived_scale`` x the simulated plant's output (the Monte
    Carlo's landing failures, :data:`ARRIVALS`), over working miners as simulated (each multiplier
    [-], nominal 1; a missing one is 1, a missing count the simulated one)."""
    n = len(next(iter(x.values())))
    one = np.ones(n)
    grade = x.get("he3_grade_scale", one)
    release = x.get("he3_release_scale", one)
    power = x.get("miner_power_scale", one)
    mtbf = x.get("miner_mtbf_scale", one)
    nominal = float(_working(ops, np.ones(1), np.ones(1))[0])
    if nominal <= 0.0:
        return np.zeros(n)
    plant = x.get("reactor_power_scale", one) * x.get("plant_arrived_scale", one)
    working = _working(ops, power, mtbf, x.get("miners_arrived"), plant)
    return np.asarray(grade * release * working / nominal)
