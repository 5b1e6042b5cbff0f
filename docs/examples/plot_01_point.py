"""
A point on the Moon
===================

Light, Earth view, terrain and regolith at one point: here the target reported for
Chang'e-7 (88.8 S, 123.4 E), the same numbers ``lunarbase point --lat -88.81 --lon 123.64``
prints.
"""

# %%
# The chain answers point queries with the scenario's light settings (its period, time step,
# mast height and horizon sectors). Everything is in SI units or degrees, named in each key.
import matplotlib.pyplot as plt
from quick import quick

from lunarbase import pipeline

chain = pipeline.Chain(quick("ilrs-2035"))
point = chain.point(-88.81, 123.64)
{
    key: point[key]
    for key in (
        "elevation_m",
        "slope_deg",
        "illumination_fraction",
        "longest_night_h",
        "earth_visible_fraction",
        "distance_to_psr_km",
        "he3_ppb",
        "th_ppm",
    )
}

# %%
# The light series behind those statistics: the visible fraction of the Sun's disk and
# whether Earth is above the horizon, at each time step of the scenario's year (here one a
# day), and their monthly means.
series = chain.light(-88.81, 123.64).frame
monthly = series[["sun_fraction", "earth_visible"]].astype(float).resample("MS").mean()

fig, ax = plt.subplots(figsize=(8, 3.5))
ax.plot(series.index, series["sun_fraction"], lw=0.6, color="orange", label="Sun disk visible")
ax.step(
    monthly.index,
    monthly["sun_fraction"],
    where="post",
    color="darkorange",
    label="Sun, monthly mean",
)
ax.step(
    monthly.index,
    monthly["earth_visible"],
    where="post",
    color="tab:blue",
    label="Earth in view, monthly mean",
)
ax.set_ylabel("fraction [-]")
ax.set_ylim(0, 1.05)
ax.set_title("Light at Chang'e-7's reported target, 2035")
ax.legend(loc="lower left", fontsize=8)
fig.tight_layout()
