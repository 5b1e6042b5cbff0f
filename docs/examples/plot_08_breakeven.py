"""
When would it pay?
==================

``lunarbase breakeven``: the value of one input at which the NPV reaches zero with every other
input at the scenario's value (or "none in range" over the input's plausible range), and for
two inputs the zero-NPV frontier on a grid.
"""

# %%
# Break-even of the He-3 price, the launch price and the development cost, one at a time, on
# the base the operations stage simulated.
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from quick import quick

from lunarbase import economics, pipeline

results = pipeline.Chain(quick("ilrs-2035")).run(until="operations")
cfg = results.scenario.economics
names = tuple(economics.resolve_input(n, cfg) for n in ("he3_price", "launch_price"))
answers = economics.break_even_of(cfg, results.operations, (*names, "development_cost_usd"))
print(economics.breakeven_sentence(answers))
pd.DataFrame(answers).set_index("input")

# %%
# The NPV over the He-3 price [USD/L] and the launch price (a multiple of the landers' own
# prices) together [billion USD]. Where the NPV changes sign a black line is drawn, the
# frontier on which every pair breaks even; the title says whether it does on this grid.
front = economics.frontier_of(cfg, results.operations, names, n=30)
npv_busd = np.asarray(front["npv_usd"]) / 1e9
crosses = bool(npv_busd.min() < 0.0 < npv_busd.max())
fig, ax = plt.subplots(figsize=(6.5, 4.8))
mesh = ax.pcolormesh(front["x_values"], front["y_values"], npv_busd, shading="auto")
fig.colorbar(mesh, ax=ax, label="NPV [billion USD]")
if crosses:
    ax.contour(front["x_values"], front["y_values"], npv_busd, levels=[0.0], colors="k")
ax.set_xlabel(front["x"])
ax.set_ylabel(f"{front['y']} [x the landers' prices]")
ax.set_title("zero-NPV frontier (black)" if crosses else "the NPV stays below zero on this grid")
fig.tight_layout()
