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
)
"""Inputs a scenario may declare uncertain: ``[economics]`` fields by name, and four
multipliers on what the operations stage simulated (nominal 1): the He-3 grade of the fines,
the release fraction, the miners' electric draw and their MTBF (through the steady-state
surrogate of :mod:`lunarbase.economics.surrogate`)."""


DISTRIBUTIONS = {
    "uniform": ("low", "high"),
    "loguniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "normal": ("mean", "sd"),
    "lognormal": ("median", "sigma"),
}
"""Distribution families of :class:`Distribution` and the parameters each takes."""

DISTRIBUTION_PARAMETERS = ("low", "high", "mode", "mean", "sd", "median", "sigma")
"""Every parameter a :class:`Distribution` may be given."""


class Distribution(Section):
    """An uncertain input: a distribution family, its parameters (in the input's unit) and the
    source of its ends. Draws below zero (a normal's tail) are clipped to 0."""

    dist: Literal["uniform", "loguniform", "triangular", "normal", "lognormal"] = Field(
        ..., description="Family: uniform, loguniform, triangular, normal or lognormal."
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
            case _:  # lognormal
                ok, rule = v["median"] > 0.0 and v["sigma"] > 0.0, "median > 0 and sigma > 0"
        if not ok:
            raise ValueError(f"{self.dist} needs {rule}")
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


UNCERTAIN_DEFAULTS = {
    "launch_cost_usd_per_kg": Distribution(
        dist="loguniform",
        low=1.0e5,
        high=1.2e6,
        source="Starship lunar cargo list price $100,000/kg (SpaceX, Oct 2025) to Astrobotic "
        "Peregrine ~$1.2M/kg (2024)",
    ),
    "he3_price_usd_per_l": Distribution(
        dist="loguniform",
        low=100.0,
        high=2500.0,
        source="historic ~$100/L (Wikipedia 'Helium-3', citing IEEE Spectrum) to $2,500/L in "
        "2024 (Edelgas Group via Forbes)",
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
        dist="loguniform", low=2.5e8, high=1.0e9, source="assumption: no published cost"
    ),
    "development_cost_usd": Distribution(
        dist="triangular",
        low=5.0e9,
        mode=1.0e10,
        high=3.0e10,
        source="assumption: no published ILRS budget",
    ),
}
"""Default uncertain inputs with the sources of their ends."""
