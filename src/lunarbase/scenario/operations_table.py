"""The ``[operations]`` table: fleet, processing, power and logistics, and its dated landings
and ramp-up stretches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self

from pydantic import Field, model_validator

from lunarbase.scenario.fleet import FLEET_KINDS, refleet
from lunarbase.scenario.tables import Section

FLEET_TOTALS = {**FLEET_KINDS, "array_kw": "array_kw", "battery_kwh": "battery_kwh"}
"""The ``[operations]`` totals and the landing field each sums: written alone (the shortcut
"everything in place at the start") or computed from ``[[operations.landings]]``, never both."""


class Landing(Section):
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


class Ramp(Section):
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


class Operations(Section):
    """Fleet, processing, power and logistics of the mining base."""

    years: int = Field(10, ge=1, le=100, description="Simulated operating years.")
    n_miners: int = Field(
        5,
        ge=0,
        le=10_000,
        description="Number of mobile miners [count]; with landings, the miners they bring.",
    )
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
        "asks >= 100 kWe per unit, GRC RFI 2025); with landings, the plant they bring. Each "
        "landing's plant is one unit, weighed by the surface fission law of "
        "lunarbase.operations.masses.",
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
        "of the Sun's disk at the terrain stage's observer height. With landings, what they "
        "bring.",
    )
    array_mass_kg_per_kw: float = Field(
        20.0,
        gt=0.0,
        le=1e4,
        description="Solar array specific mass with its mast [kg/kW] (assumption: ~100 W/kg "
        "for the blanket alone, doubled for a tall polar mast; try 10-50).",
    )
    battery_kwh: float = Field(
        0.0,
        ge=0.0,
        le=1e8,
        description="Usable battery capacity at the base [kWh]; with landings, what they bring.",
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
    concentrator_areal_mass_kg_m2: float = Field(
        2.0,
        ge=0.0,
        le=100.0,
        description="Mass of a miner's solar concentrator per m^2 of aperture, tracking "
        "structure included [kg/m^2] (assumption: 2 kg/m^2, 0.5-5 kg/m^2, between membrane "
        "reflectors and rigid facets; no lunar design is published). Its aperture follows from "
        "concentrator_kw_th (lunarbase.operations.masses).",
    )
    landing_failure_probability: float = Field(
        5.0 / 14.0,
        ge=0.0,
        le=1.0,
        description="Chance that a landing and its payload are lost [-]: 5 of 14 robotic lunar "
        "landing attempts, Dec 2013 - June 2025 (Wikipedia 'List of missions to the Moon', "
        "counted in lunarbase.operations.landing_risk; range 0.25-0.5). Not applied to the "
        "flights of everything in place at the start (no landings).",
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
        description="Dated landings of the hardware, the one record of what is on the Moon: "
        "n_miners, reactor_power_kwe, array_kw and battery_kwh are what they bring (write "
        "either landings or those totals, never both; Operations.with_fleet re-fleets them). "
        "Empty: everything is in place at the start, flown on the default lander as the "
        "flights it takes (lunarbase.operations.schedule.start_loads), all planned for day 0 "
        "and flown within the lander's flights a year.",
    )
    max_flights_per_year: dict[str, Annotated[int, Field(ge=1, le=10_000)]] = Field(
        default_factory=dict,
        description="Flights a year the named landers' launchers give this programme [1/yr], "
        "replacing the catalogue's assumptions (`lunarbase landers`) for those landers, e.g. "
        "{starship_hls = 24}; a faster cadence than the catalogue's must say why in [sources]. "
        "Landings past a rate slip to the next year with a flight, and so do the flights of "
        "everything in place at the start.",
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

    @model_validator(mode="before")
    @classmethod
    def _totals_from_the_landings(cls, data: Any) -> Any:
        """With landings, the totals are what they bring; a total given beside them must be
        that (a dump read back), else the one-line error says to write one or the other."""
        if not isinstance(data, Mapping) or not data.get("landings"):
            return data
        data = dict(data)
        landings = [_as_dict(landing) for landing in data["landings"]]
        for total, field in FLEET_TOTALS.items():
            landed = sum(float(landing.get(field, 0.0)) for landing in landings)
            if total in data and abs(float(data[total]) - landed) > 1e-6:
                raise ValueError(
                    f"{total} = {data[total]:g} but the landings bring {landed:g}: write either "
                    "[[operations.landings]] or the totals, never both (to re-fleet, use "
                    "Operations.with_fleet or --set operations.n_miners / reactor_power_kwe)"
                )
            data[total] = int(landed) if total == "n_miners" else landed
        return data

    def with_fleet(
        self, *, n_miners: int | None = None, reactor_power_kwe: float | None = None
    ) -> Self:
        """The same operations with ``n_miners`` miners [count] and ``reactor_power_kwe`` of
        plant [kWe] (None keeps one). With landings they are re-planned by the rule of
        :mod:`lunarbase.scenario.fleet` (the carriers first, then extra landings like the
        last); without, the totals are set."""
        data = self.model_dump()
        if self.landings:
            data["landings"] = refleet(
                self.landings, miners=n_miners, reactor_kwe=reactor_power_kwe
            )
            for total in FLEET_TOTALS:
                data.pop(total)
        else:
            wanted = {"n_miners": n_miners, "reactor_power_kwe": reactor_power_kwe}
            data.update({name: value for name, value in wanted.items() if value is not None})
        return type(self).model_validate(data)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update`` applied and validated again; ``n_miners`` and
        ``reactor_power_kwe`` go through :meth:`with_fleet`, so a copy never says one fleet
        while its landings bring another."""
        update = dict(update or {})
        fleet = {name: update.pop(name) for name in FLEET_KINDS if name in update}
        copied = super().model_copy(update=update, deep=deep)
        if update:
            copied = type(self).model_validate(copied.model_dump())
        return copied.with_fleet(**fleet) if fleet else copied


def _as_dict(landing: Any) -> Mapping[str, Any]:
    """A landing as a mapping (given as a table or as a :class:`Landing`)."""
    return landing.model_dump() if isinstance(landing, Landing) else landing
