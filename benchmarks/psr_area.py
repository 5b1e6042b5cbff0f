"""Southern PSR area over the whole 240 m map against the LOLA PSR catalogue.

Computes permanently shadowed regions (never any of the Sun's disk over a full 18.6-year nodal
cycle, 6-hour steps) for a window of the 240 m LOLA grid centred on the pole, with horizons
from the whole 240 m grid and the 1787 m grid beyond 40 km, and compares the area poleward of
a latitude with the LOLA catalogue polygons (>= 5 km^2; Mazarico et al. 2011, Icarus
211:1066-1081, doi:10.1016/j.icarus.2010.10.030) over the same band. Mazarico et al. quote
16,055 km^2 for the whole south to 80 S, beyond this map's reach (84 S): the script adds the
PSR area of the 1787 m grid between 80 S and the band's edge to our 240 m area poleward of it
(a multi-resolution total, coarse only where no 240 m data exist) and compares that with
Mazarico's figure; the catalogue share of the band is printed so the two can be related.

Usage: ``python benchmarks/psr_area.py [--half-width-km 180] [--azimuths 90] [--lat -85]``
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half-width-km", type=float, default=180.0)
    parser.add_argument("--azimuths", type=int, default=90)
    parser.add_argument("--lat", type=float, default=-85.0, help="northern edge of the band")
    args = parser.parse_args()

    from lunarbase.data import load
    from lunarbase.geometry import polar_radius_m
    from lunarbase.terrain.lightmap import light_maps
    from lunarbase.terrain.maps import cached_horizon_map, window
    from lunarbase.terrain.psr import in_psr_catalogue

    t0 = time.perf_counter()
    dem = window(-90.0, 0.0, args.half_width_km)
    hm = cached_horizon_map(dem, n_azimuths=args.azimuths, observer_height_m=0.0)
    t_horizon = time.perf_counter() - t0
    t0 = time.perf_counter()
    maps = light_maps(hm, start="2030-01-01", end="2030-01-08", step_h=24.0, psr_step_h=6.0)
    t_light = time.perf_counter() - t0

    xs, ys = np.meshgrid(np.asarray(dem.x, float), np.asarray(dem.y, float))
    band = np.hypot(xs, ys) <= float(polar_radius_m(90.0 + args.lat))
    catalogue = in_psr_catalogue(xs[band], ys[band])
    ours = np.asarray(maps.psr.values)[band]
    pixel_km2 = (float(dem.attrs["pixel_size_m"]) / 1000.0) ** 2
    psr = load("lola_psr_south")
    total_catalogue = float(psr.area_km2.sum())
    in_band = float(psr.area_km2.where(psr.lat <= args.lat).sum())
    ours_km2, theirs_km2 = ours.sum() * pixel_km2, catalogue.sum() * pixel_km2
    overlap = (ours & catalogue).sum() / max(catalogue.sum(), 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"window {dem.sizes['x']} x {dem.sizes['y']} px of 240 m, {args.azimuths} azimuths; "
          f"horizons {t_horizon:.0f} s, PSR map {t_light:.0f} s, peak {peak:.2f} GiB")  # fmt: skip
    print(f"PSR area poleward of {-args.lat:g} S: ours {ours_km2:,.0f} km^2, LOLA catalogue "
          f"rasterised {theirs_km2:,.0f} km^2 (ratio {ours_km2 / theirs_km2:.3f}); "
          f"{overlap:.1%} of catalogue PSR pixels are PSR in ours")  # fmt: skip
    print(f"catalogue polygons with centroid poleward of {-args.lat:g} S: {in_band:,.0f} km^2 of "
          f"{total_catalogue:,.0f} km^2 (whole catalogue, to ~75 S); Mazarico et al. 2011: "
          f"16,055 km^2 to 80 S")  # fmt: skip
    coarse_80, coarse_band = coarse_psr_km2(args.lat)
    hybrid = ours_km2 + coarse_80 - coarse_band
    print(f"1787 m grid: PSR {coarse_80:,.0f} km^2 to 80 S, {coarse_band:,.0f} km^2 poleward of "
          f"{-args.lat:g} S ({coarse_band / ours_km2:.0%} of our 240 m area there)")  # fmt: skip
    print(f"PSR to 80 S, 240 m poleward of {-args.lat:g} S + 1787 m beyond: {hybrid:,.0f} km^2; "
          f"Mazarico et al. 2011: 16,055 km^2 (ratio {hybrid / 16_055:.3f})")  # fmt: skip
    print(
        f"psr_ratio_vs_catalogue={ours_km2 / theirs_km2:.3f} overlap={overlap:.3f} "
        f"psr_to_80s_km2={hybrid:.0f} ratio_vs_mazarico2011={hybrid / 16_055:.3f}"
    )


def coarse_psr_km2(lat_deg: float) -> tuple[float, float]:
    """PSR area [km^2] of the 1787 m grid to 80 S and poleward of ``lat_deg``."""
    from lunarbase.data import load
    from lunarbase.geometry import polar_radius_m
    from lunarbase.terrain.horizon import horizon_map
    from lunarbase.terrain.lightmap import light_maps

    far = load("ldem_75s_1787m")
    maps = light_maps(horizon_map(far, n_azimuths=90), start="2030-01-01", end="2030-01-08",
                      step_h=24.0, psr_step_h=6.0)  # fmt: skip
    xs, ys = np.meshgrid(np.asarray(far.x, float), np.asarray(far.y, float))
    rho = np.hypot(xs, ys)
    psr = np.asarray(maps.psr.values)
    pixel_km2 = (float(far.attrs["pixel_size_m"]) / 1000.0) ** 2
    to_80 = psr[rho <= float(polar_radius_m(10.0))].sum() * pixel_km2
    band = psr[rho <= float(polar_radius_m(90.0 + lat_deg))].sum() * pixel_km2
    return float(to_80), float(band)


if __name__ == "__main__":
    main()
