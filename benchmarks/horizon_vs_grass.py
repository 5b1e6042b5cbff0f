"""Benchmark: horizon maps against an independent peer, GRASS GIS ``r.horizon``.

Runs :func:`lunarbase.terrain.horizon.horizon_map` and GRASS ``r.horizon`` (Debian package
grass-core; GRASS 8.2 here) on the same crop of the 240 m LOLA south-polar DEM (default 256 x
256 pixels around the pole, Shackleton and de Gerlache) in the same azimuths (default 360), and
prints the median and 95th-percentile absolute difference of the horizon elevation [deg], the
wall-clock speed ratio measured in the same run, and the throughput in pixel-azimuths per
second against the numpy reference :func:`lunarbase.terrain.horizon.horizon_map_reference`.

How the two are made comparable (conventions of ``r.horizon`` read from its source,
raster/r.horizon/main.c, and checked on a synthetic cone below):

* Azimuth: ``r.horizon`` names its maps by the angle counterclockwise from grid east; ours is
  clockwise from grid +y, so ``az_ours = (90 - angle_grass) mod 360``. The DEM is imported into a
  throwaway location in a *spherical* Mercator projection centred on the equator (``r.horizon``
  refuses an XY location, and derives each ray's grid direction from a small step in
  latitude/longitude, which only keeps grid directions on a conformal projection of a sphere
  with no meridian convergence), so GRASS's grid directions are the map directions.
* Angles: ``-d`` writes degrees (default radians); rays leaving the raster give -90 deg, as ours.
* Curvature: ``r.horizon`` always lowers distant terrain by d^2 / (2 R) with R fixed at Earth's
  6,371 km. Scaling the DEM by k = R_earth / R_moon, horizontally (pixel 240 m * k) and
  vertically (heights * k), leaves every slope unchanged and turns that term into
  d^2 / (2 R_moon) in unscaled units, so GRASS then sees the Moon's curvature and is compared
  with our default curved mode (``radius_m=MOON_RADIUS_M``). ``--geometry flat`` instead scales
  by 1e-3 (curvature negligible) and compares with ``radius_m=None``.
* Search range: ``r.horizon`` stops each ray at (z_max - z_observer) / tan(0.5 deg), so where
  the true horizon is below ~0.5 deg it may miss the terrain that sets it and come out lower;
  the statistics are also given for pixel-azimuths whose GRASS horizon is >= 0.5 deg.
* Sampling: ``r.horizon`` steps one pixel along the ray and takes the nearest cell's height at
  the cell centre's distance; ours interpolates bilinearly (near field) or on a resampled
  lattice (line sweep), so single pixel-azimuths differ by a fraction of a pixel's slope.
  Nearest-cell rounding also keeps ``r.horizon``'s rays "inside" up to half a pixel beyond the
  raster (a whole pixel at the south and west edges, where C's ``(int)`` truncates toward zero),
  so on the outermost ring it finds terrain where an exact ray march finds none.
* Arbiter: at ``--arbiter-pixels`` random pixels both are also compared with the exact numpy ray
  march (:func:`lunarbase.terrain.horizon.point_horizon`, the whole crop as terrain), to say
  which side a disagreement comes from.

Timing: ours is ``horizon_map`` on the crop after a warm-up call on a tiny crop (numba JIT
compile time excluded), best of ``--repeat`` runs, with numba's default threads (all cores) and
again with one thread; GRASS's is the wall clock of the ``r.horizon`` command alone inside the
GRASS session (import, export and session start-up excluded; they are printed separately).
``r.horizon`` in GRASS 8.2 is single-threaded.

Needs the ``grass`` executable (``apt-get install grass-core``); exits 2 without it.

Run:  LUNARBASE_DATA_MIRROR=/path/to/data python benchmarks/horizon_vs_grass.py [--azimuths N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numba
import numpy as np
import xarray as xr

from lunarbase.constants import MOON_RADIUS_M
from lunarbase.data import load
from lunarbase.terrain.dem import PolarTerrain
from lunarbase.terrain.horizon import horizon_map, horizon_map_reference, point_horizon

GRASS_EARTH_RADIUS_M = 6_371_000.0
"""``EARTHRADIUS`` hard-coded in r.horizon's curvature term."""
GRASS_NULL = -9999.0
MERCATOR_PROJ4 = "+proj=merc +lon_0=0 +lat_ts=0 +x_0=0 +y_0=0 +R=6371000 +units=m +no_defs"
NO_TERRAIN_DEG = -89.99
"""Horizons at or below this are 'no terrain ahead' (-90 deg) on either side."""
LOW_HORIZON_DEG = 0.5
"""r.horizon's search range is cut where terrain could only reach this elevation."""

GRASS_SCRIPT = """\
set -e
g.proj -c proj4="{proj4}" > /dev/null 2>&1
r.in.ascii input="{asc}" output=dem --quiet
g.region raster=dem
t0=$(date +%s.%N)
r.horizon -d elevation=dem step={step!r} output=hor --quiet
t1=$(date +%s.%N)
echo "$t0 $t1" > "{timing}"
g.list type=raster pattern="hor_*" > "{names}"
for m in $(cat "{names}"); do
    r.out.bin -f input="$m" output="{out}/$m.bin" bytes=4 order=little null={null} --quiet
done
"""


def write_ascii_grid(path: Path, heights: np.ndarray, pixel_m: float) -> None:
    """GRASS ASCII raster of ``heights`` (rows from north), centred on the map origin [m]."""
    rows, cols = heights.shape
    header = (
        f"north: {rows * pixel_m / 2:.6f}\nsouth: {-rows * pixel_m / 2:.6f}\n"
        f"east: {cols * pixel_m / 2:.6f}\nwest: {-cols * pixel_m / 2:.6f}\n"
        f"rows: {rows}\ncols: {cols}\n"
    )
    body = "\n".join(" ".join("*" if np.isnan(v) else f"{v:.4f}" for v in row) for row in heights)
    path.write_text(header + body + "\n")


def grass_horizon(
    heights_m: np.ndarray, pixel_m: float, n_azimuths: int, scale: float, workdir: Path
) -> tuple[np.ndarray, float, float]:
    """Run r.horizon in a throwaway GRASS location.

    Returns the horizon [deg] as (rows, cols, n_azimuths) in *our* azimuth order (clockwise
    from grid +y), the r.horizon wall time [s] and the whole GRASS session's wall time [s].
    """
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    asc, script = workdir / "dem.asc", workdir / "run.sh"
    write_ascii_grid(asc, heights_m * scale, pixel_m * scale)
    timing, names = workdir / "timing.txt", workdir / "names.txt"
    script.write_text(
        GRASS_SCRIPT.format(
            proj4=MERCATOR_PROJ4,
            asc=asc,
            step=360.0 / n_azimuths,
            timing=timing,
            names=names,
            out=out,
            null=GRASS_NULL,
        )
    )
    t0 = time.perf_counter()
    proc = subprocess.run(
        ["grass", "--tmp-location", "XY", "--exec", "bash", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    session_s = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise RuntimeError(f"GRASS session failed (exit {proc.returncode})")
    t_start, t_end = (float(v) for v in timing.read_text().split())
    step = 360.0 / n_azimuths
    result = np.full((*heights_m.shape, n_azimuths), np.nan, dtype=np.float64)
    found = set()
    for name in names.read_text().split():
        angle_ccw_east = float(name.removeprefix("hor_").replace("_", "."))
        az_ours = (90.0 - angle_ccw_east) % 360.0
        k = round(az_ours / step) % n_azimuths
        if abs((k * step - az_ours + 180.0) % 360.0 - 180.0) > 1e-6:
            raise RuntimeError(f"GRASS map {name} is not on our azimuth grid")
        data = np.fromfile(out / f"{name}.bin", dtype="<f4").reshape(heights_m.shape)
        result[..., k] = np.where(data == GRASS_NULL, np.nan, data)
        found.add(k)
    if len(found) != n_azimuths:
        raise RuntimeError(f"GRASS wrote {len(found)} of {n_azimuths} azimuth maps")
    return result, t_end - t_start, session_s


def cone_sanity_check(pixel_m: float, scale: float, radius_m: float | None) -> str:
    """Both tools must see a cone north-east of the centre at azimuth 45 deg."""
    n, n_az = 64, 72
    rows, cols = np.mgrid[0:n, 0:n]
    peak_r, peak_c = 12, 52  # 20 px north (row index falls toward +y), 20 px east of centre
    dist = np.hypot(rows - peak_r, cols - peak_c)
    heights = np.maximum(0.0, 2000.0 * (1.0 - dist / 6.0))
    step = pixel_m
    coords = {"y": (n / 2 - 0.5 - np.arange(n)) * step, "x": (np.arange(n) - n / 2 + 0.5) * step}
    dem = xr.DataArray(heights, dims=("y", "x"), coords=coords, attrs={"pixel_size_m": step})
    ours = horizon_map(dem, n_azimuths=n_az, radius_m=radius_m, observer_height_m=0.0).values
    with tempfile.TemporaryDirectory(prefix="lunarbase-grass-cone-") as tmp:
        grass, _, _ = grass_horizon(heights, step, n_az, scale, Path(tmp))
    az = np.arange(n_az) * 360.0 / n_az
    c = n // 2
    ko, kg = int(np.argmax(ours[c, c])), int(np.argmax(grass[c, c]))
    ok = az[ko] == az[kg] == 45.0
    exact = ""
    if radius_m is not None:
        ref = point_horizon(
            PolarTerrain((dem,)),
            float(dem.x[c]),
            float(dem.y[c]),
            n_azimuths=n_az,
            max_distance_m=n * step,
            observer_height_m=0.0,
        )
        exact = f" (numpy reference ray march: {ref.elevation_deg[ko]:.2f} deg)"
    return (
        f"cone sanity check (peak 20 px north and 20 px east of the centre, expected azimuth "
        f"45 deg): ours {az[ko]:.0f} deg at {ours[c, c, ko]:.2f} deg elevation, r.horizon "
        f"{az[kg]:.0f} deg at {grass[c, c, kg]:.2f} deg{exact} -> {'OK' if ok else 'MISMATCH'}"
    )


def timed_horizon(dem: xr.DataArray, n_az: int, radius_m: float | None, repeat: int) -> float:
    """Best wall time [s] of ``repeat`` horizon_map runs."""
    best = np.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        horizon_map(dem, n_azimuths=n_az, radius_m=radius_m, observer_height_m=0.0)
        best = min(best, time.perf_counter() - t0)
    return float(best)


def stats(diff: np.ndarray) -> tuple[float, float]:
    a = np.abs(diff)
    return float(np.median(a)), float(np.percentile(a, 95))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--azimuths", type=int, default=360, help="number of azimuths (mult. of 4)")
    p.add_argument("--size", type=int, default=256, help="crop side [pixels]")
    p.add_argument("--row0", type=int, default=640, help="first crop row of the 240 m grid")
    p.add_argument("--col0", type=int, default=640, help="first crop column")
    p.add_argument("--geometry", choices=("moon", "flat"), default="moon")
    p.add_argument("--repeat", type=int, default=3, help="timed runs of ours (best is kept)")
    p.add_argument("--arbiter-pixels", type=int, default=100, help="pixels for exact check")
    p.add_argument("--reference-size", type=int, default=24, help="sub-crop side for numpy ref")
    args = p.parse_args(argv)
    n_az = args.azimuths
    if shutil.which("grass") is None:
        print("GRASS GIS not found: install it with `apt-get install grass-core`, then re-run.")
        return 2
    if n_az < 4 or n_az % 4:
        print(f"--azimuths {n_az}: use a multiple of 4 (the grids must share azimuths)")
        return 2

    version = subprocess.run(
        ["grass", "--config", "version"], capture_output=True, text=True, check=False
    )
    grass_version = f"GRASS GIS {version.stdout.strip() or '(version unknown)'}"
    moon = args.geometry == "moon"
    radius_m = MOON_RADIUS_M if moon else None
    scale = GRASS_EARTH_RADIUS_M / MOON_RADIUS_M if moon else 1e-3

    dem = load("ldem_75s_240m")
    pixel_m = float(dem.attrs["pixel_size_m"])
    r0, c0, n = args.row0, args.col0, args.size
    crop = dem.isel(y=slice(r0, r0 + n), x=slice(c0, c0 + n))
    heights = np.asarray(crop.values, dtype=np.float64)
    print(f"{grass_version}; numba {numba.__version__}, {numba.get_num_threads()} threads")
    print(
        f"crop: ldem_75s_240m rows {r0}-{r0 + n - 1}, cols {c0}-{c0 + n - 1} ({n} x {n} px, "
        f"{pixel_m:.0f} m), heights {np.nanmin(heights):.0f} to {np.nanmax(heights):.0f} m; "
        f"{n_az} azimuths"
    )
    if moon:
        print(
            f"geometry: curved, R = {MOON_RADIUS_M:.0f} m (ours radius_m=MOON_RADIUS_M; GRASS "
            f"DEM scaled by R_earth/R_moon = {scale:.4f} so its fixed Earth curvature is lunar)"
        )
    else:
        print("geometry: flat (ours radius_m=None; GRASS DEM scaled by 1e-3)")

    print(cone_sanity_check(pixel_m, scale, radius_m))

    horizon_map(
        crop.isel(y=slice(0, 16), x=slice(0, 16)),
        n_azimuths=4,
        radius_m=radius_m,
        observer_height_m=0.0,
    )
    load_before = os.getloadavg()
    threads = numba.get_num_threads()
    ours_s = timed_horizon(crop, n_az, radius_m, args.repeat)
    ours = horizon_map(
        crop, n_azimuths=n_az, radius_m=radius_m, observer_height_m=0.0
    ).values.astype(np.float64)
    numba.set_num_threads(1)
    try:
        ours_1t_s = timed_horizon(crop, n_az, radius_m, 1)
    finally:
        numba.set_num_threads(threads)
    with tempfile.TemporaryDirectory(prefix="lunarbase-grass-") as tmp:
        grass, grass_s, session_s = grass_horizon(heights, pixel_m, n_az, scale, Path(tmp))
    load_after = os.getloadavg()

    m = args.reference_size
    mr, mc = (n - m) // 2, (n - m) // 2
    sub = crop.isel(y=slice(mr, mr + m), x=slice(mc, mc + m))
    t0 = time.perf_counter()
    ref = horizon_map_reference(sub, n_azimuths=n_az, observer_height_m=0.0).values
    ref_s = time.perf_counter() - t0
    ours_sub = horizon_map(sub, n_azimuths=n_az, observer_height_m=0.0).values

    # agreement with GRASS
    nodata = ~np.isfinite(ours) | ~np.isfinite(grass)
    no_terrain = (ours <= NO_TERRAIN_DEG) | (grass <= NO_TERRAIN_DEG)
    keep = ~nodata & ~no_terrain
    diff = (ours - grass)[keep]
    med, p95 = stats(diff)
    rows, cols = np.nonzero(no_terrain.any(axis=2))
    band = (
        int(np.max(np.minimum.reduce([rows, cols, n - 1 - rows, n - 1 - cols]))) + 1
        if rows.size
        else 0
    )
    only_ours = int(((ours <= NO_TERRAIN_DEG) & (grass > NO_TERRAIN_DEG)).sum())
    only_grass = int(((grass <= NO_TERRAIN_DEG) & (ours > NO_TERRAIN_DEG)).sum())
    high = keep & (grass >= LOW_HORIZON_DEG)
    med_hi, p95_hi = stats((ours - grass)[high])
    total = ours.size

    print()
    print(
        f"agreement with r.horizon over {keep.sum():,} of {total:,} pixel-azimuths (excluded "
        f"{no_terrain.sum():,} with no terrain ahead on either side, all within {band} px of "
        f"the crop edge; -90 only in ours {only_ours}, only in GRASS {only_grass}):"
    )
    print(
        f"  |ours - GRASS| median {med:.4f} deg, p95 {p95:.4f} deg, max {np.abs(diff).max():.3f}"
        f" deg; signed median {np.median(diff):+.4f} deg, mean {diff.mean():+.4f} deg"
    )
    print(
        f"  where GRASS horizon >= {LOW_HORIZON_DEG} deg ({high.sum():,} pixel-azimuths): "
        f"median {med_hi:.4f} deg, p95 {p95_hi:.4f} deg, signed median "
        f"{np.median((ours - grass)[high]):+.4f} deg"
    )
    rr, cc = np.mgrid[0:n, 0:n]
    ring = (np.minimum.reduce([rr, cc, n - 1 - rr, n - 1 - cc]) == 0)[..., None]
    for label, sel in (("outermost 1-px ring only", keep & ring), ("without it", keep & ~ring)):
        d = (ours - grass)[sel]
        print(
            f"  {label} ({sel.sum():,}): median {np.median(np.abs(d)):.4f} deg, p95 "
            f"{np.percentile(np.abs(d), 95):.4f} deg, signed median {np.median(d):+.4f} deg"
        )
    per_az = np.nanmedian(np.where(keep, ours - grass, np.nan), axis=(0, 1))
    worst = int(np.nanargmax(np.abs(per_az)))
    print(
        f"  per-azimuth signed median: range {np.nanmin(per_az):+.4f} to "
        f"{np.nanmax(per_az):+.4f} deg (largest at azimuth {worst * 360 / n_az:g} deg)"
    )
    absd = np.where(keep, np.abs(ours - grass), -1.0)
    r, c, k = np.unravel_index(int(np.argmax(absd)), absd.shape)
    print(
        f"  largest difference at crop row {r}, col {c}, azimuth {k * 360 / n_az:g} deg: "
        f"ours {ours[r, c, k]:.3f}, GRASS {grass[r, c, k]:.3f} deg"
    )
    # arbitration: exact ray march (numpy reference, whole crop as terrain) at random pixels
    if moon:  # the reference is curved only
        rng = np.random.default_rng(20350101)
        pix = rng.integers(0, n, size=(args.arbiter_pixels, 2))
        terrain = PolarTerrain((crop,))
        exact = np.array(
            [
                point_horizon(
                    terrain, float(crop.x[c]), float(crop.y[r]), n_azimuths=n_az,
                    max_distance_m=2 * n * pixel_m, observer_height_m=0.0,
                ).elevation_deg
                for r, c in pix
            ]
        )  # fmt: skip
        o_px, g_px = ours[pix[:, 0], pix[:, 1]], grass[pix[:, 0], pix[:, 1]]
        ok = (exact > NO_TERRAIN_DEG) & (o_px > NO_TERRAIN_DEG) & (g_px > NO_TERRAIN_DEG)
        print(
            f"  arbiter: exact ray march (curved, bilinear, "
            f"{pixel_m:.0f} m steps) at {args.arbiter_pixels} random pixels x {n_az} azimuths:"
        )
        for label, est in (("ours", o_px), ("r.horizon", g_px)):
            d = (est - exact)[ok]
            print(
                f"    {label:9s} - exact: median |d| {np.median(np.abs(d)):.4f} deg, p95 "
                f"{np.percentile(np.abs(d), 95):.4f} deg, signed median {np.median(d):+.4f} deg"
            )
    ref_keep = np.isfinite(ref) & (ref > NO_TERRAIN_DEG) & (ours_sub > NO_TERRAIN_DEG)
    ref_med, ref_p95 = stats((ours_sub - ref)[ref_keep])
    print(
        f"  (ours vs numpy reference on the {m} x {m} sub-crop: median {ref_med:.4f} deg, "
        f"p95 {ref_p95:.4f} deg)"
    )

    px_az = n * n * n_az
    speedup = grass_s / ours_s
    print()
    print(
        f"timing on {os.cpu_count()} cores; load average before {load_before[0]:.2f} / "
        f"{load_before[1]:.2f} / {load_before[2]:.2f}, after {load_after[0]:.2f} / "
        f"{load_after[1]:.2f} / {load_after[2]:.2f} (1 / 5 / 15 min):"
    )
    print(
        f"  horizon_map ({threads} threads, best of {args.repeat}, JIT warm): {ours_s:.2f} s, "
        f"{px_az / ours_s:,.0f} pixel-azimuths/s"
    )
    print(f"  horizon_map (1 thread): {ours_1t_s:.2f} s, {px_az / ours_1t_s:,.0f} pixel-azimuths/s")
    print(
        f"  r.horizon (single-threaded; the command alone): {grass_s:.2f} s, "
        f"{px_az / grass_s:,.0f} pixel-azimuths/s (whole GRASS session incl. location, "
        f"import, export of {n_az} maps: {session_s:.1f} s)"
    )
    ref_rate = m * m * n_az / ref_s
    ray_ratio = n / m  # the reference marches rays across the whole DEM: cost ~ DEM side
    print(
        f"  horizon_map_reference (numpy, {m} x {m} sub-crop): {ref_s:.2f} s, "
        f"{ref_rate:,.0f} pixel-azimuths/s (~{ref_rate / ray_ratio:,.0f} on the {n} x {n} "
        f"crop, whose rays are {ray_ratio:.1f}x longer)"
    )
    print(
        f"  speed-up: {speedup:.1f}x vs r.horizon ({threads} threads vs 1; "
        f"{grass_s / ours_1t_s:.1f}x thread for thread), "
        f"{px_az / ours_s / ref_rate:,.0f}x vs the numpy reference's sub-crop rate"
    )
    print(
        f"speedup_vs_grass={speedup:.1f} median_abs_diff_deg={med:.4f} p95_abs_diff_deg={p95:.4f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
