"""
A year of operations
====================

The operations stage runs the base hour by hour: landings bring the plant and the miners,
the energy balance powers them, the miners dig and heat the fines, and return flights ship
the He-3 (``lunarbase simulate``).
"""

# %%
# The annual ledger (one row per year of the run; a column per quantity, its unit in its
# name).
import matplotlib.pyplot as plt
from quick import quick

from lunarbase import pipeline

results = pipeline.Chain(quick("ilrs-2035")).run(until="operations")
ops = results.operations
ops.annual[
    [
        "miners_landed",
        "landed_mass_kg",
        "regolith_excavated_t",
        "he3_extracted_kg",
        "he3_shipped_kg",
        "energy_deficit_mwh",
    ]
]

# %%
# One year with the whole fleet at work (year 3): the energy generated each day by source
# and what the base could not use, and the He-3 in store between return flights.
daily = ops.daily
per_year = len(daily) / len(ops.annual)
year3 = daily.iloc[int(2 * per_year) : int(3 * per_year)]
days = year3.index - year3.index[0]

fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5.5), sharex=True)
top.stackplot(
    days,
    year3["fission_energy_mwh"],
    year3["solar_energy_mwh"],
    labels=["fission", "solar"],
    colors=["tab:purple", "gold"],
)
top.plot(days, year3["energy_curtailed_mwh"], color="grey", lw=0.8, label="curtailed")
top.plot(days, year3["energy_deficit_mwh"], color="red", lw=0.8, label="deficit")
top.set_ylabel("energy per day [MWh]")
top.legend(loc="upper right", fontsize=8, ncol=4)
bottom.plot(days, year3["he3_stock_kg"], color="tab:green")
bottom.set_ylabel("He-3 in store [kg]")
bottom.set_xlabel("day of the third year")
fig.suptitle(
    f"{ops.n_miners} miners flown, {ops.miners_landed} landed; "
    f"{ops.reactor_kwe_landed:g} kWe of fission landed"
)
fig.tight_layout()
