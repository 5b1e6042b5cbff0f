"""The ``[economics]`` table: costs, markets, fusion value, discounting and uncertainty."""

from __future__ import annotations

from pydantic import Field, model_validator

from lunarbase.scenario.defaults import (
    HE3_DEMAND,
    HE3_DEMAND_GROWTH_PER_YEAR,
    HE3_TERRESTRIAL_SUPPLY_L_PER_YR,
    UNCERTAIN_DEFAULTS,
    UNCERTAIN_NAMES,
    DemandTier,
    Distribution,
)
from lunarbase.scenario.tables import Section


class Economics(Section):
    """Costs, markets, fusion value, discounting and uncertainty. Money is in real (constant)
    2025 US dollars; cash flows fall in the operating year they happen (year 0 = development,
    before the first landing)."""

    discount_rate: float = Field(
        0.07,
        ge=0.0,
        le=1.0,
        description="Real discount rate [1/yr]: 7 %, the base case of OMB Circular A-94 (1992) "
        "for federal programmes, back in force in 2025 (OMB memo M-25-23, 'Rescission and "
        "Reinstatement of Circular No. A-94', Feb 2025: title seen, text unverified); the range "
        "drawn goes down to the 2.0 % of the revised Circular A-4 (Nov 2023), rescinded by "
        "EO 14192 (31 Jan 2025). Sources: lunarbase.economics.metrics.",
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
        "MWe-yr per kg (Sviatoslavsky & Jacobs 1988) over 18.6 MWth-yr per kg; the Apollo-L3 "
        "D-He3 plant design has 0.47 (Kulcinski et al. 1991), direct conversion reaches 0.6-0.7 "
        "(Kulcinski et al. 1990).",
    )
    fusion_plant_nonfuel_cost_usd_per_mwh: float = Field(
        65.0,
        ge=0.0,
        le=1e5,
        description="Levelised cost of a fusion plant's electricity without its fuel [USD/MWh]: "
        "the middle of the 5-8 US cents/kWh of the PPCS and ARIES studies (IPP FAQ 'What will "
        "fusion power cost?'), D-T designs standing in for D-He3, whose one costed design seen, "
        "Apollo-L3, has 69 mills/kWh with its fuel (Kulcinski et al. 1991; "
        "lunarbase.economics.fusion).",
    )
    fusion_plant_epr: float = Field(
        27.0,
        gt=0.0,
        le=1e4,
        description="Energy payback ratio of the fusion plant itself [-]: White & Kulcinski's "
        "D-T fusion plant, 27 (UWFDM-1063, 1999), standing in: no D-He3 plant's EPR was found "
        "(lunarbase.economics.metrics).",
    )
    he3_demand_growth_per_year: float = Field(
        HE3_DEMAND_GROWTH_PER_YEAR,
        ge=-0.5,
        le=1.0,
        description="Yearly growth of every He-3 buyer's volume [1/yr]: 0, the signed forward "
        "volumes being flat (range 0-0.3; sources: lunarbase.scenario.defaults).",
    )
    he3_terrestrial_supply_l_per_yr: float = Field(
        HE3_TERRESTRIAL_SUPPLY_L_PER_YR,
        ge=0.0,
        le=1e12,
        description="He-3 from Earth (tritium decay, natural gas) sold first each year [L/yr, "
        "STP]: 9,000, the US NNSA's 8,000-10,000 L/yr from tritium decay (GAO-11-472); "
        "range 8,000-45,000 (sources: lunarbase.scenario.defaults).",
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
