"""Operations stage: the mining base simulated hour by hour.

:func:`simulate` runs the base for ``cfg.years`` years of 365.25 days in three steps:

1. **Hardware in service** (SimPy 4, time in hours; :mod:`~lunarbase.operations.fleet`): the
   landings in date order put miners, fission units (after commissioning), arrays, batteries and
   spares on the Moon; each miner and fission unit then fails and is repaired (repair units a
   SimPy Resource, spares a Container).
2. **The hourly energy balance** (vectorised; the battery loop numba-compiled;
   :mod:`~lunarbase.operations.power`): fission output with outages and capacity loss, solar
   output from the light series at the base (sites stage), a battery, and a dispatch policy
   (default :func:`~lunarbase.operations.power.priority_dispatch`: life support, thermal
   control and communications first, processing next, excavation last). Each up miner can dig
   at its rate times the ramp-up, drawing ``miner_power_kw``, and process (heat and separate
   the gases) at the same rate times the heat it can use (with solar concentrators, the
   visible Sun at the mining area), drawing ``processing_power_kw`` (plus its heater's power
   when ``heat_source = "electric"``). A fines hopper of ``hopper_h`` hours per miner sits
   between the two lines, so a power shortfall stops digging before it stops heating, and
   digging can run ahead while processing waits for the Sun.
3. **Production and shipping**: the dug regolith is sieved, the processed fines heated
   (:mod:`~lunarbase.operations.processing`), the rare-earth line beneficiates the same regolith
   (:mod:`~lunarbase.operations.rare_earths`), by-products scale with the He-3 released
   (Wisconsin ratios, :mod:`lunarbase.resources.volatiles`); return flights (SimPy,
   :mod:`~lunarbase.operations.logistics`) carry the stored He-3 to Earth.

What the miners dig comes from the resources stage (:class:`MiningFeed`, :func:`feed_from`) and
the light at the base and the mining area (:class:`SiteLight`, :func:`light_from`). A light series
shorter than the run is repeated and the results say so (``light_repeated``): polar light
varies over the ~18.6-year lunar precession cycle, so a repeated single year is not that.
:func:`expected_he3_kg_per_year` is the steady state of the same model, used to check it.

References
----------
.. [1] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and
   Potential ISRU Synergies. AIAA ASCEND 2021; NTRS 20210022801.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import simpy
from scipy import special

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.errors import ScenarioError
from lunarbase.jsonable import plain
from lunarbase.operations import heating, processing
from lunarbase.operations.fleet import UpLog, mean_up_h, unit_life
from lunarbase.operations.hourly import (
    bin_sums,
    event_hours,
    hourly_from_series,
    interval_hours,
)
from lunarbase.operations.logistics import FlightLog, check_payload, return_flights
from lunarbase.operations.power import (
    LOADS,
    Battery,
    DispatchPolicy,
    Loads,
    fission_output_kw,
    priority_dispatch,
    solar_output_kw,
)
from lunarbase.operations.rare_earths import GROUPS, reo_kg_by_group, reo_mass_fractions
from lunarbase.resources import ResourceResults, byproducts_per_kg_he3
from lunarbase.scenario import Landing, Operations, Ramp
from lunarbase.seeds import SeedLike, fresh_sequence, seed_entropy
from lunarbase.terrain import PointCriteria
from lunarbase.typing import ArrayLike, FloatArray

DAY_H = 24
"""Length of a daily bin [h]."""

REO_COLUMNS = tuple(f"reo_{group}_kg" for group in GROUPS)
"""Rare-earth oxide columns, one per element group of :mod:`.rare_earths`."""

SPECIES = tuple(byproducts_per_kg_he3())
"""By-product species released with the He-3 (:mod:`lunarbase.resources.volatiles`)."""

BYPRODUCT_COLUMNS = tuple(f"{species.lower()}_kg" for species in SPECIES)
"""By-product columns, one per species [kg]."""

ENERGY_COLUMNS = (
    "fission_energy_mwh",
    "solar_energy_mwh",
    "energy_generated_mwh",
    "electric_energy_mwh",
    "energy_stored_mwh",
    "energy_curtailed_mwh",
    "battery_losses_mwh",
    "energy_deficit_mwh",
    "reactor_thermal_energy_mwh",
)
"""Energy columns [MWh]: generation by source and in all; ``electric_energy_mwh`` what the loads
were served (consumed); ``energy_stored_mwh`` the change in the battery's charge; curtailed;
battery losses; ``energy_deficit_mwh`` what the loads asked for and did not get;
``reactor_thermal_energy_mwh`` the fission heat behind the fission electricity [MWh(th)].
Every bin: generated = consumed + stored + curtailed + losses."""

LANDED_MASS_COLUMNS = (
    "miner_mass_landed_kg",
    "reactor_mass_landed_kg",
    "array_mass_landed_kg",
    "battery_mass_landed_kg",
    "spares_landed_kg",
)
"""Hardware landed in a bin by kind [kg] (the parts of ``landed_mass_kg``)."""


LANDED_COLUMNS = (
    "miners_landed",
    "reactor_kwe_landed",
    "array_kw_landed",
    "battery_kwh_landed",
    "miner_mass_landed_kg",
    "reactor_mass_landed_kg",
    "array_mass_landed_kg",
    "battery_mass_landed_kg",
    "spares_landed_kg",
    "landed_mass_kg",
)
"""What landed in a bin (landings after the end of the run never happen): miners [count],
plant [kWe], arrays [kW], battery [kWh], their masses, the spares and the whole payload [kg],
dated by the landing schedule (the economics stage prices them in that year)."""

ANNUAL_COLUMNS = (
    "regolith_excavated_t",
    "fines_processed_t",
    "he3_extracted_kg",
    "thermal_energy_mwh",
    *ENERGY_COLUMNS,
    *REO_COLUMNS,
    *BYPRODUCT_COLUMNS,
    "he3_shipped_kg",
    "he3_lost_kg",
    "he3_stock_kg",
    "hopper_fines_t",
    "spares_stock_kg",
    "miner_availability",
    "miners_up",
    "miners_down",
    "power_limited_miners",
    "launches",
    *LANDED_COLUMNS,
)
"""Columns of :attr:`OperationsResults.annual` and ``daily``: mass flows [t, kg];
``thermal_energy_mwh`` the heat the heaters took from their source [MWh(th)]; the
:data:`ENERGY_COLUMNS`; ``reo_*_kg`` rare-earth oxide by group and the by-products by species
[kg]; He-3 shipped and lost [kg]; the He-3, the fines in the hopper [t] and the spares on the
surface at the end of the bin [kg];
availability the fraction of miner-hours on the Moon that were up [-]; mean miners up, down
and up-but-idled for lack of power over the bin [count]; return flights flown; and the
:data:`LANDED_COLUMNS` (what landed in the bin)."""

ENERGY_BALANCE = (
    "electric_energy_mwh",
    "energy_stored_mwh",
    "energy_curtailed_mwh",
    "battery_losses_mwh",
)
"""The columns that add up to ``energy_generated_mwh`` in every bin: consumed + stored +
curtailed + losses [MWh]."""

HOURLY_COLUMNS = (
    "fission_kw",
    "solar_kw",
    "base_demand_kw",
    "base_served_kw",
    "processing_demand_kw",
    "processing_served_kw",
    "excavation_demand_kw",
    "excavation_served_kw",
    "battery_charge_kw",
    "battery_discharge_kw",
    "state_of_charge_kwh",
    "curtailed_kw",
    "battery_losses_kw",
    "hopper_fines_t",
    "miners_up",
)
"""Columns of :attr:`OperationsResults.hourly` [kW; kWh and t in the hopper at the end of the
hour; miners up]."""


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


@dataclass(frozen=True, eq=False)
class OperationsResults:
    """Outcome of :func:`simulate`.

    Attributes
    ----------
    annual : pandas.DataFrame
        One row per operating year (index ``year`` 1..N), columns :data:`ANNUAL_COLUMNS`.
    daily : pandas.DataFrame
        The same columns per day (index ``day`` 0..D-1 from the start of operations; the last
        day may be short, 365.25-day years end inside a day).
    hourly : pandas.DataFrame
        The power series, one row per hour (index ``hour``), columns :data:`HOURLY_COLUMNS`.
    he3_stock_end_kg : float
        He-3 left in the base store, not shipped, at the end. [kg]
    feed : MiningFeed
        What was mined (grades [ppb, ppm], fines fraction [-], density [kg/m^3], depth [m]).
    light_horizon : str
        What the light was computed against: ``"dem"``, ``"flat"``, or ``"none"`` (no light
        series given: the Sun taken as always fully up, for tests and sketches).
    light_repeated : bool
        Whether the light series was shorter than the run and repeated (polar light varies over
        ~18.6 years, so a repeated year is an approximation).
    miner_availability : float
        Fraction of the miners' hours on the Moon that they were up, over the whole run
        (NaN for an empty fleet). [-]
    heater_power_kw_th : float
        Thermal power one working miner's heater draws from its source: fines flow x
        integral(cp dT) x (1 - recuperation) (:mod:`~lunarbase.operations.heating`). [kW(th)]
    heat_source : str
        ``"electric"`` or ``"solar_concentrator"``.
    byproducts_kg : dict of str to float
        Volatiles released with the He-3 over the run, per species (H2, H2O, N2, CO, CO2, CH4,
        He4). [kg]
    n_miners : int
        Miners landed (the fleet the economics stage prices). [count]
    miner_mass_kg : float
        Landed mass of one miner. [kg]
    reactor_power_kwe : float
        Electric rating of the fission plant landed (priced by the economics stage). [kWe]
    reactor_mass_kg : float
        Landed mass of the plant. [kg]
    array_kw, array_mass_kg : float
        Solar arrays landed [kW] and their mass [kg].
    battery_kwh, battery_mass_kg : float
        Battery capacity landed [kWh] and its mass [kg].
    spares_landed_kg : float
        Spares landed into the surface store. [kg]
    miner_power_kw : float
        Electric draw of one miner digging and processing at full rate. [kW]
    miner_mtbf_h, miner_mttr_h : float
        Miners' mean time between failures and to repair. [h]
    power_for_miners_kw : float
        Mean generation over the run less the base load: what the miners could draw. [kW]
    heat_use_fraction : float
        Processing miner-hours / up miner-hours: the share of their rate the miners could
        heat for (1 with electric heaters and power enough). [-]
    reo_mass_fractions : dict of str to float
        Mass fraction of each element's oxide in the rare-earth concentrate. [-]
    seed : int
        The run's seed (the units draw from the operations stage's stream).
    """

    annual: pd.DataFrame
    daily: pd.DataFrame
    hourly: pd.DataFrame
    he3_stock_end_kg: float
    feed: MiningFeed
    light_horizon: str
    light_repeated: bool
    miner_availability: float
    heater_power_kw_th: float
    heat_source: str
    byproducts_kg: dict[str, float]
    n_miners: int
    miner_mass_kg: float
    reactor_power_kwe: float
    reactor_mass_kg: float
    array_kw: float
    array_mass_kg: float
    battery_kwh: float
    battery_mass_kg: float
    spares_landed_kg: float
    miner_power_kw: float
    miner_mtbf_h: float
    miner_mttr_h: float
    power_for_miners_kw: float
    heat_use_fraction: float
    reo_mass_fractions: dict[str, float]
    seed: int

    def total(self, column: str) -> float:
        """Sum of an annual column over the run (units of the column)."""
        return float(self.annual[column].sum())

    @property
    def he3_extracted_kg(self) -> float:
        """He-3 extracted over the whole run. [kg]"""
        return self.total("he3_extracted_kg")

    @property
    def he3_shipped_kg(self) -> float:
        """He-3 shipped to Earth over the whole run. [kg]"""
        return self.total("he3_shipped_kg")

    @property
    def regolith_excavated_t(self) -> float:
        """Regolith excavated over the whole run. [t]"""
        return self.total("regolith_excavated_t")

    @property
    def launches(self) -> int:
        """Return flights flown."""
        return int(self.annual["launches"].sum())

    @property
    def ree_oxide_kg_by_year(self) -> FloatArray:
        """Rare-earth oxide recovered each year, all groups. [kg]"""
        return np.asarray(self.annual[list(REO_COLUMNS)].to_numpy(dtype=float).sum(axis=1))

    @property
    def ree_oxide_kg(self) -> float:
        """Rare-earth oxide recovered over the run, all groups. [kg]"""
        return float(self.ree_oxide_kg_by_year.sum())

    @property
    def area_mined_km2(self) -> float:
        """Ground dug to the mining depth: excavated mass / (density x depth). [km^2]"""
        per_m2_t = self.feed.regolith_density_kg_m3 * self.feed.mining_depth_m / 1000.0
        return self.regolith_excavated_t / per_m2_t / 1e6

    @property
    def landed_mass_kg(self) -> float:
        """Hardware landed: miners, plant, arrays, batteries and spares. [kg]"""
        return (
            self.n_miners * self.miner_mass_kg
            + self.reactor_mass_kg
            + self.array_mass_kg
            + self.battery_mass_kg
            + self.spares_landed_kg
        )

    @property
    def production_mass_ratio(self) -> float:
        """Product mass (He-3, volatiles, REO) per landed hardware mass over the run, the
        ISRU figure of merit phi (Metzger 2023, arXiv:2303.09011, as summarised). [-]"""
        if self.landed_mass_kg <= 0.0:
            return float("nan")
        product = self.he3_extracted_kg + sum(self.byproducts_kg.values()) + self.ree_oxide_kg
        return product / self.landed_mass_kg

    def _per_kg_he3(self, column: str, scale: float) -> float:
        he3 = self.he3_extracted_kg
        return self.total(column) * scale / he3 if he3 > 0.0 else float("nan")

    def summary(self) -> dict[str, Any]:
        """The headline figures of the run (the ``lunarbase simulate --json`` keys and the
        ``totals`` of results.json): He-3 total [kg] and per year [kg/yr], shipped, lost and
        left [kg], regolith [t], area mined [km^2], heater power per miner [kW(th)], thermal,
        electric, generated, curtailed and deficit energy [MWh], mean availability [-], REO
        [kg], by-products per species [kg], regolith [t/kg] and heat [MWh(th)/kg] per kg of
        He-3, landed mass [kg] and the production mass ratio [-]."""
        years = len(self.annual)
        return plain(
            {
                "he3_kg_total": self.he3_extracted_kg,
                "he3_kg_per_year": self.he3_extracted_kg / years,
                "he3_shipped_kg_total": self.he3_shipped_kg,
                "he3_lost_kg_total": self.total("he3_lost_kg"),
                "he3_stock_end_kg": self.he3_stock_end_kg,
                "launches": self.launches,
                "regolith_t_total": self.regolith_excavated_t,
                "area_mined_km2": self.area_mined_km2,
                "regolith_t_per_kg_he3": self._per_kg_he3("regolith_excavated_t", 1.0),
                "heat_mwh_th_per_kg_he3": self._per_kg_he3("thermal_energy_mwh", 1.0),
                "heater_power_kw_th": self.heater_power_kw_th,
                "heat_source": self.heat_source,
                "thermal_energy_mwh_total": self.total("thermal_energy_mwh"),
                "electric_energy_mwh_total": self.total("electric_energy_mwh"),
                "energy_generated_mwh_total": self.total("energy_generated_mwh"),
                "energy_curtailed_mwh_total": self.total("energy_curtailed_mwh"),
                "energy_deficit_mwh": self.total("energy_deficit_mwh"),
                "availability": self.miner_availability,
                "ree_oxide_kg_total": self.ree_oxide_kg,
                "byproducts_kg": dict(self.byproducts_kg),
                "landed_mass_kg": self.landed_mass_kg,
                "production_mass_ratio": self.production_mass_ratio,
                "light_horizon": self.light_horizon,
                "light_repeated": self.light_repeated,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready results: the fleet and plant, the :meth:`summary` as ``totals`` and one
        list per annual column (non-finite values become ``None``)."""
        annual = {"year": self.annual.index.to_numpy(), **self.annual.to_dict(orient="list")}
        return plain(
            {
                "seed": int(self.seed),
                "feed": asdict(self.feed),
                "n_miners": int(self.n_miners),
                "reactor_power_kwe": float(self.reactor_power_kwe),
                "array_kw": float(self.array_kw),
                "battery_kwh": float(self.battery_kwh),
                "totals": self.summary(),
                "annual": annual,
            }
        )


def simulate(
    cfg: Operations,
    *,
    feed: MiningFeed,
    seed: SeedLike,
    light: SiteLight | None = None,
    policy: DispatchPolicy = priority_dispatch,
) -> OperationsResults:
    """Simulate the mining base for ``cfg.years`` years, hour by hour.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing, power and logistics settings.
    feed : MiningFeed
        What the miners dig (:func:`feed_from` the resources stage's results).
    seed : int or numpy.random.SeedSequence
        Seed; each miner and fission unit draws from its own spawned stream, the return
        flights from one more.
    light : SiteLight, optional
        The base's and the mining area's light (:func:`light_from` the sites stage's
        results). None: the Sun is taken as always fully up (``light_horizon = "none"``).
    policy : callable, default :func:`~lunarbase.operations.power.priority_dispatch`
        Dispatch policy (generation [kW], demands [kW] by load in priority order, battery)
        -> :class:`~lunarbase.operations.power.Dispatch`.

    Returns
    -------
    OperationsResults

    Raises
    ------
    ScenarioError
        No power source, a load no source can ever meet, solar concentrators with no heat, a
        payload over its lander's capacity, a return flight before any landing (each naming
        the field).
    """
    landings = _schedule(cfg)
    heater_kw_th = miner_heater_power_kw_th(cfg, feed.fines_mass_fraction)  # fails fast
    check_power(cfg, miner_electric_kw(cfg, heater_kw_th))
    n_hours = round(cfg.years * HOURS_PER_YEAR)
    horizon_h = float(n_hours)
    hours = np.arange(n_hours)
    n_units = sum(1 for landing in landings if landing.reactor_kwe > 0.0)
    # one stream per miner, one per fission unit, then one for the flights
    streams = iter(np.random.default_rng(fresh_sequence(seed)).spawn(cfg.n_miners + n_units + 1))

    # 1. hardware in service (discrete events)
    env = simpy.Environment()
    miners = UpLog()
    units: list[tuple[float, UpLog]] = []
    repair = None if cfg.repair_units is None else simpy.Resource(env, capacity=cfg.repair_units)
    spares = simpy.Container(env, init=0.0) if cfg.spares_kg_per_repair > 0.0 else None
    env.process(_arrivals(env, cfg, landings, miners, units, streams, repair, spares, horizon_h))
    env.run(until=horizon_h)

    # 2. the hourly energy balance
    light_horizon = "none" if light is None else light.horizon
    base_sun, repeated = _hourly_light(light, "base_sun_fraction", n_hours)
    mine_sun, _ = _hourly_light(light, "mining_sun_fraction", n_hours)
    landed_h = np.array([landing.day * 24.0 for landing in landings])
    ends = np.full(landed_h.size, horizon_h)
    array_kw = interval_hours(landed_h, ends, n_hours, [x.array_kw for x in landings])
    capacity_kwh = interval_hours(landed_h, ends, n_hours, [x.battery_kwh for x in landings])
    fission_kw = _fission_kw(cfg, units, n_hours)
    solar_kw = solar_output_kw(array_kw, base_sun)
    base_demand = interval_hours(landed_h[:1], ends[:1], n_hours, [cfg.base_load_kw])
    up = interval_hours(*miners.arrays(), n_hours)
    present = interval_hours(np.array(miners.landed_h), horizon_h, n_hours)
    if cfg.heat_source == "solar_concentrator":
        heat_use = np.minimum(1.0, cfg.concentrator_kw_th * mine_sun / heater_kw_th)
    else:
        heat_use = np.ones(n_hours)
    can_dig = up * ramp_fraction(cfg.ramps, hours + 0.5)  # full-rate miner-hours
    dispatch = policy(
        fission_kw + solar_kw,
        Loads(
            base_kw=base_demand,
            processing_miner_h=can_dig * heat_use,
            excavation_miner_h=can_dig,
            processing_kw=processing_electric_kw(cfg, heater_kw_th),
            excavation_kw=cfg.miner_power_kw,
            hopper_miner_h=cfg.hopper_h * present,
        ),
        Battery(capacity_kwh, cfg.battery_round_trip_efficiency),
    )
    demand_kw = sum(dispatch.demand_kw[load] for load in ("processing", "excavation"))
    served_kw = sum(dispatch.served_kw[load] for load in ("processing", "excavation"))
    idle = up * np.divide(
        demand_kw - served_kw, demand_kw, out=np.zeros(n_hours), where=demand_kw > 0
    )

    # 3. production and shipping
    excavated_t = dispatch.excavated_miner_h * cfg.excavation_t_per_h
    fines_t = np.asarray(
        processing.fines_processed_t(
            dispatch.processed_miner_h * cfg.excavation_t_per_h, feed.fines_mass_fraction
        )
    )
    hopper_t = np.asarray(
        processing.fines_processed_t(
            dispatch.hopper_miner_h * cfg.excavation_t_per_h, feed.fines_mass_fraction
        )
    )
    he3_kg = np.asarray(
        processing.he3_extracted_kg(fines_t, feed.he3_fines_ppb, cfg.he3_release_fraction)
    )
    flights = _ship(cfg, he3_kg, horizon_h, next(streams))
    hourly = pd.DataFrame(
        {
            "fission_kw": fission_kw,
            "solar_kw": solar_kw,
            **{f"{load}_demand_kw": kw for load, kw in dispatch.demand_kw.items()},
            **{f"{load}_served_kw": kw for load, kw in dispatch.served_kw.items()},
            "battery_charge_kw": dispatch.charge_kw,
            "battery_discharge_kw": dispatch.discharge_kw,
            "state_of_charge_kwh": dispatch.state_of_charge_kwh,
            "curtailed_kw": dispatch.curtailed_kw,
            "battery_losses_kw": dispatch.losses_kw,
            "hopper_fines_t": hopper_t,
            "miners_up": up,
        },
        index=pd.RangeIndex(n_hours, name="hour"),
    )
    payloads = [payload_masses_kg(cfg, landing) for landing in landings]
    flows: dict[str, FloatArray] = {
        "regolith_excavated_t": excavated_t,
        "fines_processed_t": fines_t,
        "he3_extracted_kg": he3_kg,
        "thermal_energy_mwh": dispatch.processed_miner_h * heater_kw_th / 1e3,
        "reactor_thermal_energy_mwh": fission_kw / cfg.reactor_thermal_efficiency / 1e3,
        "power_limited_miners": idle,
        "present": present,
        **{
            column: event_hours(landed_h, n_hours, [masses[column] for masses in payloads])
            for column in LANDED_MASS_COLUMNS
        },
        **{
            f"{name}_landed": event_hours(landed_h, n_hours, [getattr(x, name) for x in landings])
            for name in ("miners", "reactor_kwe", "array_kw", "battery_kwh")
        },
        "spares_taken_kg": cfg.spares_kg_per_repair * event_hours(miners.spares_taken_h, n_hours),
        **_flight_hours(flights, n_hours),
    }
    annual = _table(hourly, flows, int(HOURS_PER_YEAR), feed, cfg, "year", 1)
    daily = _table(hourly, flows, DAY_H, feed, cfg, "day", 0)
    present_h, up_h = present.sum(), up.sum()
    return OperationsResults(
        annual=annual,
        daily=daily,
        hourly=hourly,
        he3_stock_end_kg=float(annual["he3_stock_kg"].iloc[-1]),
        feed=feed,
        light_horizon=light_horizon,
        light_repeated=repeated,
        miner_availability=float(up_h / present_h) if present_h > 0.0 else float("nan"),
        heater_power_kw_th=heater_kw_th,
        heat_source=cfg.heat_source,
        byproducts_kg={
            species: float(annual[column].sum())
            for species, column in zip(SPECIES, BYPRODUCT_COLUMNS, strict=True)
        },
        n_miners=cfg.n_miners,
        miner_mass_kg=float(cfg.miner_mass_kg),
        reactor_power_kwe=float(cfg.reactor_power_kwe),
        reactor_mass_kg=float(cfg.reactor_power_kwe * cfg.reactor_mass_kg_per_kwe),
        array_kw=float(cfg.array_kw),
        array_mass_kg=float(cfg.array_kw * cfg.array_mass_kg_per_kw),
        battery_kwh=float(cfg.battery_kwh),
        battery_mass_kg=float(cfg.battery_kwh * cfg.battery_mass_kg_per_kwh),
        spares_landed_kg=float(sum(_spares(landings))),
        miner_power_kw=miner_electric_kw(cfg, heater_kw_th),
        miner_mtbf_h=float(cfg.miner_mtbf_h),
        miner_mttr_h=float(cfg.miner_mttr_h),
        power_for_miners_kw=float(np.mean(fission_kw + solar_kw - base_demand)),
        heat_use_fraction=float(dispatch.processed_miner_h.sum() / up_h) if up_h > 0 else 0.0,
        reo_mass_fractions=reo_mass_fractions(feed.th_ppm),
        seed=seed_entropy(seed),
    )


def _schedule(cfg: Operations) -> tuple[Landing, ...]:
    """The landings in date order, checked; without a schedule everything lands on day 0."""
    if not cfg.landings:
        return (
            Landing(
                day=0.0,
                miners=cfg.n_miners,
                reactor_kwe=cfg.reactor_power_kwe,
                array_kw=cfg.array_kw,
                battery_kwh=cfg.battery_kwh,
                source="everything in place at the start (no landings given)",
            ),
        )
    check_landings(cfg)
    return tuple(sorted(cfg.landings, key=lambda landing: landing.day))


def _spares(landings: tuple[Landing, ...]) -> list[float]:
    return [landing.spares_kg for landing in landings]


def check_power(cfg: Operations, miner_kw: float) -> None:
    """A base that has a power source, can ever run one miner, and can heat its fines.

    Raises
    ------
    ScenarioError
        No fission plant and no arrays; installed power below the base load plus one miner's
        draw ``miner_kw`` [kW]; solar concentrators of zero heat (naming the field).
    """
    sources_kw = cfg.reactor_power_kwe + cfg.array_kw
    if sources_kw <= 0.0 and (cfg.n_miners > 0 or cfg.base_load_kw > 0.0):
        raise ScenarioError(
            "operations.reactor_power_kwe: no power source (reactor_power_kwe = 0 and array_kw = 0)"
        )
    if cfg.n_miners > 0 and sources_kw < cfg.base_load_kw + miner_kw:
        heater = " with its electric heater" if cfg.heat_source == "electric" else ""
        raise ScenarioError(
            f"operations.reactor_power_kwe: {cfg.reactor_power_kwe:g} kWe + "
            f"{cfg.array_kw:g} kW of arrays can never power a miner ({cfg.base_load_kw:g} kW "
            f"base load + {miner_kw:,.0f} kW per miner{heater})"
        )
    concentrated = cfg.heat_source == "solar_concentrator" and cfg.n_miners > 0
    if concentrated and not cfg.concentrator_kw_th > 0.0:
        raise ScenarioError(
            "operations.concentrator_kw_th: must be > 0 with heat_source = "
            "'solar_concentrator' (the miners could never heat their fines)"
        )


def payload_masses_kg(cfg: Operations, landing: Landing) -> dict[str, float]:
    """What one landing puts on the Moon, by kind (:data:`LANDED_MASS_COLUMNS`) [kg]: miners x
    ``miner_mass_kg``, plant x ``reactor_mass_kg_per_kwe``, arrays x ``array_mass_kg_per_kw``,
    battery x ``battery_mass_kg_per_kwh``, and the spares."""
    masses = (
        landing.miners * cfg.miner_mass_kg,
        landing.reactor_kwe * cfg.reactor_mass_kg_per_kwe,
        landing.array_kw * cfg.array_mass_kg_per_kw,
        landing.battery_kwh * cfg.battery_mass_kg_per_kwh,
        landing.spares_kg,
    )
    return dict(zip(LANDED_MASS_COLUMNS, masses, strict=True))


def check_landings(cfg: Operations) -> None:
    """Every landing's payload against its lander, and a first return flight after a landing.

    Raises
    ------
    ScenarioError
        An unknown lander, a payload over capacity, or return flights starting before anything
        has landed (naming the field). Landings after the end of the run are checked but never
        happen.
    """
    for i, landing in enumerate(cfg.landings):
        payload = sum(payload_masses_kg(cfg, landing).values())
        what = f"{landing.miners} miners, {landing.reactor_kwe:g} kWe, arrays, batteries and spares"
        check_payload(i, landing.lander, payload, what)
    first_day = min(landing.day for landing in cfg.landings)
    if first_day > cfg.launch_interval_days:
        raise ScenarioError(
            f"operations.launch_interval_days: the first return flight (day "
            f"{cfg.launch_interval_days:g}) would leave before the first landing (day "
            f"{first_day:g})"
        )


def _arrivals(
    env: simpy.Environment,
    cfg: Operations,
    landings: tuple[Landing, ...],
    miners: UpLog,
    units: list[tuple[float, UpLog]],
    streams: Any,
    repair: simpy.Resource | None,
    spares: simpy.Container | None,
    horizon_h: float,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of the landings in date order: each fills the spares store, starts its
    miners' lives and, after commissioning, its fission unit's (units enter service on
    landing)."""
    reactor_up_h = mean_up_h(cfg.reactor_availability, cfg.reactor_mttr_h)
    for landing in landings:
        yield env.timeout(max(landing.day * 24.0 - env.now, 0.0))
        if spares is not None and landing.spares_kg > 0.0:
            yield spares.put(landing.spares_kg)
        for _ in range(landing.miners):
            env.process(
                unit_life(
                    env,
                    miners,
                    horizon_h=horizon_h,
                    mtbf_h=cfg.miner_mtbf_h,
                    mttr_h=cfg.miner_mttr_h,
                    rng=next(streams),
                    repair=repair,
                    spares=spares,
                    spares_kg_per_repair=cfg.spares_kg_per_repair,
                )
            )
        if landing.reactor_kwe > 0.0:
            unit = UpLog()
            units.append((landing.reactor_kwe, unit))
            env.process(_commissioned(env, unit, cfg, horizon_h, reactor_up_h, next(streams)))


def _commissioned(
    env: simpy.Environment,
    unit: UpLog,
    cfg: Operations,
    horizon_h: float,
    mtbf_h: float,
    rng: np.random.Generator,
) -> Generator[simpy.Event, Any, None]:
    """A fission unit: commissioning, then up and down until ``horizon_h`` (outages repaired
    in place, not by the miners' repair units); its service starts when it is first up."""
    if cfg.landings:  # without a schedule the plant is in place and commissioned at the start
        yield env.timeout(cfg.reactor_commissioning_days * 24.0)
    yield from unit_life(
        env,
        unit,
        horizon_h=horizon_h,
        mtbf_h=mtbf_h,
        mttr_h=cfg.reactor_mttr_h,
        rng=rng,
    )


def _fission_kw(cfg: Operations, units: list[tuple[float, UpLog]], n_hours: int) -> FloatArray:
    """Hourly fission output [kW]: each unit's up hours x rating x capacity left (a unit that
    lands too late to be commissioned before the end gives nothing)."""
    total = np.zeros(n_hours)
    for rating_kwe, log in units:
        if not log.landed_h:
            continue
        up = interval_hours(*log.arrays(), n_hours)
        loss = cfg.reactor_capacity_loss_per_year
        total += fission_output_kw(up, rating_kwe, log.landed_h[0], loss)
    return total


def _hourly_light(light: SiteLight | None, name: str, n_hours: int) -> tuple[FloatArray, bool]:
    """One of the light series read hour by hour (repeated if short); full Sun without one."""
    if light is None:
        return np.ones(n_hours), False
    return hourly_from_series(getattr(light, name), light.step_h, n_hours)


def ramp_fraction(ramps: tuple[Ramp, ...], t_h: ArrayLike) -> FloatArray:
    """The miners' throughput as a fraction of their rate at times ``t_h`` [h]: linear within
    each ramp, held between and after them, 1 before the first ramp and with none. [-]"""
    t_h = np.asarray(t_h, dtype=float)
    if not ramps:
        return np.ones_like(t_h)
    days = [d for ramp in ramps for d in (ramp.start_day, ramp.end_day)]
    values = [v for ramp in ramps for v in (ramp.start_fraction, ramp.end_fraction)]
    out = np.interp(t_h / 24.0, days, values)
    return np.where(t_h / 24.0 < ramps[0].start_day, 1.0, out)


def _ship(
    cfg: Operations, he3_kg: FloatArray, horizon_h: float, rng: np.random.Generator
) -> FlightLog:
    """Fly the return flights (SimPy) against the He-3 made hour by hour."""
    made = np.concatenate([[0.0], np.cumsum(he3_kg)])
    edges = np.arange(made.size, dtype=float)
    env = simpy.Environment()
    store = simpy.Container(env, init=0.0)
    log = FlightLog()
    env.process(
        return_flights(
            env,
            store,
            lambda t_h: float(np.interp(t_h, edges, made)),
            log,
            horizon_h=horizon_h,
            interval_h=cfg.launch_interval_days * 24.0,
            capacity_kg=cfg.return_capacity_kg,
            loss_probability=cfg.return_loss_probability,
            rng=rng,
        )
    )
    env.run()
    return log


def _flight_hours(flights: FlightLog, n_hours: int) -> dict[str, FloatArray]:
    """Shipped and lost He-3 [kg] and flights flown, by the hour each flight left."""
    times = np.asarray(flights.times_h, dtype=float)
    cargo = np.asarray(flights.cargo_kg, dtype=float)
    lost = np.asarray(flights.lost, dtype=bool)
    return {
        "he3_shipped_kg": event_hours(times[~lost], n_hours, cargo[~lost]),
        "he3_lost_kg": event_hours(times[lost], n_hours, cargo[lost]),
        "launches": event_hours(times, n_hours),
    }


def _table(
    hourly: pd.DataFrame,
    flows: dict[str, FloatArray],
    bin_h: int,
    feed: MiningFeed,
    cfg: Operations,
    index_name: str,
    first: int,
) -> pd.DataFrame:
    """The :data:`ANNUAL_COLUMNS` over bins of ``bin_h`` hours (years or days, the last bin may
    be short) from the hourly series and flows."""

    def sums(values: FloatArray) -> FloatArray:
        return bin_sums(values, bin_h)

    def at_end(values: FloatArray) -> FloatArray:
        return np.asarray(values)[
            np.minimum(np.arange(bin_h, len(values) + bin_h, bin_h), len(values)) - 1
        ]

    n_hours = len(hourly)
    lengths_h = sums(np.ones(n_hours))
    soc = hourly["state_of_charge_kwh"].to_numpy()
    generated = hourly["fission_kw"].to_numpy() + hourly["solar_kw"].to_numpy()
    consumed = sum(hourly[f"{load}_served_kw"].to_numpy() for load in LOADS)
    demand = sum(hourly[f"{load}_demand_kw"].to_numpy() for load in LOADS)
    table: dict[str, FloatArray] = {
        name: sums(flows[name])
        for name in ("regolith_excavated_t", "fines_processed_t", "he3_extracted_kg")
    }
    table["thermal_energy_mwh"] = sums(flows["thermal_energy_mwh"])
    table["fission_energy_mwh"] = sums(hourly["fission_kw"].to_numpy()) / 1e3
    table["solar_energy_mwh"] = sums(hourly["solar_kw"].to_numpy()) / 1e3
    table["energy_generated_mwh"] = sums(generated) / 1e3
    table["electric_energy_mwh"] = sums(consumed) / 1e3
    table["energy_stored_mwh"] = sums(np.diff(soc, prepend=0.0)) / 1e3
    table["energy_curtailed_mwh"] = sums(hourly["curtailed_kw"].to_numpy()) / 1e3
    table["battery_losses_mwh"] = sums(hourly["battery_losses_kw"].to_numpy()) / 1e3
    table["energy_deficit_mwh"] = sums(demand - consumed) / 1e3
    table["reactor_thermal_energy_mwh"] = sums(flows["reactor_thermal_energy_mwh"])
    reo = reo_kg_by_group(table["regolith_excavated_t"], feed.th_ppm, cfg.ree_recovery_fraction)
    for group, kg in reo.items():
        table[f"reo_{group}_kg"] = np.asarray(kg)
    per_kg = byproducts_per_kg_he3(he4_he3_atom_ratio=feed.he4_he3_atom_ratio)
    for species, column in zip(SPECIES, BYPRODUCT_COLUMNS, strict=True):
        table[column] = table["he3_extracted_kg"] * per_kg[species]
    for name in ("he3_shipped_kg", "he3_lost_kg"):
        table[name] = sums(flows[name])
    he3_left = np.cumsum(flows["he3_extracted_kg"] - flows["he3_shipped_kg"] - flows["he3_lost_kg"])
    table["he3_stock_kg"] = at_end(he3_left)
    table["hopper_fines_t"] = at_end(hourly["hopper_fines_t"].to_numpy())
    table["spares_stock_kg"] = at_end(
        np.cumsum(flows["spares_landed_kg"] - flows["spares_taken_kg"])
    )
    up_h = sums(hourly["miners_up"].to_numpy())
    present_h = sums(flows["present"])
    table["miner_availability"] = np.divide(
        up_h, present_h, out=np.full(up_h.size, np.nan), where=present_h > 0
    )
    table["miners_up"] = up_h / lengths_h
    table["miners_down"] = (present_h - up_h) / lengths_h
    table["power_limited_miners"] = sums(flows["power_limited_miners"]) / lengths_h
    table["launches"] = np.rint(sums(flows["launches"])).astype(int)
    table["miners_landed"] = np.rint(sums(flows["miners_landed"])).astype(int)
    for name in ("reactor_kwe_landed", "array_kw_landed", "battery_kwh_landed"):
        table[name] = sums(flows[name])
    for column in LANDED_MASS_COLUMNS:
        table[column] = sums(flows[column])
    table["landed_mass_kg"] = np.sum([table[column] for column in LANDED_MASS_COLUMNS], axis=0)
    index = pd.RangeIndex(first, first + lengths_h.size, name=index_name)
    return pd.DataFrame(table, index=index)[list(ANNUAL_COLUMNS)]


def miner_heater_power_kw_th(cfg: Operations, fines_mass_fraction: float) -> float:
    """Heater thermal power of one working miner [kW(th)]: its fines flow (excavation rate x
    ``fines_mass_fraction``) from ``regolith_inlet_temperature_k`` to ``heater_temperature_c``
    with ``heat_recuperation_fraction`` recovered, under ``cp_model``
    (:func:`lunarbase.operations.heating.heater_power_kw_th`)."""
    return heating.heater_power_kw_th(
        cfg.excavation_t_per_h * fines_mass_fraction,
        inlet_k=cfg.regolith_inlet_temperature_k,
        set_k=cfg.heater_temperature_c + heating.KELVIN_AT_0C,
        recuperation_fraction=cfg.heat_recuperation_fraction,
        model=cfg.cp_model,
    )


def processing_electric_kw(cfg: Operations, heater_kw_th: float) -> float:
    """Electric power one miner's processing line asks for at its full rate [kW]:
    ``processing_power_kw``, plus its heater's ``heater_kw_th`` when ``heat_source =
    "electric"`` (resistive heating)."""
    return cfg.processing_power_kw + (heater_kw_th if cfg.heat_source == "electric" else 0.0)


def miner_electric_kw(cfg: Operations, heater_kw_th: float) -> float:
    """Electric power one miner excavating and processing at its full rate asks for [kW]:
    ``miner_power_kw`` plus :func:`processing_electric_kw`."""
    return cfg.miner_power_kw + processing_electric_kw(cfg, heater_kw_th)


def steady_state_availability(mtbf_h: float, mttr_h: float) -> float:
    """Long-run fraction of time a miner is up, MTBF / (MTBF + MTTR). [-]"""
    return mtbf_h / (mtbf_h + mttr_h)


def expected_working_miners(
    n_miners: int, powered_miners: ArrayLike, availability: ArrayLike
) -> FloatArray:
    """Mean number of miners working: E[min(B, powered_miners)] with B ~ Binomial(n_miners,
    availability), for power enough for ``powered_miners`` (a real number) at once.

    Spare miners stand in for broken ones while there are more miners than power; with
    ``powered_miners >= n_miners`` this is simply ``availability * n_miners``. Broadcasts over
    arrays of ``powered_miners`` and ``availability`` (the economics stage's surrogate calls it
    once for all its draws).
    """
    powered = np.clip(np.asarray(powered_miners, dtype=float), 0.0, None)
    avail = np.asarray(availability, dtype=float)
    if n_miners <= 0:
        return np.zeros(np.broadcast(powered, avail).shape)
    k = np.arange(n_miners + 1).reshape((-1,) + (1,) * np.broadcast(powered, avail).ndim)
    # the binomial pmf written out: ~3x faster than scipy.stats.binom.pmf over 65,536 draws
    pmf = special.comb(n_miners, k) * avail**k * (1.0 - avail) ** (n_miners - k)
    return np.asarray((np.minimum(k, powered) * pmf).sum(axis=0))


def expected_he3_kg_per_year(
    cfg: Operations, *, feed: MiningFeed, heat_use_fraction: float = 1.0
) -> float:
    """Steady-state He-3 extracted per year by the model of :func:`simulate`, for a plant that
    is always up at its rating (no outages, no capacity loss), no arrays or battery, and no
    ramp-up.

    ``expected_working_miners x hours per year x heat_use_fraction x excavation rate x
    feed.fines_mass_fraction x feed.he3_fines_ppb x he3_release_fraction``, where the power
    left after the base load runs ``(reactor_power_kwe - base_load_kw) / miner draw`` miners at
    once.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing and power settings.
    feed : MiningFeed
        What the miners dig (fines fraction and grade are used).
    heat_use_fraction : float, default 1.0
        Mean fraction of their rate the miners can heat for (1 with electric heaters). [-]

    Returns
    -------
    float
        He-3 extracted per year. [kg/yr]
    """
    if not 0.0 <= heat_use_fraction <= 1.0:
        raise ValueError(f"heat_use_fraction must be in [0, 1] (got {heat_use_fraction!r})")
    miner_kw = miner_electric_kw(cfg, miner_heater_power_kw_th(cfg, feed.fines_mass_fraction))
    availability = steady_state_availability(cfg.miner_mtbf_h, cfg.miner_mttr_h)
    if heat_use_fraction == 0.0:
        return 0.0
    # each up miner asks for heat_use_fraction of its full draw, so the plant carries more
    powered = max(cfg.reactor_power_kwe - cfg.base_load_kw, 0.0) / (miner_kw * heat_use_fraction)
    working = float(expected_working_miners(cfg.n_miners, powered, availability))
    excavated_t = working * HOURS_PER_YEAR * heat_use_fraction * cfg.excavation_t_per_h
    fines_t = processing.fines_processed_t(excavated_t, feed.fines_mass_fraction)
    he3_kg = processing.he3_extracted_kg(fines_t, feed.he3_fines_ppb, cfg.he3_release_fraction)
    return float(he3_kg)
