"""Markets for the base's output: He-3 sold buyer by buyer along a demand curve, rare-earth
oxide at USGS prices, by-products at the launch price they save on the Moon, and the shares of
world supply.

**He-3.** The scenario's buyers (tiers: a volume per year [kg/yr] and the price each pays
[USD/kg]) are the cited points of a demand curve: sorted by price, highest first, tier k's
block starts at the volume of the tiers before it, at its own cited price. Across a block the
price falls continuously (log-linear: a constant factor per kg) to the next tier's price, the
last block is flat, and past the last block no one buys. So no buyer pays more than its own
tier's cited price (the fusion utilities never more than the fuel value), the curve is
continuous through the cited points, and tiers of one price sell exactly as tier by tier. Buyers are
served one by one, each at its own price, up to its volume (bilateral contracts, as Bluefors,
DOE and Maybell buy), so a year's revenue is the area under the curve over the kg sold
(:func:`he3_revenue_usd`) and *never falls when supply rises*: unlike a single clearing price,
an added kg is sold to the next buyer or kept. Unsold He-3 is stocked and offered again the next
year (:func:`sell_he3`), never dumped. Terrestrial supply (tritium decay, natural gas) is sold
first and takes the top of the curve; lunar He-3 meets the rest. Demand grows at a yearly rate.
Today's market is cryogenic (dilution refrigerators for quantum computing, neutron detectors);
fusion plants are a further buyer at the fuel value of He-3 (:mod:`.fusion`). Volumes are quoted
in litres of gas at STP; :data:`LITRES_PER_KG_STP` converts.

**Rare earths.** What the base would sell is a mixed rare-earth oxide *concentrate*, not
separated oxides; it is valued here at the USGS Mineral Commodity Summaries 2025 prices of the
separated oxides [1]_ weighted by its composition, an upper bound (a concentrate sells at a
discount to separated oxides, who pays for the separation). Shares of world supply use the same
report's 2024 mine production (390,000 t REO; China 270,000 t) [1]_.

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

REO_VALUE_BASIS = (
    "a mixed rare-earth oxide concentrate, as the base would sell it, valued at the USGS MCS 2025 "
    "prices of the separated oxides weighted by its composition: an upper bound (a buyer pays "
    "for the separation)"
)
"""What the rare-earth value prices, said plainly (in the economics JSON)."""

WORLD_REO_PRODUCTION_T_2024 = 390_000.0
"""World rare-earth mine production in 2024 [t REO] (USGS MCS 2025 [1]_)."""

CHINA_REO_PRODUCTION_T_2024 = 270_000.0
"""China's 2024 production quota [t REO] (USGS MCS 2025 [1]_)."""


def demand_curve(
    volumes_kg: FloatArray, prices_usd_per_kg: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """The demand curve's points, per draw: cumulative volume [kg/yr] and price [USD/kg].

    Parameters
    ----------
    volumes_kg, prices_usd_per_kg : array, shape (n, tiers)
        What each tier buys a year [kg/yr] and what it pays [USD/kg].

    Returns
    -------
    quantity_kg, price_usd_per_kg : arrays, shape (n, tiers + 1)
        Breakpoints of the curve: each tier's block, by falling price, starts at the volume of
        the tiers before it at its own price; the last block ends at the total volume, at the
        last price.
    """
    volumes = np.asarray(volumes_kg, dtype=float)
    bought = volumes > 0.0
    lowest = np.min(np.where(bought, prices_usd_per_kg, np.inf), axis=1, keepdims=True)
    # a tier that buys nothing is no point of the curve: last, at zero width, at the last price
    prices = np.where(bought, np.asarray(prices_usd_per_kg, dtype=float), lowest)
    order = np.argsort(np.where(bought, -prices, np.inf), axis=1, kind="stable")
    price = np.take_along_axis(prices, order, axis=1)
    quantity = np.cumsum(np.take_along_axis(volumes, order, axis=1), axis=1)
    zero = np.zeros((volumes.shape[0], 1))
    return np.concatenate((zero, quantity), axis=1), np.concatenate((price, price[:, -1:]), axis=1)


def he3_revenue_usd(
    quantity_kg: FloatArray, curve_kg: FloatArray, curve_usd_per_kg: FloatArray
) -> FloatArray:
    """Revenue of selling the first ``quantity_kg`` of the curve, each buyer at its price: the
    area under the curve from 0 to ``quantity_kg`` [USD]. Between breakpoints the price is
    y0 (y1 / y0) ** (s / w) over a segment of width w (log-linear), straight where an end is 0.

    Parameters
    ----------
    quantity_kg : array, shape (n,)
        He-3 sold, at most the curve's last volume. [kg]
    curve_kg, curve_usd_per_kg : array, shape (n, points)
        The curve's breakpoints (:func:`demand_curve`). [kg, USD/kg]

    Returns
    -------
    array, shape (n,)
        Revenue. [USD]
    """
    q = np.asarray(quantity_kg, dtype=float)[:, None]
    x0, x1 = curve_kg[:, :-1], curve_kg[:, 1:]
    y0, y1 = curve_usd_per_kg[:, :-1], curve_usd_per_kg[:, 1:]
    width = x1 - x0
    taken = np.clip(q - x0, 0.0, width)
    wide = width > 0.0
    # The share of each segment taken, so that no step divides by a (possibly subnormal) width.
    frac = np.divide(taken, width, out=np.zeros_like(taken), where=wide)
    straight = taken * (y0 + 0.5 * (y1 - y0) * frac)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        log_ratio = np.log(np.divide(y1, y0, out=np.ones_like(y0), where=y0 > 0.0))
        # log-linear where both ends are positive and differ (numerically): else straight
        geometric = wide & (y1 > 0.0) & np.isfinite(log_ratio) & (np.abs(log_ratio) > 1e-12)
        safe = np.where(geometric, log_ratio, 1.0)
        curved = y0 * width * np.expm1(safe * frac) / safe
    return np.asarray(np.where(geometric, curved, straight).sum(axis=1))


def sell_he3(
    supply_kg: FloatArray,
    volumes_kg: FloatArray,
    prices_usd_per_kg: FloatArray,
    *,
    growth_per_year: float = 0.0,
    terrestrial_kg_per_year: float = 0.0,
) -> tuple[FloatArray, FloatArray]:
    """He-3 sold and its revenue each year, the unsold kept in stock for the next year.

    Parameters
    ----------
    supply_kg : array, shape (n, years)
        He-3 delivered to Earth each year. [kg/yr]
    volumes_kg, prices_usd_per_kg : array, shape (n, tiers)
        The buyers in the first operating year: volume [kg/yr] and price [USD/kg].
    growth_per_year : float
        Yearly growth of every buyer's volume [1/yr]: year t buys (1 + g) ** (t - 1) times.
    terrestrial_kg_per_year : float
        He-3 from Earth sold first each year (tritium decay, natural gas) [kg/yr]: it takes the
        top of the curve.

    Returns
    -------
    sold_kg, revenue_usd : arrays, shape (n, years)
        He-3 sold [kg/yr] (at most what the curve takes past the terrestrial supply) and what
        the buyers paid for it [USD/yr].

    Raises
    ------
    ValueError
        If the curve has no volume.
    """
    supply = np.atleast_2d(np.asarray(supply_kg, dtype=float))
    n, years = supply.shape
    volumes = np.broadcast_to(np.asarray(volumes_kg, dtype=float), (n, np.shape(volumes_kg)[-1]))
    prices = np.broadcast_to(np.asarray(prices_usd_per_kg, dtype=float), volumes.shape)
    if (volumes.sum(axis=1) <= 0.0).any():
        raise ValueError("the demand curve has no volume")
    curve_kg, curve_usd = demand_curve(volumes, prices)
    sold, revenue = np.zeros_like(supply), np.zeros_like(supply)
    stock = np.zeros(n)
    earth = np.full(n, terrestrial_kg_per_year)
    for t in range(years):
        scaled = curve_kg * (1.0 + growth_per_year) ** t
        offered = stock + supply[:, t]
        earth_sold = np.minimum(earth, scaled[:, -1])
        sold[:, t] = np.minimum(offered, scaled[:, -1] - earth_sold)
        revenue[:, t] = he3_revenue_usd(earth_sold + sold[:, t], scaled, curve_usd) - (
            he3_revenue_usd(earth_sold, scaled, curve_usd)
        )
        stock = offered - sold[:, t]
    return sold, revenue


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
