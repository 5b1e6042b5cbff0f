"""The report's result tables read as a report: labels with units, values to their meaningful
digits, latitudes as 89.69 S, yes/no, money in words; missing fields left out, missing values
said in words."""

from __future__ import annotations

import pytest

from lunarbase.report import tables


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (1712.1179, 4, "1,712"),
        (1712.1179, 3, "1,710"),
        (0.0123456, 3, "0.0123"),
        (2.0, 3, "2"),
        (68.0, 3, "68"),
        (9.996, 3, "10"),
        (748331.9, 3, "748,000"),
        (26727700.9, 3, "26.7 million"),
        (-94.6e9, 3, "-94.6 billion"),
        (0.0, 3, "0"),
        (float("nan"), 3, "n/a"),
    ],
)
def test_numbers_to_their_significant_digits(value: float, digits: int, text: str) -> None:
    assert tables.sig(value, digits) == text


def test_coordinates_percentages_booleans_and_money() -> None:
    assert tables.latlon_text(-89.6895570906999, 197.04903097210982) == "89.69 S, 197.05 E"
    assert tables.lon_text(-10.0) == "350.00 E" and tables.lat_text(12.5) == "12.50 N"
    assert tables.percent(0.8425872) == "84.3 %"
    assert [tables.yes_no(v) for v in (True, False)] == ["yes", "no"]
    assert tables.usd(-9.46e10) == "-$94.6 billion" and tables.usd(27.0308) == "$27"
    assert tables.count(4096) == "4,096"


def test_rows_leave_out_missing_fields_and_say_what_null_means() -> None:
    block = {"irr": None, "payback_year": None, "prob_npv_positive": 0.25, "seed": 7}
    assert tables.rows(block, tables.ECONOMICS_FIELDS) == [
        ("Probability that the NPV is above zero", "25.0 %"),
        ("Internal rate of return", "none (it never pays back)"),
        ("Payback year", "never"),
    ]


def test_the_ranked_sites_and_the_comparison_with_the_best() -> None:
    site = {"rank": 1, "place": "on the rim of Shackleton", "lat_deg": -89.69, "lon_deg": 197.05,
            "score": 0.77509, "x_m": -2760.0, "dem": "ldem_75s_240m"}  # fmt: skip
    head, body = tables.candidate_rows([site])
    assert head == ["#", "Where", "Latitude", "Longitude", "Score [0-1]"]
    assert body == [["1", "on the rim of Shackleton", "89.69 S", "197.05 E", "0.775"]]
    versus = {"illumination_fraction": {"base": 0.5, "best": 0.75, "difference": -0.25}}
    assert tables.versus_best_rows(versus) == [
        ("Sun disk visible, mean share of the time", "50.0 %", "75.0 %", "-25.0 %")
    ]


def test_every_grade_source_reads_in_words() -> None:
    """The resources stage's ``mining_grade_source`` values (its docstring) each have a label."""
    assert set(tables.GRADE_SOURCES) == {"wac_map", "map", "scenario"}
    assert all("_" not in label for label in tables.GRADE_SOURCES.values())
