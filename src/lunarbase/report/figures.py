"""Plotly figures for the report, each returned as an HTML fragment with a fixed div id
(so the same results always give the same HTML)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lunarbase.geometry import wrap_lon_180
from lunarbase.terrain import latlon_to_xy

LAYOUT = {"template": "plotly_white", "height": 420, "margin": {"l": 60, "r": 20, "t": 50, "b": 50}}


def _html(fig: go.Figure, div_id: str) -> str:
    return str(fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id))


def light_figure(series: pd.DataFrame) -> str:
    """Daily mean visible Sun-disk fraction and Earth-in-view fraction at the base."""
    if series.empty:
        return "<p>No light series: the base is outside the polar DEMs.</p>"
    daily = series[["sun_fraction", "earth_visible"]].astype(float).resample("1D").mean()
    fig = go.Figure()
    fig.add_scatter(x=daily.index, y=daily["sun_fraction"], name="Sun disk visible (daily mean)")
    fig.add_scatter(x=daily.index, y=daily["earth_visible"], name="Earth in view (daily mean)")
    fig.update_layout(title="Light at the base", yaxis_title="fraction of time [-]", **LAYOUT)
    return _html(fig, "fig-light")


def sites_figure(basemap: Any, sites: pd.DataFrame, base_lat: float, base_lon: float) -> str:
    """Hillshade basemap (0-255 on x, y [m], from the terrain results) with the ranked
    candidates and the base."""
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
    )
    if not sites.empty:
        sx, sy = latlon_to_xy(sites["lat_deg"].to_numpy(), sites["lon_deg"].to_numpy())
        labels = [f"#{i}: score {s:.2f}" for i, s in zip(sites.index, sites["score"], strict=True)]
        fig.add_scatter(
            x=sx / 1e3,
            y=sy / 1e3,
            mode="markers+text",
            text=[str(i) for i in sites.index],
            textposition="top center",
            hovertext=labels,
            name="candidates",
            marker={
                "color": sites["score"],
                "colorscale": "Viridis",
                "size": 10,
                "showscale": True,
                "colorbar": {"title": "score"},
            },
        )
    bx, by = latlon_to_xy(base_lat, base_lon)
    fig.add_scatter(
        x=[float(bx) / 1e3],
        y=[float(by) / 1e3],
        mode="markers",
        name="base",
        marker={"symbol": "star", "size": 16, "color": "red"},
    )
    fig.update_layout(
        title="Candidate sites (LOLA 240 m hillshade, south polar stereographic)",
        xaxis_title="x [km]",
        yaxis_title="y [km] (toward 0 E)",
        legend={"orientation": "h", "y": -0.12},
        **{**LAYOUT, "height": 640},
    )
    fig.update_yaxes(scaleanchor="x")
    return _html(fig, "fig-sites")


def he3_figure(maps: Any) -> str:
    """Global He-3 grade map on the Lunar Prospector bins."""
    lon = wrap_lon_180(maps["lon"])
    fig = go.Figure()
    fig.add_scatter(
        x=lon,
        y=np.asarray(maps["lat"]),
        mode="markers",
        marker={
            "color": np.asarray(maps["he3_ppb"]),
            "colorscale": "Inferno",
            "size": 7,
            "symbol": "square",
            "colorbar": {"title": "He-3 [ppb]"},
        },
        hovertext=[f"{v:.1f} ppb" for v in np.asarray(maps["he3_ppb"])],
        name="He-3",
    )
    fig.update_layout(
        title="He-3 grade of the regolith (from Lunar Prospector TiO2)",
        xaxis_title="longitude [deg E]",
        yaxis_title="latitude [deg]",
        **LAYOUT,
    )
    return _html(fig, "fig-he3")


HE3_FLOWS = ("he3_extracted_kg", "he3_shipped_kg", "he3_lost_kg")
"""The He-3 flows per year drawn by :func:`operations_figure` (not the end-of-year stock)."""


def operations_figure(annual: pd.DataFrame) -> str:
    """He-3 extracted, shipped and lost per year [kg]."""
    fig = go.Figure()
    for col in [c for c in HE3_FLOWS if c in annual]:
        fig.add_bar(x=annual.index, y=annual[col], name=col)
    fig.update_layout(
        title="He-3 per year",
        xaxis_title="operating year",
        yaxis_title="kg",
        barmode="group",
        **LAYOUT,
    )
    return _html(fig, "fig-ops")


def energy_figure(daily: pd.DataFrame) -> str:
    """Power over time, day by day: mean generation by source, electricity served, unmet
    demand and curtailed generation [kW] (from the daily energy [MWh] / 24 h)."""
    labels = {
        "fission_energy_mwh": "fission",
        "solar_energy_mwh": "solar arrays",
        "electric_energy_mwh": "served to the loads",
        "energy_deficit_mwh": "unmet demand",
        "energy_curtailed_mwh": "curtailed",
    }
    years = daily.index.to_numpy() / 365.25
    fig = go.Figure()
    for col, label in labels.items():
        if col in daily:
            fig.add_scatter(x=years, y=daily[col] * 1000.0 / 24.0, mode="lines", name=label)
    fig.update_layout(
        title="Power, daily mean",
        xaxis_title="years from the start of operations",
        yaxis_title="kW",
        **LAYOUT,
    )
    return _html(fig, "fig-energy")


def npv_figure(npv_draws_usd: np.ndarray) -> str:
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
    return _html(fig, "fig-npv")


def costs_figure(cash_flows: pd.DataFrame, cost_lines: tuple[str, ...]) -> str:
    """Stacked bars of the cost lines by year [billion USD], the He-3 revenue as a line."""
    fig = go.Figure()
    for line in cost_lines:
        fig.add_bar(x=cash_flows.index, y=cash_flows[line] / 1e9, name=line.removesuffix("_usd"))
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
    return _html(fig, "fig-costs")


def tornado_figure(tornado: pd.DataFrame) -> str:
    """NPV with each uncertain input at its 5th and 95th percentile, the others at medians."""
    rows = tornado.iloc[::-1]
    base = float(rows["output_base"].iloc[0]) / 1e9 if len(rows) else 0.0
    fig = go.Figure()
    for column, name in (("output_low", "input at p05"), ("output_high", "input at p95")):
        fig.add_bar(
            y=list(rows.index), x=rows[column] / 1e9 - base, base=base, orientation="h", name=name
        )
    fig.update_layout(
        barmode="overlay",
        title="What moves the NPV (tornado)",
        xaxis_title="NPV [billion USD]",
        **LAYOUT,
    )
    return _html(fig, "fig-tornado")


def market_figure(strategic: pd.DataFrame) -> str:
    """Lunar output against the markets by year: He-3 shipped / today's demand, and REO /
    world and Chinese supply (log scale)."""
    fig = go.Figure()
    for column in (
        "he3_share_of_market",
        "ree_share_of_world_supply",
        "ree_share_of_china_supply",
    ):
        fig.add_scatter(x=strategic.index, y=strategic[column], name=column, mode="lines+markers")
    fig.update_layout(
        title="Could lunar output move the markets?",
        xaxis_title="year",
        yaxis_title="share [-]",
        yaxis_type="log",
        **LAYOUT,
    )
    return _html(fig, "fig-market")
