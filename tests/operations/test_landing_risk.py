"""Landing risk: the flown record's count, and seeded draws."""

from __future__ import annotations

import numpy as np
import pytest

from lunarbase.operations import landing_risk


def test_record_2013_2025_counts() -> None:
    """14 attempts, 5 lost (Wikipedia 'List of missions to the Moon', counted); 7 with the two
    landers that came down on their side; governments alone 2 of 8."""
    record = landing_risk.LANDING_RECORD
    assert len(record) == 14
    assert pytest.approx(5 / 14) == landing_risk.LANDING_FAILURE_PROBABILITY
    assert landing_risk.failure_probability(on_side_lost=True) == pytest.approx(0.5)
    government = tuple(a for a in record if a.operator == "government")
    assert landing_risk.failure_probability(government) == pytest.approx(2 / 8)


def test_draws_are_seeded_and_follow_the_probability() -> None:
    """Same seed, same draws; p = 0 never fails, p = 1 always; the mean of many near p."""
    a = landing_risk.draw_failures(5, 0.4, np.random.default_rng(3))
    b = landing_risk.draw_failures(5, 0.4, np.random.default_rng(3))
    assert np.array_equal(a, b)
    assert not landing_risk.draw_failures(50, 0.0, np.random.default_rng(1)).any()
    assert landing_risk.draw_failures(50, 1.0, np.random.default_rng(1)).all()
    many = landing_risk.draw_failures(20_000, 0.36, np.random.default_rng(2))
    assert many.mean() == pytest.approx(0.36, abs=0.02)  # ~5 sigma of a binomial mean
    with pytest.raises(ValueError, match="probability"):
        landing_risk.draw_failures(1, 1.5, np.random.default_rng(1))
