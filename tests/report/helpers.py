"""What a full report holds, for the tests that open one."""

FIGURE_KEYS = ("light", "sites", "grades", "ops", "energy", "costs", "npv", "tornado", "market")
"""Every figure of a full run's report, in page order: div ``fig-<key>``, file ``<key>.png``."""
