"""He-3 inventories of lunar regions: bin area x regolith depth x density x grade, with a
seeded Monte Carlo band.

:func:`he3_inventory` integrates bin area x regolith depth x bulk density x grade over the LP GRS
bins (Prettyman et al. 2006 [5]_) of a region (see :mod:`lunarbase.resources.regions`). The
uncertainty band is a Monte Carlo seeded with ``numpy.random.default_rng(seed)``; per draw:

* TiO2 of every bin ~ Normal(value, 1-sigma of the LP table), clipped at >= 0 (independent bins);
* the two fit anchors ~ Uniform over Taylor's ranges (15-50 ppm and 3-9 ppm He);
* the 4He/3He atom ratio ~ Uniform between 2350 (Apollo SWC foils [3]_) and 2700 + 130
  (Surveyor 3 [4]_), scaled by ``cfg.he4_he3_atom_ratio / 2700`` so that a scenario that moves
  the ratio moves the band with it;
* bulk density, mare depth and highland depth each x Uniform(0.8, 1.2), one factor per draw for
  the whole Moon (a systematic, not a per-bin, error);
* the depth profile of the gas (:func:`~lunarbase.resources.regolith.he3_depth_profile`): the
  gardened-layer thickness ~ ``cfg.gardened_depth_m`` x Uniform(2/3, 5/3) (2-5 m at the
  default 3 m) and the grade below it ~ Uniform(0, 1) x the surface grade, one pair per draw.
  :class:`Inventory` also reports the nominal inventory with the profile at its least (2 m,
  nothing below) and most gas (5 m, surface grade to the regolith base: the former uniform
  model) -- the inventory's sensitivity to the profile.

The magnetotail crossing time of ``fluence_tio2_line`` is not drawn: it stays at 4.1 d. The
6-day crossing of [15]_ (anchors and bins both at 6 d) raises that model's lunar inventory by
~27 % and its farside/nearside grade ratio at the equator from 1.66 to 2.28.

The band is not centred on the nominal value: the ratio band (2350-2830) has its middle below
2700, and clipping TiO2 draws at 0 lifts low-Ti bins, so the Monte Carlo mean exceeds the nominal
inventory by ~5 % with the default scenario.

The random stream does not depend on the region: all bins are drawn every time, so two calls
with the same seed and configuration see the same draws, and the mean and nominal inventories
of disjoint regions add up exactly to that of their union (percentiles do not add).

(Reference numbers are those of the former single He-3 module, kept so that citations in
tests and notes stay valid.)

References
----------
.. [3] Geiss, J. et al. (2004) The Apollo SWC experiment: results, conclusions, consequences.
   Space Sci. Rev. 110:307-335 -- solar-wind 4He/3He = 2350 +- 120 (2 sigma).
.. [4] Buhler, F., Eberhardt, P., Geiss, J. & Schwarzmuller, J. (1971) Trapped solar wind helium
   and neon in Surveyor 3 material. EPSL 10:297-306 -- 4He/3He = 2700 +- 130.
.. [5] Prettyman, T. H. et al. (2006) Elemental composition of the lunar surface: analysis of
   gamma ray spectroscopy data from Lunar Prospector. JGR 111, E12007,
   doi:10.1029/2005JE002656.
.. [15] Phillips, T. (2008) The Moon and the magnetotail. Science@NASA, 17 Apr 2008 (seen as the
   SpaceDaily (SPX) text of 18 Apr 2008, re-posted), quoting T. Stubbs (GSFC): the Moon "enters the
   magnetotail three days before it is full and takes about six days to cross".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from lunarbase.resources.grades import (
    HE4_HE3_ATOM_RATIO_SURVEYOR3,
    HE4_HE3_ATOM_RATIO_SWC,
    get_he3_model,
    grs_fluence,
    grs_he3_ppb,
    he3_ppb_from_he_ppm,
)
from lunarbase.resources.grains import fines_enrichment, fines_fractions
from lunarbase.resources.regions import Region, region_weights
from lunarbase.resources.regolith import (
    DEEP_GAS_FRACTION,
    DEEP_GAS_FRACTION_BOUNDS,
    GARDENED_DEPTH_M,
    GARDENED_DEPTH_RELATIVE_BOUNDS,
    RegolithInputs,
    check_cutoff,
    check_depth_m,
    counted_thickness_m,
    gas_thickness_m,
    regolith_thickness_m,
)
from lunarbase.seeds import SeedLike, seed_entropy

if TYPE_CHECKING:
    import xarray as xr

RELATIVE_SPREAD_DENSITY_DEPTH = 0.2
"""Half-width of the uniform band on bulk density and regolith depths [-] (assumption)."""

_DRAW_CHUNK = 256  # draws per vectorised block; fixed so a seed always gives the same numbers


class InventoryInputs(RegolithInputs, Protocol):
    """Everything an inventory depends on besides the map and the region, under the scenario's
    names and units (:class:`lunarbase.scenario.Resources` is one)."""

    @property
    def he3_model(self) -> str:
        """He grade model name (:data:`lunarbase.resources.grades.HE3_MODELS`)."""

    @property
    def he4_he3_atom_ratio(self) -> float:
        """4He/3He atom ratio of implanted helium [-]."""

    @property
    def uncertainty_draws(self) -> int:
        """Monte Carlo draws [count]."""

    @property
    def fines_cut_um(self) -> float:
        """Sieve cut of the fines [um]."""

    @property
    def grain_median_um(self) -> float:
        """Median grain size [um]."""

    @property
    def grain_sorting_phi(self) -> float:
        """Log-normal spread of grain size [phi]."""

    @property
    def volume_gas_fraction(self) -> float:
        """Volume-correlated (agglutinate) share of the He-3 [-]."""


@dataclass(frozen=True)
class Inventory:
    """He-3 held in the regolith of a region.

    Attributes
    ----------
    region : str
        Region label.
    n_cells : int
        LP bins counted (weight > 0) [count].
    area_km2 : float
        Area counted [km^2].
    regolith_tonnes : float
        Nominal regolith mass counted (area x thickness x density) [t].
    he3_grade_ppb : float
        Nominal mass-weighted mean He-3 grade [ppb].
    he3_tonnes_nominal : float
        He-3 with every input at its nominal value [t].
    he3_tonnes_mean, he3_tonnes_p05, he3_tonnes_p50, he3_tonnes_p95 : float
        Mean and 5/50/95th percentiles over the Monte Carlo draws [t].
    draws : int
        Monte Carlo draws [count].
    seed : int
        Seed of the draws.
    model : str
        He grade model name.
    depth_m : float or None
        Depth the inventory counts down to [m]; None = the whole regolith.
    cutoff_ppb : float
        Cut-off grade [ppb].
    area_above_cutoff_km2 : float
        Area of the region whose nominal grade is >= the cut-off [km^2].
    he3_tonnes_above_cutoff : float
        Nominal He-3 in that area [t].
    fines_cut_um : float
        Sieve cut of the fines [um] (``cfg.fines_cut_um``).
    fines_mass_fraction : float
        Mass fraction of the soil below the cut [-] (:func:`~lunarbase.resources.grains.
        fines_fractions`, the same everywhere).
    he3_fines_fraction : float
        Fraction of the He-3 held by those fines [-] (>= ``fines_mass_fraction``).
    he3_tonnes_in_fines : float
        Nominal He-3 in the fines, ``he3_tonnes_nominal x he3_fines_fraction`` [t].
    he3_fines_ppb : float
        Nominal He-3 grade of the fines, ``he3_grade_ppb x he3_fines_fraction /
        fines_mass_fraction`` [ppb].
    gardened_depth_m, deep_gas_fraction : float
        Nominal depth profile of the gas: gardened-layer thickness [m] and the grade below it
        relative to the surface [-].
    he3_tonnes_profile_low, he3_tonnes_profile_high : float
        Nominal He-3 with the depth profile at the ends of its Monte Carlo ranges: least gas
        (thinnest gardened layer, none below) and most gas (thickest layer, surface grade to
        the regolith base) [t].
    """

    region: str
    n_cells: int
    area_km2: float
    regolith_tonnes: float
    he3_grade_ppb: float
    he3_tonnes_nominal: float
    he3_tonnes_mean: float
    he3_tonnes_p05: float
    he3_tonnes_p50: float
    he3_tonnes_p95: float
    draws: int
    seed: int
    model: str
    depth_m: float | None = None
    cutoff_ppb: float = 0.0
    area_above_cutoff_km2: float = float("nan")
    he3_tonnes_above_cutoff: float = float("nan")
    fines_cut_um: float = float("nan")
    fines_mass_fraction: float = float("nan")
    he3_fines_fraction: float = float("nan")
    he3_tonnes_in_fines: float = float("nan")
    he3_fines_ppb: float = float("nan")
    gardened_depth_m: float = GARDENED_DEPTH_M
    deep_gas_fraction: float = DEEP_GAS_FRACTION
    he3_tonnes_profile_low: float = float("nan")
    he3_tonnes_profile_high: float = float("nan")


def _nominal_cells(
    grs: xr.Dataset, cfg: InventoryInputs, depth_m: float | None
) -> tuple[np.ndarray, ...]:
    """Per-bin regolith thickness [m], counted mass [kg], surface He-3 grade [ppb], mare mask
    and the He-3 [kg] at the nominal, least-gas and most-gas depth profiles, at nominal inputs."""
    area_m2 = np.asarray(grs["area_m2"].values, dtype=float)
    feo = np.asarray(grs["FeO_wt_pct"].values, dtype=float)
    thickness = regolith_thickness_m(feo, cfg)
    mass_kg = area_m2 * counted_thickness_m(thickness, depth_m) * cfg.regolith_density_kg_m3
    mare = feo >= cfg.mare_feo_threshold_wt_pct
    grade = grs_he3_ppb(grs, he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio)
    lo_g, hi_g = (cfg.gardened_depth_m * r for r in GARDENED_DEPTH_RELATIVE_BOUNDS)
    profiles = [
        (cfg.gardened_depth_m, cfg.deep_gas_fraction),
        (lo_g, DEEP_GAS_FRACTION_BOUNDS[0]),
        (hi_g, DEEP_GAS_FRACTION_BOUNDS[1]),
    ]
    he3_kg = [
        grade
        * 1e-9
        * area_m2
        * cfg.regolith_density_kg_m3
        * gas_thickness_m(thickness, depth_m, gardened_depth_m=g, deep_gas_fraction=f)
        for g, f in profiles
    ]
    return thickness, mass_kg, grade, mare, *he3_kg


def he3_inventories(
    grs: xr.Dataset,
    cfg: InventoryInputs,
    regions: Sequence[tuple[str, np.ndarray]],
    *,
    seed: SeedLike,
    depth_m: float | None = None,
    cutoff_ppb: float = 0.0,
) -> list[Inventory]:
    """He-3 inventories of several regions from one shared set of Monte Carlo draws.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``) with TiO2, FeO, their sigmas and ``area_m2``.
    cfg : InventoryInputs
        Model name, atom ratio, density, depths, grain sizes and ``uncertainty_draws`` (the
        scenario's ``[resources]`` table will do).
    regions : sequence of (str, numpy.ndarray)
        ``(label, weights)`` pairs from :func:`lunarbase.resources.regions.region_weights`.
    seed : int or numpy.random.SeedSequence
        Seed of ``numpy.random.default_rng``.
    depth_m : float, optional
        Count He-3 down to this depth [m] (> 0): each bin holds the integral of the depth
        profile (:func:`~lunarbase.resources.regolith.he3_depth_profile`) to
        ``min(depth_m, regolith depth)``.
        Default: the whole regolith.
    cutoff_ppb : float, optional
        Cut-off grade [ppb], >= 0, for ``area_above_cutoff_km2`` and
        ``he3_tonnes_above_cutoff`` (nominal grades; the Monte Carlo band is for all grades).

    Returns
    -------
    list of Inventory
        One per region, in order; the fines fields use ``cfg.fines_cut_um``,
        ``cfg.grain_median_um`` and ``cfg.grain_sorting_phi``
        (:mod:`lunarbase.resources.grains`).

    Raises
    ------
    QueryError
        Non-positive ``depth_m`` or a negative cut-off.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    See the module docstring ([1]_-[15]_ there) for every input and its band.
    """
    check_depth_m(depth_m)
    check_cutoff("cutoff_ppb", cutoff_ppb)
    m = get_he3_model(cfg.he3_model)
    draws = int(cfg.uncertainty_draws)
    thickness, mass_kg, grade_ppb, mare, he3_kg, low_kg, high_kg = _nominal_cells(grs, cfg, depth_m)
    weights = np.stack([w for _, w in regions], axis=1)  # (cell, region)
    n_cells = weights.shape[0]
    area = np.asarray(grs["area_m2"].values, dtype=float)
    fluence = grs_fluence(grs) if m.needs_fluence else None

    rng = np.random.default_rng(seed)
    params = {k: rng.uniform(lo, hi, draws) for k, (lo, hi) in m.bounds.items()}
    lo_r = HE4_HE3_ATOM_RATIO_SWC / HE4_HE3_ATOM_RATIO_SURVEYOR3[0]
    hi_r = sum(HE4_HE3_ATOM_RATIO_SURVEYOR3) / HE4_HE3_ATOM_RATIO_SURVEYOR3[0]
    ratio = cfg.he4_he3_atom_ratio * rng.uniform(lo_r, hi_r, draws)
    s = RELATIVE_SPREAD_DENSITY_DEPTH
    f_density = rng.uniform(1 - s, 1 + s, draws)
    f_mare = rng.uniform(1 - s, 1 + s, draws)
    f_highland = rng.uniform(1 - s, 1 + s, draws)
    gardened = cfg.gardened_depth_m * rng.uniform(*GARDENED_DEPTH_RELATIVE_BOUNDS, draws)
    deep = rng.uniform(*DEEP_GAS_FRACTION_BOUNDS, draws)

    tio2 = np.asarray(grs["TiO2_wt_pct"].values, dtype=float)
    tio2_sigma = np.asarray(grs["TiO2_wt_pct_sigma"].values, dtype=float)
    area_density = area * cfg.regolith_density_kg_m3
    totals_kg = np.empty((draws, weights.shape[1]))
    for start in range(0, draws, _DRAW_CHUNK):
        sl = slice(start, min(start + _DRAW_CHUNK, draws))
        z = rng.standard_normal((sl.stop - sl.start, n_cells))
        tio2_draw = np.maximum(tio2 + tio2_sigma * z, 0.0)
        he = m.total_he_ppm(tio2_draw, fluence, **{k: v[sl, None] for k, v in params.items()})
        grade = he3_ppb_from_he_ppm(he, he4_he3_atom_ratio=ratio[sl, None])
        f_depth = np.where(mare, f_mare[sl, None], f_highland[sl, None])
        gas_m = gas_thickness_m(
            thickness * f_depth,
            depth_m,
            gardened_depth_m=gardened[sl, None],
            deep_gas_fraction=deep[sl, None],
        )
        cell_kg = area_density * gas_m
        totals_kg[sl] = (grade * 1e-9 * cell_kg * f_density[sl, None]) @ weights

    rich = (grade_ppb >= cutoff_ppb).astype(float)
    nominal_kg = he3_kg @ weights
    rich_kg = (he3_kg * rich) @ weights
    regolith_kg = mass_kg @ weights
    area_m2 = area @ weights
    rich_m2 = (area * rich) @ weights
    pct = np.percentile(totals_kg, [5.0, 50.0, 95.0], axis=0)
    grain = (cfg.fines_cut_um, cfg.grain_median_um, cfg.grain_sorting_phi)
    f_v = cfg.volume_gas_fraction
    fines_mass, fines_he3 = (float(f) for f in fines_fractions(*grain, volume_gas_fraction=f_v))
    enrichment = float(fines_enrichment(*grain, volume_gas_fraction=f_v))
    out = []
    for j, (label, w) in enumerate(regions):
        out.append(
            Inventory(
                region=label,
                n_cells=int(np.count_nonzero(w > 0)),
                area_km2=float(area_m2[j] / 1e6),
                regolith_tonnes=float(regolith_kg[j] / 1e3),
                he3_grade_ppb=float(nominal_kg[j] / regolith_kg[j] * 1e9),
                he3_tonnes_nominal=float(nominal_kg[j] / 1e3),
                he3_tonnes_mean=float(totals_kg[:, j].mean() / 1e3),
                he3_tonnes_p05=float(pct[0, j] / 1e3),
                he3_tonnes_p50=float(pct[1, j] / 1e3),
                he3_tonnes_p95=float(pct[2, j] / 1e3),
                draws=draws,
                seed=seed_entropy(seed),
                model=m.name,
                depth_m=None if depth_m is None else float(depth_m),
                cutoff_ppb=float(cutoff_ppb),
                area_above_cutoff_km2=float(rich_m2[j] / 1e6),
                he3_tonnes_above_cutoff=float(rich_kg[j] / 1e3),
                fines_cut_um=float(cfg.fines_cut_um),
                fines_mass_fraction=fines_mass,
                he3_fines_fraction=fines_he3,
                he3_tonnes_in_fines=float(nominal_kg[j] / 1e3) * fines_he3,
                he3_fines_ppb=float(nominal_kg[j] / regolith_kg[j] * 1e9) * enrichment,
                gardened_depth_m=float(cfg.gardened_depth_m),
                deep_gas_fraction=float(cfg.deep_gas_fraction),
                he3_tonnes_profile_low=float(low_kg @ w / 1e3),
                he3_tonnes_profile_high=float(high_kg @ w / 1e3),
            )
        )
    return out


def he3_inventory(
    grs: xr.Dataset,
    cfg: InventoryInputs,
    *,
    region: Region | str | None = None,
    seed: SeedLike,
    depth_m: float | None = None,
    cutoff_ppb: float = 0.0,
) -> Inventory:
    """He-3 inventory of the regolith of one region, with a seeded Monte Carlo band.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table from ``lunarbase.data.load("lpgrs_5deg")``.
    cfg : InventoryInputs
        Resource settings (model, 4He/3He ratio, density, depths, draws).
    region : Region or str, optional
        ``"moon"`` (default), ``"nearside"``, ``"farside"``, ``"south-pole"``, or a
        :class:`~lunarbase.resources.regions.Region` (a circle or a polygon counts the bins
        whose centre lies inside).
    seed : int
        Seed of the Monte Carlo draws.
    depth_m : float, optional
        Count down to this depth [m]; default the whole regolith.
    cutoff_ppb : float, optional
        Cut-off grade for the area above it [ppb].

    Returns
    -------
    Inventory
        Tonnes of He-3 (nominal, mean, p05/p50/p95), grade, area, bin count and the area and
        tonnes above the cut-off.

    Raises
    ------
    QueryError
        Unknown or empty region, bad circle or polygon, non-positive depth, negative cut-off.
    ScenarioError
        Unknown He grade model.

    References
    ----------
    See the module docstring.
    """
    return he3_inventories(
        grs, cfg, [region_weights(grs, region)], seed=seed, depth_m=depth_m, cutoff_ppb=cutoff_ppb
    )[0]
