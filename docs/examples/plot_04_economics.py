"""
What it costs and what it is worth
==================================

The economics stage dates the costs by the landings, sells the He-3 and the rare-earth oxide
on their markets, and draws the uncertain inputs in a seeded Monte Carlo
(``lunarbase economics``, ``lunarbase sensitivity``, ``lunarbase fusion``).
"""

# %%
# The NPV at nominal inputs and its spread over the draws [USD], and the other figures of
# merit.
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from quick import quick

from lunarbase import economics, pipeline

results = pipeline.run(quick("ilrs-2035"))
eco = results.economics
pd.Series(eco.npv_band)

# %%
pd.Series(eco.metrics)

# %%
# The distribution of the NPV over the Monte Carlo draws, and what drives it: each uncertain
# input's total Sobol index (the share of the NPV's variance it explains, alone or with
# others).
draws_busd = np.asarray(eco.npv_draws_usd) / 1e9
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
left.hist(draws_busd, bins=50, color="tab:blue")
for q in (5, 50, 95):
    left.axvline(np.percentile(draws_busd, q), color="k", lw=0.8, ls=":")
left.set_xlabel("NPV [billion USD]")
left.set_ylabel("draws")
left.set_title("NPV, p05 / p50 / p95 dotted")
sobol = eco.sobol.sort_values("ST")
right.barh(sobol.index, sobol["ST"], color="tab:orange")
right.set_xlabel("total Sobol index [-]")
right.set_title("what moves the NPV")
fig.tight_layout()

# %%
# What the He-3 is worth as D-He3 fusion fuel: the electricity of 1 kg at the scenario's net
# plant efficiency (Q from AME2020 masses).
efficiency = results.scenario.economics.fusion_electric_efficiency
mwh = economics.electric_energy_mwh_per_kg(efficiency)
print(f"1 kg of He-3 -> {mwh:,.0f} MWh of electricity at {efficiency:.0%} net efficiency")
