"""Plotly figures for the report: each ``*_figure`` function returns a
:class:`plotly.graph_objects.Figure`, or a one-sentence HTML message when there is nothing to
draw; :func:`fragment` embeds either in the page under a fixed div id (so the same results
always give the same HTML)."""

from __future__ import annotations

from typing import Any, TypeAlias

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lunarbase.terrain import latlon_to_xy

LAYOUT = {"template": "plotly_white", "height": 420, "margin": {"l": 60, "r": 20, "t": 50, "b": 50}}

SUNLIT_SHOWN = 0.3
"""Least mean Sun-disk fraction drawn over the hillshade of the sites map [-] (darker ground
shows through)."""

GRADE_RASTER_DEG = 1.0
"""Cell of the raster the grade maps fill from the Lunar Prospector bins [deg]: bin edges fall
on it to within half a degree (some polar bins' edges lie on 0.5 deg)."""


Drawn: TypeAlias = go.Figure | str
"""What a figure function returns: the figure, or an HTML ``<p>`` message saying why there is
nothing to draw."""


def fragment(drawn: Drawn, key: str) -> str:
    """The HTML of one report figure, its ``div`` id ``fig-<key>`` (a message as it is).

    Parameters
    ----------
    drawn : go.Figure or str
        What a figure function returned.
    key : str
        The figure's name in the report (``"light"``, ``"sites"``, ...).

    Returns
    -------
    str
        An HTML fragment without plotly.js (the page inlines it once).
    """
    if isinstance(drawn, str):
        return drawn
    return str(drawn.to_html(full_html=False, include_plotlyjs=False, div_id=f"fig-{key}"))


def light_figure(series: pd.DataFrame) -> Drawn:
    """Daily mean visible Sun-disk fraction and Earth-in-view fraction at the base."""
    if series.empty:
        return "<p>No light series: the base is outside the polar DEMs.</p>"
    daily = series[["sun_fraction", "earth_visible"]].astype(float).resample("1D").mean()
    fig = go.Figure()
    fig.add_scatter(x=daily.index, y=daily["sun_fraction"], name="Sun disk visible (daily mean)")
    fig.add_scatter(x=daily.index, y=daily["earth_visible"], name="Earth in view (daily mean)")
    fig.update_layout(title="Light at the base", yaxis_title="fraction of time [-]", **LAYOUT)
    return fig


def layers_map(basemap: Any, layers: Any) -> Drawn:
    """The search region as a map: the hillshade (0-255 on x, y [m], from the terrain results)
    under the mean Sun-disk fraction and the permanently shadowed pixels of the search layers
    (the sites results)."""
    if basemap is None:
        return "<p>No basemap: the terrain stage ran without one.</p>"
    fig = go.Figure()
    fig.add_heatmap(
        x=np.asarray(basemap.x) / 1e3,
        y=np.asarray(basemap.y) / 1e3,
        z=np.asarray(basemap.values),
        colorscale="gray",
        showscale=False,
        hoverinfo="skip",
        name="hillshade",
    )
    lx, ly = np.asarray(layers.x) / 1e3, np.asarray(layers.y) / 1e3
    light = np.asarray(layers["illumination_fraction"].values, float)
    inside = np.asarray(layers["in_region"].values, bool)
    fig.add_heatmap(
        x=lx,
        y=ly,
        z=np.where(inside & (light >= SUNLIT_SHOWN), light, np.nan).astype(np.float32),
        colorscale="YlOrRd",
        zmin=SUNLIT_SHOWN,
        zmax=1.0,
        opacity=0.75,
        colorbar={"title": "Sun [-]", "x": 1.02},
        hovertemplate="Sun %{z:.2f}<extra></extra>",
        name="mean Sun-disk fraction",
    )
    psr = np.asarray(layers["psr"].values, bool) & inside
    fig.add_heatmap(
        x=lx,
        y=ly,
        z=np.where(psr, 1.0, np.nan).astype(np.float32),
        colorscale=[[0.0, "#1f5fbf"], [1.0, "#1f5fbf"]],
        showscale=False,
        opacity=0.8,
        hoverinfo="skip",
        name="permanently shadowed",
    )
    fig.update_layout(
        xaxis_title="x [km] (toward 90 E)",
        yaxis_title="y [km] (toward 0 E)",
        legend={"orientation": "h", "y": -0.12},
        **{**LAYOUT, "height": 680},
    )
    fig.update_yaxes(scaleanchor="x")
    return fig


def sites_figure(
    basemap: Any, layers: Any, sites: pd.DataFrame, base_lat: float, base_lon: float
) -> Drawn:
    """Where the base should stand: :func:`layers_map` with the ranked sites and the base."""
    drawn = layers_map(basemap, layers)
    if isinstance(drawn, str):
        return drawn
    fig = drawn
    if not sites.empty:
        sx, sy = latlon_to_xy(sites["lat_deg"].to_numpy(), sites["lon_deg"].to_numpy())
        labels = [
            f"#{i}: {p} (score {s:.2f})"
            for i, p, s in zip(sites.index, sites["place"], sites["score"], strict=True)
        ]
        fig.add_scatter(
            x=sx / 1e3,
            y=sy / 1e3,
            mode="markers+text",
            text=[str(i) for i in sites.index],
            textposition="top center",
            textfont={"color": "white"},
            hovertext=labels,
            hoverinfo="text",
            name="ranked sites",
            marker={"color": "cyan", "size": 9, "line": {"color": "black", "width": 1}},
        )
    bx, by = latlon_to_xy(base_lat, base_lon)
    fig.add_scatter(
        x=[float(bx) / 1e3],
        y=[float(by) / 1e3],
        mode="markers",
        name="base",
        marker={"symbol": "star", "size": 18, "color": "lime", "line": {"color": "black"}},
    )
    fig.update_layout(
        title="Where to build: Sun (lit > 30 % of the time), PSRs (blue) and the ranked sites"
    )
    return fig


def grades_figure(
    maps: Any, he3_display: Any = None, mining: pd.DataFrame | None = None
) -> go.Figure:
    """He-3 [ppb] and Th [ppm] of the regolith as maps: each Lunar Prospector bin filled over
    a :data:`GRADE_RASTER_DEG` latitude/longitude raster (each cell takes the bin holding its
    centre), with colour bars and a lat/lon grid; He-3 on ``he3_display``'s finer grid where
    it has values, and the best He-3 mining sites marked by rank on the He-3 map.

    Parameters
    ----------
    maps : xarray.Dataset
        The resources results' maps on bins (``he3_ppb``, ``th_ppm``, the bin edges).
    he3_display : xarray.DataArray, optional
        He-3 [ppb] on a (lat, lon) grid at WAC resolution (``ResourceResults.he3_display``);
        its NaN cells are filled from the bins.
    mining : pandas.DataFrame, optional
        Ranked He-3 mining sites (index rank; ``lat_deg``, ``lon_deg`` [deg, deg E], ``place``).
    """
    from plotly.subplots import make_subplots

    from lunarbase.resources import containing_cells

    half = GRADE_RASTER_DEG / 2.0
    lat = np.arange(90.0 - half, -90.0, -GRADE_RASTER_DEG)
    lon = np.arange(-180.0 + half, 180.0, GRADE_RASTER_DEG)
    cells = containing_cells(maps, *np.meshgrid(lat, lon, indexing="ij"))
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(
            "He-3 [ppb] (TiO2: LROC WAC in the maria, Lunar Prospector elsewhere)"
            if he3_display is not None
            else "He-3 [ppb] (from Lunar Prospector TiO2)",
            "Th [ppm] (KREEP, REE)",
        ),
        horizontal_spacing=0.12,
    )
    for col, (name, scale, bar_x) in enumerate(
        (("he3_ppb", "Inferno", 0.44), ("th_ppm", "Viridis", 1.0)), start=1
    ):
        x, y, z = lon, lat, np.asarray(maps[name].values, np.float32)[cells]
        if name == "he3_ppb" and he3_display is not None:
            x, y = np.asarray(he3_display.lon), np.asarray(he3_display.lat)
            fine = np.asarray(he3_display.values, np.float32)
            bins = np.asarray(maps[name].values, np.float32)
            z = np.where(
                np.isnan(fine),
                bins[containing_cells(maps, *np.meshgrid(y, x, indexing="ij"))],
                fine,
            )
        fig.add_heatmap(
            x=x,
            y=y,
            z=z,
            colorscale=scale,
            colorbar={"x": bar_x, "len": 0.9},
            hovertemplate="lat %{y} lon %{x}: %{z:.3g}<extra>" + name + "</extra>",
            row=1,
            col=col,
        )
        fig.update_xaxes(title_text="longitude [deg E]", dtick=60, showgrid=True, row=1, col=col)
        fig.update_yaxes(title_text="latitude [deg]", dtick=30, showgrid=True, row=1, col=col)
    title = "Regolith grades of the whole Moon"
    if mining is not None and len(mining):
        fig.add_scatter(
            x=(mining["lon_deg"].to_numpy(float) + 180.0) % 360.0 - 180.0,
            y=mining["lat_deg"],
            mode="markers+text",
            text=[str(rank) for rank in mining.index],
            textposition="top center",
            marker={"symbol": "x", "size": 9, "color": "white", "line": {"width": 1}},
            hovertext=mining["place"],
            name="best He-3 mining sites",
            row=1,
            col=1,
        )
        title += ", with the best He-3 mining sites by rank"
    fig.update_layout(title=title, **LAYOUT)
    return fig


HE3_FLOWS = {
    "he3_extracted_kg": "extracted",
    "he3_shipped_kg": "shipped to Earth",
    "he3_lost_kg": "lost",
}
"""The He-3 flows per year drawn by :func:`operations_figure` (not the end-of-year stock),
with their legend labels."""


def operations_figure(annual: pd.DataFrame) -> go.Figure:
    """He-3 extracted, shipped and lost per year [kg]."""
    fig = go.Figure()
    for col, label in HE3_FLOWS.items():
        if col in annual:
            fig.add_bar(x=annual.index, y=annual[col], name=label)
    fig.update_layout(
        title="He-3 per year",
        xaxis_title="operating year",
        yaxis_title="kg",
        barmode="group",
        **LAYOUT,
    )
    return fig


MONTH_D = 365.25 / 12.0
"""Length of the months :func:`energy_figure` sums over [d] (a twelfth of a Julian year)."""

SOURCES = {
    "fission_energy_mwh": ("fission", "#6a51a3"),
    "solar_energy_mwh": ("solar arrays", "#f4a300"),
}
"""Generation by source drawn stacked by :func:`energy_figure`: legend label and colour."""

SURPLUS_AND_SHORTFALL = {
    "energy_curtailed_mwh": ("curtailed (generated, not used)", "#969696", 1.0),
    "energy_deficit_mwh": ("unmet demand", "#d62728", -1.0),
}
"""The lower panel of :func:`energy_figure`: legend label, colour and sign (up or down)."""


def monthly_energy(daily: pd.DataFrame) -> pd.DataFrame:
    """Daily energies [MWh] (index: day of operations from 0) summed by month of
    :data:`MONTH_D` days [MWh]; the index is each month's middle in years from the start."""
    month = (np.asarray(daily.index, float) // MONTH_D).astype(int)
    monthly = daily.groupby(month).sum()
    monthly.index = (monthly.index.to_numpy() + 0.5) / 12.0
    return monthly


def energy_figure(daily: pd.DataFrame) -> go.Figure:
    """Electricity by month [MWh] (:func:`monthly_energy`): above, generation stacked by
    source with the energy served to the loads as a line; below, on its own axis, curtailed
    generation upward and unmet demand downward."""
    from plotly.subplots import make_subplots

    monthly = monthly_energy(daily)
    years = monthly.index.to_numpy()
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.68, 0.32], vertical_spacing=0.06
    )
    width = 0.9 / 12.0
    for col, (label, colour) in SOURCES.items():
        if col in monthly:
            fig.add_bar(x=years, y=monthly[col], width=width, name=label,
                        marker_color=colour, row=1, col=1)  # fmt: skip
    if "electric_energy_mwh" in monthly:
        fig.add_scatter(x=years, y=monthly["electric_energy_mwh"], mode="lines",
                        line={"color": "black", "width": 1.5}, name="served to the loads",
                        row=1, col=1)  # fmt: skip
    for col, (label, colour, sign) in SURPLUS_AND_SHORTFALL.items():
        if col in monthly:
            fig.add_bar(x=years, y=sign * monthly[col], width=width, name=label,
                        marker_color=colour, row=2, col=1)  # fmt: skip
    fig.update_layout(
        title="Electricity by month",
        barmode="relative",
        legend={"orientation": "h", "y": -0.18},
        **{**LAYOUT, "height": 520},
    )
    fig.update_yaxes(title_text="MWh per month", row=1, col=1)
    fig.update_yaxes(title_text="MWh", zeroline=True, row=2, col=1)
    fig.update_xaxes(title_text="years from the start of operations", row=2, col=1)
    return fig


def npv_figure(npv_draws_usd: np.ndarray) -> go.Figure:
    """Histogram of Monte Carlo NPV draws."""
    fig = go.Figure()
    fig.add_histogram(x=np.asarray(npv_draws_usd) / 1e9, nbinsx=60, name="NPV")
    fig.add_vline(x=0.0, line_dash="dash")
    fig.update_layout(
        title="Net present value, Monte Carlo",
        xaxis_title="NPV [billion USD]",
        yaxis_title="draws",
        **LAYOUT,
    )
    return fig


COST_LABELS = {
    "om_usd": "operations & maintenance",
    "launch_usd": "launches",
    "return_usd": "return flights",
}
"""Legend labels of the cost lines whose names do not read as words (the others: the name
without ``_usd``, underscores as spaces)."""


def costs_figure(cash_flows: pd.DataFrame, cost_lines: tuple[str, ...]) -> go.Figure:
    """Stacked bars of the cost lines by year [billion USD], the He-3 revenue as a line."""
    fig = go.Figure()
    for line in cost_lines:
        label = COST_LABELS.get(line, line.removesuffix("_usd").replace("_", " "))
        fig.add_bar(x=cash_flows.index, y=cash_flows[line] / 1e9, name=label)
    fig.add_scatter(
        x=cash_flows.index, y=cash_flows["he3_revenue_usd"] / 1e9, name="He-3 revenue", mode="lines"
    )
    fig.update_layout(
        barmode="stack",
        title="Costs by year (nominal inputs)",
        xaxis_title="year",
        yaxis_title="billion USD",
        **LAYOUT,
    )
    return fig


def tornado_figure(tornado: pd.DataFrame) -> go.Figure:
    """NPV with each uncertain input at its 5th and 95th percentile, the others at medians;
    inputs named as a user sets them (:func:`lunarbase.economics.setting_name`)."""
    from lunarbase.economics import setting_name

    rows = tornado.iloc[::-1]
    base = float(rows["output_base"].iloc[0]) / 1e9 if len(rows) else 0.0
    fig = go.Figure()
    for column, name in (("output_low", "input at p05"), ("output_high", "input at p95")):
        fig.add_bar(
            y=[setting_name(str(i)) for i in rows.index],
            x=rows[column] / 1e9 - base,
            base=base,
            orientation="h",
            name=name,
        )
    fig.update_layout(
        barmode="overlay",
        title="What moves the NPV (tornado)",
        xaxis_title="NPV [billion USD]",
        **LAYOUT,
    )
    return fig


MARKET_SHARES = {
    "he3_share_of_market": "He-3 shipped / today's He-3 demand",
    "ree_share_of_world_supply": "rare-earth oxide / world supply",
    "ree_share_of_china_supply": "rare-earth oxide / China's supply",
}
"""The shares :func:`market_figure` draws, with their legend labels."""


def market_figure(strategic: pd.DataFrame) -> go.Figure:
    """Lunar output against the markets by year: He-3 shipped / today's demand, and REO /
    world and Chinese supply (log scale)."""
    fig = go.Figure()
    for column, label in MARKET_SHARES.items():
        fig.add_scatter(x=strategic.index, y=strategic[column], name=label, mode="lines+markers")
    fig.update_layout(
        title="Could lunar output move the markets?",
        xaxis_title="year",
        yaxis_title="share [-]",
        yaxis_type="log",
        **LAYOUT,
    )
    return fig


def contest_figure(
    basemap: Any, layers: Any, claimed: pd.DataFrame, safety_zone_km: float
) -> Drawn:
    """Who gets what: :func:`layers_map` with each party's claim numbered and ringed by its
    safety zone [km]."""
    drawn = layers_map(basemap, layers)
    if isinstance(drawn, str):
        return drawn
    fig = drawn
    angle = np.linspace(0.0, 2.0 * np.pi, 73)
    for party, row in claimed.iterrows():
        x, y = float(row["x_m"]) / 1e3, float(row["y_m"]) / 1e3
        fig.add_scatter(
            x=[x],
            y=[y],
            mode="markers+text",
            text=[str(party)],
            textposition="top center",
            textfont={"color": "white"},
            marker={"size": 11, "symbol": "diamond", "line": {"color": "black", "width": 1}},
            name=f"party {party}: {row['place']}",
            legendgroup=str(party),
        )
        if safety_zone_km > 0.0:
            fig.add_scatter(
                x=x + safety_zone_km * np.cos(angle),
                y=y + safety_zone_km * np.sin(angle),
                mode="lines",
                line={"width": 1.5, "dash": "dot"},
                hoverinfo="skip",
                showlegend=False,
                legendgroup=str(party),
            )
    fig.update_layout(title=f"Who gets what: claims in turn, {safety_zone_km:g} km safety zones")
    return fig
