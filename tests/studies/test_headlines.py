"""The headline of a run: the dashboard's metric cards as numbers with units."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest

from lunarbase.errors import ScenarioError
from lunarbase.studies import Headline, headline


def test_headline_reads_the_run_and_per_year_he3() -> None:
    ops = SimpleNamespace(he3_extracted_kg=30.0, annual=pd.DataFrame(index=range(3)))
    econ = SimpleNamespace(
        npv_band={"p50": -2.0e9, "prob_npv_positive": 0.25},
        metrics={"npv_usd": -1.0e9, "cost_per_kg_he3_usd": 4.0e7},
    )
    run: Any = SimpleNamespace(operations=ops, economics=econ)
    assert headline(run) == Headline(
        npv_p50_usd=-2.0e9,
        prob_npv_positive=0.25,
        npv_nominal_usd=-1.0e9,
        he3_kg_per_year=10.0,
        cost_per_kg_he3_usd=4.0e7,
    )


def test_a_run_short_of_economics_is_a_one_line_error() -> None:
    run: Any = SimpleNamespace(operations=None, economics=None)
    with pytest.raises(ScenarioError, match="economics stage"):
        headline(run)
