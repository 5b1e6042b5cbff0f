"""
The He-3 map
============

The resources stage grades every Lunar Prospector 5-degree bin: TiO2 and Th from the gamma-ray
spectrometer, He-3 from the scenario's grade model, rare earths from Th by the KREEP pattern
(``lunarbase resources maps``, ``lunarbase resources inventory``).
"""

# %%
# The grades per bin, with their bounds in latitude and longitude.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Rectangle
from quick import quick

from lunarbase import pipeline

results = pipeline.Chain(quick("ilrs-2035")).run(until="resources")
maps = results.resources.maps
print(f"He-3 model: {maps.attrs['he3_model']}; {maps.sizes['cell']} bins")
maps[["he3_ppb", "tio2_wt_pct", "th_ppm"]].to_dataframe().describe()

# %%
# He-3 [ppb] over the whole Moon, longitude east 0-360 (each bin drawn again 360 deg to the
# left, so that bins across 0 E show whole). The nearside maria -- Tranquillitatis near 30 E,
# Procellarum and Imbrium at 300-360 E -- are the richest in TiO2, so in He-3 on this model.
starts = maps.lon_min.values % 360.0
widths = maps.lon_max.values - maps.lon_min.values
heights = maps.lat_max.values - maps.lat_min.values
boxes = [
    Rectangle((start + shift, lat), width, height)
    for shift in (0.0, -360.0)
    for start, lat, width, height in zip(starts, maps.lat_min.values, widths, heights, strict=True)
]
cells = PatchCollection(boxes, cmap="viridis", edgecolor="none")
cells.set_array(np.tile(maps["he3_ppb"].values, 2))
fig, ax = plt.subplots(figsize=(9, 4.5))
ax.add_collection(cells)
fig.colorbar(cells, ax=ax, label="He-3 [ppb]")
ax.set_xlim(0, 360)
ax.set_ylim(-90, 90)
ax.set_aspect("equal")
ax.set_xlabel("longitude [deg E]")
ax.set_ylabel("latitude [deg]")
ax.set_title("He-3 in the regolith, Lunar Prospector 5-degree bins")
fig.tight_layout()

# %%
moon = results.resources.moon
moon
