"""The ``[operations]`` table: fleet, processing, power and logistics, and its dated landings
and ramp-up stretches."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lunarbase.scenario.tables import Section


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
