"""compare's figure: every programme shows, however small beside the others."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lunarbase.report.compare import series_figure, signed_log
from lunarbase.studies import SERIES


def _programme(scale: float) -> pd.DataFrame:
    """A programme's series over 3 years at ``scale``, nothing in the development year."""
    columns = {name: [0.0, scale, 2.0 * scale] for name in SERIES}
    columns["cumulative_npv_usd"] = [-scale * 1e6, -2e6 * scale, 1e6 * scale]
    return pd.DataFrame(columns, index=pd.RangeIndex(2029, 2032, name="year"))


def test_compare_figure_shows_small_and_huge_programmes_alike() -> None:
    """A programme 10,000 times smaller than another still shows: the amounts on log axes
    (an empty year left out, not drawn at zero), the NPV on a symmetric log axis whose tick
    labels read in dollars."""
    fig = series_figure({"small": _programme(1.0), "huge": _programme(1e4)})
    layout = fig.layout
    axes = [layout[f"yaxis{'' if i == 1 else i}"] for i in range(1, 7)]
    npv_panel = list(SERIES).index("cumulative_npv_usd")
    assert [a.type == "log" for a in axes] == [i != npv_panel for i in range(6)]
    small = [t for t in fig.data if t.name == "small"]
    assert len(small) == len(SERIES)
    assert list(small[0].x) == [2029, 2030, 2031]
    amounts = np.asarray(small[0].y, float)
    assert np.isnan(amounts[0]) and list(amounts[1:]) == [1.0, 2.0]
    npv = np.asarray(small[npv_panel].y, float)
    np.testing.assert_allclose(npv, signed_log([-1e6, -2e6, 1e6]))
    assert npv[0] < 0.0 < npv[2]
    labels = list(axes[npv_panel].ticktext)
    assert {"$0", "$1M", "-$1M", "$10B", "-$10B"} <= set(labels)
    ticks = dict(zip(labels, axes[npv_panel].tickvals, strict=True))
    assert ticks["$10B"] == pytest.approx(float(signed_log(1e10)))
