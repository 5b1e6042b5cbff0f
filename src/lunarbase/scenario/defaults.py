"""Cited default data of the ``[economics]`` table: the inputs a scenario may declare
uncertain, the distribution families, the default uncertain inputs and the He-3 demand curve,
each with its source."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from lunarbase.scenario.tables import Section

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
    "reactor_power_scale",
)
"""Inputs a scenario may declare uncertain: ``[economics]`` fields by name, four multipliers on what
the operations stage simulated (the He-3 grade of the fines, the release fraction, the miners'
electric draw and their MTBF, through the steady-state surrogate of
:mod:`lunarbase.economics.surrogate`), four on the landed mass of the miners, the plant, the
concentrators and the spares, and one on the plant's power (its units' number: their mass, cost and
delivery, and the power the miners get through the surrogate). Every distribution is of a
*multiplier* on the scenario's own value (nominal 1; for a ``*_scale`` input, on what was
simulated)."""


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


class Distribution(Section):
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


class DemandTier(Section):
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

HE3_TERRESTRIAL_SUPPLY_L_PER_YR = 9_000.0
"""He-3 from Earth sold before lunar He-3 each year [L/yr, STP]: the middle of the 8,000-10,000
L/yr the US NNSA can recover from tritium decay at Savannah River (GAO-11-472, May 2011, as
reported by the Cryogenic Society of America, Jun 2011: sales averaged 30,000 L/yr in 2003-2009
against that capacity, and the stock fell from 260,000 L in 2003 to 31,000 L in Feb 2011).
Sold first, it takes the top of the default curve, the blocks at today's price: the DOE Isotope
Program supplies the US federal users (< 6,000 L/yr, MKT-01) and sells the rest by public
auction (GAO-11-472 via AIP FYI, 11 Jul 2011). Range: 8,000 (GAO's low end) to ~45,000 L/yr:
a DOE study put world supply at 10,000-20,000 L/yr (Cho 2009, Science
326:778) and He-3 separated from the natural gas in use would add ~6 kg/yr = ~45,000 L/yr
(Wittenberg 1989, Fusion Technol. 15:1108), none of it separated today. Supply from CANDU
tritium (Laurentis Energy Partners at Darlington, since 2021: ANS Nuclear News, 16 Sep 2021)
has no published volume (*unverified*); buyers of Canadian and Russian He-3 are not on the
default curve either."""

HE3_DEMAND_GROWTH_PER_YEAR = 0.0
"""Yearly growth of the He-3 buyers' volumes [1/yr]: 0, because the volumes buyers have signed
for are flat (Bluefors: up to 10,000 L/yr each year 2028-2037; Maybell: "thousands of litres"
a year 2029-2035, MKT-05) and no published growth rate of He-3 volumes was found. Range 0-0.3:
demand can also fall (US federal demand went from 70,000 L/yr in 2008 to < 6,000 with recycling
and substitutes, MKT-01), and 0.3 is the >= 30 %/yr the quantum-computing market is forecast to
grow by revenue (IDTechEx, "Quantum Computing Market 2024-2044", press release 24 Apr 2024),
a proxy (revenue, not litres) for the dilution refrigerators' He-3."""


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
        source="x0.29-1 of the default 7 %: 2.0 % real, the default of the revised Circular A-4 "
        "(Nov 2023; Febrizio, Hay & Xie 2025, J. Benefit-Cost Anal. 16(S2):315), rescinded by "
        "EO 14192 (31 Jan 2025), to the 7 % real of Circular A-94 (1992)",
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
    "reactor_power_scale": Distribution(
        dist="fixed",
        source="the scenario's plant power is its design, not drawn; a scenario whose plant "
        "power is uncertain declares its range (ilrs-2035: 100-500 kWe, Likhachev 2024)",
    ),
}
"""Default uncertain inputs: distributions of multipliers on the scenario's values, with the
sources of their ends. A scenario's ``[economics.uncertain.X]`` entries replace these one by
one (the rest stay); ``dist = "fixed"`` holds one at the scenario's value."""
