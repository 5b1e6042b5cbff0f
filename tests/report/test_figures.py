"""Report figures: the data drawn, fixed div ids and byte-identical HTML for the same input."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
import xarray as xr

from lunarbase.report import figures
from lunarbase.terrain import latlon_to_xy


def plot_args(html: str, div_id: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The (traces, layout) passed to ``Plotly.newPlot`` for ``div_id`` in an HTML fragment."""
    match = re.search(r'Plotly\.newPlot\(\s*"' + re.escape(div_id) + r'",\s*', html)
    assert match, html[:500]
    decoder = json.JSONDecoder()
    traces, end = decoder.raw_decode(html, match.end())
    rest = re.match(r",\s*", html[end:])
    assert rest
    layout, _ = decoder.raw_decode(html, end + rest.end())
    return traces, layout


def drawn_args(drawn: figures.Drawn, key: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The (traces, layout) of a figure as the report embeds it under div ``fig-<key>``."""
    return plot_args(figures.fragment(drawn, key), f"fig-{key}")


def values(field: Any) -> np.ndarray:
    """A trace array as numpy, whether plotly wrote it as a list or as typed ``bdata``."""
    if isinstance(field, dict) and "bdata" in field:
        flat = np.frombuffer(base64.b64decode(field["bdata"]), dtype=np.dtype(field["dtype"]))
        shape = field.get("shape")
        if shape:
            dims = [int(s) for s in str(shape).split(",")]
            return flat.reshape(dims)
        return flat
    return np.asarray(field)


def light_series() -> pd.DataFrame:
    """Two full UTC days of hourly light: day 1 Sun 0.25 / Earth 0, day 2 ramps / Earth 1."""
    index = pd.date_range("2026-01-01", periods=48, freq="1h", tz="UTC", name="time_utc")
    sun = np.r_[np.full(24, 0.25), np.linspace(0.0, 1.0, 24)]
    earth = np.r_[np.zeros(24, bool), np.ones(24, bool)]
    return pd.DataFrame({"sun_fraction": sun, "earth_visible": earth}, index=index)


def basemap() -> xr.DataArray:
    """A 4 x 5 uint8 hillshade on x, y [m] around the pole (y decreasing like the DEMs)."""
    shade = np.arange(20, dtype=np.uint8).reshape(4, 5) * 12
    return xr.DataArray(
        shade,
        dims=("y", "x"),
        coords={"y": [30e3, 10e3, -10e3, -30e3], "x": [-40e3, -20e3, 0.0, 20e3, 40e3]},
        name="hillshade",
    )


def sites_table() -> pd.DataFrame:
    """Three ranked candidates (rank 1..3) with scores and places."""
    return pd.DataFrame(
        {
            "lat_deg": [-89.45, -89.0, -88.5],
            "lon_deg": [222.7, 10.0, 100.0],
            "score": [0.91, 0.5, 0.125],
            "place": ["on the rim of A", "3 km from the centre of B", "on the rim of C"],
        },
        index=pd.Index([1, 2, 3], name="rank"),
    )


def layers() -> xr.Dataset:
    """2 x 3 search layers: light (one pixel below the drawn floor, one outside the region)
    and one PSR pixel."""
    coords = {"y": [10e3, -10e3], "x": [-20e3, 0.0, 20e3]}
    return xr.Dataset(
        {
            "illumination_fraction": (("y", "x"), [[0.2, 0.5, 0.9], [0.8, 0.0, 0.61]]),
            "psr": (("y", "x"), [[False, False, False], [False, True, False]]),
            "in_region": (("y", "x"), [[True, True, False], [True, True, True]]),
        },
        coords=coords,
    )


def grade_bins() -> xr.Dataset:
    """Two bins, the southern and the northern hemisphere."""
    return xr.Dataset(
        {
            "he3_ppb": ("cell", [1.5, 12.34]),
            "th_ppm": ("cell", [0.8, 4.0]),
            "lat_min": ("cell", [-90.0, 0.0]),
            "lat_max": ("cell", [0.0, 90.0]),
            "lon_min": ("cell", [-180.0, -180.0]),
            "lon_max": ("cell", [180.0, 180.0]),
        }
    )


def annual() -> pd.DataFrame:
    """Three operating years of He-3 extracted and shipped, plus columns not drawn (regolith,
    and the end-of-year He-3 stock, which is not a flow)."""
    return pd.DataFrame(
        {
            "he3_extracted_kg": [10.0, 12.0, 14.0],
            "he3_shipped_kg": [8.0, 11.0, 13.5],
            "he3_stock_kg": [2.0, 3.0, 3.5],
            "regolith_t": [1e6, 1.1e6, 1.2e6],
        },
        index=pd.Index([1, 2, 3], name="year"),
    )


def energy() -> pd.DataFrame:
    """Two days of fission and solar generation, electricity served and unmet demand [MWh]."""
    return pd.DataFrame(
        {
            "fission_energy_mwh": [24.0, 12.0],
            "solar_energy_mwh": [2.4, 0.0],
            "electric_energy_mwh": [20.0, 12.0],
            "energy_deficit_mwh": [0.0, 4.8],
        },
        index=pd.Index([0, 1], name="day"),
    )


NPV_DRAWS = np.array([-2.0e9, -0.5e9, 0.0, 1.0e9, 3.5e9, 7.0e9])


CASES = [
    ("light", lambda: figures.light_figure(light_series())),
    ("sites", lambda: figures.sites_figure(basemap(), layers(), sites_table(), -89.45, 222.7)),
    ("grades", lambda: figures.grades_figure(grade_bins())),
    ("ops", lambda: figures.operations_figure(annual())),
    ("energy", lambda: figures.energy_figure(energy())),
    ("npv", lambda: figures.npv_figure(NPV_DRAWS)),
]


@pytest.mark.parametrize(("key", "make"), CASES, ids=[c[0] for c in CASES])
def test_fragment_has_its_div_id_and_is_deterministic(key: str, make: Any) -> None:
    """Each figure embeds as an HTML fragment with its fixed div id ``fig-<key>``,
    byte-identical on a second call."""
    fig = make()
    assert isinstance(fig, go.Figure)
    html = figures.fragment(fig, key)
    assert f'id="fig-{key}"' in html
    assert "<html" not in html.lower() and "<body" not in html.lower()
    assert "cdn.plot.ly" not in html  # plotly.js is not embedded per figure
    assert figures.fragment(make(), key) == html
    traces, layout = plot_args(html, f"fig-{key}")
    assert traces and layout["height"] > 0


def test_light_figure_draws_the_daily_means() -> None:
    """The two traces are the UTC daily means of the Sun fraction and of Earth in view."""
    traces, layout = drawn_args(figures.light_figure(light_series()), "light")
    assert len(traces) == 2
    sun, earth = traces
    assert "Sun" in sun["name"] and "Earth" in earth["name"]
    assert [x[:10] for x in sun["x"]] == ["2026-01-01", "2026-01-02"]
    np.testing.assert_allclose(values(sun["y"]), [0.25, 0.5])
    np.testing.assert_allclose(values(earth["y"]), [0.0, 1.0])
    assert layout["title"]["text"] == "Light at the base"


def test_light_figure_of_an_empty_series_is_a_message() -> None:
    """An empty light series (base off the polar DEMs) gives a <p> message, no plot."""
    empty = light_series().iloc[:0]
    html = figures.light_figure(empty)
    assert isinstance(html, str) and html.startswith("<p>") and html.endswith("</p>")
    assert figures.fragment(html, "light") == html


def test_sites_figure_draws_basemap_light_psrs_sites_and_base() -> None:
    """Hillshade on x, y [km], the light layer above the drawn floor and inside the region,
    the PSR pixels, one marker per ranked site named by its place, and the base star."""
    sites = sites_table()
    traces, _ = drawn_args(figures.sites_figure(basemap(), layers(), sites, -89.45, 222.7), "sites")
    heat, light, psr, cands, base = traces
    assert heat["type"] == "heatmap"
    np.testing.assert_allclose(values(heat["x"]), [-40.0, -20.0, 0.0, 20.0, 40.0])
    np.testing.assert_allclose(values(heat["y"]), [30.0, 10.0, -10.0, -30.0])
    np.testing.assert_array_equal(values(heat["z"]).reshape(4, 5), basemap().values)
    z = values(light["z"]).astype(float).reshape(2, 3)
    np.testing.assert_array_equal(np.isnan(z), [[True, False, True], [False, True, False]])
    np.testing.assert_allclose(z[~np.isnan(z)], [0.5, 0.8, 0.61])
    assert np.isfinite(values(psr["z"]).astype(float)).sum() == 1
    assert cands["name"] == "ranked sites"
    assert len(values(cands["x"])) == len(sites) == 3
    assert cands["text"] == ["1", "2", "3"]
    assert cands["hovertext"][0] == "#1: on the rim of A (score 0.91)"
    sx, sy = latlon_to_xy(sites["lat_deg"].to_numpy(), sites["lon_deg"].to_numpy())
    np.testing.assert_allclose(values(cands["x"]), sx / 1e3)
    np.testing.assert_allclose(values(cands["y"]), sy / 1e3)
    assert base["name"] == "base" and base["marker"]["symbol"] == "star"
    np.testing.assert_allclose([base["x"][0], base["y"][0]], [sx[0] / 1e3, sy[0] / 1e3])


def test_sites_figure_without_candidates_still_marks_the_base() -> None:
    """An empty sites table leaves the layers and the base."""
    traces, _ = drawn_args(
        figures.sites_figure(basemap(), layers(), sites_table().iloc[:0], -89.9, 0.0), "sites"
    )
    assert [t.get("name") for t in traces[3:]] == ["base"]


def test_sites_figure_without_basemap_is_a_message() -> None:
    """basemap None (terrain stage ran without one) gives a <p> message."""
    html = figures.sites_figure(None, layers(), sites_table(), -89.45, 222.7)
    assert isinstance(html, str) and html.startswith("<p>") and "basemap" in html
    assert figures.fragment(html, "sites") == html


def test_grades_figure_fills_each_bin_on_the_raster() -> None:
    """Two filled maps (He-3, Th) on a 1-degree raster, north up, each cell holding the grade
    of the bin containing its centre, with colour bars and lat/lon axes."""
    traces, layout = drawn_args(figures.grades_figure(grade_bins()), "grades")
    he3, th = traces
    assert he3["type"] == th["type"] == "heatmap"
    lat, lon = values(he3["y"]), values(he3["x"])
    assert (lat[0], lat[-1], lon[0], lon[-1]) == (89.5, -89.5, -179.5, 179.5)
    z = values(he3["z"]).reshape(180, 360)
    np.testing.assert_allclose(z[:90], 12.34, rtol=1e-6)  # float32
    np.testing.assert_allclose(z[90:], 1.5, rtol=1e-6)
    np.testing.assert_allclose(values(th["z"]).reshape(180, 360)[0, 0], 4.0)
    assert "colorbar" in he3 and "colorbar" in th
    assert layout["xaxis"]["title"]["text"] == "longitude [deg E]"
    assert layout["yaxis"]["title"]["text"] == "latitude [deg]"


def test_grades_figure_draws_he3_at_the_finer_grid_and_fills_its_gaps_from_the_bins() -> None:
    """With a He-3 grid at WAC resolution, the He-3 panel is drawn on that grid; its empty
    (NaN) cells, poleward of the WAC map, take the bin's value."""
    lat = 90.0 - (np.arange(360) + 0.5) * 0.5
    lon = -180.0 + (np.arange(720) + 0.5) * 0.5
    fine = np.full((360, 720), 7.5, dtype=np.float32)
    fine[:40] = np.nan  # north of 70 N
    grid = xr.DataArray(fine, dims=("lat", "lon"), coords={"lat": lat, "lon": lon})
    traces, _ = drawn_args(figures.grades_figure(grade_bins(), grid), "grades")
    z = values(traces[0]["z"]).reshape(360, 720)
    np.testing.assert_allclose(z[:40], 12.34, rtol=1e-6)
    np.testing.assert_allclose(z[40:], 7.5)


def test_grades_figure_marks_the_best_he3_mining_sites_by_rank() -> None:
    """The ranked He-3 mining sites are marked on the He-3 map (longitudes -180..180, as the
    raster), labelled by rank, with their places on hover."""
    mining = pd.DataFrame(
        {"lat_deg": [10.75, 26.25], "lon_deg": [24.75, 304.25], "place": ["a", "b"]},
        index=pd.RangeIndex(1, 3, name="rank"),
    )
    traces, layout = drawn_args(figures.grades_figure(grade_bins(), mining=mining), "grades")
    sites = traces[-1]
    assert sites["type"] == "scatter" and list(sites["text"]) == ["1", "2"]
    np.testing.assert_allclose(values(sites["x"]), [24.75, -55.75])
    assert "mining sites" in layout["title"]["text"]


def test_operations_figure_draws_one_bar_per_he3_flow() -> None:
    """Bars for the He-3 flow columns only (stock and other columns are not drawn), values per
    year."""
    traces, layout = drawn_args(figures.operations_figure(annual()), "ops")
    assert [t["name"] for t in traces] == ["extracted", "shipped to Earth"]
    assert all(t["type"] == "bar" for t in traces)
    np.testing.assert_allclose(values(traces[0]["x"]), [1, 2, 3])
    np.testing.assert_allclose(values(traces[0]["y"]), [10.0, 12.0, 14.0])
    np.testing.assert_allclose(values(traces[1]["y"]), [8.0, 11.0, 13.5])
    assert layout["barmode"] == "group"


def test_npv_figure_is_a_histogram_in_billions_with_a_zero_line() -> None:
    """The histogram holds the draws in billion USD, with a dashed line at NPV = 0."""
    traces, layout = drawn_args(figures.npv_figure(NPV_DRAWS), "npv")
    (hist,) = traces
    assert hist["type"] == "histogram" and hist["nbinsx"] == 60
    np.testing.assert_allclose(values(hist["x"]), NPV_DRAWS / 1e9)
    (line,) = layout["shapes"]
    assert line["x0"] == line["x1"] == 0.0 and line["line"]["dash"] == "dash"


def test_tornado_names_inputs_as_a_user_sets_them() -> None:
    """The bars are labelled ``economics.<field>`` (``--set``) or ``economics.uncertain.<name>``
    (a multiplier's distribution), the largest swing on top."""
    tornado = pd.DataFrame(
        {"output_low": [-3e9, -2e9], "output_high": [1e9, -1e9], "output_base": [-1e9, -1e9]},
        index=pd.Index(["launch_cost_usd_per_kg", "he3_grade_scale"], name="input"),
    )
    traces, _ = drawn_args(figures.tornado_figure(tornado), "tornado")
    assert list(traces[0]["y"]) == [
        "economics.uncertain.he3_grade_scale",
        "economics.launch_cost_usd_per_kg",
    ]


def test_different_inputs_give_different_html() -> None:
    """The HTML depends on the data (a changed draw changes the NPV fragment)."""
    first = figures.fragment(figures.npv_figure(NPV_DRAWS), "npv")
    assert first != figures.fragment(figures.npv_figure(NPV_DRAWS * 2), "npv")


def test_energy_figure_sums_each_month_stacks_the_sources_and_sets_shortfall_apart() -> None:
    """45 days (month 1: days 0-30, month 2: days 31-44, months of 365.25 / 12 d): generation
    by source as stacked bars and the energy served as a line [MWh per month] in the upper
    panel; curtailed generation upward and unmet demand downward in the lower panel."""
    days = pd.Index(np.arange(45), name="day")
    daily = pd.DataFrame(
        {
            "fission_energy_mwh": np.full(45, 2.0),
            "solar_energy_mwh": np.r_[np.ones(31), np.zeros(14)],
            "electric_energy_mwh": np.full(45, 1.5),
            "energy_deficit_mwh": np.r_[np.zeros(31), np.full(14, 0.5)],
            "energy_curtailed_mwh": np.r_[np.full(31, 1.5), np.full(14, 0.5)],
        },
        index=days,
    )
    traces, layout = drawn_args(figures.energy_figure(daily), "energy")
    by_name = {t["name"]: t for t in traces}
    assert list(by_name) == [
        "fission", "solar arrays", "served to the loads",
        "curtailed (generated, not used)", "unmet demand",
    ]  # fmt: skip
    np.testing.assert_allclose(values(by_name["fission"]["x"]), [0.5 / 12, 1.5 / 12])
    np.testing.assert_allclose(values(by_name["fission"]["y"]), [62.0, 28.0])
    np.testing.assert_allclose(values(by_name["solar arrays"]["y"]), [31.0, 0.0])
    np.testing.assert_allclose(values(by_name["served to the loads"]["y"]), [46.5, 21.0])
    np.testing.assert_allclose(values(by_name["curtailed (generated, not used)"]["y"]), [46.5, 7.0])
    np.testing.assert_allclose(values(by_name["unmet demand"]["y"]), [0.0, -7.0])
    assert layout["barmode"] == "relative"
    upper = {t["yaxis"] for t in traces[:3]}
    lower = {t["yaxis"] for t in traces[3:]}
    assert len(upper) == len(lower) == 1 and upper != lower
    only_fission = figures.energy_figure(daily[["fission_energy_mwh"]])
    assert len(drawn_args(only_fission, "energy")[0]) == 1
