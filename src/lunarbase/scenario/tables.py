"""Scenario tables of the physical stages: identity, base site, terrain, resources and sites.

Every section is a frozen Pydantic model that rejects unknown keys; defaults cite their source in
the field description, and values marked *assumption* are the project's own planning choices.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lunarbase.models import current_name


class Section(BaseModel):
    """Base of every scenario table: frozen, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(Section):
    """Identity of the scenario."""

    name: str = Field("unnamed scenario", min_length=1, description="Human-readable name.")
    description: str = Field("", description="Free text shown in the report.")
    seed: int = Field(20350101, ge=0, le=2**63 - 1, description="Seed of every random draw.")
    claimed_he3_kg_per_year: float | None = Field(
        None,
        ge=0.0,
        description="A published claim of this fleet's He-3 output at full strength [kg/yr] "
        "(cite it), reported beside the simulated output per miner; not an input. Unset: none.",
    )


class Site(Section):
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


class Terrain(Section):
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


class Resources(Section):
    """Regolith resource models."""

    he3_model: Literal["tio2_line", "fluence_tio2_line"] = Field(
        "tio2_line",
        description="He-3 grade model (lunarbase.resources.HE3_MODELS; the former names "
        "taylor1991_tio2 and johnson1999_fluence are accepted with a DeprecationWarning).",
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
    volume_gas_fraction: float = Field(
        0.26,
        ge=0.0,
        le=1.0,
        description="Volume-correlated (agglutinate) share of the soil's He-3 [-], the rest "
        "surface-correlated (~1/grain size; Eberhardt et al. 1970): 0.52 agglutinates in soil "
        "10084 (Simon et al. 1981) x 0.5 of their parent soil's gas kept through melting "
        "(assumption: 0-1), so 0.26 (assumption: 0-0.52).",
    )
    gardened_depth_m: float = Field(
        3.0,
        gt=0.0,
        le=100.0,
        description="Gardened layer holding solar-wind gas at the surface grade [m]: the "
        "Apollo deep drill cores (2.4-3 m) hold gas at soil levels to their base; gardening "
        "reaches 1-10 m over Gyr (Costello et al. 2021) (assumption: 2-5; the inventory "
        "Monte Carlo draws it from 2/3 to 5/3 of this value).",
    )
    deep_gas_fraction: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="He-3 grade of the regolith below the gardened layer relative to the "
        "surface grade [-] (assumption: 0-1, no sample reaches it; the inventory Monte Carlo "
        "draws it from 0 to 1).",
    )
    uncertainty_draws: int = Field(
        2000, ge=10, le=1_000_000, description="Monte Carlo draws for inventory bands."
    )

    @field_validator("he3_model", mode="before")
    @classmethod
    def _current_model_name(cls, value: Any) -> Any:
        return current_name(value, field="resources.he3_model")


class Sites(Section):
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
    refined_cells: int = Field(
        30,
        ge=1,
        le=500,
        description="Search cells refined at full resolution, at least (twice ``top`` when "
        "that is more) [count]. A refined cell can outscore the cells above it, so the pool "
        "does not shrink with top: the best k sites are the same for every top <= "
        "refined_cells / 2. Fewer is faster (a test refines a handful); more searches wider "
        "(assumption: 30 holds the candidate regions nearest the pole).",
    )
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
