"""
Contested terrain
=================

``lunarbase contest``: parties claim the ranked sites in turn, each claim ringed by a safety
zone no later claim may enter. The Artemis Accords (2020, section 11) provide for safety zones
but fix no radius, so the radius is an assumption; here three parties and two radii.
"""

# %%
# More ranked sites than parties, so that a late arrival has something left to claim.
import matplotlib.pyplot as plt
import numpy as np
from quick import quick

from lunarbase import pipeline, scenario, sites

sc = scenario.with_overrides(quick("ilrs-2035"), {"sites.top": 8})
results = pipeline.Chain(sc).run(until="sites")
ranked = results.sites.table
radii_km = (2.0, 10.0)
contests = {r: sites.claims(ranked, parties=3, safety_zone_km=r) for r in radii_km}
contests[10.0][
    [
        "rank",
        "place",
        "illumination_fraction",
        "longest_night_h",
        "illumination_fraction_loss",
        "longest_night_h_loss",
    ]
]

# %%
# Who gets what: each party's claim and its safety zone on the light map, per radius.
layers = results.sites.layers
light = np.asarray(layers["illumination_fraction"].where(layers["in_region"]))
km = 1e-3
extent = [
    float(layers.x.min()) * km,
    float(layers.x.max()) * km,
    float(layers.y.min()) * km,
    float(layers.y.max()) * km,
]
fig, axes = plt.subplots(1, len(radii_km), figsize=(10, 4.8), sharey=True)
for ax, radius in zip(axes, radii_km, strict=True):
    ax.imshow(light, extent=extent, origin="upper", cmap="gray", vmin=0, vmax=1)
    ax.scatter(ranked["x_m"] * km, ranked["y_m"] * km, s=12, color="white")
    for party, row in contests[radius].iterrows():
        x, y = row["x_m"] * km, row["y_m"] * km
        ax.add_patch(plt.Circle((x, y), radius, fill=False, color=f"C{party}"))
        ax.plot(x, y, "o", color=f"C{party}", label=f"party {party}: rank {row['rank']}")
    ax.set_title(f"safety zone {radius:g} km")
    ax.set_xlabel("x [km]")
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.legend(fontsize=7, loc="lower left")
axes[0].set_ylabel("y [km]")
fig.tight_layout()
