"""What a result was made from: package version, scenario name and hash, seed, data checksums.

Every JSON output carries this block so a number can be traced back to its inputs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lunarbase import __version__

if TYPE_CHECKING:
    from lunarbase.scenario import Scenario


def provenance(scenario: Scenario, datasets: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Scenario hash, seed, package version and the sha256 of the data files used.

    Parameters
    ----------
    scenario : lunarbase.scenario.Scenario
        The validated scenario the result came from.
    datasets : tuple of str, optional
        Names of the datasets used (see ``lunarbase data list``); default every registered file.
    """
    from lunarbase.data import checksums, dataset

    sums = checksums()
    if datasets is not None:
        files = {f for name in datasets for f in dataset(name).files}
        sums = {f: h for f, h in sums.items() if f in files}
    return {
        "lunarbase_version": __version__,
        "scenario_name": scenario.scenario.name,
        "scenario_sha256": scenario.sha256(),
        "seed": scenario.scenario.seed,
        "data_sha256": sums,
    }
