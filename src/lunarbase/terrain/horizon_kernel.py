"""Numba kernels for horizon maps: line sweeps with an upper convex hull (Stewart 1998).

For one azimuth the DEM is resampled on a lattice of parallel lines running in that azimuth.
Along each line, points are visited from the far end toward the near end while an upper convex
hull of the points already passed is kept; the horizon of a point is its tangent to that hull
(binary search), so a whole line costs O(n log n) instead of the O(n^2) of marching a ray from
every point [1]_. Earth curvature enters through the reduced height z' = z - s^2 / (2R): the
slope to any terrain point then differs from the curved-surface slope by the same constant s0/R
for one observer, so the tangent point is unchanged [2]_. Kernels return the tangent point;
angles are then computed exactly in 3-D by the caller.

References
----------
.. [1] Stewart, A. J. (1998) Fast horizon computation at all points of a terrain with
   visibility and shading applications. IEEE Trans. Vis. Comput. Graph. 4(1):82-93,
   doi:10.1109/2945.675656
.. [2] Derivation: for an observer at s0, (z - z0)/(s - s0) - (s - s0)/(2R) equals
   (z'(s) - z'(s0))/(s - s0) + s0/R.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange


@njit(cache=True, inline="always")
def _slope(s0: float, z0: float, s1: float, z1: float) -> float:
    return (z1 - z0) / (s1 - s0)


@njit(cache=True)
def _tangent(
    stack: np.ndarray, top: int, s: np.ndarray, zr: np.ndarray, sq: float, zq: float
) -> int:
    """Index into ``stack[0..top]`` of the hull vertex of steepest slope from (sq, zq)."""
    lo, hi = 0, top  # answer = largest k with slope(k -> k-1) <= slope(q -> k); k = 0 always ok
    while lo < hi:
        mid = (lo + hi + 1) // 2
        a, b = stack[mid], stack[mid - 1]
        if _slope(s[a], zr[a], s[b], zr[b]) <= _slope(sq, zq, s[a], zr[a]):
            lo = mid
        else:
            hi = mid - 1
    return stack[lo]


@njit(cache=True, parallel=True)
def sweep_tangents(
    z: np.ndarray,
    step_m: float,
    radius_m: float,
    observer_height_m: float,
    min_separation: int,
) -> np.ndarray:
    """Tangent (horizon) point index along each line of a resampled lattice.

    Parameters
    ----------
    z : ndarray, shape (n_lines, n_along)
        Heights along lines [m]; index grows in the look direction; NaN = no data.
    step_m : float
        Spacing of samples along a line [m].
    radius_m : float
        Planet radius for the curvature term [m]; ``inf`` for a flat world.
    observer_height_m : float
        Height of the observer above the ground [m].
    min_separation : int
        Only terrain at least this many samples ahead counts (1: all of it).

    Returns
    -------
    ndarray of int32, shape (n_lines, n_along)
        Index along the line of the point that sets the horizon, -1 where none (no data ahead,
        or the observer itself has no data).
    """
    n_lines, n_along = z.shape
    out = np.full((n_lines, n_along), -1, dtype=np.int32)
    s = np.arange(n_along) * step_m
    for i in prange(n_lines):
        zr = np.empty(n_along)
        for j in range(n_along):
            zr[j] = z[i, j] - s[j] * s[j] / (2.0 * radius_m)
        stack = np.empty(n_along, dtype=np.int64)
        top = -1
        nxt = n_along - 1  # next point waiting to enter the hull
        for j in range(n_along - 1, -1, -1):
            while nxt >= j + min_separation:
                if not np.isnan(zr[nxt]):
                    while top >= 1 and _slope(s[nxt], zr[nxt], s[stack[top]], zr[stack[top]]) <= (
                        _slope(s[nxt], zr[nxt], s[stack[top - 1]], zr[stack[top - 1]])
                    ):
                        top -= 1
                    top += 1
                    stack[top] = nxt
                nxt -= 1
            if top < 0 or np.isnan(zr[j]):
                continue
            out[i, j] = _tangent(stack, top, s, zr, s[j], zr[j] + observer_height_m)
    return out


@njit(cache=True, inline="always")
def _unit(x: float, y: float, radius_m: float) -> tuple[float, float, float]:
    """Moon-fixed unit vector of a south polar stereographic map point, without trigonometry:
    with k = rho / 2R, sin c = 2k / (1 + k^2) and cos c = (1 - k^2) / (1 + k^2), and
    (cos lon, sin lon) = (y, x) / rho."""
    k2 = (x * x + y * y) / (4.0 * radius_m * radius_m)
    f = 1.0 / (radius_m * (1.0 + k2))
    return y * f, x * f, -(1.0 - k2) / (1.0 + k2)


@njit(cache=True, parallel=True)
def elevation_to_points(
    up: np.ndarray,
    pz: np.ndarray,
    tx: np.ndarray,
    ty: np.ndarray,
    tz: np.ndarray,
    radius_m: float,
    out: np.ndarray,
) -> None:
    """Exact elevation angle [deg] from observers (unit vectors ``up`` (n, 3), heights ``pz``)
    to targets (map tx, ty, height tz) on the sphere; ``max``-combined into ``out`` in place.
    NaN targets are skipped."""
    for k in prange(pz.shape[0]):
        if np.isnan(tz[k]) or np.isnan(pz[k]):
            continue
        ux, uy, uz = up[k, 0], up[k, 1], up[k, 2]
        vx, vy, vz = _unit(tx[k], ty[k], radius_m)
        r0 = radius_m + pz[k]
        r1 = radius_m + tz[k]
        dx, dy, dz = r1 * vx - r0 * ux, r1 * vy - r0 * uy, r1 * vz - r0 * uz
        norm = np.sqrt(dx * dx + dy * dy + dz * dz)
        if norm == 0.0:
            continue
        sin_el = (dx * ux + dy * uy + dz * uz) / norm
        el = np.degrees(np.arcsin(min(1.0, max(-1.0, sin_el))))
        if el > out[k]:
            out[k] = el


@njit(cache=True, parallel=True)
def flat_elevation_to_points(
    px: np.ndarray,
    py: np.ndarray,
    pz: np.ndarray,
    tx: np.ndarray,
    ty: np.ndarray,
    tz: np.ndarray,
    out: np.ndarray,
) -> None:
    """As :func:`elevation_to_points` on a flat plane (for comparison with planar tools)."""
    for k in prange(px.shape[0]):
        if np.isnan(tz[k]) or np.isnan(pz[k]):
            continue
        d = np.hypot(tx[k] - px[k], ty[k] - py[k])
        if d == 0.0:
            continue
        el = np.degrees(np.arctan2(tz[k] - pz[k], d))
        if el > out[k]:
            out[k] = el


@njit(cache=True, inline="always")
def _bilinear(values: np.ndarray, x0: float, y0: float, size: float, x: float, y: float) -> float:
    """Bilinear sample of a (y, x) grid whose first pixel centre is (x0, y0), rows toward -y,
    for the sweep lattice."""
    ny, nx = values.shape
    col = (x - x0) / size
    row = (y0 - y) / size
    # Up to half a pixel beyond the outer pixel centres counts as the edge value: lattice
    # lines along the border must not fall off the grid by rounding.
    if col < -0.5 or row < -0.5 or col > nx - 0.5 or row > ny - 0.5:
        return np.nan
    col = min(max(col, 0.0), nx - 1.0)
    row = min(max(row, 0.0), ny - 1.0)
    c0 = min(int(col), nx - 2)
    r0 = min(int(row), ny - 2)
    fc = col - c0
    fr = row - r0
    return (
        values[r0, c0] * (1 - fr) * (1 - fc)
        + values[r0, c0 + 1] * (1 - fr) * fc
        + values[r0 + 1, c0] * fr * (1 - fc)
        + values[r0 + 1, c0 + 1] * fr * fc
    )


@njit(cache=True, parallel=True)
def near_field(
    padded: np.ndarray,
    pad: int,
    azimuth_rad: float,
    n_steps: int,
    size: float,
    ground: np.ndarray,
    observer_height_m: float,
    radius_m: float,
    out: np.ndarray,
) -> None:
    """March ``n_steps`` samples (one pixel apart) from every pixel toward the azimuth and
    max-combine the elevation angles [deg] into ``out`` (ny, nx): the near field, where the
    line sweep's lattice offset (up to half a pixel) would distort the angle.

    From pixel centres the n-th sample has the same sub-pixel offset for every pixel, so its
    bilinear weights are computed once per step. ``padded`` is the DEM with ``pad`` >= n_steps
    + 1 pixels of NaN around it, so a ray stops at the last pixel centre it can interpolate.
    Within a few km the sphere's fall is d^2 / 2R to better than 1e-6 m, so no 3-D geometry is
    needed (``radius_m = inf`` for a flat world).
    """
    ny, nx = ground.shape
    ro = np.empty(n_steps, dtype=np.int64)
    co = np.empty(n_steps, dtype=np.int64)
    fr = np.empty(n_steps)
    fc = np.empty(n_steps)
    for n in range(n_steps):
        rf = -(n + 1) * np.cos(azimuth_rad)
        cf = (n + 1) * np.sin(azimuth_rad)
        ro[n] = int(np.floor(rf))
        co[n] = int(np.floor(cf))
        fr[n] = rf - ro[n]
        fc[n] = cf - co[n]
    for r in prange(ny):
        for c in range(nx):
            z0 = ground[r, c] + observer_height_m
            if np.isnan(z0):
                continue
            best = -np.inf
            for n in range(n_steps):
                i = r + pad + ro[n]
                j = c + pad + co[n]
                z = (
                    padded[i, j] * (1 - fr[n]) * (1 - fc[n])
                    + padded[i, j + 1] * (1 - fr[n]) * fc[n]
                    + padded[i + 1, j] * fr[n] * (1 - fc[n])
                    + padded[i + 1, j + 1] * fr[n] * fc[n]
                )
                if np.isnan(z):
                    break
                d = (n + 1) * size
                slope = (z - z0) / d - d / (2.0 * radius_m)
                if slope > best:
                    best = slope
            if best > -np.inf:
                el = np.degrees(np.arctan(best))
                if el > out[r, c]:
                    out[r, c] = el


@njit(cache=True, parallel=True)
def sample_lattice(
    values: np.ndarray,
    x0: float,
    y0: float,
    size: float,
    s: np.ndarray,
    t: np.ndarray,
    u: np.ndarray,
    v: np.ndarray,
) -> np.ndarray:
    """Heights [m] at lattice points s * u + t * v (bilinear; NaN outside the grid)."""
    out = np.empty((t.shape[0], s.shape[0]))
    for i in prange(t.shape[0]):
        for j in range(s.shape[0]):
            x = s[j] * u[0] + t[i] * v[0]
            y = s[j] * u[1] + t[i] * v[1]
            out[i, j] = _bilinear(values, x0, y0, size, x, y)
    return out


@njit(cache=True, parallel=True)
def gather_targets(
    x: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    tangent: np.ndarray,
    s0: float,
    t0: float,
    step: float,
    u: np.ndarray,
    v: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For observers (x, y), the map position and height of the tangent point found for the
    nearest lattice point (NaN height where there is none)."""
    n = x.shape[0]
    tx = np.empty(n)
    ty = np.empty(n)
    tz = np.full(n, np.nan)
    nt, ns = tangent.shape
    for k in prange(n):
        j = int(np.rint((x[k] * u[0] + y[k] * u[1] - s0) / step))
        i = int(np.rint((x[k] * v[0] + y[k] * v[1] - t0) / step))
        tx[k] = np.nan
        ty[k] = np.nan
        if i < 0 or i >= nt or j < 0 or j >= ns:
            continue
        jt = tangent[i, j]
        if jt < 0:
            continue
        s = s0 + jt * step
        t = t0 + i * step
        tx[k] = s * u[0] + t * v[0]
        ty[k] = s * u[1] + t * v[1]
        tz[k] = z[i, jt]
    return tx, ty, tz
