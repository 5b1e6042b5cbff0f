"""
Where the base should stand
===========================

The sites stage maps each criterion over the search disk around the pole, weights them as
the scenario says, applies the hard constraints (slope) and keeps the best sites at least
``min_spacing_km`` apart, refined on the 240 m grid (``lunarbase sites``).
"""

# %%
# Run the chain up to the sites stage; the ranked sites are a table with the units in the
# column names, best first.
import matplotlib.pyplot as plt
from quick import quick

from lunarbase import pipeline

results = pipeline.Chain(quick("ilrs-2035")).run(until="sites")
table = results.sites.table
table[
    [
        "lat_deg",
        "lon_deg",
        "illumination_fraction",
        "longest_night_h",
        "earth_visible_fraction",
        "slope_deg",
        "score",
        "place",
    ]
]

# %%
# The mean visible Sun-disk fraction over the search disk (stereographic x, y from the pole)
# and the ranked sites on it; the base is the best-ranked one unless ``[site]`` names another.
layers = results.sites.layers
km = 1e-3
light = layers["illumination_fraction"].where(layers["in_region"])
light = light.assign_coords(x=light.x * km, y=light.y * km)  # map coordinates in km

fig, ax = plt.subplots(figsize=(6.5, 5.5))
light.plot.imshow(
    ax=ax, cmap="magma", vmin=0, vmax=1, cbar_kwargs={"label": "mean visible Sun-disk fraction"}
)
ax.scatter(table["x_m"] * km, table["y_m"] * km, s=60, facecolors="none", edgecolors="cyan")
for rank, row in table.iterrows():
    ax.annotate(
        str(rank),
        (row["x_m"] * km, row["y_m"] * km),
        color="cyan",
        xytext=(5, 5),
        textcoords="offset points",
    )
ax.plot(0, 0, "w+", ms=10)
ax.set_xlabel("x [km]")
ax.set_ylabel("y [km]")
ax.set_title("Ranked sites within 1 deg of the south pole (+)")
fig.tight_layout()
