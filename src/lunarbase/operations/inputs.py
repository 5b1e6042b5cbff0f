"""What the operations stage reads from the stages before it: the mining feed (resources stage)
and the light at the base and the mining area (sites stage), read hour by hour."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lunarbase.errors import ScenarioError
from lunarbase.operations.hourly import hourly_from_series
from lunarbase.resources import ResourceResults
from lunarbase.terrain import PointCriteria
from lunarbase.typing import FloatArray


@dataclass(frozen=True)
class MiningFeed:
    """What the miners dig, from the resources stage's results (see :func:`feed_from`).

    Attributes
    ----------
    he3_fines_ppb : float
        He-3 grade of the fines below the sieve cut. [ppb]
    fines_mass_fraction : float
        Mass fraction of the excavated regolith below the cut, which is heated. [-]
    th_ppm : float
        Thorium grade of the excavated regolith (REE follow the KREEP pattern). [ppm]
    he4_he3_atom_ratio : float
        4He/3He atom ratio of the implanted helium (the He-4 by-product). [-]
    regolith_density_kg_m3 : float
        Bulk density of the mined layer. [kg/m^3]
    mining_depth_m : float
        Depth the miners dig to. [m]
    """

    he3_fines_ppb: float
    fines_mass_fraction: float
    th_ppm: float
    he4_he3_atom_ratio: float
    regolith_density_kg_m3: float
    mining_depth_m: float

    def __post_init__(self) -> None:
        if not self.he3_fines_ppb >= 0.0:
            raise ValueError(f"he3_fines_ppb must be >= 0 (got {self.he3_fines_ppb!r})")
        if not 0.0 <= self.fines_mass_fraction <= 1.0:
            raise ValueError(
                f"fines_mass_fraction must be in [0, 1] (got {self.fines_mass_fraction!r})"
            )


def feed_from(resources: ResourceResults) -> MiningFeed:
    """The mining area's feed from the resources stage's results."""
    return MiningFeed(
        he3_fines_ppb=resources.mining_he3_fines_ppb,
        fines_mass_fraction=resources.fines_mass_fraction,
        th_ppm=resources.mining_th_ppm,
        he4_he3_atom_ratio=resources.he4_he3_atom_ratio,
        regolith_density_kg_m3=resources.regolith_density_kg_m3,
        mining_depth_m=resources.mining_depth_m,
    )


@dataclass(frozen=True)
class SiteLight:
    """The light the base and the miners see, (see :func:`light_from`).

    Attributes
    ----------
    step_h : float
        Time step of the series [h]; hour 0 of operations is the series' first time.
    base_sun_fraction : array
        Visible fraction of the Sun's disk at the base, at the terrain stage's observer height
        (the arrays' mast) [-].
    mining_sun_fraction : array
        The same where the miners work [-] (the base's when they work around it).
    horizon : str
        ``"dem"`` (the horizon of the polar DEMs) or ``"flat"`` (a level horizon).
    start_utc : str
        UTC time of the first sample (the start of operations).
    """

    step_h: float
    base_sun_fraction: FloatArray
    mining_sun_fraction: FloatArray
    horizon: str
    start_utc: str


def light_from(base: PointCriteria, mining_area: PointCriteria | None = None) -> SiteLight:
    """The base's and the mining area's light series (the sites stage's ``base`` and
    ``mining_area``).

    Parameters
    ----------
    base : lunarbase.terrain.PointCriteria
        The base site, with its light series.
    mining_area : lunarbase.terrain.PointCriteria, optional
        The centre of the mining area when the miners work away from the base.

    Raises
    ------
    ScenarioError
        A point has no light series (none is needed to simulate).
    """
    where = mining_area or base
    if base.light is None or where.light is None:
        raise ScenarioError("sites: no light series at the base for the energy balance")
    return SiteLight(
        step_h=float(base.light.step_h),
        base_sun_fraction=np.asarray(base.light.columns["sun_fraction"], dtype=float),
        mining_sun_fraction=np.asarray(where.light.columns["sun_fraction"], dtype=float),
        horizon=str(base.horizon),
        start_utc=str(np.datetime_as_string(base.light.times[0], unit="m")),
    )


def hourly_light(light: SiteLight | None, name: str, n_hours: int) -> tuple[FloatArray, bool]:
    """One of the light series read hour by hour (repeated if short); full Sun without one."""
    if light is None:
        return np.ones(n_hours), False
    return hourly_from_series(getattr(light, name), light.step_h, n_hours)
