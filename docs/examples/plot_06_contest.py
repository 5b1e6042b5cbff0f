"""
Contested terrain
=================

``lunarbase contest``: parties claim the ranked sites in turn, each claim ringed by a safety
zone no later claim may enter. The Artemis Accords (2020, section 11) provide for safety zones
but fix no radius, so the radius is an assumption; here two parties and two radii.
"""

# %%
# :func:`lunarbase.studies.contest` ranks the scenario's sites (three per party at least, so
# that a late arrival has something left to claim) and lets the parties claim them in turn at
# each radius; per party the claimed site and what it loses against the first.
import matplotlib.pyplot as plt
import numpy as np
from quick import quick

from lunarbase import studies

study = studies.contest(quick("ilrs-2035"), parties=2, radii_km=(2.0, 10.0))
ranked = study.sites.table
contests = dict(study.claims)
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
radii_km = study.radii_km
layers = study.sites.layers
disk_km = float(layers.x.max()) / 1e3  # half width of the search map [km]
light = np.asarray(layers["illumination_fraction"].where(layers["in_region"]))
fig, axes = plt.subplots(1, len(radii_km), figsize=(10, 4.8), sharey=True)
for ax, radius in zip(axes, radii_km, strict=True):
    ax.imshow(light, extent=(-disk_km, disk_km, -disk_km, disk_km), cmap="gray", vmin=0, vmax=1)
    ax.scatter(ranked["x_m"] / 1e3, ranked["y_m"] / 1e3, s=12, color="white")
    for party, row in contests[radius].iterrows():
        x, y = row["x_m"] / 1e3, row["y_m"] / 1e3
        ax.add_patch(plt.Circle((x, y), radius, fill=False, color=f"C{party}"))
        ax.plot(x, y, "o", color=f"C{party}", label=f"party {party}: rank {row['rank']}")
    ax.set_title(f"safety zone {radius:g} km")
    ax.set_xlabel("x [km]")
    ax.set_xlim(-disk_km, disk_km)
    ax.set_ylim(-disk_km, disk_km)
    ax.legend(fontsize=7, loc="lower left")
axes[0].set_ylabel("y [km]")
fig.tight_layout()
