"""The outcome of the operations stage (:class:`OperationsResults`): annual, daily and hourly
tables, the fleet and plant landed, and the headline figures of the run."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd

from lunarbase.jsonable import plain
from lunarbase.operations.columns import REO_COLUMNS
from lunarbase.operations.inputs import MiningFeed
from lunarbase.typing import FloatArray


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
    landings : pandas.DataFrame
        One row per landing flown within the run, columns :data:`~.columns.LANDINGS_COLUMNS` (day
        flown [d], lander, miners, plant [kWe], arrays [kW], battery [kWh], spares, payload and its
        plant unit [kg], failed [bool], planned day [d]): :attr:`n_miners` and
        :attr:`reactor_power_kwe` are what they carried, :attr:`miners_landed`,
        :attr:`reactor_kwe_landed` and the masses what landed (the annual ``*_landed`` columns).
    landing_failure_probability : float
        Chance each landing had of failing, losing its payload (for the economics stage's
        Monte Carlo; 0 for the flights of everything in place at the start). [-]
    max_flights_per_year : dict of str to int
        Flights a year each lander's launcher gave the programme, the catalogue's or the
        scenario's own (:func:`~.logistics.flight_rates`). [1/yr]
    miner_mass_kg : float
        Landed mass of one miner (by its throughput, :mod:`~lunarbase.operations.masses`). [kg]
    concentrator_mass_kg_per_miner : float
        Mass of one miner's solar concentrator (0 with electric heaters). [kg]
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
    landings: pd.DataFrame
    landing_failure_probability: float
    max_flights_per_year: dict[str, int]
    miner_mass_kg: float
    concentrator_mass_kg_per_miner: float
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
    def n_miners(self) -> int:
        """Miners flown: on the landings flown within the run, failed or not (the scenario's
        ``operations.n_miners`` when all land in time). [count]"""
        return int(self.landings["miners"].sum())

    @property
    def reactor_power_kwe(self) -> float:
        """Plant flown: the fission units on the landings flown within the run. [kWe]"""
        return float(self.landings["reactor_kwe"].sum())

    @property
    def miners_landed(self) -> int:
        """Miners that landed within the run (the fleet that works). [count]"""
        return int(self.annual["miners_landed"].sum())

    @property
    def reactor_kwe_landed(self) -> float:
        """Electric rating of the fission units that landed within the run. [kWe]"""
        return self.total("reactor_kwe_landed")

    @property
    def reactor_mass_kg(self) -> float:
        """Landed mass of the fission units (the surface fission law). [kg]"""
        return self.total("reactor_mass_landed_kg")

    @property
    def concentrator_mass_kg(self) -> float:
        """Landed mass of the miners' solar concentrators. [kg]"""
        return self.total("concentrator_mass_landed_kg")

    @property
    def array_kw(self) -> float:
        """Solar arrays landed. [kW]"""
        return self.total("array_kw_landed")

    @property
    def battery_kwh(self) -> float:
        """Battery capacity landed. [kWh]"""
        return self.total("battery_kwh_landed")

    @property
    def spares_landed_kg(self) -> float:
        """Spares landed into the surface store. [kg]"""
        return self.total("spares_landed_kg")

    @property
    def landed_mass_kg(self) -> float:
        """Hardware and spares landed within the run: the sum of the annual
        ``landed_mass_kg`` column. [kg]"""
        return self.total("landed_mass_kg")

    @property
    def landings_failed(self) -> int:
        """Landings that failed, their payloads lost. [count]"""
        return int(self.annual["landings_failed"].sum())

    @property
    def landings_slipped(self) -> int:
        """Landings flown later than planned, their launcher's flights a year being taken
        (:func:`~.logistics.fly_landings`). [count]"""
        return int((self.landings["day"] > self.landings["planned_day"]).sum())

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
        He-3, the fleet flown and what of it landed (miners [count], plant [kWe]), the landed
        plant and concentrator masses and all hardware and spares landed [kg], the landings
        that failed [count], the payload they lost [kg] and their probability [-], the
        landings that slipped past their planned day for lack of a flight [count], the
        production mass ratio [-], and He-3 extracted in the last year per miner landed
        [kg/yr] (the output per harvester a claim is about)."""
        years = len(self.annual)
        last_year_kg = float(self.annual["he3_extracted_kg"].iloc[-1]) if years else 0.0
        return plain(
            {
                "he3_kg_total": self.he3_extracted_kg,
                "he3_kg_per_year": self.he3_extracted_kg / years,
                "he3_kg_per_miner_year": (
                    last_year_kg / self.miners_landed if self.miners_landed else float("nan")
                ),
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
                "n_miners": self.n_miners,
                "miners_landed": self.miners_landed,
                "reactor_power_kwe": self.reactor_power_kwe,
                "reactor_kwe_landed": self.reactor_kwe_landed,
                "reactor_mass_kg": self.reactor_mass_kg,
                "concentrator_mass_kg": self.concentrator_mass_kg,
                "landed_mass_kg": self.landed_mass_kg,
                "landings_failed": self.landings_failed,
                "payload_lost_kg": self.total("payload_lost_kg"),
                "landing_failure_probability": self.landing_failure_probability,
                "landings_slipped": self.landings_slipped,
                "production_mass_ratio": self.production_mass_ratio,
                "light_horizon": self.light_horizon,
                "light_repeated": self.light_repeated,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready results: the fleet and plant, the :meth:`summary` as ``totals``, the
        landings (one record each) and one list per annual column (non-finite values become
        ``None``)."""
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
                "max_flights_per_year": dict(self.max_flights_per_year),
                "landings": self.landings.to_dict(orient="records"),
                "annual": annual,
            }
        )
