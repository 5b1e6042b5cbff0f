"""Capital, operating and shipping costs of the mining base.

Capital cost (spent in year 0) = miners (build + landed mass x launch cost) + nuclear plant
(power x cost per kWe + power x specific mass x launch cost). Operating cost per year is a fixed
fraction of the capital cost. Returning He-3 costs ``return_cost_usd_per_kg`` per kilogram of
cargo; by default no container or packaging mass is counted (``packaging_kg_per_kg_he3 = 0``),
which makes the shipping cost a lower bound. All functions broadcast over numpy arrays, so the
Monte Carlo in :mod:`~lunarbase.economics.montecarlo` calls them once for all draws.
"""

from __future__ import annotations

from lunarbase.typing import Numeric


def miner_capex_usd(
    n_miners: int,
    miner_unit_cost_usd: Numeric,
    miner_mass_kg: Numeric,
    launch_cost_usd_per_kg: Numeric,
) -> Numeric:
    """Build and landing cost of the miner fleet.

    Parameters
    ----------
    n_miners : int
        Miners landed.
    miner_unit_cost_usd : numeric
        Build cost per miner. [USD]
    miner_mass_kg : numeric
        Landed mass per miner. [kg]
    launch_cost_usd_per_kg : numeric
        Cost to land one kilogram on the Moon. [USD/kg]

    Returns
    -------
    numeric
        Fleet capital cost. [USD]
    """
    return n_miners * (miner_unit_cost_usd + miner_mass_kg * launch_cost_usd_per_kg)


def reactor_capex_usd(
    reactor_power_kwe: float,
    reactor_cost_usd_per_kwe: Numeric,
    reactor_mass_kg: Numeric,
    launch_cost_usd_per_kg: Numeric,
) -> Numeric:
    """Build and landing cost of the nuclear plant.

    Parameters
    ----------
    reactor_power_kwe : float
        Electric power of the plant. [kWe]
    reactor_cost_usd_per_kwe : numeric
        Build cost per kWe. [USD/kWe]
    reactor_mass_kg : numeric
        Landed mass of the plant. [kg]
    launch_cost_usd_per_kg : numeric
        Cost to land one kilogram on the Moon. [USD/kg]

    Returns
    -------
    numeric
        Plant capital cost. [USD]
    """
    return reactor_power_kwe * reactor_cost_usd_per_kwe + reactor_mass_kg * launch_cost_usd_per_kg


def annual_opex_usd(capex_usd: Numeric, annual_opex_fraction: Numeric) -> Numeric:
    """Yearly operating cost as a fraction of capital cost. [USD/yr]"""
    return capex_usd * annual_opex_fraction


def return_shipping_usd(
    shipped_he3_kg: Numeric,
    return_cost_usd_per_kg: Numeric,
    packaging_kg_per_kg_he3: float = 0.0,
) -> Numeric:
    """Cost of returning He-3 to Earth.

    Parameters
    ----------
    shipped_he3_kg : numeric
        He-3 shipped. [kg]
    return_cost_usd_per_kg : numeric
        Cost to return one kilogram of cargo. [USD/kg]
    packaging_kg_per_kg_he3 : float, default 0.0
        Container and packaging mass per kilogram of He-3 (assumption: none). [kg/kg]

    Returns
    -------
    numeric
        Shipping cost. [USD]
    """
    if packaging_kg_per_kg_he3 < 0.0:
        raise ValueError(f"packaging_kg_per_kg_he3 must be >= 0 (got {packaging_kg_per_kg_he3!r})")
    return shipped_he3_kg * (1.0 + packaging_kg_per_kg_he3) * return_cost_usd_per_kg
