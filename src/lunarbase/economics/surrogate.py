"""Steady-state surrogate of the operations stage: how He-3 output moves with the grade, the
release fraction, the miners' power draw and their MTBF, without running the simulation again.

He-3 per year = miners working x rate x fines fraction x grade x release (the closed form of
:func:`lunarbase.operations.expected_he3_kg_per_year`). Grade and release enter linearly. Miners
working is E[min(B, P)] for B ~ Binomial(miners, MTBF / (MTBF + MTTR)) up and power for P
miners at once (:func:`lunarbase.operations.expected_working_miners`), with P the mean power the
run had for its miners over their mean draw (their full draw times the share of the time they
could heat). The surrogate returns the *ratio* to the simulated case, which scales the simulated
shipments year by year; a test checks it against re-run simulations.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lunarbase.operations import OperationsResults, expected_working_miners
from lunarbase.typing import FloatArray

MULTIPLIERS = ("he3_grade_scale", "he3_release_scale", "miner_power_scale", "miner_mtbf_scale")
"""The surrogate's inputs: multipliers on the simulated grade, release fraction, miner draw
and MTBF [-], nominal 1."""


def _working(ops: OperationsResults, power_scale: FloatArray, mtbf_scale: FloatArray) -> FloatArray:
    mean_draw_kw = ops.miner_power_kw * max(ops.heat_use_fraction, 1e-12)
    powered = max(ops.power_for_miners_kw, 0.0) / (mean_draw_kw * power_scale)
    mtbf = ops.miner_mtbf_h * mtbf_scale
    return expected_working_miners(ops.miners_landed, powered, mtbf / (mtbf + ops.miner_mttr_h))


def he3_output_scale(x: Mapping[str, FloatArray], ops: OperationsResults) -> FloatArray:
    """He-3 output relative to the simulated run [-], per draw: ``he3_grade_scale`` x
    ``he3_release_scale`` x working miners at ``miner_power_scale`` x the draw and
    ``miner_mtbf_scale`` x the MTBF, over working miners as simulated (each multiplier [-],
    nominal 1; a missing one is 1)."""
    n = len(next(iter(x.values())))
    one = np.ones(n)
    grade = x.get("he3_grade_scale", one)
    release = x.get("he3_release_scale", one)
    power = x.get("miner_power_scale", one)
    mtbf = x.get("miner_mtbf_scale", one)
    nominal = float(_working(ops, np.ones(1), np.ones(1))[0])
    if nominal <= 0.0:
        return np.zeros(n)
    return np.asarray(grade * release * _working(ops, power, mtbf) / nominal)
