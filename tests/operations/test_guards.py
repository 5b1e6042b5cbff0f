"""Guards: operations defaults that must keep the published value they were taken from.

These are not validations. They compare a scenario default with the figure it was copied
from, so that an edit to the default that drops its source fails here; no model result is
compared with a published number (those tests are in tests/validation/).
"""

from __future__ import annotations

import pytest

from lunarbase.scenario import Operations

# MIN-01, Olson (2021) Lunar Helium-3: Mining Concepts, Extraction Research, and Potential ISRU
# Synergies. AIAA ASCEND 2021, NTRS 20210022801 (confirmed seen): the Wisconsin M-3 miner
# excavates 1258 t/h and processes 556 t/h of < 100 um fines.
M3_EXCAVATION_T_PER_H = 1258.0
M3_FINES_T_PER_H = 556.0


def test_guard_fines_fraction_default_is_olson2021_m3() -> None:
    """Guard, not a validation: the ``Operations.fines_fraction`` default is M-3's fines share
    (MIN-01, Olson 2021, NTRS 20210022801).

    Moved from tests/validation/test_operations_economics_published.py
    (``test_min01_default_fines_fraction_is_m3``).
    """
    # The scenario default 0.44 is 556/1258 = 0.4420 rounded to 2 figures.
    assert Operations().fines_fraction == pytest.approx(
        M3_FINES_T_PER_H / M3_EXCAVATION_T_PER_H, rel=0.005
    )
