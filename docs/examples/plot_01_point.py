"""
A point on the Moon
===================

Light, Earth view, terrain and regolith at one point: here the target reported for
Chang'e-7 (88.8 S, 123.4 E). ``lunarbase point --lat -88.81 --lon 123.64`` gives the same over
the scenario's full light period.
"""

# %%
# The chain answers point queries with the scenario's light settings (its period, time step,
# mast height and horizon sectors). Everything is in SI units or degrees, named in each key.
import matplotlib.pyplot as plt
import pandas as pd
from quick import quick

from lunarbase import pipeline

sc = quick("ilrs-2035")
chain = pipeline.Chain(sc)
point = chain.point(-88.81, 123.64)
pd.Series(point)

# %%
# The light series behind those statistics: the visible fraction of the Sun's disk and
# whether Earth's centre is above the horizon, at each time step of the period.
series = chain.light(-88.81, 123.64).frame

fig, ax = plt.subplots(figsize=(8, 3.5))
ax.plot(series.index, series["sun_fraction"], color="orange", label="Sun disk visible [-]")
ax.fill_between(
    series.index,
    0,
    series["earth_visible"].astype(float) * 0.1,
    step="post",
    color="tab:blue",
    alpha=0.5,
    label="Earth in view (band)",
)
ax.set_ylabel("fraction of the Sun's disk [-]")
ax.set_ylim(0, 1.05)
ax.set_title(f"Light at Chang'e-7's reported target, {sc.terrain.start} to {sc.terrain.end}")
ax.legend(loc="upper right", fontsize=8)
fig.autofmt_xdate()
fig.tight_layout()
