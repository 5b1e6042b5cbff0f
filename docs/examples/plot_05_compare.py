"""
Programmes side by side
=======================

``lunarbase compare`` runs several programme scenarios through the same pipeline and puts
them on one calendar: landed mass, surface power, He-3 per year, cumulative cost and NPV, and
the year each first crosses a milestone. Here China and Russia's ILRS against NASA's Artemis
base camp.
"""

# %%
# Each scenario runs the whole chain; :func:`lunarbase.studies.comparison` lines them up by
# calendar year and finds who crosses each milestone first.
import matplotlib.pyplot as plt
import pandas as pd
from quick import quick

from lunarbase import pipeline, studies

names = ("ilrs-2035", "artemis-basecamp")
runs = {name: pipeline.run(quick(name)) for name in names}
study = studies.comparison(runs)
pd.Series(study.first_to_cross)

# %%
# The year each programme crosses each milestone (NaN: not within its run).
pd.DataFrame({name: study.programmes[name].milestones for name in names})

# %%
# Surface power and He-3 per calendar year, on log axes so that both programmes show.
fig, (left, right) = plt.subplots(1, 2, figsize=(9.5, 3.8), sharex=True)
for name in names:
    series = study.programmes[name].series  # indexed by calendar year
    left.step(series.index, series["surface_power_kw"], where="post", label=name)
    right.step(series.index, series["he3_shipped_kg"], where="post", label=name)
left.set_yscale("symlog", linthresh=1.0)
left.set_ylabel("surface power [kW]")
right.set_yscale("symlog", linthresh=0.1)
right.set_ylabel("He-3 shipped [kg/yr]")
for ax in (left, right):
    ax.set_xlabel("calendar year")
    ax.legend(fontsize=8)
fig.tight_layout()
