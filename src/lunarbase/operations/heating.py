"""Heating the fines: specific heat of regolith cp(T), sensible heat and heater thermal power.

A heater that brings fines from their inlet temperature to a set temperature needs, per kg,
the integral of cp(T) over that span; a counter-flow exchanger that recuperates a fraction
``r`` of the heat from the spent fines (85 % in the Wisconsin M-3 miner [3]_) needs only
``(1 - r)`` of it from its source:

    P_th = mass flow x integral(cp dT, T_in..T_set) x (1 - r)

Specific-heat models are picked by an author-year name (``model="biele2022"``), as the He-3
grade models are; each has the temperature range it was fitted to and refuses to run outside it
(a one-line error), because a polynomial fitted below 400 K is wrong at 973 K:

``hayne2017``
    Hayne et al. (2017) eq. A6 [1]_, a quartic in T fitted to lunar-sample data at ~90-400 K
    (extrapolated to 973 K it gives 1.52 kJ/kg/K, which is implausibly high).
``biele2022``
    Biele et al. (2022) eq. 24 [2]_ for lunar regolith: ``ln cp`` as a rational function of
    ``ln T`` with the Debye T^3 limit, for ~10-1000 K. **The coefficients are as transcribed in
    P. Hayne's heat1d code and documentation (secondary); they were not re-read in the paper.**
    Default, because it is the only cited lunar fit reachable here that spans 700 C. Checked
    at 900 and 1000 K against the NIST-JANAF oxide heat capacities [5]_ summed over soil
    10084's composition (Neumann-Kopp): it reads 5-8 % above that sum
    (tests/validation/test_cp_published.py).

References
----------
.. [1] Hayne, P. O. et al. (2017) Global regolith thermophysical properties of the Moon from the
   Diviner Lunar Radiometer Experiment. JGR Planets 122:2371-2400, doi:10.1002/2017JE005387,
   eq. A6 (c0..c4 = -3.6125, 2.7431, 2.3616e-3, -1.2340e-5, 8.9093e-9; J/kg/K, T in K).
.. [2] Biele, J., Grott, M., Zolensky, M. E., Benisek, A. & Dachs, E. (2022) The specific heat
   of astro-materials: review of theoretical concepts, materials, and techniques. Int. J.
   Thermophys. 43:144, doi:10.1007/s10765-022-03046-5, eq. 24 (coefficients via heat1d,
   github.com/phayne/heat1d, python/docs/properties.md; secondary).
.. [3] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and
   Potential ISRU Synergies. AIAA ASCEND 2021, NTRS 20210022801 (M-3: 556 t/h of fines to
   700 C, 85 % heat recuperation, 12 MW solar concentrator).
.. [4] Robie, R. A., Hemingway, B. S. & Wilson, W. H. (1970) Specific heats of lunar surface
   materials from 90 to 350 degrees Kelvin. Science 167:749-750,
   doi:10.1126/science.167.3918.749 (soils 10057/10084: ~0.06 cal/g/K at 90 K to ~0.2 at
   350 K) -- the measurement the tests compare both models with.
.. [5] Chase, M. W., Jr. (1998) NIST-JANAF Thermochemical Tables, 4th ed. J. Phys. Chem. Ref.
   Data Monograph 9 (via the NIST Chemistry WebBook) -- Cp of SiO2, Al2O3, FeO, MgO at
   900-1000 K, the primary data of the high-temperature check.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.models import lookup
from lunarbase.typing import ArrayLike, FloatArray

KELVIN_AT_0C = 273.15
"""0 degC in kelvin [K]."""

HAYNE2017_CP_COEFFS = (-3.6125, 2.7431, 2.3616e-3, -1.2340e-5, 8.9093e-9)
"""c0..c4 of cp = sum c_i T^i [J/kg/K, T in K], Hayne et al. (2017) eq. A6 [1]_."""

BIELE2022_CP_COEFFS = MappingProxyType(
    {"p1": 3.0, "p2": -54.45, "p3": 306.8, "p4": -376.6, "q1": -16.81, "q2": 87.32}
)
"""ln cp = (p1 x^3 + p2 x^2 + p3 x + p4) / (x^2 + q1 x + q2), x = ln T [cp in J/kg/K, T in K],
Biele et al. (2022) eq. 24 [2]_ (as transcribed in heat1d; secondary)."""


def hayne2017_cp_j_per_kg_k(temperature_k: ArrayLike) -> FloatArray:
    """Specific heat of lunar regolith, Hayne et al. (2017) eq. A6 [J/kg/K] (T in K)."""
    t = np.asarray(temperature_k, dtype=float)
    return np.asarray(np.polynomial.polynomial.polyval(t, HAYNE2017_CP_COEFFS))


def biele2022_cp_j_per_kg_k(temperature_k: ArrayLike) -> FloatArray:
    """Specific heat of lunar regolith, Biele et al. (2022) eq. 24 [J/kg/K] (T in K)."""
    c = BIELE2022_CP_COEFFS
    x = np.log(np.asarray(temperature_k, dtype=float))
    num = c["p1"] * x**3 + c["p2"] * x**2 + c["p3"] * x + c["p4"]
    return np.asarray(np.exp(num / (x**2 + c["q1"] * x + c["q2"])))


@dataclass(frozen=True)
class SpecificHeatModel:
    """A named cp(T) of regolith and the temperature range it holds in.

    Attributes
    ----------
    name : str
        Author-year name used in scenario files.
    cp_j_per_kg_k : callable
        ``cp(T [K]) -> [J/kg/K]``, broadcasting over arrays.
    valid_k : (float, float)
        Temperatures the fit was made for [K]; outside, :func:`specific_heat_j_per_kg_k`
        refuses.
    reference : str
        Short citation.
    """

    name: str
    cp_j_per_kg_k: Callable[[ArrayLike], FloatArray]
    valid_k: tuple[float, float]
    reference: str


CP_MODELS: Mapping[str, SpecificHeatModel] = MappingProxyType(
    {
        "hayne2017": SpecificHeatModel(
            "hayne2017",
            hayne2017_cp_j_per_kg_k,
            (90.0, 400.0),
            "Hayne et al. 2017, JGR Planets 122:2371, eq. A6",
        ),
        "biele2022": SpecificHeatModel(
            "biele2022",
            biele2022_cp_j_per_kg_k,
            (10.0, 1000.0),
            "Biele et al. 2022, Int. J. Thermophys. 43:144, eq. 24 (coefficients via heat1d)",
        ),
    }
)
"""Registry of regolith specific-heat models by name."""


def get_cp_model(model: str | SpecificHeatModel) -> SpecificHeatModel:
    """The :class:`SpecificHeatModel` for a name (or the instance itself).

    Raises
    ------
    ScenarioError
        Unknown name; the message lists the allowed names.
    """
    return lookup(CP_MODELS, model, kind=SpecificHeatModel, field="operations.cp_model")


def _check_range(m: SpecificHeatModel, *temperatures_k: float) -> None:
    lo, hi = m.valid_k
    for t in temperatures_k:
        if not (math.isfinite(t) and lo <= t <= hi):
            raise ScenarioError(
                f"operations.cp_model: {m.name} holds for {lo:g}-{hi:g} K, not {t:g} K "
                f"({m.reference}); pick a model fitted to that temperature"
            )


def specific_heat_j_per_kg_k(
    temperature_k: ArrayLike, model: str | SpecificHeatModel = "biele2022"
) -> FloatArray:
    """Specific heat of regolith at ``temperature_k`` [J/kg/K] under ``model``.

    Raises
    ------
    ScenarioError
        A temperature outside the model's fitted range, or an unknown model.
    """
    m = get_cp_model(model)
    t = np.atleast_1d(np.asarray(temperature_k, dtype=float))
    _check_range(m, float(t.min()), float(t.max()))
    return np.asarray(m.cp_j_per_kg_k(np.asarray(temperature_k, dtype=float)))


def sensible_heat_j_per_kg(
    inlet_k: float, set_k: float, model: str | SpecificHeatModel = "biele2022"
) -> float:
    """Heat to bring 1 kg of regolith from ``inlet_k`` to ``set_k``: the integral of cp dT
    [J/kg] (Gauss-Legendre quadrature, exact to < 1e-9 for these smooth fits).

    Raises
    ------
    ScenarioError
        Either temperature outside the model's range, or ``set_k < inlet_k``.
    """
    m = get_cp_model(model)
    _check_range(m, inlet_k, set_k)
    if set_k < inlet_k:
        raise ScenarioError(
            f"operations.heater_temperature_c: the set point ({set_k - KELVIN_AT_0C:g} C) is "
            f"below the regolith inlet temperature ({inlet_k:g} K)"
        )
    nodes, weights = np.polynomial.legendre.leggauss(32)
    half = (set_k - inlet_k) / 2.0
    t = inlet_k + half * (nodes + 1.0)
    return float(half * np.sum(weights * m.cp_j_per_kg_k(t)))


def heater_power_kw_th(
    fines_t_per_h: float,
    *,
    inlet_k: float,
    set_k: float,
    recuperation_fraction: float,
    model: str | SpecificHeatModel = "biele2022",
) -> float:
    """Thermal power a heater needs for a steady flow of fines [kW(th)].

    Parameters
    ----------
    fines_t_per_h : float
        Fines heated [t/h], >= 0.
    inlet_k, set_k : float
        Temperature of the fines entering the heater and the set point [K].
    recuperation_fraction : float
        Fraction of the sensible heat recovered from the spent fines [-], in [0, 1).
    model : str or SpecificHeatModel
        cp(T) model, see :data:`CP_MODELS`.

    Returns
    -------
    float
        ``fines mass flow x integral(cp dT) x (1 - recuperation)`` [kW(th)].

    Raises
    ------
    ScenarioError
        A negative flow, a recuperation outside [0, 1), or a temperature outside the model.
    """
    if not (math.isfinite(fines_t_per_h) and fines_t_per_h >= 0.0):
        raise ScenarioError(f"fines_t_per_h = {fines_t_per_h!r} must be >= 0")
    if not 0.0 <= recuperation_fraction < 1.0:
        raise ScenarioError(
            f"operations.heat_recuperation_fraction = {recuperation_fraction!r} must be in [0, 1)"
        )
    kg_per_s = fines_t_per_h * 1000.0 / 3600.0
    heat = sensible_heat_j_per_kg(inlet_k, set_k, model)
    return kg_per_s * heat * (1.0 - recuperation_fraction) / 1000.0
