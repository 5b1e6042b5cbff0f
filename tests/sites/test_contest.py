"""Contested terrain: claims in turn behind safety zones, on synthetic rankings and on the real
polar grid through ``lunarbase contest``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lunarbase.errors import QueryError
from lunarbase.geometry import great_circle_km
from lunarbase.sites import LOSS_COLUMNS, claims, race
from tests.cli.helpers import assert_one_line_error, invoke


def ranked(n: int = 12) -> pd.DataFrame:
    """``n`` sites best first on a line 1 km apart, scores falling by 0.01."""
    rng = np.random.default_rng(3)
    table = pd.DataFrame({c: rng.random(n) for c in LOSS_COLUMNS})
    table["score"] = 0.9 - 0.01 * np.arange(n)
    table["x_m"] = 1000.0 * np.arange(n)
    table["y_m"] = 0.0
    table.index = pd.RangeIndex(1, n + 1, name="rank")
    return table


def test_one_party_takes_the_best_site_and_zero_radius_the_next() -> None:
    sites = ranked()
    alone = claims(sites, 1, 50.0)
    assert list(alone["rank"]) == [1]
    two = claims(sites, 2, 0.0)
    assert list(two["rank"]) == [1, 2]
    assert two.loc[2, "score_loss"] == pytest.approx(sites.loc[1, "score"] - sites.loc[2, "score"])
    assert two.loc[1, "score_loss"] == 0.0


def test_no_two_claims_are_closer_than_the_safety_zone() -> None:
    got = claims(ranked(), 4, 2.5)
    assert list(got["rank"]) == [1, 4, 7, 10]  # every third site on a 1 km line
    xy = got[["x_m", "y_m"]].to_numpy()
    for i in range(len(xy)):
        for j in range(i):
            assert np.hypot(*(xy[i] - xy[j])) >= 2500.0


@pytest.mark.parametrize(
    ("parties", "radius", "needle"),
    [(0, 1.0, "--parties"), (1, -1.0, "--safety-zone-km"), (5, 4.0, "only 3 of the 12")],
)
def test_bad_contests_name_the_option(parties: int, radius: float, needle: str) -> None:
    with pytest.raises(QueryError, match=needle):
        claims(ranked(), parties, radius)


@pytest.mark.usefixtures("default_chain")
def test_contest_on_the_real_polar_grid(mirror: Path) -> None:
    """Party 1 gets the top-ranked site; at 0 km the second party's loss is the gap between the
    first two ranked sites; at 20 km no two claims lie closer than 20 km; the loss grows."""
    proc = invoke("contest", "--parties", "3", "--safety-zone-km", "0,20", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    zero, wide = data["contests"]
    assert zero["claims"][0]["rank"] == 1 and wide["claims"][0]["rank"] == 1
    first, second = zero["claims"][0], zero["claims"][1]
    assert second["rank"] == 2
    assert second["score_loss"] == pytest.approx(first["score"] - second["score"])
    pts = [(c["lat_deg"], c["lon_deg"]) for c in wide["claims"]]
    for i, a in enumerate(pts):
        for b in pts[:i]:
            assert great_circle_km(*a, *b) >= 20.0
    assert data["last_party_score_loss"]["20"] >= data["last_party_score_loss"]["0"]
    assert all(c["psr_area_nearby_km2"] >= 0.0 for c in wide["claims"])


def test_contest_bad_options_are_one_line_errors(mirror: Path) -> None:
    assert_one_line_error(invoke("contest", "--parties", "0"), "--parties")
    assert_one_line_error(invoke("contest", "--safety-zone-km", "-2"), "--safety-zone-km", ">= 0")
    assert_one_line_error(invoke("contest", "--safety-zone-km", "1,x"), "--safety-zone-km", "'x'")


def test_race_claims_in_arrival_order_from_each_programmes_own_ranking() -> None:
    """The first arrival takes its best; a later one with the same ranking loses the sites in
    the first's zone; with nothing left outside the zones it gets nothing."""
    sites = ranked(4)  # 1 km apart
    got = race({"a": sites, "b": sites, "c": sites.iloc[:1]}, ["a", "b", "c"], 1.5)
    assert got["a"] is not None and got["a"]["rank"] == 1 and got["a"]["score_loss"] == 0.0
    assert got["b"] is not None and got["b"]["rank"] == 3  # ranks 1-2 lie within 1.5 km of a's
    assert got["b"]["score_loss"] == pytest.approx(sites.loc[1, "score"] - sites.loc[3, "score"])
    assert got["c"] is None
    with pytest.raises(QueryError, match="--safety-zone-km"):
        race({"a": sites}, ["a"], -1.0)
