"""Southern PSR area over the whole 240 m map against the LOLA PSR catalogue and Mazarico 2011.

Computes permanently shadowed regions (never any of the Sun's disk over a full 18.6-year nodal
cycle, 6-hour steps) for a window of the 240 m LOLA grid centred on the pole, with horizons
from the whole 240 m grid and the 1787 m grid beyond 40 km, and compares the area poleward of
a latitude with the LOLA catalogue polygons (>= 5 km^2; Mazarico et al. 2011, Icarus
211:1066-1081, doi:10.1016/j.icarus.2010.10.030) over the same band. Mazarico et al. quote
16,055 km^2 for the whole south to 80 S, beyond this map's reach (84 S): the script adds the
PSR area of the 1787 m grid between 80 S and the band's edge to our 240 m area poleward of it
(a multi-resolution total, coarse only where no 240 m data exist) and compares that with
Mazarico's figure (tests/validation/test_psr_published.py asserts the same sum at 85 S).

The PSR map's kernel (:func:`lunarbase.terrain.lightmap.ever_visible`, each pixel stops at its
first visible Sun direction) is timed against the baseline it replaced, run on the same horizons
in the same process: the full weighted sum over every direction
(:func:`~lunarbase.terrain.lightmap.weighted_visibility`); the masks must be equal.

Usage: ``python benchmarks/psr_area.py [--azimuths 90] [--lat -85]``
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import TYPE_CHECKING, cast

import numpy as np

if TYPE_CHECKING:
    import xarray as xr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--azimuths", type=int, default=90)
    parser.add_argument("--lat", type=float, default=-85.0, help="northern edge of the band")
    args = parser.parse_args()

    import xarray as xr

    from lunarbase.data import load
    from lunarbase.geometry import polar_radius_m
    from lunarbase.terrain.horizon import horizon_map
    from lunarbase.terrain.lightmap import psr_map
    from lunarbase.terrain.maps import cached_horizon_map, window
    from lunarbase.terrain.psr import in_psr_catalogue, psr_area_km2

    colat = 90.0 + args.lat
    t0 = time.perf_counter()
    dem = window(-90.0, 0.0, float(polar_radius_m(colat)) / 1000.0)
    hm = cached_horizon_map(dem, n_azimuths=args.azimuths, observer_height_m=0.0)
    t_horizon = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = psr_map(hm)
    t_light = time.perf_counter() - t0
    t_full, same = _full_sum_psr(hm, ours.values)
    coarse = psr_map(
        horizon_map(
            cast(xr.DataArray, load("ldem_75s_1787m")), n_azimuths=90, observer_height_m=0.0
        )
    )

    xs, ys = np.meshgrid(np.asarray(dem.x, float), np.asarray(dem.y, float))
    catalogue = ours.copy(data=in_psr_catalogue(xs, ys))
    ours_km2 = psr_area_km2(ours, colatitude_max_deg=colat)
    theirs_km2 = psr_area_km2(catalogue, colatitude_max_deg=colat)
    overlap = (ours.values & catalogue.values).sum() / max(catalogue.values.sum(), 1)
    coarse_inner = psr_area_km2(coarse, colatitude_max_deg=colat)
    band = psr_area_km2(coarse, colatitude_max_deg=10.0, colatitude_min_deg=colat)
    hybrid = ours_km2 + band
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"window {dem.sizes['x']} x {dem.sizes['y']} px of 240 m, {args.azimuths} azimuths; "
          f"horizons {t_horizon:.0f} s, PSR map {t_light:.0f} s, peak {peak:.2f} GiB")  # fmt: skip
    print(f"PSR area poleward of {-args.lat:g} S: ours {ours_km2:,.0f} km^2, LOLA catalogue "
          f"rasterised {theirs_km2:,.0f} km^2 (ratio {ours_km2 / theirs_km2:.3f}); "
          f"{overlap:.1%} of catalogue PSR pixels are PSR in ours")  # fmt: skip
    print(f"1787 m grid poleward of {-args.lat:g} S: {coarse_inner:,.0f} km^2 "
          f"({coarse_inner / ours_km2:.0%} of our 240 m area there)")  # fmt: skip
    print(f"PSR to 80 S, 240 m poleward of {-args.lat:g} S + 1787 m beyond ({band:,.0f} km^2): "
          f"{hybrid:,.0f} km^2; Mazarico et al. 2011: 16,055 km^2")  # fmt: skip
    print(f"PSR kernel: early exit {t_light:.1f} s, full weighted sum (baseline) {t_full:.1f} s, "
          f"speed-up {t_full / t_light:.1f}x, masks equal: {same}")  # fmt: skip
    print(
        f"psr_speedup_vs_full_sum={t_full / t_light:.1f} "
        f"psr_ratio_vs_catalogue={ours_km2 / theirs_km2:.3f} overlap={overlap:.3f} "
        f"psr_to_80s_km2={hybrid:.0f} ratio_vs_mazarico2011={hybrid / 16_055:.3f}"
    )


def _full_sum_psr(hm: xr.DataArray, mask: np.ndarray) -> tuple[float, bool]:
    """Seconds the baseline (every direction summed for every pixel) takes on ``hm``, and
    whether its PSR mask equals ``mask``."""
    from lunarbase.constants import SOLAR_DISK_RADIUS_DEG
    from lunarbase.ephemeris import period_directions
    from lunarbase.terrain import lightmap

    hz, frame = lightmap._pixels(hm)
    t0 = time.perf_counter()
    nodal = lightmap.sun_quantiles(period_directions(*lightmap.NODAL_CYCLE, 6.0).sun, extremes=True)
    lit = lightmap.weighted_visibility(
        hz, frame, nodal.vectors, nodal.weights, SOLAR_DISK_RADIUS_DEG, False
    )
    full = (~np.isnan(hz[:, 0]) & (lit == 0)).reshape(mask.shape)
    return time.perf_counter() - t0, bool(np.array_equal(full, mask))


if __name__ == "__main__":
    main()
