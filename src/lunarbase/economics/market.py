"""Markets for the base's output: He-3 against a demand curve, rare-earth oxide at USGS prices,
by-products at the launch price they save on the Moon, and the shares of world supply.

**He-3.** Buyers come in blocks (tiers): a volume per year [kg/yr] and the price they pay
[USD/kg]. The year's supply goes to the highest-paying tiers first and every kg sold clears at
the price of the last tier reached (one market price), so added supply lowers the price; what
no tier takes is unsold and :func:`clear_he3_market` reports it. Today's market is cryogenic
(dilution refrigerators for quantum computing, neutron detectors): the tiers of the scenario
carry their sources; fusion plants are a further tier at the fuel value of the electricity.
Volumes are quoted in litres of gas at STP; :data:`LITRES_PER_KG_STP` converts.

**Rare earths.** The concentrate is valued at the USGS Mineral Commodity Summaries 2025 prices
per oxide [1]_ weighted by its composition; shares of world supply use the same report's 2024
mine production (390,000 t REO; China 270,000 t) [1]_.

References
----------
.. [1] U.S. Geological Survey (2025) Mineral Commodity Summaries 2025: Rare Earths,
   doi:10.3133/mcs2025 (2024 figures; prices Argus averages).
.. [2] Tiesinga, E. et al. (2021) CODATA recommended values of the fundamental physical
   constants: 2018. Rev. Mod. Phys. 93, 025010 (molar volume of an ideal gas at 273.15 K,
   101.325 kPa: 22.413969 L/mol).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from lunarbase.constants import HE3_MOLAR_MASS_KG_PER_MOL
from lunarbase.typing import FloatArray

MOLAR_VOLUME_L_PER_MOL_STP = 22.413969
"""Ideal-gas molar volume at 273.15 K and 101.325 kPa [L/mol] (CODATA 2018 [2]_)."""

LITRES_PER_KG_STP = MOLAR_VOLUME_L_PER_MOL_STP / HE3_MOLAR_MASS_KG_PER_MOL
"""Litres of He-3 gas at STP per kg [L/kg] (~7,432: the 10,000 L/yr contract is 1.35 kg)."""

WORLD_REO_PRODUCTION_T_2024 = 390_000.0
"""World rare-earth mine production in 2024 [t REO] (USGS MCS 2025 [1]_)."""

CHINA_REO_PRODUCTION_T_2024 = 270_000.0
"""China's 2024 production quota [t REO] (USGS MCS 2025 [1]_)."""


def clear_he3_market(
    supply_kg: FloatArray, volumes_kg: FloatArray, prices_usd_per_kg: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """He-3 sold and its market price for each draw and year.

    Parameters
    ----------
    supply_kg : array, shape (n, years)
        He-3 offered each year. [kg/yr]
    volumes_kg : array, shape (n, tiers) or (tiers,)
        What each tier buys a year. [kg/yr]
    prices_usd_per_kg : array, shape (n, tiers) or (tiers,)
        What each tier pays. [USD/kg]

    Returns
    -------
    sold_kg, price_usd_per_kg : arrays, shape (n, years)
        He-3 sold [kg/yr] (at most the tiers' total volume) and the price it all clears at
        [USD/kg]: that of the lowest-paying tier reached (the top price when nothing is
        offered). A tier that buys nothing is never the marginal buyer.
    """
    supply = np.atleast_2d(np.asarray(supply_kg, dtype=float))
    n = supply.shape[0]
    volumes = np.broadcast_to(np.asarray(volumes_kg, dtype=float), (n, np.shape(volumes_kg)[-1]))
    prices = np.broadcast_to(np.asarray(prices_usd_per_kg, dtype=float), volumes.shape)
    tiers_with_volume = (volumes > 0.0).sum(axis=1)
    if (tiers_with_volume == 0).any():
        raise ValueError("the demand curve has no volume")
    order = np.argsort(np.where(volumes > 0.0, -prices, np.inf), axis=1, kind="stable")
    sorted_prices = np.take_along_axis(prices, order, axis=1)
    cumulative = np.cumsum(np.take_along_axis(volumes, order, axis=1), axis=1)
    reached = (cumulative[:, None, :] < supply[:, :, None]).sum(axis=2)
    reached = np.minimum(reached, (tiers_with_volume - 1)[:, None])
    price = np.take_along_axis(sorted_prices, reached, axis=1)
    sold = np.minimum(supply, cumulative[:, -1:])
    return sold, price


def reo_value_usd_per_kg(
    mass_fractions: Mapping[str, float], prices_usd_per_kg: Mapping[str, float]
) -> float:
    """Value of 1 kg of rare-earth oxide concentrate [USD/kg]: each oxide's mass fraction [-]
    times its price [USD/kg]; oxides without a price count as worth nothing."""
    return float(sum(f * prices_usd_per_kg.get(el, 0.0) for el, f in mass_fractions.items()))


def byproduct_value_usd(
    byproducts_kg: FloatArray, use_kg_per_year: float, launch_cost_usd_per_kg: FloatArray
) -> FloatArray:
    """Value of the by-products the base uses [USD/yr]: up to ``use_kg_per_year`` [kg/yr] of
    those extracted each year (``byproducts_kg``, shape (years,)), at the launch price it saves
    [USD/kg] (shape (n,)); the rest has no buyer on the Moon."""
    used = np.minimum(np.asarray(byproducts_kg, dtype=float), use_kg_per_year)
    return np.asarray(launch_cost_usd_per_kg, dtype=float)[:, None] * used[None, :]
