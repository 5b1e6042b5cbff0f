"""Masses of what lands: fission units, miners, solar concentrators and the spares repairs use.

Each mass follows from a cited figure by a stated rule, the same rule in every scenario:

* **Fission units** (:func:`fission_unit_mass_kg`): a power law ``m = a P^b`` fitted (least
  squares in log-log) through published surface fission systems (:data:`SURFACE_FISSION_POINTS`):
  NASA's Fission Surface Power requirements, <= 6 t for >= 40 kWe (RFP 2021) and < 15 t for
  >= 100 kWe (GRC RFI 2025), and a 3 kWe, 775 kg surface system ("Small fission power systems for
  Mars", abstract). The requirements are upper bounds taken as the masses. The fit gives
  b = 0.83 (about 140 kg/kWe at 100 kWe, 107 kg/kWe at 500 kWe). *Disagreement, stated*: the
  early-1990s SP-100 closed-Brayton studies for stationary lunar outpost plants found 22.0
  kg/kWe at 550 kWe and 27.2 kg/kWe at 825 kWe ("SP100/closed Brayton cycle options for the
  lunar outpost consolidation and utilization phase stationary powerplants", abstract; such
  plants emplace the reactor in regolith, cf. Mason et al. 1992, NASA TM-105637); the law here
  carries its own shield, as a unit deployed from a lander deck (FSP) does, so at 500 kWe it is
  about 5x heavier than a plant that digs itself in. Each landing's
  ``reactor_kwe`` is one unit.
* **Miners** (:func:`miner_mass_kg`): a power law in excavation rate through two cited designs,
  NASA's RASSOR excavator (< 100 kg; 35 trips of 20 kg every 24 h, 700 kg/day; Gill & Mueller
  2015, NTRS 20150022134) and the Wisconsin Mark III miner (< 10 t at 1,258 t/h; Gajda 2006,
  UWFDM-1304; Olson 2021, NTRS 20210022801): b = 0.43, 3.35 t at 100 t/h. RASSOR digs only; the
  Mark III also heats and separates, so the law is a rough one (assumption range of the exponent
  0.3-1).
* **Solar concentrators** (:func:`concentrator_mass_kg`): aperture = heat / (solar flux x
  optical efficiency), x an areal mass; 1,361 W/m^2 at 1 au (Kopp & Lean 2011, GRL 38:L01706),
  optical efficiency 0.78 of lightweight CFRP concentrator mirrors under AM0 (Vaidya et al.
  2018, arXiv:1810.09529).
* **Spares** (:func:`expected_repairs`): miner-hours up over the MTBF.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lunarbase.typing import ArrayLike, FloatArray

SOLAR_FLUX_W_M2 = 1361.0
"""Total solar irradiance at 1 au [W/m^2] (Kopp & Lean 2011, GRL 38:L01706)."""

CONCENTRATOR_OPTICAL_EFFICIENCY = 0.78
"""Heat on the receiver per sunlight on the aperture [-]: lightweight CFRP concentrator mirrors
under an AM0 simulator (Vaidya et al. 2018, arXiv:1810.09529)."""


@dataclass(frozen=True)
class MassPoint:
    """A published design: its rating, its mass and where both come from.

    Attributes
    ----------
    rating : float
        Electric power [kWe] (fission) or excavation rate [t/h] (miners).
    mass_kg : float
        Its mass (an upper bound where the source gives one). [kg]
    source : str
        The design and its citation.
    """

    rating: float
    mass_kg: float
    source: str


SURFACE_FISSION_POINTS = (
    MassPoint(
        3.0,
        775.0,
        "3 kWe heat-pipe reactor with Stirling conversion for the Mars surface, 775 kg "
        "('Small fission power systems for Mars', abstract)",
    ),
    MassPoint(
        40.0,
        6_000.0,
        "NASA/INL Fission Surface Power RFP (2021): >= 40 kWe for 10 years, <= 6,000 kg",
    ),
    MassPoint(
        100.0,
        15_000.0,
        "NASA GRC Fission Surface Power System RFI (2025): >= 100 kWe, < 15 t",
    ),
)
"""Published surface fission systems: electric power [kWe] and system mass [kg]."""

MINER_POINTS = (
    MassPoint(
        0.7 / 24.0,
        100.0,
        "NASA RASSOR excavator: < 100 kg, 35 trips of 20 kg every 24 h (Gill & Mueller 2015, "
        "NTRS 20150022134)",
    ),
    MassPoint(
        1258.0,
        10_000.0,
        "Wisconsin Mark III miner: < 10 t (Gajda 2006, UWFDM-1304), 1,258 t/h (Olson 2021, "
        "NTRS 20210022801)",
    ),
)
"""Published excavators and miners: excavation rate [t/h] and mass [kg]."""


@dataclass(frozen=True)
class PowerLaw:
    """``mass_kg = coefficient_kg x (rating / reference)^exponent``, fitted to points.

    Attributes
    ----------
    coefficient_kg : float
        Mass at the reference rating. [kg]
    reference : float
        Reference rating (units of the points' ratings).
    exponent : float
        Scaling exponent. [-]
    """

    coefficient_kg: float
    reference: float
    exponent: float

    def __call__(self, rating: ArrayLike) -> FloatArray:
        ratio = np.asarray(rating, dtype=float) / self.reference
        return np.asarray(self.coefficient_kg * ratio**self.exponent)


def fit_power_law(points: tuple[MassPoint, ...], reference: float) -> PowerLaw:
    """Least-squares line through ``(log rating, log mass)`` of ``points`` (at least two).

    Parameters
    ----------
    points : tuple of MassPoint
        Published designs.
    reference : float
        Rating at which the coefficient is stated (units of the ratings).
    """
    if len(points) < 2:
        raise ValueError(f"a power law needs two points or more (got {len(points)})")
    log_rating = np.log([p.rating / reference for p in points])
    log_mass = np.log([p.mass_kg for p in points])
    exponent, intercept = np.polyfit(log_rating, log_mass, 1)
    return PowerLaw(float(np.exp(intercept)), reference, float(exponent))


FISSION_UNIT_LAW = fit_power_law(SURFACE_FISSION_POINTS, reference=100.0)
"""System mass of one surface fission unit [kg] against its power [kWe]."""

MINER_LAW = fit_power_law(MINER_POINTS, reference=1258.0)
"""Landed mass of one miner [kg] against its excavation rate [t/h]."""


def fission_unit_mass_kg(power_kwe: ArrayLike, *, scale: float = 1.0) -> FloatArray:
    """Landed mass of one surface fission unit of ``power_kwe`` [kWe], shield and conversion
    included: :data:`FISSION_UNIT_LAW` x ``scale`` [kg] (0 for no unit).

    Parameters
    ----------
    power_kwe : float or array
        Electric rating of the unit. [kWe]
    scale : float, default 1
        Multiplier on the law (its uncertainty). [-]
    """
    power = np.asarray(power_kwe, dtype=float)
    if np.any(power < 0.0):
        raise ValueError(f"power_kwe must be >= 0 (got {power_kwe!r})")
    return np.asarray(
        np.where(power > 0.0, FISSION_UNIT_LAW(np.maximum(power, 1e-12)), 0.0) * scale
    )


def miner_mass_kg(excavation_t_per_h: ArrayLike, *, scale: float = 1.0) -> FloatArray:
    """Landed mass of one miner digging ``excavation_t_per_h`` [t/h]: :data:`MINER_LAW` x
    ``scale`` [kg]; 10 t at the Mark III's 1,258 t/h, 3.35 t at 100 t/h."""
    rate = np.asarray(excavation_t_per_h, dtype=float)
    if np.any(rate <= 0.0):
        raise ValueError(f"excavation_t_per_h must be > 0 (got {excavation_t_per_h!r})")
    return np.asarray(MINER_LAW(rate) * scale)


def concentrator_aperture_m2(
    heat_kw_th: ArrayLike,
    *,
    solar_flux_w_m2: float = SOLAR_FLUX_W_M2,
    optical_efficiency: float = CONCENTRATOR_OPTICAL_EFFICIENCY,
) -> FloatArray:
    """Aperture a solar concentrator needs to deliver ``heat_kw_th`` [kW(th)] in full Sun:
    heat / (flux x optical efficiency) [m^2] (about 1,880 m^2 for 2 MW(th))."""
    if not solar_flux_w_m2 > 0.0 or not 0.0 < optical_efficiency <= 1.0:
        raise ValueError(
            f"solar_flux_w_m2 must be > 0 and optical_efficiency in (0, 1] (got "
            f"{solar_flux_w_m2!r}, {optical_efficiency!r})"
        )
    heat_w = np.asarray(heat_kw_th, dtype=float) * 1e3
    return np.asarray(heat_w / (solar_flux_w_m2 * optical_efficiency))


def concentrator_mass_kg(heat_kw_th: ArrayLike, areal_mass_kg_m2: float) -> FloatArray:
    """Mass of a solar concentrator delivering ``heat_kw_th`` [kW(th)]: its
    :func:`concentrator_aperture_m2` x ``areal_mass_kg_m2`` [kg/m^2] -> [kg]."""
    if not areal_mass_kg_m2 >= 0.0:
        raise ValueError(f"areal_mass_kg_m2 must be >= 0 (got {areal_mass_kg_m2!r})")
    return np.asarray(concentrator_aperture_m2(heat_kw_th) * areal_mass_kg_m2)


def expected_repairs(miner_hours: ArrayLike, mtbf_h: float, mttr_h: float) -> FloatArray:
    """Expected miner repairs over ``miner_hours`` [h] on the Moon: the hours up,
    ``miner_hours x MTBF / (MTBF + MTTR)``, over the MTBF (a renewal process) [count]."""
    if not mtbf_h > 0.0 or not mttr_h >= 0.0:
        raise ValueError(f"mtbf_h must be > 0 and mttr_h >= 0 (got {mtbf_h!r}, {mttr_h!r})")
    hours = np.asarray(miner_hours, dtype=float)
    return np.asarray(hours / (mtbf_h + mttr_h))
