"""The report's result tables as a reader reads them: each row a label with its unit and a value
to its meaningful digits (latitude as ``89.69 S``, yes/no, percentages, money in words);
internal fields (grid coordinates, cell ids, seeds) stay in ``results.json``.

Each table is a tuple of :class:`Field` rows picked from one block of ``Results.to_dict()``; a
field the block lacks is left out, and a missing value (JSON null) reads ``n/a`` unless the
field says what its absence means (``payback_year``: never).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Text = Callable[[Any], str]
"""Formats one value for the page."""


def sig(value: float | None, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits, with thousands separators and no trailing
    zeros, in plain notation below a million and as ``1.23 million`` / ``billion`` /
    ``trillion`` above it.

    Examples: 1712.1 -> ``1,710``; 0.0123456 -> ``0.0123``; 2.0 -> ``2``; 26727700.9 ->
    ``26.7 million``.
    """
    if value is None or not math.isfinite(value):
        return "n/a"
    if value == 0.0:
        return "0"
    size = abs(value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size >= scale:
            return f"{sig(value / scale, digits)} {word}"
    places = digits - 1 - math.floor(math.log10(size))  # negative: round to tens, hundreds..
    rounded = round(value, places)
    text = f"{rounded:,.{max(0, places)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def digits(n: int) -> Text:
    """A formatter to ``n`` significant digits (:func:`sig`)."""
    return lambda value: sig(float(value), n)


def lat_text(lat_deg: float) -> str:
    """Latitude as ``89.69 S`` [deg]."""
    return f"{abs(lat_deg):.2f} {'S' if lat_deg < 0 else 'N'}"


def lon_text(lon_deg: float) -> str:
    """Longitude east, 0-360, as ``197.05 E`` [deg]."""
    return f"{lon_deg % 360.0:.2f} E"


def latlon_text(lat_deg: float, lon_deg: float) -> str:
    """``89.69 S, 197.05 E`` [deg]."""
    return f"{lat_text(lat_deg)}, {lon_text(lon_deg)}"


def percent(value: float) -> str:
    """A fraction [-] as a percentage to one decimal: 0.8426 -> ``84.3 %``, 1 -> ``100.0 %``."""
    return f"{100.0 * value:.1f} %"


def fixed(decimals: int) -> Text:
    """A formatter to ``decimals`` places with thousands separators, for a table column whose
    rows should line up: ``fixed(1)(5.0)`` -> ``5.0``."""
    return lambda value: f"{float(value):,.{decimals}f}"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def usd(value: float) -> str:
    """US dollars in words: ``-$9.46 billion``, ``$7.05 million``, ``$27.0``."""
    sign = "-" if value < 0 else ""
    return f"{sign}${sig(abs(value), 3)}"


def period_text(period_utc: str) -> str:
    """``2035-01-01/2036-01-01`` -> ``2035-01-01 to 2036-01-01`` (UTC)."""
    return period_utc.replace("/", " to ")


def count(value: int) -> str:
    """A whole number with thousands separators: ``4,096``."""
    return f"{int(value):,}"


def plain_text(value: Any) -> str:
    return str(value)


@dataclass(frozen=True)
class Field:
    """One row of a result table: ``key`` in the block, its label (with the unit), how its
    value reads, and what a missing (null) value means."""

    key: str
    label: str
    text: Text = sig
    missing: str = "n/a"

    def row(self, block: Mapping[str, Any]) -> tuple[str, str] | None:
        """``(label, value text)``, or None where ``block`` has no such field."""
        if self.key not in block:
            return None
        value = block[self.key]
        return self.label, self.missing if value is None else self.text(value)


def rows(block: Mapping[str, Any], fields: Sequence[Field]) -> list[tuple[str, str]]:
    """The rows of ``fields`` that ``block`` holds, in order."""
    return [row for f in fields if (row := f.row(block)) is not None]


HORIZONS = {"dem": "the LOLA polar DEMs", "flat": "level ground (off the polar DEMs)"}
"""How the ``horizon`` of a light series reads (the point stage's values)."""

GRADE_SOURCES = {
    "wac_map": "the LROC WAC TiO2 map",
    "map": "the Lunar Prospector map",
    "scenario": "the scenario (a design grade)",
}
"""How ``mining_grade_source`` reads."""

SITE_FIELDS = (
    Field("place", "Where", plain_text),
    Field("lat_deg", "Latitude", lat_text),
    Field("lon_deg", "Longitude", lon_text),
    Field("elevation_m", "Elevation [m]", digits(4)),
    Field("slope_deg", "Slope [deg]", digits(2)),
    Field("illumination_fraction", "Sun disk visible, mean share of the time", percent),
    Field("sunlit_any_fraction", "Any of the Sun up, share of the time", percent),
    Field("longest_night_h", "Longest night [h]", digits(3)),
    Field("earth_visible_fraction", "Earth in view, share of the time", percent),
    Field("in_psr", "Inside a permanently shadowed region", yes_no),
    Field("distance_to_psr_km", "Nearest permanently shadowed region [km]", digits(2)),
    Field("psr_area_nearby_km2", "Permanently shadowed area within 10 km [km²]", digits(3)),
    Field("he3_ppb", "He-3 grade [ppb]", digits(3)),
    Field("th_ppm", "Th [ppm]", digits(3)),
    Field("score", "Site score [0-1]", digits(3)),
    Field("horizon", "Horizon from", lambda v: HORIZONS.get(v, str(v))),
    Field("dem_resolution_m", "DEM resolution [m]", digits(3)),
    Field("observer_height_m", "Observer above the ground [m]", digits(3)),
    Field("period_utc", "Light period (UTC)", period_text),
    Field("step_h", "Time step [h]", digits(3)),
)
"""The base site's table (the ``sites.base`` block), and the labels of the criteria compared
against the best-ranked site."""

CANDIDATE_COLUMNS = (
    Field("rank", "#", count),
    Field("place", "Where", plain_text),
    Field("lat_deg", "Latitude", lat_text),
    Field("lon_deg", "Longitude", lon_text),
    Field("elevation_m", "Elevation [m]", fixed(0)),
    Field("slope_deg", "Slope [deg]", fixed(1)),
    Field("illumination_fraction", "Sun, mean", percent),
    Field("longest_night_h", "Longest night [h]", fixed(0)),
    Field("earth_visible_fraction", "Earth in view", percent),
    Field("distance_to_psr_km", "Nearest PSR [km]", fixed(1)),
    Field("psr_area_nearby_km2", "PSR within 10 km [km²]", fixed(1)),
    Field("score", "Score [0-1]", fixed(3)),
)
"""The columns of the ranked-sites table (one row per candidate), with short headers that
the note under the table spells out, and fixed decimals so that the rows line up."""


MINING_COLUMNS = (
    Field("rank", "#", count),
    Field("place", "Where", plain_text),
    Field("lat_deg", "Latitude", lat_text),
    Field("lon_deg", "Longitude", lon_text),
    Field("he3_ppb", "He-3 [ppb]", fixed(1)),
    Field("tio2_wt_pct", "TiO₂ [wt%]", fixed(1)),
    Field("slope_deg", "Slope [deg]", fixed(1)),
    Field("regolith_depth_m", "Regolith depth [m]", fixed(1)),
    Field("mare_edge_km", "From the mare edge [km]", fixed(0)),
    Field("earth_visible_fraction", "Earth in view", percent),
    Field("longest_night_h", "Longest night [h]", fixed(0)),
    Field("score", "Score [0-1]", fixed(3)),
)
"""The columns of the He-3 mining-sites table (``sites.he3_mining_sites.candidates``)."""

WEIGHT_NAMES = {
    "he3_ppb": "He-3 grade",
    "slope_deg": "slope",
    "regolith_depth_m": "regolith depth",
    "mare_edge_km": "distance from the mare edge",
    "earth_visible_fraction": "Earth in view",
}
"""The mining criteria (keys of the sites stage's ``MINING_WEIGHTS``) in words."""


def weights_text(weights: Mapping[str, float]) -> str:
    """``He-3 grade 0.5, slope 0.2, ...``: criteria weights in words."""
    return ", ".join(
        f"{WEIGHT_NAMES.get(k, k.replace('_', ' '))} {sig(w)}" for k, w in weights.items()
    )


def resources_fields(he3_model_label: str) -> tuple[Field, ...]:
    """The resources table (the ``resources`` block); ``he3_model_label`` names the grade
    model for a reader (its reference)."""
    return (
        Field("he3_model", "He-3 grade model", lambda _: he3_model_label),
        Field("mining_lat_deg", "Mining area centre, latitude", lat_text),
        Field("mining_lon_deg", "Mining area centre, longitude", lon_text),
        Field("mining_radius_km", "Mining radius [km]", digits(3)),
        Field("mining_depth_m", "Mining depth [m]", digits(3)),
        Field("mining_n_cells", "Lunar Prospector bins in the mining area", count),
        Field("mining_grade_source", "He-3 grade from", lambda v: GRADE_SOURCES.get(v, str(v))),
        Field("mining_he3_ppb", "He-3 grade of the mining area [ppb]", digits(3)),
        Field("mining_he3_fines_ppb", "He-3 grade of the sieved fines [ppb]", digits(3)),
        Field("mining_he3_tonnes", "He-3 in place in the mining area [t]", digits(3)),
        Field("mining_tio2_wt_pct", "TiO₂ [wt%]", digits(3)),
        Field("mining_th_ppm", "Th [ppm]", digits(3)),
        Field("mining_ree_ppm", "Rare-earth elements [ppm]", digits(3)),
        Field("site_kreep_fraction", "KREEP share of the soil at the base", percent),
        Field("site_regolith_depth_m", "Regolith depth at the base [m]", digits(3)),
        Field("fines_cut_um", "Sieve cut [µm]", digits(3)),
        Field("fines_mass_fraction", "Fines below the cut, share of the mass", percent),
        Field("he3_fines_fraction", "Share of the He-3 carried by the fines", percent),
        Field("he4_he3_atom_ratio", "He-4 / He-3 atom ratio [-]", digits(3)),
        Field("regolith_density_kg_m3", "Regolith density [kg/m³]", digits(4)),
    )


OPERATIONS_FIELDS = (
    Field("he3_kg_total", "He-3 extracted [kg]", digits(3)),
    Field("he3_shipped_kg_total", "He-3 shipped to Earth [kg]", digits(3)),
    Field("he3_lost_kg_total", "He-3 lost [kg]", digits(3)),
    Field("he3_stock_end_kg", "He-3 in store at the end [kg]", digits(3)),
    Field("regolith_t_total", "Regolith processed [t]", digits(3)),
    Field("regolith_t_per_kg_he3", "Regolith per kg of He-3 [t]", digits(3)),
    Field("area_mined_km2", "Area mined [km²]", digits(3)),
    Field("ree_oxide_kg_total", "Rare-earth oxide [kg]", digits(3)),
    Field("availability", "Miner availability, share of the time", percent),
    Field("energy_generated_mwh_total", "Electricity generated [MWh]", digits(3)),
    Field("electric_energy_mwh_total", "Electricity served [MWh]", digits(3)),
    Field("energy_deficit_mwh", "Demand not met [MWh]", digits(3)),
    Field("energy_curtailed_mwh_total", "Generation curtailed [MWh]", digits(3)),
    Field("thermal_energy_mwh_total", "Heat for extraction [MWh(th)]", digits(3)),
    Field("n_miners", "Miners flown", count),
    Field("miners_landed", "Miners landed", count),
    Field("reactor_power_kwe", "Fission plant flown [kWe]", digits(3)),
    Field("reactor_kwe_landed", "Fission plant landed [kWe]", digits(3)),
    Field("launches", "Landings", count),
    Field("landings_failed", "Landings lost", count),
    Field("landing_failure_probability", "Chance each landing fails (losing its payload)", percent),
    Field("landings_slipped", "Landings flown late, their launcher's flights a year taken", count),
    Field("payload_lost_kg", "Payload lost [kg]", digits(3)),
    Field("landed_mass_kg", "Mass landed [kg]", digits(3)),
    Field("production_mass_ratio", "Production mass ratio [-]", digits(3)),
)
"""The operations totals (``operations.totals``)."""

ECONOMICS_FIELDS = (
    Field("prob_npv_positive", "Probability that the NPV is above zero", percent),
    Field("irr", "Internal rate of return", percent, missing="none (it never pays back)"),
    Field("payback_year", "Payback year", plain_text, missing="never"),
    Field("cost_per_kg_he3_usd", "Cost per kg of He-3 delivered [USD/kg]", usd),
    Field("he3_fraction_sold", "He-3 shipped that finds a buyer", percent),
    Field("he3_realized_price_usd_per_kg", "He-3 price realised [USD/kg]", usd),
    Field("he3_revenue_usd", "He-3 revenue, all years", usd),
    Field("lost_hardware_usd", "Hardware lost on failed landings, built and not replaced", usd),
    Field("lost_delivery_usd", "Delivery paid for the failed landings", usd),
    Field("he3_fuel_value_usd_per_kg", "He-3 value as fusion fuel [USD/kg]", usd),
    Field("he3_electricity_value_usd_per_kg", "Electricity from 1 kg of He-3 [USD/kg]", usd),
    Field("reo_value_usd_per_kg", "Rare-earth oxide value [USD/kg]", usd),
    Field("ree_breakeven_launch_usd_per_kg", "REE export break-even launch price [USD/kg]", usd),
    Field("production_mass_ratio", "Production mass ratio [-]", digits(3)),
    Field("montecarlo_draws", "Monte Carlo draws", count),
)
"""The economics table (the ``economics`` block's scalars)."""

NPV_FIELDS = (
    Field("nominal", "NPV at nominal inputs", usd),
    Field("p05", "NPV, 5th percentile", usd),
    Field("p50", "NPV, median", usd),
    Field("p95", "NPV, 95th percentile", usd),
)
"""The NPV rows (``economics.npv_usd``)."""


def report_tables(
    data: Mapping[str, Any], he3_model_label: str
) -> dict[str, list[tuple[str, str]]]:
    """Every result table of the report as ``(label, value)`` rows, by name: ``base``,
    ``resources``, ``operations`` and ``economics``.

    Parameters
    ----------
    data : dict
        ``Results.to_dict()``.
    he3_model_label : str
        The He-3 grade model as a reader should see it.
    """
    econ = data["economics"]
    return {
        "base": rows(data["sites"]["base"], SITE_FIELDS),
        "resources": rows(data["resources"], resources_fields(he3_model_label)),
        "operations": rows(data["operations"]["totals"], OPERATIONS_FIELDS),
        "economics": rows(econ["npv_usd"], NPV_FIELDS) + rows(econ, ECONOMICS_FIELDS),
    }


def candidate_rows(
    candidates: Sequence[Mapping[str, Any]], fields: Sequence[Field] = CANDIDATE_COLUMNS
) -> tuple[list[str], list[list[str]]]:
    """Ranked sites as a header and rows of text, one column per field the rows hold
    (:data:`CANDIDATE_COLUMNS`, or :data:`MINING_COLUMNS` for the He-3 mining sites)."""
    columns = [c for c in fields if any(c.key in row for row in candidates)]
    body = [[(c.row(row) or ("", ""))[1] for c in columns] for row in candidates]
    return [c.label for c in columns], body


def versus_best_rows(
    base_vs_best: Mapping[str, Mapping[str, Any]],
) -> list[tuple[str, str, str, str]]:
    """Base against the best-ranked site: ``(criterion, base, best, base - best)`` with the
    criteria's labels and number formats of :data:`SITE_FIELDS` (others as 3 digits)."""
    by_key = {f.key: f for f in SITE_FIELDS}
    out = []
    for key, v in base_vs_best.items():
        field = by_key.get(key, Field(key, key.replace("_", " ")))
        text = digits(4) if field.text in (lat_text, lon_text) else field.text
        base, best, diff = (v.get(k) for k in ("base", "best", "difference"))
        cells = [field.missing if c is None else text(c) for c in (base, best, diff)]
        out.append((field.label, cells[0], cells[1], cells[2]))
    return out
