"""Operations stage: discrete-event simulation of the mining base (SimPy 4, time in hours) and
its closed form.

:func:`simulate` runs one process per miner (:mod:`~lunarbase.operations.fleet`), the power bus
(:mod:`~lunarbase.operations.power`), the He-3 store and the return flights
(:mod:`~lunarbase.operations.logistics`) for ``cfg.years`` years of 365.25 days, and returns
yearly totals. :func:`expected_he3_kg_per_year` is the steady-state expectation of the same
model, used to check the simulation.

What the miners dig comes from the resources stage (:class:`MiningFeed`, built by
:func:`feed_from`): the fines' mass fraction and enriched He-3 grade from its one grain model,
the thorium grade the rare-earth line beneficiates, the 4He/3He ratio of the by-products, and
the bulk density and mining depth that turn tonnes into area mined. Model assumptions (see each
module): heater power from cp(T) (:mod:`~lunarbase.operations.heating`, after the M-3 miner of
Olson 2021 [1]_); by-products scale with the He-3 released (Wisconsin ratios,
:mod:`lunarbase.resources.volatiles`); REE recovery is a declared assumption
(:mod:`~lunarbase.operations.rare_earths`); failures run on calendar time;
``daylight_duty_fraction`` is a duty cycle of powered shifts; return capacity limits the He-3
mass itself. Miners and plant enter service when they land (``landings``; without a schedule
everything is in place at the start); the He-3 store starts empty.

Not modelled yet (the power of the operations issue): an hourly energy balance with solar
arrays and batteries, and ramp-up; electric energy here is the miners' typed draw
(``miner_power_kw``) and the base load once plant has landed, and the deficit is the draw of
miners idled for lack of power.

References
----------
.. [1] Olson, A. D. S. (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and
   Potential ISRU Synergies. AIAA ASCEND 2021; NTRS 20210022801.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
import simpy

from lunarbase.constants import HOURS_PER_YEAR
from lunarbase.errors import ScenarioError
from lunarbase.jsonable import plain
from lunarbase.operations import heating, processing
from lunarbase.operations.fleet import MinerSpec, miner, shift_output
from lunarbase.operations.ledger import TIME_EPS_H, AnnualLedger
from lunarbase.operations.logistics import check_payload, return_flights
from lunarbase.operations.power import PowerBus, powered_miner_slots
from lunarbase.operations.rare_earths import GROUPS, reo_kg_by_group
from lunarbase.resources import ResourceResults, byproducts_per_kg_he3
from lunarbase.scenario import Operations
from lunarbase.seeds import SeedLike, fresh_sequence, seed_entropy

DEFAULT_SHIFT_H = 8.0
"""Default miner work shift, the simulation step [h]: three shifts a day."""

_RECORDED = (
    "base_kwh",
    "present_h",
    "powered_h",
    "power_limited_h",
    "he3_shipped_kg",
    "he3_lost_kg",
    "launches",
)

REO_COLUMNS = tuple(f"reo_{group}_kg" for group in GROUPS)
"""Rare-earth oxide columns, one per element group of :mod:`.rare_earths`."""

ANNUAL_COLUMNS = (
    "regolith_excavated_t",
    "fines_processed_t",
    "he3_extracted_kg",
    "thermal_energy_mwh",
    "electric_energy_mwh",
    "energy_deficit_mwh",
    *REO_COLUMNS,
    "he3_shipped_kg",
    "he3_lost_kg",
    "miner_availability",
    "power_limited_miners",
    "launches",
)
"""Columns of :attr:`OperationsResults.annual`: ``thermal_energy_mwh`` the heat the heaters
took from their source [MWh(th)]; ``electric_energy_mwh`` the miners' and the base's
electricity [MWh]; ``energy_deficit_mwh`` what idled miners would have drawn [MWh];
``reo_*_kg`` rare-earth oxide by group [kg]; availability the fraction of miner-hours up;
``power_limited_miners`` the mean number of up miners idled for lack of power."""


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
    he3_stock_end_kg : float
        He-3 left in the base store, not shipped, at the end. [kg]
    feed : MiningFeed
        What was mined (grades [ppb, ppm], fines fraction [-], density [kg/m^3], depth [m]).
    daylight_duty_fraction : float
        Light duty cycle simulated. [-]
    powered_miner_slots : int
        Miners the plant could power at once.
    miner_availability : float
        Fraction of the miners' hours on the Moon that they were up, over the whole run
        (None-safe: NaN for an empty fleet). [-]
    heater_power_kw_th : float
        Thermal power one working miner's heater draws from its source: fines flow x
        integral(cp dT) x (1 - recuperation) (:mod:`~lunarbase.operations.heating`). [kW(th)]
    byproducts_kg : dict of str to float
        Volatiles released with the He-3 over the run, per species (H2, H2O, N2, CO, CO2, CH4,
        He4). [kg]
    n_miners : int
        Miners landed (the fleet the economics stage prices). [count]
    miner_mass_kg : float
        Landed mass of one miner. [kg]
    reactor_power_kwe : float
        Electric power of the nuclear plant (priced by the economics stage). [kWe]
    reactor_mass_kg : float
        Landed mass of the plant. [kg]
    seed : int
        The run's seed (the miners draw from the operations stage's stream).
    """

    annual: pd.DataFrame
    daily: pd.DataFrame
    he3_stock_end_kg: float
    feed: MiningFeed
    daylight_duty_fraction: float
    powered_miner_slots: int
    miner_availability: float
    heater_power_kw_th: float
    byproducts_kg: dict[str, float]
    n_miners: int
    miner_mass_kg: float
    reactor_power_kwe: float
    reactor_mass_kg: float
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
    def ree_oxide_kg(self) -> float:
        """Rare-earth oxide recovered over the run, all groups. [kg]"""
        return sum(self.total(c) for c in REO_COLUMNS)

    @property
    def area_mined_km2(self) -> float:
        """Ground dug to the mining depth: excavated mass / (density x depth). [km^2]"""
        per_m2_t = self.feed.regolith_density_kg_m3 * self.feed.mining_depth_m / 1000.0
        return self.regolith_excavated_t / per_m2_t / 1e6

    @property
    def landed_mass_kg(self) -> float:
        """Hardware landed: the miners and the plant. [kg]"""
        return self.n_miners * self.miner_mass_kg + self.reactor_mass_kg

    @property
    def production_mass_ratio(self) -> float:
        """Product mass (He-3, volatiles, REO) per landed hardware mass over the run, the
        ISRU figure of merit phi (Metzger 2023, arXiv:2303.09011, as summarised). [-]"""
        if self.landed_mass_kg <= 0.0:
            return float("nan")
        product = self.he3_extracted_kg + sum(self.byproducts_kg.values()) + self.ree_oxide_kg
        return product / self.landed_mass_kg

    def summary(self) -> dict[str, Any]:
        """The headline figures of the run (the ``lunarbase simulate --json`` keys): He-3
        total [kg] and per year [kg/yr], regolith [t], area mined [km^2], heater power per
        miner [kW(th)], thermal, electric and deficit energy [MWh], mean availability [-], REO
        [kg], by-products per species [kg] and the production mass ratio [-]."""
        years = len(self.annual)
        return plain(
            {
                "he3_kg_total": self.he3_extracted_kg,
                "he3_kg_per_year": self.he3_extracted_kg / years,
                "he3_shipped_kg_total": self.he3_shipped_kg,
                "he3_lost_kg_total": self.total("he3_lost_kg"),
                "regolith_t_total": self.regolith_excavated_t,
                "area_mined_km2": self.area_mined_km2,
                "heater_power_kw_th": self.heater_power_kw_th,
                "thermal_energy_mwh_total": self.total("thermal_energy_mwh"),
                "electric_energy_mwh_total": self.total("electric_energy_mwh"),
                "energy_deficit_mwh": self.total("energy_deficit_mwh"),
                "availability": self.miner_availability,
                "ree_oxide_kg_total": self.ree_oxide_kg,
                "byproducts_kg": dict(self.byproducts_kg),
                "production_mass_ratio": self.production_mass_ratio,
                "landed_mass_kg": self.landed_mass_kg,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: plain floats, ints and lists (one list per annual column).

        Non-finite values (the availability of a fleet of zero miners) become ``None``.
        """
        annual = {"year": self.annual.index.to_numpy(), **self.annual.to_dict(orient="list")}
        return plain(
            {
                "seed": int(self.seed),
                "feed": asdict(self.feed),
                "daylight_duty_fraction": float(self.daylight_duty_fraction),
                "powered_miner_slots": int(self.powered_miner_slots),
                "heater_power_kw_th": float(self.heater_power_kw_th),
                "n_miners": int(self.n_miners),
                "reactor_power_kwe": float(self.reactor_power_kwe),
                "landed_mass_kg": self.landed_mass_kg,
                "totals": {
                    "regolith_excavated_t": self.regolith_excavated_t,
                    "area_mined_km2": self.area_mined_km2,
                    "he3_extracted_kg": self.he3_extracted_kg,
                    "thermal_energy_mwh": self.total("thermal_energy_mwh"),
                    "electric_energy_mwh": self.total("electric_energy_mwh"),
                    "energy_deficit_mwh": self.total("energy_deficit_mwh"),
                    "ree_oxide_kg": self.ree_oxide_kg,
                    "byproducts_kg": dict(self.byproducts_kg),
                    "he3_shipped_kg": self.he3_shipped_kg,
                    "he3_lost_kg": self.total("he3_lost_kg"),
                    "he3_stock_end_kg": float(self.he3_stock_end_kg),
                    "launches": self.launches,
                    "production_mass_ratio": self.production_mass_ratio,
                },
                "annual": annual,
            }
        )


def _check_duty(daylight_duty_fraction: float) -> None:
    if not 0.0 <= daylight_duty_fraction <= 1.0:
        raise ValueError(
            f"daylight_duty_fraction must be in [0, 1] (got {daylight_duty_fraction!r})"
        )


def simulate(
    cfg: Operations,
    *,
    feed: MiningFeed,
    seed: SeedLike,
    daylight_duty_fraction: float = 1.0,
    shift_h: float = DEFAULT_SHIFT_H,
) -> OperationsResults:
    """Simulate the mining base for ``cfg.years`` years.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing, power and logistics settings.
    feed : MiningFeed
        What the miners dig (:func:`feed_from` the resources stage's results).
    seed : int or numpy.random.SeedSequence
        Seed of ``numpy.random.default_rng``; each miner draws from its own spawned stream.
    daylight_duty_fraction : float, default 1.0
        Fraction of the time the miners can work for light (duty cycle). [-]
    shift_h : float, default :data:`DEFAULT_SHIFT_H`
        Miner work shift, the simulation step. [h]

    Returns
    -------
    OperationsResults

    Raises
    ------
    ScenarioError
        A plant that can never power one miner (the load no source can meet).
    """
    _check_duty(daylight_duty_fraction)
    if cfg.landings:
        check_landings(cfg)
    if not shift_h > 0.0:
        raise ValueError(f"shift_h must be > 0 (got {shift_h!r})")
    heater_kw_th = miner_heater_power_kw_th(cfg, feed.fines_mass_fraction)  # fails fast
    env = simpy.Environment()
    ledger = AnnualLedger(cfg.years, HOURS_PER_YEAR, _RECORDED)
    slots = powered_miner_slots(cfg.reactor_power_kwe, cfg.base_load_kw, cfg.miner_power_kw)
    if cfg.n_miners > 0 and slots == 0:
        raise ScenarioError(
            f"operations.reactor_power_kwe: {cfg.reactor_power_kwe:g} kWe can never power a "
            f"miner ({cfg.base_load_kw:g} kW base load + {cfg.miner_power_kw:g} kW per miner)"
        )
    power = PowerBus(env, slots)
    he3_store = simpy.Container(env, capacity=float("inf"), init=0.0)
    spec = MinerSpec(
        excavation_t_per_h=cfg.excavation_t_per_h,
        mtbf_h=cfg.miner_mtbf_h,
        mttr_h=cfg.miner_mttr_h,
        fines_mass_fraction=feed.fines_mass_fraction,
        he3_fines_ppb=feed.he3_fines_ppb,
        he3_release_fraction=cfg.he3_release_fraction,
        daylight_duty_fraction=daylight_duty_fraction,
        shift_h=shift_h,
    )
    repair = None if cfg.repair_units is None else simpy.Resource(env, capacity=cfg.repair_units)
    # one stream per miner, then one for the flights (adding it leaves the miners' unchanged)
    streams = np.random.default_rng(fresh_sequence(seed)).spawn(cfg.n_miners + 1)
    rngs = iter(streams[:-1])

    def start_miners(count: int) -> None:
        for _ in range(count):
            env.process(miner(env, spec, power, he3_store, ledger, next(rngs), repair))

    if cfg.landings:
        power.set_slots(0)
        env.process(arrivals(env, cfg, power, ledger, start_miners))
    else:
        base_kw = min(cfg.base_load_kw, cfg.reactor_power_kwe)
        ledger.add_hours("base_kwh", 0.0, ledger.horizon_h, rate=base_kw)
        start_miners(cfg.n_miners)
    env.process(
        return_flights(
            env,
            he3_store,
            ledger,
            interval_h=cfg.launch_interval_days * 24.0,
            capacity_kg=cfg.return_capacity_kg,
            loss_probability=cfg.return_loss_probability,
            rng=streams[-1],
        )
    )
    env.run(until=ledger.horizon_h + TIME_EPS_H)

    raw = ledger.frame()
    totals = raw.sum()
    up_h = totals["powered_h"] + totals["power_limited_h"]
    availability = up_h / totals["present_h"] if totals["present_h"] > 0.0 else float("nan")
    annual = _table(raw, HOURS_PER_YEAR, spec, cfg, feed, heater_kw_th)
    daily = _table(ledger.daily_frame(), ledger.day_lengths_h(), spec, cfg, feed, heater_kw_th)
    he3_kg = float(annual["he3_extracted_kg"].sum())
    per_kg = byproducts_per_kg_he3(he4_he3_atom_ratio=feed.he4_he3_atom_ratio)
    return OperationsResults(
        annual=annual,
        daily=daily,
        he3_stock_end_kg=float(he3_store.level),
        feed=feed,
        daylight_duty_fraction=float(daylight_duty_fraction),
        powered_miner_slots=slots,
        miner_availability=float(availability),
        heater_power_kw_th=heater_kw_th,
        byproducts_kg={species: he3_kg * ratio for species, ratio in per_kg.items()},
        n_miners=cfg.n_miners,
        miner_mass_kg=float(cfg.miner_mass_kg),
        reactor_power_kwe=float(cfg.reactor_power_kwe),
        reactor_mass_kg=float(cfg.reactor_power_kwe * cfg.reactor_mass_kg_per_kwe),
        seed=seed_entropy(seed),
    )


def check_landings(cfg: Operations) -> None:
    """Every landing's payload against its lander, and a first return flight after a landing.

    Raises
    ------
    ScenarioError
        An unknown lander, a payload over capacity, or return flights starting before anything
        has landed (naming the field).
    """
    run_days = cfg.years * HOURS_PER_YEAR / 24.0
    for i, landing in enumerate(cfg.landings):
        if landing.day >= run_days:
            raise ScenarioError(
                f"operations.landings[{i}].day: day {landing.day:g} is after the run's "
                f"{run_days:g} days (operations.years = {cfg.years})"
            )
        reactor_kg = landing.reactor_kwe * cfg.reactor_mass_kg_per_kwe
        payload = landing.miners * cfg.miner_mass_kg + reactor_kg + landing.spares_kg
        what = f"{landing.miners} miners, {landing.reactor_kwe:g} kWe and spares"
        check_payload(i, landing.lander, payload, what)
    first_day = min(landing.day for landing in cfg.landings)
    if first_day > cfg.launch_interval_days:
        raise ScenarioError(
            f"operations.launch_interval_days: the first return flight (day "
            f"{cfg.launch_interval_days:g}) would leave before the first landing (day "
            f"{first_day:g})"
        )


def arrivals(
    env: simpy.Environment,
    cfg: Operations,
    power: PowerBus,
    ledger: AnnualLedger,
    start_miners: Callable[[int], None],
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of the landings in date order: each puts its miners to work and adds its
    reactor power to the bus (units enter service on landing); the base load is served from
    the first plant landing on (``base_kwh``)."""
    landed_kwe = 0.0
    for landing in sorted(cfg.landings, key=lambda landing: landing.day):
        yield env.timeout(max(landing.day * 24.0 - env.now, 0.0))
        served_before = min(cfg.base_load_kw, landed_kwe)
        landed_kwe += landing.reactor_kwe
        served = min(cfg.base_load_kw, landed_kwe)
        ledger.add_hours("base_kwh", env.now, ledger.horizon_h, rate=served - served_before)
        power.set_slots(powered_miner_slots(landed_kwe, cfg.base_load_kw, cfg.miner_power_kw))
        start_miners(landing.miners)


def _table(
    raw: pd.DataFrame,
    bin_h: float | np.ndarray,
    spec: MinerSpec,
    cfg: Operations,
    feed: MiningFeed,
    heater_kw_th: float,
) -> pd.DataFrame:
    """The :data:`ANNUAL_COLUMNS` of a ledger frame whose rows are bins of ``bin_h`` hours
    (years, or days with a short last one): mass flows from the powered hours, heat,
    electricity (miners' draw and the base load once plant has landed), REO, shipments."""
    flows = shift_output(spec, raw["powered_h"].to_numpy())
    mass_flows = ("regolith_excavated_t", "fines_processed_t", "he3_extracted_kg")
    table = pd.DataFrame({name: flows[name] for name in mass_flows}, index=raw.index)
    fines_per_h = cfg.excavation_t_per_h * feed.fines_mass_fraction
    heat_mwh_per_t = heater_kw_th / 1000.0 / fines_per_h if fines_per_h > 0.0 else 0.0
    table["thermal_energy_mwh"] = table["fines_processed_t"] * heat_mwh_per_t
    miners_kwh = flows["working_h"] * cfg.miner_power_kw
    table["electric_energy_mwh"] = (miners_kwh + raw["base_kwh"].to_numpy()) / 1e3
    table["energy_deficit_mwh"] = raw["power_limited_h"] * cfg.miner_power_kw / 1000.0
    reo = reo_kg_by_group(
        table["regolith_excavated_t"].to_numpy(), feed.th_ppm, cfg.ree_recovery_fraction
    )
    for group, kg in reo.items():
        table[f"reo_{group}_kg"] = kg
    table["he3_shipped_kg"] = raw["he3_shipped_kg"]
    table["he3_lost_kg"] = raw["he3_lost_kg"]
    up_h = raw["powered_h"] + raw["power_limited_h"]  # a landed miner not up is down
    present_h = raw["present_h"].where(raw["present_h"] > 0.0)
    table["miner_availability"] = up_h / present_h
    table["power_limited_miners"] = raw["power_limited_h"] / bin_h
    table["launches"] = raw["launches"].round().astype(int)
    return table[list(ANNUAL_COLUMNS)]


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


def steady_state_availability(mtbf_h: float, mttr_h: float) -> float:
    """Long-run fraction of time a miner is up, MTBF / (MTBF + MTTR). [-]"""
    return mtbf_h / (mtbf_h + mttr_h)


def expected_working_miners(n_miners: int, slots: int, availability: float) -> float:
    """Mean number of miners working: E[min(B, slots)] with B ~ Binomial(n_miners, availability).

    Spare miners stand in for broken ones while there are more miners than power slots; with
    ``slots >= n_miners`` this is simply ``availability * n_miners``.
    """
    if slots <= 0 or n_miners <= 0:
        return 0.0
    if slots >= n_miners:
        return availability * n_miners
    return sum(
        min(k, slots)
        * math.comb(n_miners, k)
        * availability**k
        * (1.0 - availability) ** (n_miners - k)
        for k in range(n_miners + 1)
    )


def expected_he3_kg_per_year(
    cfg: Operations, *, feed: MiningFeed, daylight_duty_fraction: float = 1.0
) -> float:
    """Steady-state He-3 extracted per year by the model of :func:`simulate`.

    ``expected_working_miners x hours per year x daylight_duty_fraction x excavation rate x
    feed.fines_mass_fraction x feed.he3_fines_ppb x he3_release_fraction``; with enough power
    the working miners are availability MTBF / (MTBF + MTTR) times the fleet.

    Parameters
    ----------
    cfg : lunarbase.scenario.Operations
        Fleet, processing and power settings.
    feed : MiningFeed
        What the miners dig (fines fraction and grade are used).
    daylight_duty_fraction : float, default 1.0
        Light duty cycle. [-]

    Returns
    -------
    float
        He-3 extracted per year. [kg/yr]
    """
    _check_duty(daylight_duty_fraction)
    availability = steady_state_availability(cfg.miner_mtbf_h, cfg.miner_mttr_h)
    slots = powered_miner_slots(cfg.reactor_power_kwe, cfg.base_load_kw, cfg.miner_power_kw)
    working = expected_working_miners(cfg.n_miners, slots, availability)
    excavated_t = working * HOURS_PER_YEAR * daylight_duty_fraction * cfg.excavation_t_per_h
    fines_t = processing.fines_processed_t(excavated_t, feed.fines_mass_fraction)
    he3_kg = processing.he3_extracted_kg(fines_t, feed.he3_fines_ppb, cfg.he3_release_fraction)
    return float(he3_kg)
