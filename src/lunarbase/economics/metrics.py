"""Figures of merit of a cash flow and of the base's energy balance.

- NPV, IRR (the rate that makes NPV zero, by Brent's method on a bracketing interval) and the
  payback year (first year the cumulative discounted net turns non-negative).
- Cost per kg of He-3 delivered: discounted costs over discounted kg (a levelised cost).
- Fuel-chain energy ratio: the electricity the delivered He-3 makes in fusion plants over the
  energy to build, launch and run the base that mines it, by the "birth to death" accounting
  of White & Kulcinski [1]_ but for the fuel chain alone. Terms (each shown): embodied energy
  of the hardware landed, propellant energy to land it, and the electricity generated on the
  Moon to mine and process (the fission fuel's own embodied energy and the sunlight of solar
  concentrators are not counted). It is *not* a plant's energy payback ratio: the fusion
  plant's own construction and operation are outside it.
- Whole-system energy payback: the fuel chain and the fusion plant that burns its He-3, each
  investing energy for the same electricity E, so 1 / EPR = 1 / fuel-chain ratio + 1 / plant
  EPR (energies add, :func:`whole_system_energy_payback`). The plant's EPR is the scenario's;
  its default is White & Kulcinski's D-T fusion plant, 27 (their range: coal 11 to D-T fusion
  27), for want of a D-He3 figure; that plant's own fuel chain (lithium, deuterium) is inside
  its 27, a small double count. No energy payback ratio of a D-He3 plant was found in stored
  text (validation-figures EN-05, unconfirmed). A D-He3 plant replaces less structure than a
  D-T plant (Apollo-L3 [5]_: a neutron wall load of 0.1 MW/m2 and a permanent first wall) but
  burns a far less reactive fuel in a larger plasma per MWe, so the D-T 27 is a stand-in whose
  error has no known sign, not a bound.
- Discount rate (the scenario's, real): the default 7 % is the base case of OMB Circular A-94
  (1992) for federal programmes, "the marginal pretax rate of return on an average investment
  in the private sector" [2]_; the range drawn reaches down to the 2.0 % default social rate of
  time preference of the revised Circular A-4 (Nov 2023) [3]_, which Executive Order 14192
  rescinded, reinstating the 2003 A-4 and its 7 % and 3 % [4]_. OMB memo M-25-23 (Feb 2025),
  "Rescission and Reinstatement of Circular No. A-94", restored the 1992 A-94: its title was
  seen as a whitehouse.gov file name only, its text is *unverified*, and whether the 2023 A-94
  used A-4's 2.0 % is unverified too.

References
----------
.. [1] White, S. W. & Kulcinski, G. L. (1998, rev. 1999) "Birth to death" analysis of the
   energy payback ratio and CO2 gas emission rates from coal, fission, wind, and DT fusion
   electrical power plants. UWFDM-1063, University of Wisconsin Fusion Technology Institute.
.. [2] OMB Circular A-94 (29 Oct 1992) Guidelines and discount rates for benefit-cost analysis
   of federal programs (base-case 7 % real), as quoted in Nordhaus, W. (2013) The
   Climate Casino, Yale University Press, chapter on discounting.
.. [3] Febrizio, M., Hay, S. & Xie, Z. (2025) Comparing the draft and final Circular A-4.
   Journal of Benefit-Cost Analysis 16(S2):315-325 (default social rate of time preference
   changed from 1.7 % in the draft to 2.0 % in the final revision of Nov 2023).
.. [4] Executive Order 14192 (31 Jan 2025) Unleashing Prosperity Through Deregulation,
   90 Fed. Reg. 9065; its reinstatement of the 2003 Circular A-4 (7 %, with 3 %) as summarised
   by the Economic Policy Institute and the National Mining Association (Feb 2025).
.. [5] Kulcinski, G. L. et al. (1991) Apollo-L3, an advanced fuel fusion power reactor
   utilizing direct and thermal energy conversion. Fusion Technology 19(3P2A):791-801,
   doi:10.13182/FST91-A29441.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import optimize

from lunarbase.typing import ArrayLike

MJ_PER_MWH = 3600.0
"""Megajoules in a megawatt-hour [MJ/MWh]."""


def npv(net_usd: ArrayLike, discount_rate: float) -> float:
    """Net present value of yearly flows (year 0 first) at ``discount_rate`` [1/yr]. [USD]"""
    flows = np.asarray(net_usd, dtype=float)
    return float((flows * (1.0 + discount_rate) ** -np.arange(flows.size)).sum())


def irr(net_usd: ArrayLike) -> float | None:
    """Internal rate of return [1/yr]: the rate in (-0.99, 100) where NPV = 0; None when the
    flows never change sign there (e.g. a base that never earns back its cost)."""
    lo, hi = -0.99, 100.0
    f_lo, f_hi = npv(net_usd, lo), npv(net_usd, hi)
    if not (math.isfinite(f_lo) and math.isfinite(f_hi)) or f_lo * f_hi > 0.0:
        return None
    return float(optimize.brentq(lambda r: npv(net_usd, r), lo, hi, xtol=1e-10))


def payback_year(net_usd: ArrayLike, discount_rate: float) -> int | None:
    """First year whose cumulative discounted net is >= 0 after a spend; None if never."""
    flows = np.asarray(net_usd, dtype=float)
    cumulative = np.cumsum(flows * (1.0 + discount_rate) ** -np.arange(flows.size))
    spent = np.flatnonzero(cumulative < 0.0)
    if spent.size == 0:
        return None
    after = np.flatnonzero(cumulative[spent[0] :] >= 0.0)
    return int(spent[0] + after[0]) if after.size else None


def levelised_cost_usd_per_kg(
    costs_usd: ArrayLike, delivered_kg: ArrayLike, discount_rate: float
) -> float:
    """Discounted costs over discounted kg delivered [USD/kg]; inf if nothing is delivered."""
    factor = (1.0 + discount_rate) ** -np.arange(np.size(costs_usd))
    kg = float((np.asarray(delivered_kg, dtype=float) * factor).sum())
    cost = float((np.asarray(costs_usd, dtype=float) * factor).sum())
    return cost / kg if kg > 0.0 else math.inf


def whole_system_energy_payback(fuel_chain_ratio: float, plant_epr: float) -> float:
    """Energy payback ratio of the fuel chain and the plant together [-]: the harmonic sum
    1 / (1 / fuel_chain_ratio + 1 / plant_epr) (both invest energy for the same electricity;
    White & Kulcinski [1]_ accounting). nan if either is nan; 0 if either is 0."""
    if math.isnan(fuel_chain_ratio) or math.isnan(plant_epr):
        return math.nan
    if fuel_chain_ratio <= 0.0 or plant_epr <= 0.0:
        return 0.0
    return 1.0 / (1.0 / fuel_chain_ratio + 1.0 / plant_epr)


def energy_payback(
    *,
    landed_mass_kg: float,
    embodied_energy_mj_per_kg: float,
    launch_energy_mj_per_kg: float,
    lunar_electricity_mwh: float,
    he3_delivered_kg: float,
    electric_mwh_per_kg_he3: float,
    plant_epr: float,
) -> dict[str, float]:
    """The fuel-chain energy ratio, its terms and the whole-system energy payback (White &
    Kulcinski [1]_), energies in MWh.

    Returns
    -------
    dict
        ``embodied_energy_mwh`` (hardware landed x embodied energy), ``launch_energy_mwh``
        (landed mass x propellant energy per kg landed), ``lunar_operations_mwh`` (electricity
        generated on the Moon), ``energy_invested_mwh`` (their sum),
        ``electricity_from_he3_mwh`` (He-3 delivered x electricity per kg),
        ``fuel_chain_energy_ratio`` [-] (nan when nothing was invested), ``plant_epr`` [-]
        and ``whole_system_energy_payback`` [-].
    """
    embodied = landed_mass_kg * embodied_energy_mj_per_kg / MJ_PER_MWH
    launch = landed_mass_kg * launch_energy_mj_per_kg / MJ_PER_MWH
    invested = embodied + launch + lunar_electricity_mwh
    output = he3_delivered_kg * electric_mwh_per_kg_he3
    ratio = output / invested if invested > 0.0 else math.nan
    return {
        "embodied_energy_mwh": embodied,
        "launch_energy_mwh": launch,
        "lunar_operations_mwh": lunar_electricity_mwh,
        "energy_invested_mwh": invested,
        "electricity_from_he3_mwh": output,
        "fuel_chain_energy_ratio": ratio,
        "plant_epr": plant_epr,
        "whole_system_energy_payback": whole_system_energy_payback(ratio, plant_epr),
    }
