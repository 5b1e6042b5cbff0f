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
