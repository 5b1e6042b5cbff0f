"""The default run's report as a reader gets it: the verdict and headline numbers are those of
results.json, the verdict turns with the sign of the NPV, the page loads nothing from the
network and stays within its size budget, and it lists every scenario field's source."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pytest

from lunarbase import pipeline, scenario
from lunarbase.report import html as report_html
from lunarbase.report.tables import latlon_text
from lunarbase.report.verdict import verdict
from tests.fast import QUICK
from tests.report.helpers import FIGURE_KEYS

REMOTE = {
    "remote src": r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""",
    "remote stylesheet": r"""<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//""",
    "remote url()": r"""url\(\s*["']?\s*(?:https?:)?//""",
    "@import": r"""@import\b""",
}
"""What would make the page fetch from the network."""


def _page(default_run: tuple[subprocess.CompletedProcess[str], Path]) -> tuple[str, dict]:
    proc, out_dir = default_run
    assert proc.returncode == 0, proc.stderr
    page = (out_dir / "report.html").read_text()
    return page, json.loads((out_dir / "results.json").read_text())


def _text(page: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}">(.*?)</(?:p|pre)>', page, re.S)
    assert match, element_id
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_verdict_and_headline_numbers_are_those_of_results_json(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    page, data = _page(default_run)
    assert _text(page, "verdict") == verdict(data)  # every verdict number from the JSON
    kpis = [html.unescape(k) for k in re.findall(r'<span class="kpi"><b>(.*?)</b>', page)]
    ops, econ, base = data["operations"], data["economics"], data["sites"]["base"]
    assert kpis[0] == f"{ops['totals']['he3_shipped_kg_total']:.1f} kg"
    assert kpis[1] == f"{data['resources']['mining_he3_ppb']:.2f} ppb"
    assert kpis[2] == f"{100 * base['illumination_fraction']:.1f} %"
    assert kpis[3] == f"${econ['npv_usd']['p50'] / 1e9:,.2f} B"
    assert json.loads(_text(page, "scenario")) == data["scenario"]
    for row in data["sites"]["candidates"]:  # the ranked table shows the JSON's rows
        assert f"<td>{latlon_text(row['lat_deg'], row['lon_deg']).split(', ')[0]}</td>" in page
        assert f"<td>{row['score']:.3f}</td>" in page


FIELD_NAME = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
"""A snake_case name such as ``dem_resolution_m`` or ``x_m``."""

PYTHON_LITERAL = re.compile(r"\b(?:None|True|False|nan|NaN|inf)\b")


def _result_cells(page: str) -> list[str]:
    """The text of every cell of the tables before the assumptions (whose field names are
    what a user types in ``--set``)."""
    results = page[: page.index("<h2>Assumptions</h2>")]
    body = results[results.index("<body>") :]
    tables = re.findall(r"<table\b.*?</table>", body, re.S)
    cells = [c for t in tables for c in re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", t, re.S)]
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells]


def test_result_tables_show_labels_and_values_not_field_names_or_python(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    """Before the assumptions, no table cell holds a raw field name (``dem_resolution_m``,
    ``x_m``, ``montecarlo_draws``) or a Python literal; coordinates read 89.69 S, 197.05 E."""
    page, data = _page(default_run)
    cells = _result_cells(page)
    assert len(cells) > 100  # base, sites, resources, operations and economics tables
    assert [c for c in cells if FIELD_NAME.search(c)] == []
    assert [c for c in cells if PYTHON_LITERAL.search(c)] == []
    base = data["sites"]["base"]
    lat, lon = latlon_text(base["lat_deg"], base["lon_deg"]).split(", ")
    assert ["Latitude", lat] == cells[cells.index("Latitude") : cells.index("Latitude") + 2]
    assert ["Longitude", lon] == cells[cells.index("Longitude") : cells.index("Longitude") + 2]
    assert "DEM resolution [m]" in cells


def test_every_figure_has_a_one_line_caption(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    page, _ = _page(default_run)
    assert set(report_html.CAPTIONS) == set(FIGURE_KEYS)
    for key in FIGURE_KEYS:
        caption = _text(page, f"caption-{key}")
        assert caption == report_html.CAPTIONS[key] and "\n" not in caption, key
        assert page.index(f'id="fig-{key}"') < page.index(f'id="caption-{key}"')


def test_the_page_loads_nothing_from_the_network_and_keeps_its_budget(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    page, _ = _page(default_run)
    for what, pattern in REMOTE.items():
        assert not re.search(pattern, page, re.I), what
    assert len(page.encode()) <= report_html.SIZE_BUDGET_BYTES


def test_every_scenario_field_is_in_the_assumptions_with_a_source(
    default_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    page, data = _page(default_run)
    table = re.search(r'<table id="assumptions">(.*?)</table>', page, re.S)
    assert table
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>.*?<td class=\"src\">(.*?)</td>", table[1])
    fields = {(t, html.unescape(f).split(".")[0]) for t, f, _ in rows}
    for name, section in data["scenario"].items():
        if name == "sources":  # the scenario's citations, shown in the source column
            continue
        if name == "missions":  # one row per dated flight, named
            assert all(("missions", m["name"]) in fields for m in section)
            continue
        for field in section:
            assert (name, field) in fields, f"{name}.{field}"
    assert all(source.strip() for _, _, source in rows)


def test_the_verdict_turns_with_the_sign_of_the_npv(mirror: Path) -> None:
    """The same quick scenario, once as it is (no profit) and once with He-3 at a fusion-era
    price and the costs all but waived: the verdict's second sentence flips."""
    free = {
        "economics.development_cost_usd": 0.0,
        "economics.launch_cost_usd_per_kg": 1.0,
        "economics.miner_unit_cost_usd": 1.0,
        "economics.reactor_cost_usd_per_kg": 1.0,
        "economics.array_cost_usd_per_kw": 1.0,
        "economics.battery_cost_usd_per_kwh": 1.0,
        "economics.spares_cost_usd_per_kg": 1.0,
        "economics.annual_opex_fraction": 0.0,
        "economics.return_flight_cost_usd": 1.0,
        "economics.return_cost_usd_per_kg": 1.0,
        "economics.he3_price_usd_per_l": 1e6,
        "economics.uncertain": {},
    }
    base = scenario.parse(QUICK)
    losing = pipeline.run(base).to_dict()
    paying = pipeline.run(scenario.with_overrides(base, free)).to_dict()
    assert losing["economics"]["npv_usd"]["p50"] < 0.0 < paying["economics"]["npv_usd"]["p50"]
    assert "It does not pay" in verdict(losing)
    assert "It pays" in verdict(paying) and "It does not pay" not in verdict(paying)
    assert verdict(losing).split(". ")[0] == verdict(paying).split(". ")[0]  # same base


@pytest.mark.parametrize(
    ("usd", "words"), [(-3.24e9, "-$3.2 billion"), (4.5e8, "$450 million"), (0.0, "$0 million")]
)
def test_verdict_money_reads_as_words(usd: float, words: str) -> None:
    from lunarbase.report.verdict import _money

    assert _money(usd) == words


def test_verdict_names_the_dominant_input_as_a_user_sets_it() -> None:
    """Issue 23's one name per quantity: the input that dominates the uncertainty reads as
    ``--set`` takes it (``economics.launch_cost_usd_per_kg``), not by a bare field name."""
    data = {
        "sites": {
            "choice": "best",
            "base": {
                "place": "Shackleton",
                "lat_deg": -89.5,
                "lon_deg": 200.0,
                "illumination_fraction": 0.8,
            },
        },
        "operations": {"totals": {"he3_shipped_kg_total": 10.0}},
        "scenario": {"operations": {"years": 10}},
        "economics": {
            "he3_fraction_sold": 1.0,
            "prob_npv_positive": 0.0,
            "npv_usd": {"p50": -4e10},
            "montecarlo_draws": 100,
            "sobol": {"launch_cost_usd_per_kg": {"ST": 0.9}, "he3_grade_scale": {"ST": 0.1}},
        },
    }
    assert "; economics.launch_cost_usd_per_kg dominates the uncertainty" in verdict(data)
