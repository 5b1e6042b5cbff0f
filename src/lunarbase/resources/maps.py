"""Resource maps as files: NetCDF of every per-bin layer and PNG maps of He-3, Th and REE.

The maps are the Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006) drawn as rectangles
of their true edges on an equirectangular (plate carree) grid, with a colour bar in the layer's
unit and, as context, the mare outline: the contour of LP FeO at the scenario's mare threshold
(``mare_feo_threshold_wt_pct``). The NetCDF is written with
xarray's ``scipy`` engine (netCDF3, no extra dependency). Every file is written to a temporary
name and renamed, so a re-run never leaves half a file.

References
----------
.. [1] Prettyman, T. H. et al. (2006) JGR 111, E12007, doi:10.1029/2005JE002656.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from lunarbase.fileio import atomic_savefig, atomic_write, output_folder
from lunarbase.geometry import wrap_lon_180
from lunarbase.resources.grades import grs_fluence, grs_he3_ppb
from lunarbase.resources.inventory import InventoryInputs
from lunarbase.resources.kreep import kreep_fraction, ree_ppm
from lunarbase.resources.regions import load_grs
from lunarbase.resources.regolith import regolith_thickness_m

PNG_LAYERS = {
    "he3_ppb": ("He-3", "ppb", "viridis"),
    "th_ppm": ("Th", "ppm", "magma"),
    "ree_sum_ppm": ("Total REE (15386 pattern scaled by Th)", "ppm", "cividis"),
}
"""Layers drawn as PNG: variable -> (title, unit, colour map)."""


def resource_maps(grs: xr.Dataset, cfg: InventoryInputs) -> xr.Dataset:
    """Per-bin resource layers for the report.

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table (``load("lpgrs_5deg")``).
    cfg : lunarbase.resources.inventory.InventoryInputs
        He grade model, atom ratio and depths (the scenario's ``[resources]`` table will do).

    Returns
    -------
    xarray.Dataset
        ``he3_ppb`` [ppb], ``tio2_wt_pct`` [wt%], ``th_ppm`` [ppm], ``ree_sum_ppm`` [ppm],
        ``kreep_fraction`` [-], ``regolith_depth_m`` [m] and ``solar_wind_fluence`` (normalised,
        [-]) on ``cell``, with the bins' coordinates.

    References
    ----------
    .. [1] See :mod:`lunarbase.resources.grades`, :mod:`lunarbase.resources.fluence` and
       :mod:`lunarbase.resources.kreep`.
    """
    import xarray as xr

    tio2 = grs["TiO2_wt_pct"].values
    th = grs["Th_ppm"].values
    layers = {
        "he3_ppb": (
            grs_he3_ppb(grs, he3_model=cfg.he3_model, he4_he3_atom_ratio=cfg.he4_he3_atom_ratio),
            "ppb",
        ),
        "solar_wind_fluence": (grs_fluence(grs), "1"),
        "tio2_wt_pct": (np.asarray(tio2, dtype=float), "wt%"),
        "th_ppm": (np.asarray(th, dtype=float), "ppm"),
        "ree_sum_ppm": (ree_ppm(th)["total"], "ppm"),
        "kreep_fraction": (kreep_fraction(th), "1"),
        "regolith_depth_m": (regolith_thickness_m(grs["FeO_wt_pct"].values, cfg), "m"),
    }
    data_vars = {k: ("cell", v, {"units": u}) for k, (v, u) in layers.items()}
    attrs = {"source": grs.attrs.get("citation", "Lunar Prospector GRS (Prettyman et al. 2006)")}
    attrs["he3_model"] = cfg.he3_model
    return xr.Dataset(data_vars, coords=grs.coords, attrs=attrs)


def netcdf_ready(maps: xr.Dataset, provenance: Mapping[str, Any] | None = None) -> xr.Dataset:
    """A copy of ``maps`` that netCDF3 can store: int32 bin ids, string attributes only."""
    ds = maps.copy()
    ds = ds.assign_coords(cell=ds["cell"].astype("int32"))
    attrs = {k: str(v) for k, v in ds.attrs.items()}
    for key, value in (provenance or {}).items():
        if isinstance(value, Mapping):
            value = " ".join(f"{k}={v}" for k, v in value.items())
        attrs[f"provenance_{key}"] = str(value)
    ds.attrs = attrs
    return ds


def draw_map(
    grs: xr.Dataset,
    values: np.ndarray,
    *,
    title: str,
    unit: str,
    cmap: str = "viridis",
    mare_feo_wt_pct: float | None = None,
) -> Any:
    """Equirectangular map of per-bin values as a matplotlib Figure (no pyplot state).

    Parameters
    ----------
    grs : xarray.Dataset
        LP GRS table with the bin edges ``lat_min``, ``lat_max``, ``lon_min``, ``lon_max``
        [deg, deg E in -180..180] and, for the outline, ``FeO_wt_pct``.
    values : numpy.ndarray
        One value per bin, in ``unit``.
    title, unit : str
        Title and colour-bar unit.
    cmap : str, optional
        Matplotlib colour map.
    mare_feo_wt_pct : float, optional
        FeO contour [wt%] drawn as the mare outline; None draws none.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure

    lat0, lat1 = grs["lat_min"].values, grs["lat_max"].values
    lon0, lon1 = grs["lon_min"].values, grs["lon_max"].values
    corners = [(lon0, lat0), (lon1, lat0), (lon1, lat1), (lon0, lat1)]
    boxes = np.stack([np.stack(c, axis=-1) for c in corners], axis=1)  # (cell, 4, 2)
    fig = Figure(figsize=(10, 5.4), dpi=110, layout="constrained")
    ax = fig.add_subplot()
    coll = PolyCollection(list(boxes), array=np.asarray(values, dtype=float), cmap=cmap)
    coll.set_edgecolor("face")
    coll.set_linewidth(0.2)
    ax.add_collection(coll)
    if mare_feo_wt_pct is not None:
        lon_c = wrap_lon_180(grs["lon"].values)
        ax.tricontour(
            lon_c,
            np.asarray(grs["lat"].values, dtype=float),
            np.asarray(grs["FeO_wt_pct"].values, dtype=float),
            levels=[mare_feo_wt_pct],
            colors="white",
            linewidths=0.8,
        )
        label = f"mare outline (FeO = {mare_feo_wt_pct:g} wt%)"
        ax.plot([], [], color="white", lw=0.8, label=label)
        ax.legend(loc="lower left", fontsize=8, facecolor="0.3", labelcolor="white")
    ax.set_xlim(-180, 180)
    ax.set_ylim(-90, 90)
    ax.set_aspect("equal")
    ax.set_xticks(np.arange(-180, 181, 60))
    ax.set_yticks(np.arange(-90, 91, 30))
    ax.set_xlabel("longitude [deg E]")
    ax.set_ylabel("latitude [deg]")
    ax.set_title(f"{title} [{unit}] -- Lunar Prospector GRS 5-degree bins (Prettyman et al. 2006)")
    fig.colorbar(coll, ax=ax, label=f"{title} [{unit}]", shrink=0.85)
    return fig


def write_maps(
    cfg: InventoryInputs,
    out_dir: Path | str,
    *,
    provenance: Mapping[str, Any] | None = None,
    grs: xr.Dataset | None = None,
) -> dict[str, Path]:
    """Write ``resources_maps.nc`` and one PNG per layer of :data:`PNG_LAYERS` into ``out_dir``.

    Parameters
    ----------
    cfg : lunarbase.resources.inventory.InventoryInputs
        He grade model, atom ratio and depths (the scenario's ``[resources]`` table will do).
    out_dir : path
        Output folder; created when missing.
    provenance : mapping, optional
        Added to the NetCDF attributes (``provenance_<key>``).
    grs : xarray.Dataset, optional
        LP GRS table; loaded when omitted.

    Returns
    -------
    dict of str to pathlib.Path
        ``netcdf`` and one entry per PNG layer.

    Raises
    ------
    LunarbaseError
        ``out_dir`` cannot be created or written.
    """
    grs = load_grs(grs)
    layers = resource_maps(grs, cfg)
    paths: dict[str, Path] = {}
    ds = netcdf_ready(layers, provenance)
    with output_folder(out_dir) as folder:
        nc = folder / "resources_maps.nc"
        atomic_write(nc, lambda tmp: ds.to_netcdf(tmp, engine="scipy"))
        paths["netcdf"] = nc
        for var, (title, unit, cmap) in PNG_LAYERS.items():
            fig = draw_map(
                grs,
                np.asarray(layers[var].values),
                title=title if var != "he3_ppb" else f"He-3 ({cfg.he3_model})",
                unit=unit,
                cmap=cmap,
                mare_feo_wt_pct=cfg.mare_feo_threshold_wt_pct,
            )
            png = folder / f"{var}.png"
            atomic_savefig(fig, png)
            paths[var] = png
    return paths
