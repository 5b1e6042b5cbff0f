"""Sun and Earth directions in the Moon-fixed mean-Earth/polar-axis (ME) frame, offline.

Positions come from JPL DE421 [1]_ (shipped by the ``skyfield-data`` package) through skyfield [2]_;
the lunar orientation is the DE421 libration solution (NAIF binary PCK
``moon_pa_de421_1900-2050.bpc``) rotated into the ME frame by the NAIF frame kernel
``moon_080317.tf`` [3]_ (both shipped by the ``lunarsky`` package). LOLA products are in the ME
frame, which differs from the principal-axis frame by ~0.9 km at the surface [3]_.

References
----------
.. [1] Folkner, W. M., Williams, J. G. & Boggs, D. H. (2009) The Planetary and Lunar Ephemeris
   DE 421. IPN Progress Report 42-178.
.. [2] Rhodes, B. (2019) Skyfield: High precision research-grade positions for planets and Earth
   satellites generator. Astrophysics Source Code Library ascl:1907.024.
.. [3] Williams, J. G., Boggs, D. H. & Folkner, W. M. (2008) DE421 Lunar Orbit, Physical
   Librations, and Surface Coordinates. JPL IOM 335-JW,DB,WF-20080314-001.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from lunarbase.cache import cache_key, cached_array
from lunarbase.errors import DataError, QueryError

#: DE421 moon orientation kernel coverage (NAIF file name gives 1900-2050).
EPHEMERIS_RANGE = (dt.date(1900, 1, 2), dt.date(2050, 1, 1))


@dataclass(frozen=True)
class Directions:
    """Unit vectors toward the Sun and Earth from the Moon's centre, Moon-fixed ME frame.

    Attributes
    ----------
    times : numpy.ndarray of datetime64[s]
        UTC sample times.
    sun : numpy.ndarray, shape (n, 3)
        Unit vector toward the Sun. [-]
    earth : numpy.ndarray, shape (n, 3)
        Unit vector toward the Earth. [-]
    sun_distance_m, earth_distance_m : numpy.ndarray, shape (n,)
        Distances from the Moon's centre. [m]
    """

    times: NDArray[np.datetime64]
    sun: NDArray[np.float64]
    earth: NDArray[np.float64]
    sun_distance_m: NDArray[np.float64]
    earth_distance_m: NDArray[np.float64]


def time_grid(start: dt.date | str, end: dt.date | str, step_h: float) -> NDArray[np.datetime64]:
    """UTC times from ``start`` (inclusive) to ``end`` (exclusive) every ``step_h`` hours.

    Raises
    ------
    QueryError
        Empty or reversed range, non-positive step, or dates outside the ephemeris.
    """
    t0 = np.datetime64(str(start), "s")
    t1 = np.datetime64(str(end), "s")
    if not step_h > 0:
        raise QueryError(f"time step {step_h} h must be positive")
    if t1 <= t0:
        raise QueryError(f"time range {start} .. {end} is empty or reversed")
    lo, hi = (np.datetime64(str(d), "s") for d in EPHEMERIS_RANGE)
    if t0 < lo or t1 > hi:
        raise QueryError(f"time range {start} .. {end} is outside the ephemeris (1900-2050)")
    step = np.timedelta64(round(step_h * 3600), "s")
    return np.arange(t0, t1, step)


EPHEMERIS_CACHE_VERSION = 1
"""Bump when :func:`directions` changes, so the disk cache of :func:`period_directions` is
rebuilt."""


@cache
def _kernel_files() -> tuple[Path, Path, Path]:
    """DE421 (skyfield-data), the ME frame kernel and the DE421 lunar PCK (lunarsky)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skyfield-data warns about its Earth-rotation file
        from skyfield_data import get_skyfield_data_path

        data = Path(get_skyfield_data_path())

    # Locate lunarsky's kernel files without importing it (its import pulls in astropy).
    spec = importlib.util.find_spec("lunarsky")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("the lunarsky package (lunar orientation kernels) is not installed")
    base = Path(spec.submodule_search_locations[0]) / "data"
    return (
        data / "de421.bsp",
        base / "fk" / "satellites" / "moon_080317.tf",
        base / "pck" / "moon_pa_de421_1900-2050.bpc",
    )


@cache
def _kernels() -> tuple[Any, Any, Any]:
    from skyfield.api import Loader, PlanetaryConstants

    bsp, fk, pck = _kernel_files()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # as in _kernel_files
        load = Loader(str(bsp.parent), verbose=False)
        eph = load(bsp.name)
        ts = load.timescale(builtin=True)
    pc = PlanetaryConstants()
    with fk.open("rb") as fh:
        pc.read_text(fh)
    pc.read_binary(pck.open("rb"))
    return eph, ts, pc.build_frame_named("MOON_ME_DE421")


def directions(times: NDArray[np.datetime64]) -> Directions:
    """Sun and Earth directions for an array of UTC times (vectorised over times)."""
    eph, ts, frame = _kernels()
    times = np.atleast_1d(np.asarray(times, dtype="datetime64[s]"))
    seconds = (times - np.datetime64("2000-01-01T00:00:00", "s")).astype(np.float64)
    t = ts.utc(2000, 1, 1, 0, 0, seconds)
    moon = eph["moon"]
    sun = (eph["sun"] - moon).at(t).frame_xyz(frame).m
    earth = (eph["earth"] - moon).at(t).frame_xyz(frame).m
    sun = np.asarray(sun, float).reshape(3, -1).T
    earth = np.asarray(earth, float).reshape(3, -1).T
    sd = np.linalg.norm(sun, axis=1)
    ed = np.linalg.norm(earth, axis=1)
    return Directions(times, sun / sd[:, None], earth / ed[:, None], sd, ed)


@lru_cache(maxsize=8)
def period_directions(start: dt.date | str, end: dt.date | str, step_h: float) -> Directions:
    """:func:`directions` on :func:`time_grid` (start, end, step_h), remembered for the process
    (the pipeline, point queries and maps of one period share one ephemeris evaluation) and
    cached on disk, keyed by the period and the kernel files (a warm point query skips
    importing skyfield and evaluating DE421: 0.13 s)."""
    times = time_grid(start, end, step_h)
    key = cache_key(
        "directions",
        EPHEMERIS_CACHE_VERSION,
        start=str(times[0]),
        n=len(times),
        step_s=round(step_h * 3600),
        kernels=[[p.name, p.stat().st_size] for p in _kernel_files()],
    )

    def build() -> NDArray[np.float64]:
        d = directions(times)
        return np.column_stack([d.sun, d.earth, d.sun_distance_m, d.earth_distance_m])

    packed = np.asarray(cached_array(key, build))
    return Directions(times, packed[:, 0:3], packed[:, 3:6], packed[:, 6], packed[:, 7])


def sub_point_deg(vectors: NDArray[np.float64]) -> tuple[NDArray, NDArray]:
    """Latitude and longitude [deg, 0..360 E] of the points under Moon-fixed unit vectors."""
    v = np.asarray(vectors, float)
    lat = np.degrees(np.arcsin(np.clip(v[..., 2], -1.0, 1.0)))
    lon = np.mod(np.degrees(np.arctan2(v[..., 1], v[..., 0])), 360.0)
    return lat, lon
