"""Scenario files: a Pydantic v2 schema read from TOML, with cited defaults and clear errors.

A scenario is one TOML file with one table per pipeline stage. Unknown keys are errors (a typo
must never pass silently); every error names the file, the line, the field and the allowed range.
Defaults cite their source in the field description; values marked *assumption* are the
project's own planning choices, not published figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lunarbase.errors import ScenarioError

DEFAULT_SCENARIO = "ilrs-2035"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(_Section):
    """Identity of the scenario."""

    name: str = Field("unnamed scenario", min_length=1, description="Human-readable name.")
    description: str = Field("", description="Free text shown in the report.")
    seed: int = Field(20350101, ge=0, le=2**63 - 1, description="Seed of every random draw.")


class Site(_Section):
    """Where the base stands (planetocentric, degrees east): the site the sites stage ranks
    best, unless ``lat_deg`` and ``lon_deg`` name one."""

    lat_deg: float | None = Field(
        None,
        ge=-90.0,
        le=90.0,
        description="Base latitude [deg]; unset (with lon_deg): the best-ranked site.",
    )
    lon_deg: float | None = Field(
        None,
        ge=-180.0,
        le=360.0,
        description="Base longitude [deg E]; unset (with lat_deg): the best-ranked site.",
    )
    mining_radius_km: float = Field(
        50.0, gt=0.0, le=2000.0, description="Radius of the area the miners work [km]."
    )
    mining_lat_deg: float | None = Field(
        None,
        ge=-90.0,
        le=90.0,
        description="Centre of the mining area when the miners work away from the base [deg]; "
        "its grades and its light then set production. Unset: around the base.",
    )
    mining_lon_deg: float | None = Field(
        None, ge=-180.0, le=360.0, description="Longitude of that centre [deg E]."
    )

    @model_validator(mode="after")
    def _points_whole(self) -> Site:
        if (self.lat_deg is None) != (self.lon_deg is None):
            raise ValueError(
                "give both lat_deg and lon_deg (an explicit base), or neither (the "
                "best-ranked site)"
            )
        if (self.mining_lat_deg is None) != (self.mining_lon_deg is None):
            raise ValueError("give both mining_lat_deg and mining_lon_deg, or neither")
        return self


class Terrain(_Section):
    """Horizon and illumination settings."""

    observer_height_m: float = Field(
        2.0,
        ge=0.0,
        le=100.0,
        description="Observer (mast) height above ground [m]; papers quote 0, 2 and 10 m "
        "(Glaser et al. 2014, Icarus 243:78-90).",
    )
    horizon_azimuths: int = Field(360, ge=8, le=3600, description="Azimuth sectors [count].")
    horizon_max_distance_km: float = Field(
        330.0,
        gt=0.0,
        le=2000.0,
        description="How far the horizon search reaches [km]; the far LOLA grid ends at ~330 km.",
    )
    start: dt.date = Field(dt.date(2035, 1, 1), description="Start of the light period (UTC).")
    end: dt.date = Field(dt.date(2036, 1, 1), description="End of the light period (UTC).")
    step_h: float = Field(2.0, gt=0.0, le=720.0, description="Time step of the light series [h].")

    @model_validator(mode="after")
    def _period_is_forward(self) -> Terrain:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be after start ({self.start})")
        return self


class Resources(_Section):
    """Regolith resource models."""

    he3_model: Literal["taylor1991_tio2", "johnson1999_fluence"] = Field(
        "taylor1991_tio2", description="He-3 grade model (see lunarbase.resources.grades)."
    )
    he4_he3_atom_ratio: float = Field(
        2700.0,
        gt=100.0,
        le=10000.0,
        description="4He/3He atom ratio of implanted helium; 2700 +- 130 from the Surveyor 3 "
        "foil (Buhler et al. 1971, EPSL 10:297).",
    )
    regolith_density_kg_m3: float = Field(
        1660.0,
        gt=0.0,
        le=3500.0,
        description="Bulk density of the top 0.6 m [kg/m^3]: 1.66 g/cm^3 "
        "(Carrier, Olhoeft & Mendell 1991, Lunar Sourcebook ch. 9, Table 9.4).",
    )
    mare_regolith_depth_m: float = Field(
        5.0,
        gt=0.0,
        le=100.0,
        description="Mean mare regolith thickness [m]: 4-5 m (McKay et al. 1991, Lunar "
        "Sourcebook ch. 7).",
    )
    highland_regolith_depth_m: float = Field(
        10.0,
        gt=0.0,
        le=100.0,
        description="Mean highland regolith thickness [m]: ~10-15 m (McKay et al. 1991).",
    )
    mare_feo_threshold_wt_pct: float = Field(
        14.0,
        ge=0.0,
        le=100.0,
        description="FeO above which a Lunar Prospector cell counts as mare [wt%] "
        "(mare soils 14-22 wt% FeO, highland soils 4-6 wt%; Lunar Sourcebook Table 7.15).",
    )
    mining_he3_ppb: float | None = Field(
        None,
        ge=0.0,
        le=1000.0,
        description="Bulk He-3 grade of the mining area [ppb] stated by the scenario instead of "
        "read from the map (design studies, e.g. the Wisconsin M-3's 20 ppb; Olson 2021); "
        "unset: the area-mean of the grade map.",
    )
    mining_depth_m: float = Field(
        3.0, gt=0.0, le=100.0, description="Depth the miners dig to [m] (assumption)."
    )
    grain_median_um: float = Field(
        51.0,
        gt=0.0,
        le=10_000.0,
        description="Median grain size of the soil [um]: 51 um, the average of Apollo 11 "
        "reference soil 10084 (Lunar Sample Compendium, after Basu et al. 2001, MAPS 36:177).",
    )
    grain_sorting_phi: float = Field(
        2.18,
        gt=0.0,
        le=10.0,
        description="Log-normal spread of grain size, Folk-Ward sorting [phi units]: derived "
        "from 10084's ~14 % finer than 10 um at its 51 um median; 'very poorly sorted' "
        "(2-4 phi), as Carrier (2003, J. Geotech. Geoenviron. Eng. 129:956) classes lunar soil.",
    )
    fines_cut_um: float = Field(
        100.0,
        gt=0.0,
        le=10_000.0,
        description="Sieve cut of the fines the miners heat [um]: < 100 um in the Wisconsin M-3 "
        "miner (Olson 2021, NTRS 20210022801).",
    )
    uncertainty_draws: int = Field(
        2000, ge=10, le=1_000_000, description="Monte Carlo draws for inventory bands."
    )


class Sites(_Section):
    """Where the base should stand: criteria maps of the south-polar region, weighted, under hard
    constraints, the best sites at a minimum spacing (lunarbase.sites). Weights are relative
    (normalised by their sum); their values are assumptions of this scenario."""

    max_colatitude_deg: float = Field(
        4.0,
        gt=0.0,
        le=5.0,
        description="Search the disk within this angle of the pole [deg] (assumption; 4 deg "
        "holds the ILRS and Artemis III candidate regions nearest the pole; the 240 m grid "
        "reaches ~6 deg).",
    )
    top: int = Field(12, ge=1, le=100, description="Sites ranked and reported [count].")
    min_spacing_km: float = Field(
        3.0,
        ge=0.0,
        le=100.0,
        description="Least distance between two ranked sites [km] (assumption: distinct "
        "ridges or rims, not neighbouring pixels of one).",
    )
    max_slope_deg: float = Field(
        15.0,
        gt=0.0,
        le=90.0,
        description="Hard constraint: steepest slope a lander accepts [deg] (assumption).",
    )
    min_illumination_fraction: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Hard constraint: least mean Sun-disk fraction [-] (0: none).",
    )
    weight_illumination: float = Field(
        0.4, ge=0.0, le=1.0, description="Weight of the mean visible Sun-disk fraction [-]."
    )
    weight_sunlit_any: float = Field(
        0.05, ge=0.0, le=1.0, description="Weight of the time any of the Sun is in view [-]."
    )
    weight_night: float = Field(
        0.15, ge=0.0, le=1.0, description="Weight of a short longest night [-]."
    )
    weight_earth_visibility: float = Field(
        0.15, ge=0.0, le=1.0, description="Weight of direct-to-Earth radio view [-]."
    )
    weight_slope: float = Field(0.1, ge=0.0, le=1.0, description="Weight of a gentle slope [-].")
    weight_psr_proximity: float = Field(
        0.1, ge=0.0, le=1.0, description="Weight of nearness to a shadowed (ice) region [-]."
    )
    weight_he3: float = Field(
        0.05, ge=0.0, le=1.0, description="Weight of the He-3 grade within haul range [-]."
    )
    weight_th: float = Field(
        0.0, ge=0.0, le=1.0, description="Weight of the Th (KREEP, rare-earth) grade [-]."
    )

    @model_validator(mode="after")
    def _some_weight(self) -> Sites:
        if sum(v for k, v in self.model_dump().items() if k.startswith("weight_")) <= 0.0:
            raise ValueError("the site weights sum to zero: at least one must be positive")
        return self


class Landing(_Section):
    """One landing: when, on which lander, and what it brings (units enter service on landing)."""

    day: float = Field(
        0.0, ge=0.0, le=36_525.0, description="Days after the start of operations [d]."
    )
    lander: str = Field(
        "starship_hls",
        min_length=1,
        description="Lander (lunarbase.operations.logistics.LANDERS); its payload capacity is "
        "checked.",
    )
    miners: int = Field(0, ge=0, le=10_000, description="Miners it lands [count].")
    reactor_kwe: float = Field(
        0.0, ge=0.0, le=1_000_000.0, description="Nuclear plant power it lands [kWe]."
    )
    array_kw: float = Field(
        0.0, ge=0.0, le=1_000_000.0, description="Solar array rating it lands [kW]."
    )
    battery_kwh: float = Field(
        0.0, ge=0.0, le=1e8, description="Usable battery capacity it lands [kWh]."
    )
    spares_kg: float = Field(
        0.0,
        ge=0.0,
        le=1e7,
        description="Spares it lands into the surface store that repairs draw on [kg].",
    )
    source: str = Field("", description="Where the date and contents come from.")


class Ramp(_Section):
    """A stretch of ramp-up: the miners' throughput moves linearly between two fractions of
    their rate (commissioning, learning); it holds its last value until the next ramp."""

    start_day: float = Field(..., ge=0.0, le=36_525.0, description="Start [days after start].")
    end_day: float = Field(..., ge=0.0, le=36_525.0, description="End [days after start].")
    start_fraction: float = Field(
        ..., ge=0.0, le=1.0, description="Fraction of the rated throughput at the start [-]."
    )
    end_fraction: float = Field(
        ..., ge=0.0, le=1.0, description="Fraction of the rated throughput at the end [-]."
    )

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Ramp:
        if not self.end_day > self.start_day:
            raise ValueError(
                f"end_day ({self.end_day:g}) must be after start_day ({self.start_day:g})"
            )
        return self


class Operations(_Section):
    """Fleet, processing, power and logistics of the mining base."""

    years: int = Field(10, ge=1, le=100, description="Simulated operating years.")
    n_miners: int = Field(5, ge=0, le=10_000, description="Number of mobile miners.")
    excavation_t_per_h: float = Field(
        100.0,
        gt=0.0,
        le=10_000.0,
        description="Regolith excavated per miner-hour [t/h]; Interlune/Vermeer prototype "
        "100 t/h (press, May 2025).",
    )
    he3_release_fraction: float = Field(
        0.75,
        gt=0.0,
        le=1.0,
        description="Fraction of the He-3 in the fines released at 700 C (assumption: the "
        "commonly quoted 75-85 % is unconfirmed).",
    )
    heater_temperature_c: float = Field(
        700.0,
        gt=0.0,
        le=726.0,
        description="Set point the fines are heated to [degC]: 700 C in the Wisconsin M-3 miner "
        "(Olson 2021, NTRS 20210022801); at most 726 C, the top of the cp(T) fits (1000 K).",
    )
    heat_recuperation_fraction: float = Field(
        0.85,
        ge=0.0,
        lt=1.0,
        description="Fraction of the sensible heat recovered from the spent fines [-]: 85 % in "
        "the M-3 heat-pipe exchanger (Olson 2021, NTRS 20210022801).",
    )
    regolith_inlet_temperature_k: float = Field(
        250.0,
        ge=90.0,
        le=400.0,
        description="Temperature of the fines entering the heater [K] (assumption: ~250 K, the "
        "mean temperature below the diurnal skin at the Apollo 15/17 heat-flow sites as commonly "
        "quoted; polar regolith is colder, which raises the heat needed).",
    )
    heat_source: Literal["electric", "solar_concentrator"] = Field(
        "solar_concentrator",
        description="What heats the fines: 'electric' (resistive heaters on the base's power, "
        "served with the miners) or 'solar_concentrator' (a Sun-tracking concentrator on each "
        "miner, as the M-3's 12 MW one, Olson 2021: processing then runs only while the Sun is "
        "up where the miners work, at the heat the visible part of the disk gives). The ILRS "
        "heat source is unpublished (assumption).",
    )
    concentrator_kw_th: float = Field(
        2000.0,
        ge=0.0,
        le=1_000_000.0,
        description="Heat one miner's solar concentrator delivers in full sunlight [kW(th)]; "
        "12,000 for the M-3 (Olson 2021); 2,000 (assumption) is about a 100 t/h miner's heater. "
        "Used when heat_source = 'solar_concentrator'.",
    )
    cp_model: Literal["biele2022", "hayne2017"] = Field(
        "biele2022",
        description="Specific heat of regolith cp(T) (see lunarbase.operations.heating): "
        "biele2022 holds to 1000 K; hayne2017 only to 400 K.",
    )
    miner_power_kw: float = Field(
        150.0,
        gt=0.0,
        le=100_000.0,
        description="Electric power one miner draws excavating at its full rate: digging, "
        "hauling and sieving [kW] (assumption: no published figure).",
    )
    processing_power_kw: float = Field(
        50.0,
        ge=0.0,
        le=100_000.0,
        description="Electric power one miner's processing line draws at its full rate: gas "
        "separation, compression and storage, heaters not included [kW] (assumption: no "
        "published figure). Served before excavation.",
    )
    hopper_h: float = Field(
        24.0,
        ge=0.0,
        le=10_000.0,
        description="Fines hopper between excavation and processing, in hours of one miner's "
        "full-rate fines, per miner on the Moon [h] (assumption: no published figure). It lets "
        "processing go on from the stockpile while power is short for digging; 0 runs the two "
        "in step.",
    )
    reactor_power_kwe: float = Field(
        1000.0,
        ge=0.0,
        le=1_000_000.0,
        description="Electric power of the base nuclear plant [kWe] (assumption; NASA FSP "
        "asks >= 100 kWe per unit, GRC RFI 2025).",
    )
    base_load_kw: float = Field(
        100.0,
        ge=0.0,
        le=1_000_000.0,
        description="Life support, thermal control and communications, served first from the "
        "first landing on [kW] (assumption).",
    )
    reactor_thermal_efficiency: float = Field(
        0.26,
        gt=0.0,
        le=1.0,
        description="Fission plant thermal-to-electric efficiency [-]: the Russian TEM space "
        "reactor's 1 MWe from 3.8 MW(th) (Wikipedia 'TEM (nuclear propulsion)'; secondary).",
    )
    reactor_availability: float = Field(
        0.95,
        gt=0.0,
        le=1.0,
        description="Fraction of the time a fission unit is up [-] (assumption; try 0.8-1).",
    )
    reactor_mttr_h: float = Field(
        168.0,
        gt=0.0,
        le=1e6,
        description="Mean length of a fission unit's outage [h] (assumption).",
    )
    reactor_capacity_loss_per_year: float = Field(
        0.0159,
        ge=0.0,
        lt=1.0,
        description="Fraction of a fission unit's capacity lost per year of service [1/yr]: "
        "1.59 %/yr in a peer FSP cost model (Imperial College MSc, fsps-system-design-analysis; "
        "thesis assumption).",
    )
    reactor_commissioning_days: float = Field(
        30.0,
        ge=0.0,
        le=3650.0,
        description="Days from a fission unit's landing to its first power (assumption).",
    )
    array_kw: float = Field(
        0.0,
        ge=0.0,
        le=1_000_000.0,
        description="Solar array rating at the base [kW]; output follows the visible fraction "
        "of the Sun's disk at the terrain stage's observer height.",
    )
    array_mass_kg_per_kw: float = Field(
        20.0,
        gt=0.0,
        le=1e4,
        description="Solar array specific mass with its mast [kg/kW] (assumption: ~100 W/kg "
        "for the blanket alone, doubled for a tall polar mast; try 10-50).",
    )
    battery_kwh: float = Field(
        0.0, ge=0.0, le=1e8, description="Usable battery capacity at the base [kWh]."
    )
    battery_round_trip_efficiency: float = Field(
        0.9,
        gt=0.0,
        le=1.0,
        description="Battery energy out per energy in [-] (assumption: Li-ion 0.85-0.95).",
    )
    battery_mass_kg_per_kwh: float = Field(
        6.7,
        gt=0.0,
        le=1e4,
        description="Battery specific mass [kg/kWh] (assumption: a 150 Wh/kg pack; try 4-10).",
    )
    miner_mass_kg: float = Field(
        10_000.0,
        gt=0.0,
        le=1e7,
        description="Landed mass per miner [kg]; Wisconsin Mark III < 10 t (Gajda 2006, "
        "UWFDM-1304).",
    )
    reactor_mass_kg_per_kwe: float = Field(
        150.0,
        gt=0.0,
        le=1e4,
        description="Plant specific mass [kg/kWe]; NASA FSP: <= 6 t for 40 kWe and < 15 t for "
        "100 kWe, i.e. <= 150 kg/kWe (FSP RFP 2021, GRC RFI 2025).",
    )
    ree_recovery_fraction: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Fraction of each rare-earth element of the excavated regolith recovered by "
        "KREEP beneficiation into a concentrate [-] (assumption: no lunar process has published "
        "one; try 0.2-0.8).",
    )
    miner_mtbf_h: float = Field(
        1000.0, gt=0.0, le=1e7, description="Mean time between miner failures [h] (assumption)."
    )
    miner_mttr_h: float = Field(
        72.0, gt=0.0, le=1e6, description="Mean time to repair a miner [h] (assumption)."
    )
    repair_units: int | None = Field(
        None,
        ge=1,
        le=10_000,
        description="Repair units at the base, each fixing one miner at a time [count]; a failed "
        "miner waits for a free one (assumption). Unset: every failed miner is repaired at once.",
    )
    spares_kg_per_repair: float = Field(
        0.0,
        ge=0.0,
        le=1e6,
        description="Spares one miner repair takes from the surface store [kg] (assumption; "
        "0: repairs need no spares). A repair waits for spares when the store is empty.",
    )
    ramps: tuple[Ramp, ...] = Field(
        (),
        description="Ramp-up of the miners' throughput, in date order and not overlapping. "
        "Empty: full rate from landing.",
    )
    landings: tuple[Landing, ...] = Field(
        (),
        description="Dated landings of the hardware; together they must bring n_miners miners "
        "and reactor_power_kwe of plant. Empty: everything is in place at the start.",
    )
    launch_interval_days: float = Field(
        90.0, gt=0.0, le=3650.0, description="Days between return flights to Earth."
    )
    return_loss_probability: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Chance that a return flight and its cargo are lost [-] (assumption; 0: "
        "every flight arrives).",
    )
    return_capacity_kg: float = Field(
        1000.0, gt=0.0, le=1e6, description="He-3 (with containers) one flight carries [kg]."
    )

    @model_validator(mode="after")
    def _ramps_in_order(self) -> Operations:
        for i in range(1, len(self.ramps)):
            before, ramp = self.ramps[i - 1], self.ramps[i]
            if ramp.start_day < before.end_day:
                raise ValueError(
                    f"ramps[{i}] starts on day {ramp.start_day:g}, before ramps[{i - 1}] ends "
                    f"(day {before.end_day:g}): ramps must be in date order and not overlap"
                )
        return self

    @model_validator(mode="after")
    def _landings_bring_the_fleet(self) -> Operations:
        if not self.landings:
            return self
        for name in ("array_kw", "battery_kwh"):
            landed = sum(getattr(landing, name) for landing in self.landings)
            if abs(landed - getattr(self, name)) > 1e-6:
                raise ValueError(
                    f"landings bring {landed:g} {name} but {name} = {getattr(self, name):g} "
                    "(make them agree)"
                )
        miners = sum(landing.miners for landing in self.landings)
        kwe = sum(landing.reactor_kwe for landing in self.landings)
        if miners != self.n_miners or abs(kwe - self.reactor_power_kwe) > 1e-6:
            raise ValueError(
                f"landings bring {miners} miners and {kwe:g} kWe but n_miners = {self.n_miners} "
                f"and reactor_power_kwe = {self.reactor_power_kwe:g} (make them agree)"
            )
        return self


UNCERTAIN_NAMES = (
    "launch_cost_usd_per_kg",
    "he3_price_usd_per_l",
    "development_cost_usd",
    "miner_unit_cost_usd",
    "reactor_cost_usd_per_kg",
    "annual_opex_fraction",
    "return_flight_cost_usd",
    "return_cost_usd_per_kg",
    "discount_rate",
    "fusion_demand_gwe",
    "fusion_electric_efficiency",
    "electricity_price_usd_per_mwh",
    "he3_grade_scale",
    "he3_release_scale",
    "miner_power_scale",
    "miner_mtbf_scale",
    "fusion_plant_nonfuel_cost_usd_per_mwh",
    "miner_mass_scale",
    "reactor_mass_scale",
    "concentrator_mass_scale",
    "spares_mass_scale",
)
"""Inputs a scenario may declare uncertain: ``[economics]`` fields by name, four multipliers on
what the operations stage simulated (the He-3 grade of the fines, the release fraction, the
miners' electric draw and their MTBF, through the steady-state surrogate of
:mod:`lunarbase.economics.surrogate`) and four on the landed mass of the miners, the plant, the
concentrators and the spares. Every distribution is of a *multiplier* on the scenario's own
value (nominal 1; for a ``*_scale`` input, on what was simulated)."""


DISTRIBUTIONS = {
    "uniform": ("low", "high"),
    "loguniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "normal": ("mean", "sd"),
    "lognormal": ("median", "sigma"),
    "fixed": (),
}
"""Distribution families of :class:`Distribution` and the parameters each takes."""

DISTRIBUTION_PARAMETERS = ("low", "high", "mode", "mean", "sd", "median", "sigma")
"""Every parameter a :class:`Distribution` may be given."""


class Distribution(_Section):
    """An uncertain input: a distribution family of the multiplier on the scenario's value
    (nominal 1), its parameters [-] and the source of its ends. Draws below zero (a normal's
    tail) are clipped to 0. ``fixed`` holds the input at the scenario's value (not drawn)."""

    dist: Literal["uniform", "loguniform", "triangular", "normal", "lognormal", "fixed"] = Field(
        ..., description="Family: uniform, loguniform, triangular, normal, lognormal or fixed."
    )
    low: float | None = Field(None, description="Lower end (uniform, loguniform, triangular).")
    high: float | None = Field(None, description="Upper end (uniform, loguniform, triangular).")
    mode: float | None = Field(None, description="Most likely value (triangular).")
    mean: float | None = Field(None, description="Mean (normal).")
    sd: float | None = Field(None, description="Standard deviation (normal), > 0.")
    median: float | None = Field(None, description="Median (lognormal), > 0.")
    sigma: float | None = Field(None, description="Standard deviation of the log (lognormal).")
    source: str = Field(..., min_length=1, description="Where the ends come from.")

    @model_validator(mode="after")
    def _parameters_fit_the_family(self) -> Distribution:
        wanted = DISTRIBUTIONS[self.dist]
        given = {n for n in DISTRIBUTION_PARAMETERS if getattr(self, n) is not None}
        if given != set(wanted):
            raise ValueError(
                f"{self.dist} takes {', '.join(wanted)} (got {', '.join(sorted(given)) or 'none'})"
            )
        v = {n: float(getattr(self, n)) for n in wanted}
        match self.dist:
            case "uniform":
                ok, rule = v["low"] < v["high"], "low < high"
            case "loguniform":
                ok, rule = 0.0 < v["low"] < v["high"], "0 < low < high"
            case "triangular":
                ok = v["low"] <= v["mode"] <= v["high"] and v["low"] < v["high"]
                rule = "low <= mode <= high and low < high"
            case "normal":
                ok, rule = v["sd"] > 0.0, "sd > 0"
            case "fixed":
                ok, rule = True, ""
            case _:  # lognormal
                ok, rule = v["median"] > 0.0 and v["sigma"] > 0.0, "median > 0 and sigma > 0"
        if not ok:
            raise ValueError(f"{self.dist} needs {rule}")
        if self.dist in ("uniform", "loguniform", "triangular") and not (
            v["low"] <= 1.0 <= v["high"]
        ):
            raise ValueError(
                f"the scenario's value (multiplier 1) is outside {self.dist} "
                f"[{v['low']:g}, {v['high']:g}]: give multipliers of the scenario's value"
            )
        return self


class DemandTier(_Section):
    """One block of He-3 demand: buyers of ``volume_l_per_yr`` litres a year (gas at STP) who pay
    ``price_usd_per_l`` (None: today's price, ``he3_price_usd_per_l``)."""

    name: str = Field(..., min_length=1, description="Who buys.")
    volume_l_per_yr: float = Field(..., ge=0.0, le=1e12, description="Volume bought [L/yr, STP].")
    price_usd_per_l: float | None = Field(
        None, ge=0.0, le=1e9, description="Price paid [USD/L]; None: he3_price_usd_per_l."
    )
    source: str = Field(..., min_length=1, description="Source of the volume and price.")


HE3_DEMAND = (
    DemandTier(
        name="Bluefors dilution refrigerators (Interlune agreement)",
        volume_l_per_yr=10_000.0,
        source="Bluefors press release (2025): up to 10,000 L/yr, 2028-2037",
    ),
    DemandTier(
        name="US federal demand (neutron detection, research)",
        volume_l_per_yr=6_000.0,
        source="DOE Isotope Program, 'Supply and Demand of Helium-3' fact sheet: < 6,000 L/yr",
    ),
    DemandTier(
        name="demand unmet in the 2009 shortage, at the historic price",
        volume_l_per_yr=168_000.0,
        price_usd_per_l=100.0,
        source="AIP FYI 12 May 2010: 213,000 L demand vs 45,000 L supply; historic $100/L "
        "(Wikipedia 'Helium-3', citing IEEE Spectrum)",
    ),
)
"""Default He-3 demand: today's cryogenic market (dilution refrigerators for quantum
computing, neutron detectors) from cited volumes."""


UNCERTAIN_DEFAULTS = {
    "launch_cost_usd_per_kg": Distribution(
        dist="loguniform",
        low=0.5,
        high=2.0,
        source="assumption: x0.5-2 on each lander's quoted price; Peregrine's CLPS task order "
        "grew 36 % (CST-03) and Starship's $100,000/kg is a list price, not a delivered record "
        "(CST-05)",
    ),
    "he3_price_usd_per_l": Distribution(
        dist="triangular",
        low=0.04,
        mode=1.0,
        high=1.08,
        source="x0.04-1.08 of the default $2,500/L (Edelgas Group 2024 via Forbes): the historic "
        "~$100/L (Wikipedia 'Helium-3', citing IEEE Spectrum) to Interlune's $20M/kg = $2,690/L "
        "(MKT-05)",
    ),
    "he3_grade_scale": Distribution(
        dist="uniform",
        low=0.5,
        high=1.5,
        source="assumption: +-50 % on the mapped He-3 grade of the fines",
    ),
    "he3_release_scale": Distribution(
        dist="uniform",
        low=0.8,
        high=1.13,
        source="assumption: release 0.6-0.85 around 0.75 (~74 % at ~1000 K in Song et al. 2021, "
        "Minerals 11:319; the classic 75-85 % is unconfirmed)",
    ),
    "miner_power_scale": Distribution(
        dist="loguniform", low=0.5, high=2.0, source="assumption: miner draws unpublished"
    ),
    "miner_mtbf_scale": Distribution(
        dist="loguniform", low=0.5, high=2.0, source="assumption: no lunar miner has flown"
    ),
    "miner_unit_cost_usd": Distribution(
        dist="loguniform", low=0.5, high=2.0, source="assumption: x0.5-2, no published cost"
    ),
    "development_cost_usd": Distribution(
        dist="triangular",
        low=0.5,
        mode=1.0,
        high=3.0,
        source="assumption: x0.5-3 (large programmes overrun more often than they underrun); "
        "no published ILRS budget",
    ),
    "reactor_cost_usd_per_kg": Distribution(
        dist="loguniform",
        low=0.5,
        high=2.0,
        source="assumption: x0.5-2 on the $43,000/kg of an Imperial College MSc FSP cost model",
    ),
    "annual_opex_fraction": Distribution(
        dist="uniform", low=0.5, high=1.5, source="assumption: +-50 % on the O&M fraction"
    ),
    "discount_rate": Distribution(
        dist="triangular",
        low=0.286,
        mode=1.0,
        high=1.0,
        source="x0.29-1 of the default 7 %: OMB Circular A-4 (2023) 2.0 % real to the 7 % real "
        "of Circular A-94 (1992), reinstated by OMB memo M-25-23 (Feb 2025)",
    ),
    "electricity_price_usd_per_mwh": Distribution(
        dist="uniform", low=0.5, high=1.5, source="assumption: +-50 % on the wholesale price"
    ),
    "fusion_plant_nonfuel_cost_usd_per_mwh": Distribution(
        dist="uniform",
        low=0.77,
        high=1.23,
        source="5-8 US cents/kWh around the default 6.5 (PPCS and ARIES studies, IPP FAQ 'What "
        "will fusion power cost?')",
    ),
    "miner_mass_scale": Distribution(
        dist="loguniform",
        low=0.5,
        high=2.0,
        source="assumption: x0.5-2 on the miner's landed mass (the Mark III's < 10 t is one "
        "paper design, Gajda 2006)",
    ),
    "reactor_mass_scale": Distribution(
        dist="loguniform",
        low=0.5,
        high=2.0,
        source="assumption: x0.5-2 on the plant's specific mass (258 kg/kWe at 3 kWe to "
        "<= 150 kg/kWe at 40-100 kWe: CST-06/07 and operations-economics.md section 8)",
    ),
    "concentrator_mass_scale": Distribution(
        dist="loguniform",
        low=0.5,
        high=2.0,
        source="assumption: x0.5-2 on the concentrators' areal mass",
    ),
    "spares_mass_scale": Distribution(
        dist="uniform", low=0.5, high=1.5, source="assumption: +-50 % on the spares landed"
    ),
}
"""Default uncertain inputs: distributions of multipliers on the scenario's values, with the
sources of their ends. A scenario's ``[economics.uncertain.X]`` entries replace these one by
one (the rest stay); ``dist = "fixed"`` holds one at the scenario's value."""


class Economics(_Section):
    """Costs, markets, fusion value, discounting and uncertainty. Money is in real (constant)
    2025 US dollars; cash flows fall in the operating year they happen (year 0 = development,
    before the first landing)."""

    discount_rate: float = Field(
        0.07,
        ge=0.0,
        le=1.0,
        description="Real discount rate [1/yr]: 7 %, OMB Circular A-94 (1992) as reinstated by "
        "OMB memo M-25-23 (Feb 2025); Circular A-4 (2023) had 2.0 % (the range drawn).",
    )
    development_cost_usd: float = Field(
        1.0e10,
        ge=0.0,
        le=1e13,
        description="Non-recurring development, paid in year 0 [USD] "
        "(assumption: no published ILRS budget).",
    )
    launch_cost_usd_per_kg: float | None = Field(
        None,
        gt=0.0,
        le=1e9,
        description="One price to land 1 kg on the Moon for every lander [USD/kg]; unset: each "
        "landing at its lander's delivered price (lunarbase landers; "
        "lunarbase.economics.delivery).",
    )
    launch_progress_ratio: float = Field(
        0.9,
        gt=0.0,
        le=1.0,
        description="Wright's-law progress ratio of a lander's delivered price over its "
        "cumulative flights [-] (assumption: 0.9 (0.8-1.0), between the 80 % per doubling "
        "Wright 1936 found for airframes and no learning).",
    )
    miner_unit_cost_usd: float = Field(
        5.0e8, ge=0.0, le=1e13, description="Build cost of the first miner [USD] (assumption)."
    )
    learning_progress_ratio: float = Field(
        1.0,
        gt=0.0,
        le=1.0,
        description="Wright's-law progress ratio for miners: each doubling "
        "of units built multiplies unit cost by it [-]; 1 = no learning, 0.85 as in the "
        "lunar-horizon-optimizer peer tool.",
    )
    reactor_cost_usd_per_kg: float = Field(
        43_000.0,
        ge=0.0,
        le=1e9,
        description="Fission plant build cost per kg [USD/kg]; "
        "$43,000/kg in an Imperial College MSc FSP cost model (thesis assumption).",
    )
    array_cost_usd_per_kw: float = Field(
        5.0e5, ge=0.0, le=1e9, description="Solar array build cost [USD/kW] (assumption)."
    )
    battery_cost_usd_per_kwh: float = Field(
        5.0e4, ge=0.0, le=1e9, description="Battery build cost [USD/kWh] (assumption)."
    )
    spares_cost_usd_per_kg: float = Field(
        5.0e4, ge=0.0, le=1e9, description="Spare parts build cost [USD/kg] (assumption)."
    )
    annual_opex_fraction: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="Yearly operations and maintenance / build cost of the "
        "hardware on the Moon (not its transport) [1/yr] (assumption).",
    )
    return_flight_cost_usd: float = Field(
        5.0e7, ge=0.0, le=1e12, description="Fixed cost of one return flight [USD] (assumption)."
    )
    return_cost_usd_per_kg: float = Field(
        1.0e5,
        ge=0.0,
        le=1e9,
        description="Cost per kg of cargo returned to Earth [USD/kg] "
        "(assumption: the Starship $100,000/kg cargo list price, SpaceX 2025).",
    )
    he3_price_usd_per_l: float = Field(
        2500.0,
        ge=0.0,
        le=1e7,
        description="Today's He-3 price [USD/L, gas at STP]: $2,500/L "
        "in 2024 (Edelgas Group via Forbes) = ~$18.6M/kg.",
    )
    he3_demand: tuple[DemandTier, ...] = Field(
        HE3_DEMAND, description="He-3 buyers (demand curve) besides fusion."
    )
    fusion_demand_gwe: float = Field(
        0.0,
        ge=0.0,
        le=1e5,
        description="D-He3 fusion plants buying He-3 at its fuel value "
        "[GWe] (scenario input; none run today).",
    )
    fusion_electric_efficiency: float = Field(
        0.54,
        gt=0.0,
        le=1.0,
        description="Net electric energy / D-He3 fusion energy [-]: 10 "
        "MWe-yr per kg (Sviatoslavsky & Jacobs 1988) over 18.6 MWth-yr per kg; direct "
        "conversion reaches 0.6-0.7 (Kulcinski et al. 1990).",
    )
    fusion_plant_nonfuel_cost_usd_per_mwh: float = Field(
        65.0,
        ge=0.0,
        le=1e5,
        description="Levelised cost of a fusion plant's electricity without its fuel [USD/MWh]: "
        "the middle of the 5-8 US cents/kWh of the PPCS and ARIES studies (IPP FAQ 'What will "
        "fusion power cost?'); D-T designs, a lower bound for D-He3.",
    )
    fusion_plant_epr: float = Field(
        27.0,
        gt=0.0,
        le=1e4,
        description="Energy payback ratio of the fusion plant itself [-]: White & Kulcinski's "
        "D-T fusion plant, 27 (UWFDM-1063, 1999); no D-He3 figure is published.",
    )
    he3_demand_growth_per_year: float = Field(
        0.0,
        ge=-0.5,
        le=1.0,
        description="Yearly growth of every He-3 buyer's volume [1/yr] (assumption: 0, the "
        "cited volumes held; quantum computing could raise them, no cited rate).",
    )
    he3_terrestrial_supply_l_per_yr: float = Field(
        0.0,
        ge=0.0,
        le=1e12,
        description="He-3 from Earth (tritium decay, natural gas) sold first each year [L/yr, "
        "STP] (0: the default demand is already net of it, its open tier being the 2009 "
        "demand left unmet by the 45,000 L then supplied, AIP FYI 2010).",
    )
    electricity_price_usd_per_mwh: float = Field(
        80.0, ge=0.0, le=1e5, description="Wholesale electricity price [USD/MWh] (assumption)."
    )
    household_mwh_per_year: float = Field(
        10.8,
        gt=0.0,
        le=1e3,
        description="Electricity one household uses [MWh/yr]: US average "
        "10,791 kWh in 2022 (EIA FAQ, secondary).",
    )
    reo_price_usd_per_kg: dict[str, float] = Field(
        {"La": 1.0, "Ce": 1.0, "Nd": 56.0, "Eu": 27.0, "Tb": 810.0, "Dy": 260.0},
        description="Rare-earth oxide prices by element [USD/kg of oxide], USGS Mineral "
        "Commodity Summaries 2025 (2024 averages, Argus); elements without a price are not "
        "valued.",
    )
    ree_exported: bool = Field(
        False,
        description="Ship the rare-earth concentrate to Earth (at return_cost_usd_per_kg) "
        "and sell it; false: report its value and export break-even only.",
    )
    byproduct_use_kg_per_year: float = Field(
        0.0,
        ge=0.0,
        le=1e9,
        description="Water, hydrogen and nitrogen the base uses on the Moon, valued at the "
        "launch price it saves [kg/yr] (assumption: 0, a robotic base has no use for them; a "
        "crewed outpost or a propellant depot would, and at ~$1M/kg landed each tonne a year "
        "is worth ~$1B/yr).",
    )
    embodied_energy_mj_per_kg: float = Field(
        1000.0,
        ge=0.0,
        le=1e6,
        description="Energy to make 1 kg of flight hardware [MJ/kg] "
        "(assumption), for the energy payback ratio.",
    )
    launch_energy_mj_per_kg: float = Field(
        5000.0,
        ge=0.0,
        le=1e7,
        description="Energy of the propellant that lands 1 kg on the "
        "Moon [MJ/kg] (assumption: ~4,600 MJ/kg for a refuelled Starship's methalox), for the "
        "energy payback ratio.",
    )
    montecarlo_draws: int = Field(
        4096, ge=10, le=100_000_000, description="Monte Carlo draws for the NPV distribution."
    )
    sensitivity_samples: int = Field(
        512, ge=2, le=1_048_576, description="Sobol base sample size N (a power of two)."
    )
    uncertain: dict[str, Distribution] = Field(
        default_factory=lambda: dict(UNCERTAIN_DEFAULTS),
        description="Uncertain inputs and the distributions of their multipliers on the "
        "scenario's values (names: UNCERTAIN_NAMES); entries replace the defaults one by one, "
        "an empty table draws nothing.",
    )

    @model_validator(mode="before")
    @classmethod
    def _uncertain_merges_with_the_defaults(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("uncertain"):
            data = {**data, "uncertain": {**UNCERTAIN_DEFAULTS, **data["uncertain"]}}
        return data

    @property
    def drawn(self) -> dict[str, Distribution]:
        """The uncertain inputs the Monte Carlo draws (those not ``fixed``)."""
        return {name: d for name, d in self.uncertain.items() if d.dist != "fixed"}

    @model_validator(mode="after")
    def _economics_is_consistent(self) -> Economics:
        if sum(t.volume_l_per_yr for t in self.he3_demand) <= 0.0 and self.fusion_demand_gwe <= 0.0:
            raise ValueError(
                "he3_demand: the demand curve has no volume (and fusion_demand_gwe = 0)"
            )
        unknown = set(self.uncertain) - set(UNCERTAIN_NAMES)
        if unknown:
            raise ValueError(
                f"uncertain: unknown input {sorted(unknown)[0]!r} "
                f"(choose from {', '.join(UNCERTAIN_NAMES)})"
            )
        if self.sensitivity_samples & (self.sensitivity_samples - 1):
            raise ValueError(
                f"sensitivity_samples: {self.sensitivity_samples} is not a power of two"
            )
        return self


class Mission(_Section):
    """A dated flight of the programme that the operations stage does not simulate (a
    precursor, a crewed landing): on the timeline of ``lunarbase compare`` and the report."""

    name: str = Field(..., min_length=1, description="Mission name.")
    date: dt.date = Field(
        ...,
        description="Launch or landing date (UTC; the year when only that "
        "is announced: 1 January).",
    )
    vehicle: str = Field("", description="Launcher and lander.")
    purpose: str = Field("", description="What it does or brings.")
    source: str = Field(..., min_length=1, description="Where the date and plan come from.")


class Scenario(_Section):
    """A whole scenario: one table per pipeline stage."""

    scenario: Meta = Meta()
    site: Site = Site()
    terrain: Terrain = Terrain()
    resources: Resources = Resources()
    sites: Sites = Sites()
    operations: Operations = Operations()
    economics: Economics = Economics()
    missions: list[Mission] = Field(
        default_factory=list,
        description="The programme's dated flights besides the simulated landings.",
    )
    sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where this scenario's values come from: 'table.field' -> a citation, or "
        "'assumption: ' and the range the value could take.",
    )

    @model_validator(mode="after")
    def _sources_name_fields(self) -> Scenario:
        for key, text in self.sources.items():
            table, _, field = key.partition(".")
            section = getattr(self, table, None) if table != "sources" else None
            if not isinstance(section, BaseModel) or field not in type(section).model_fields:
                raise ValueError(f"sources: {key!r} is not a scenario field (table.field)")
            if not text.strip():
                raise ValueError(f"sources: {key!r} has an empty source")
        return self

    def canonical_json(self) -> str:
        """Scenario as sorted, compact JSON (the basis of :meth:`sha256`)."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        """Hash of the validated scenario (defaults filled in), for traceable outputs."""
        return hashlib.sha256(self.canonical_json().encode()).hexdigest()

    def with_seed(self, seed: int | None) -> Scenario:
        """The same scenario with another seed (``None`` keeps it)."""
        if seed is None:
            return self
        meta = self.scenario.model_copy(update={"seed": seed})
        return self.model_copy(update={"scenario": Meta.model_validate(meta.model_dump())})


def with_overrides(
    scenario: Scenario,
    overrides: Mapping[str, Any],
    *,
    names: Mapping[str, str] | None = None,
) -> Scenario:
    """``scenario`` with ``"table.field"`` values replaced and validated again.

    Parameters
    ----------
    scenario : Scenario
        The scenario to start from.
    overrides : mapping
        ``{"terrain.step_h": 1.0, ...}``; a None value keeps the scenario's value.
    names : mapping, optional
        What the user typed for each key (e.g. ``{"terrain.step_h": "--step-h"}``), named in
        errors instead of the key.

    Raises
    ------
    ScenarioError
        An unknown table or field, or a value out of range: one line naming the option.
    """
    names = names or {}
    raw = scenario.model_dump(mode="json")
    for key, value in overrides.items():
        if value is None:
            continue
        table, _, field = key.partition(".")
        if table not in raw or not isinstance(raw[table], dict) or field not in raw[table]:
            raise ScenarioError(f"{names.get(key, key)}: no scenario field {key!r}")
        raw[table][field] = value.isoformat() if isinstance(value, dt.date) else value
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"][:2])
        table = str(err["loc"][0]) if err["loc"] else ""
        where = names.get(key) or next((n for k, n in names.items() if k.startswith(table)), key)
        raise ScenarioError(f"{where}: {_describe(err)}") from None


def bundled_scenarios() -> dict[str, Path]:
    """Names and paths of the scenario files shipped with the package."""
    folder = resources.files("lunarbase") / "scenarios"
    return {Path(str(p)).stem: Path(str(p)) for p in folder.iterdir() if str(p).endswith(".toml")}


def resolve(spec: str | Path | None) -> Path:
    """Path of a scenario given as a file path or a bundled name (``None``: the default)."""
    name = DEFAULT_SCENARIO if spec is None else str(spec)
    bundled = bundled_scenarios()
    if name in bundled:
        return bundled[name]
    path = Path(name)
    if not path.exists():
        known = ", ".join(sorted(bundled))
        raise ScenarioError(f"{path}: no such scenario file (bundled scenarios: {known})")
    return path


def load(spec: str | Path | None = None) -> Scenario:
    """Read and validate a scenario file (path, bundled name, or ``None`` for the default).

    Raises
    ------
    ScenarioError
        One line naming the file, the line and field at fault and what is allowed.
    """
    path = resolve(spec)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read scenario file ({exc})") from None
    return parse(text, source=str(path))


def parse(text: str, source: str = "<string>") -> Scenario:
    """Validate scenario TOML text; ``source`` names it in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{source}: TOML syntax error: {exc}") from None
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        raise ScenarioError(error_line(exc, source, text)) from None


def error_line(exc: ValidationError, source: str, text: str = "") -> str:
    """One line ``source[:line]: field: what is wrong (allowed range)`` for the first error;
    ``text`` is the TOML the values came from, used to find the line."""
    err = exc.errors()[0]
    loc = tuple(str(p) for p in err["loc"])
    line = _line_of(text, loc)
    where = f"{source}:{line}" if line else source
    if loc:
        where += ": " + ".".join(loc)
    return f"{where}: {_describe(err)}"


def _describe(err: Any) -> str:
    """One-line explanation of a pydantic error, with the allowed range where there is one."""
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        return "unknown key (check the spelling; unknown keys are not allowed)"
    bounds = {
        "greater_than": "> {gt}",
        "greater_than_equal": ">= {ge}",
        "less_than": "< {lt}",
        "less_than_equal": "<= {le}",
    }
    if kind in bounds:
        allowed = bounds[kind].format(**ctx)
        return f"value {value!r} out of range (allowed: {allowed})"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{msg} (got {value!r})" if kind != "value_error" else msg


def _line_of(text: str, loc: tuple[str, ...]) -> int | None:
    """1-based line where the TOML key at ``loc`` is written (best effort, ``None`` if absent).

    A one-part location is a table header or a top-level key; a longer one is a key inside a
    table (or the table's header when the key is absent, e.g. a cross-field check).
    """
    if not loc:
        return None
    table, key = ("", loc[0]) if len(loc) == 1 else (loc[0], loc[1])
    header = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
    assignment = re.compile(r"^\s*([A-Za-z0-9_\-\"']+)\s*=")
    current, table_line = "", None
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            current = match.group(1).strip()
            if len(loc) == 1 and current == key:
                return number
            if current == table and table_line is None:
                table_line = number
            continue
        match = assignment.match(line)
        if match and current == table and match.group(1).strip("\"'") == key:
            return number
    return table_line
