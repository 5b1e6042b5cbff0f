"""Compile lunarbase's numba kernels into their on-disk cache once, before a whole-suite run
starts its workers (tests/conftest.py).

Each kernel is compiled (``cache=True``) by the first process that calls it and read from the
cache by every later one, but the processes a run starts together (two xdist workers, the
default run, the docs build) all call the terrain kernels within seconds of each other, before
any of them has written the cache, so on a fresh clone each compiled the same kernels (light
~7 s, horizons ~5 s of one core each). ``python -m tests.warm_kernels horizon`` and ``... light``
call every kernel once on a tiny synthetic terrain, through the same public functions and so
with the same argument types as the real maps; the two run side by side, one per core.
"""

from __future__ import annotations

import sys

import numpy as np
import xarray as xr


def _grid(n: int, size_m: float) -> xr.DataArray:
    """A small bumpy (y, x) grid near the south pole [m], float32 as the LOLA grids load."""
    offs = (np.arange(n) - (n - 1) / 2) * size_m
    xx, yy = np.meshgrid(offs, -offs)
    z = (300.0 * np.sin(xx / (3 * size_m)) * np.cos(yy / (4 * size_m))).astype(np.float32)
    return xr.DataArray(
        z,
        dims=("y", "x"),
        coords={"y": -offs, "x": offs},
        attrs={"pixel_size_m": size_m, "dataset": "warm-up"},
    )


def horizon() -> None:
    """The horizon-map sweeps (near field, far field over a context grid) and the point rays."""
    from lunarbase.terrain import PolarTerrain
    from lunarbase.terrain.horizon import horizon_map, point_horizon

    fine, coarse = _grid(24, 240.0), _grid(12, 1000.0)
    horizon_map(fine, n_azimuths=4, observer_height_m=2.0, context=[(coarse, 3_000.0)])
    point_horizon(PolarTerrain((fine, coarse)), 0.0, 0.0, observer_height_m=2.0, n_azimuths=4)


def light() -> None:
    """The light kernels: the period's series (mean Sun, night), the Sun's quantiles (a night
    step other than the Sun's), Earth's histogram and the never-lit test."""
    from lunarbase.terrain.lightmap import light_maps

    dem = _grid(3, 240.0)
    horizon = xr.DataArray(
        np.zeros((3, 3, 8), dtype=np.float32),
        dims=("y", "x", "azimuth"),
        coords={"y": dem.y, "x": dem.x, "azimuth": np.arange(8) * 45.0},
    )
    light_maps(horizon, start="2030-01-01", end="2030-01-03", step_h=12.0, night_step_h=24.0)


if __name__ == "__main__":
    {"horizon": horizon, "light": light}[sys.argv[1]]()
