"""Numba kernels for horizon maps: line sweeps with an upper convex hull (Stewart 1998).

For one azimuth the DEM is resampled on a lattice of parallel lines running in that azimuth.
Along each line, points are visited from the far end toward the near end while an upper convex
hull of the points already passed is kept; the horizon of a point is its tangent to that hull
(binary search), so a whole line costs O(n log n) instead of the O(n^2) of marching a ray from
every point [1]_. Earth curvature enters through the reduced height z' = z - s^2 / (2R): the
slope to any terrain point then differs from the curved-surface slope by the same constant s0/R
for one observer, so the tangent point is unchanged [2]_. The sweep finds the tangent point;
the angle to it is then computed exactly in 3-D.

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


@njit(cache=True)
def _sweep_line(
    z: np.ndarray,
    s: np.ndarray,
    zr: np.ndarray,
    stack: np.ndarray,
    radius_m: float,
    observer_height_m: float,
    min_separation: int,
    need: np.ndarray,
    first: int,
    out: np.ndarray,
) -> None:
    """Tangent indices along one line, into ``out[j]`` for each ``j >= first`` where
    ``need[j]`` (-1 where the point has no data or no terrain lies ahead); ``zr``, ``stack``:
    scratch arrays of the same length. Points before ``first`` are never an observer and lie
    behind every observer, so the sweep stops there."""
    n_along = z.shape[0]
    for j in range(first, n_along):
        zr[j] = z[j] - s[j] * s[j] / (2.0 * radius_m)
    top = -1
    nxt = n_along - 1  # next point waiting to enter the hull
    for j in range(n_along - 1, first - 1, -1):
        if not need[j]:
            continue
        while nxt >= j + min_separation:
            if not np.isnan(zr[nxt]):
                while top >= 1 and _slope(s[nxt], zr[nxt], s[stack[top]], zr[stack[top]]) <= (
                    _slope(s[nxt], zr[nxt], s[stack[top - 1]], zr[stack[top - 1]])
                ):
                    top -= 1
                top += 1
                stack[top] = nxt
            nxt -= 1
        out[j] = -1
        if top >= 0 and not np.isnan(zr[j]):
            out[j] = _tangent(stack, top, s, zr, s[j], zr[j] + observer_height_m)


@njit(cache=True, inline="always")
def _unit(x: float, y: float, radius_m: float) -> tuple[float, float, float]:
    """Scalar numba twin of :func:`lunarbase.terrain.dem.xy_to_unit_vector` (same closed
    form, tested against pyproj there) for use inside kernels."""
    k2 = (x * x + y * y) / (4.0 * radius_m * radius_m)
    f = 1.0 / (radius_m * (1.0 + k2))
    return y * f, x * f, -(1.0 - k2) / (1.0 + k2)


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


@njit(cache=True, inline="always")
def _lattice_point(
    x: float,
    y: float,
    z: float,
    ux: float,
    uy: float,
    s0: float,
    t0: float,
    step: float,
    nt: int,
    ns: int,
) -> tuple[int, int]:
    """The sweep lattice's nearest point (line i, index j along it) to map point (x, y) [m]
    for look direction (ux, uy); (-1, -1) off the lattice or where the height z is NaN."""
    if np.isnan(z):
        return -1, -1
    j = int(np.rint((x * ux + y * uy - s0) / step))
    i = int(np.rint((x * uy - y * ux - t0) / step))
    if i < 0 or i >= nt or j < 0 or j >= ns:
        return -1, -1
    return i, j


@njit(cache=True)
def _far_one_azimuth(
    values: np.ndarray,
    x0: float,
    y0: float,
    step: float,
    azimuth_rad: float,
    px: np.ndarray,
    py: np.ndarray,
    pz: np.ndarray,
    observer_height_m: float,
    radius_m: float,
    flat: bool,
    min_separation: int,
    out: np.ndarray,
    col: int,
) -> None:
    """Sweep one azimuth over ``values`` and max-combine, into ``out[:, col]``, the exact
    elevation angle [deg] from every observer to the tangent point of its nearest lattice
    point (``flat``: planar angles and no curvature).

    The observers first mark the lattice points they stand on. The lattice lines are then
    resampled and swept one at a time, only those holding an observer and only from the far
    end back to their nearest observer, and the hull tangent is searched at marked points
    only; the angles follow, observer by observer in memory order. The same lattice,
    samples and hull as sweeping every point, so the same angles."""
    ny, nx = values.shape
    ux, uy = np.sin(azimuth_rad), np.cos(azimuth_rad)
    vx, vy = uy, -ux
    xa, xb = x0, x0 + (nx - 1) * step
    ya, yb = y0, y0 - (ny - 1) * step
    s_lo, s_hi, t_lo, t_hi = np.inf, -np.inf, np.inf, -np.inf
    for cx, cy in ((xa, ya), (xb, ya), (xa, yb), (xb, yb)):
        sc, tc = cx * ux + cy * uy, cx * vx + cy * vy
        s_lo, s_hi = min(s_lo, sc), max(s_hi, sc)
        t_lo, t_hi = min(t_lo, tc), max(t_hi, tc)
    s0, t0 = s_lo - step, t_lo - step
    ns = int(np.ceil((s_hi - s0) / step)) + 2
    nt = int(np.ceil((t_hi - t0) / step)) + 2
    # the lattice points observers stand on, and per line the nearest one to the line's start
    need = np.zeros((nt, ns), dtype=np.bool_)
    first = np.full(nt, ns, dtype=np.int64)
    for k in range(px.shape[0]):
        i, j = _lattice_point(px[k], py[k], pz[k], ux, uy, s0, t0, step, nt, ns)
        if i >= 0:
            need[i, j] = True
            first[i] = min(first[i], j)
    sweep_radius = np.inf if flat else radius_m
    along = np.arange(ns) * step
    z = np.empty(ns)
    zr = np.empty(ns)
    stack = np.empty(ns, dtype=np.int64)
    tangent = np.empty(ns, dtype=np.int64)
    top = np.empty((nt, ns), dtype=np.int32)  # where need: the tangent point's index j
    for i in range(nt):
        if first[i] == ns:
            continue
        t = t0 + i * step
        for j in range(first[i], ns):
            s = s0 + j * step
            z[j] = _bilinear(values, x0, y0, step, s * ux + t * vx, s * uy + t * vy)
        _sweep_line(z, along, zr, stack, sweep_radius, observer_height_m, min_separation,
                    need[i], first[i], tangent)  # fmt: skip
        for j in range(first[i], ns):
            if need[i, j]:
                top[i, j] = tangent[j]
    for k in range(px.shape[0]):
        i, j = _lattice_point(px[k], py[k], pz[k], ux, uy, s0, t0, step, nt, ns)
        if i < 0 or top[i, j] < 0:
            continue
        s = s0 + top[i, j] * step
        t = t0 + i * step
        tx, ty = s * ux + t * vx, s * uy + t * vy
        tz = _bilinear(values, x0, y0, step, tx, ty)  # the sweep's own sample there
        if flat:
            d = np.hypot(tx - px[k], ty - py[k])
            el = np.degrees(np.arctan2(tz - pz[k], d))
        else:
            ax, ay, az = _unit(px[k], py[k], radius_m)
            bx, by, bz = _unit(tx, ty, radius_m)
            r0, r1 = radius_m + pz[k], radius_m + tz
            dx, dy, dz = r1 * bx - r0 * ax, r1 * by - r0 * ay, r1 * bz - r0 * az
            sin_el = (dx * ax + dy * ay + dz * az) / np.sqrt(dx * dx + dy * dy + dz * dz)
            el = np.degrees(np.arcsin(min(1.0, max(-1.0, sin_el))))
        if el > out[k, col]:
            out[k, col] = el


@njit(cache=True, parallel=True)
def far_field(
    values: np.ndarray,
    x0: float,
    y0: float,
    step: float,
    azimuths_rad: np.ndarray,
    px: np.ndarray,
    py: np.ndarray,
    pz: np.ndarray,
    observer_height_m: float,
    radius_m: float,
    flat: bool,
    min_separation: int,
    out: np.ndarray,
    col0: int,
) -> None:
    """:func:`_far_one_azimuth` for several azimuths at once (one thread each), into columns
    ``col0 ..`` of ``out`` (n_observers, n_azimuths) [deg]; ``pz`` includes the mast."""
    for a in prange(azimuths_rad.shape[0]):
        _far_one_azimuth(values, x0, y0, step, azimuths_rad[a], px, py, pz, observer_height_m,
                         radius_m, flat, min_separation, out, col0 + a)  # fmt: skip


@njit(cache=True, parallel=True)
def near_field(
    padded: np.ndarray,
    pad: int,
    azimuths_rad: np.ndarray,
    n_steps: int,
    size: float,
    ground: np.ndarray,
    observer_height_m: float,
    radius_m: float,
    out: np.ndarray,
    col0: int,
) -> None:
    """March ``n_steps`` samples (one pixel apart) from every pixel toward each azimuth and
    max-combine the elevation angles [deg] into ``out[:, col0 + a]`` (pixels in row-major
    order): the near field, where the line sweep's lattice offset (up to half a pixel) would
    distort the angle.

    From pixel centres the n-th sample has the same sub-pixel offset for every pixel, so its
    bilinear weights are computed once per step. ``padded`` is the DEM with ``pad`` >= n_steps
    + 1 pixels of NaN around it, so a ray stops at the last pixel centre it can interpolate.
    Within a few km the sphere's fall is d^2 / 2R to better than 1e-6 m, so no 3-D geometry is
    needed (``radius_m = inf`` for a flat world).
    """
    ny, nx = ground.shape
    for a in prange(azimuths_rad.shape[0]):
        ro = np.empty(n_steps, dtype=np.int64)
        co = np.empty(n_steps, dtype=np.int64)
        fr = np.empty(n_steps)
        fc = np.empty(n_steps)
        for n in range(n_steps):
            rf = -(n + 1) * np.cos(azimuths_rad[a])
            cf = (n + 1) * np.sin(azimuths_rad[a])
            ro[n] = int(np.floor(rf))
            co[n] = int(np.floor(cf))
            fr[n] = rf - ro[n]
            fc[n] = cf - co[n]
        for r in range(ny):
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
                    k = r * nx + c
                    if el > out[k, col0 + a]:
                        out[k, col0 + a] = el


@njit(cache=True, inline="always")
def _stack_height(
    flat: np.ndarray,
    offset: np.ndarray,
    shape: np.ndarray,
    corner: np.ndarray,
    size: np.ndarray,
    first: int,
    x: float,
    y: float,
) -> float:
    """Bilinear height [m] at map point (x, y) from the finest grid of a flattened DEM stack
    (from grid ``first`` on) with data there; NaN where none has. The same arithmetic as
    :func:`lunarbase.terrain.dem.bilinear` per grid."""
    for g in range(first, offset.shape[0]):
        ny, nx = shape[g, 0], shape[g, 1]
        col = (x - corner[g, 0]) / size[g]
        row = (corner[g, 1] - y) / size[g]
        if not (col >= 0 and col <= nx - 1 and row >= 0 and row <= ny - 1):
            continue
        c0 = min(int(col), nx - 2)
        r0 = min(int(row), ny - 2)
        fc = col - c0
        fr = row - r0
        k = offset[g] + r0 * nx + c0
        z = (
            flat[k] * (1 - fr) * (1 - fc)
            + flat[k + 1] * (1 - fr) * fc
            + flat[k + nx] * fr * (1 - fc)
            + flat[k + nx + 1] * fr * fc
        )
        if not np.isnan(z):
            return z
    return np.nan


@njit(cache=True)
def point_rays(
    flat: np.ndarray,
    offset: np.ndarray,
    shape: np.ndarray,
    corner: np.ndarray,
    size: np.ndarray,
    first: int,
    x_m: float,
    y_m: float,
    distances_m: np.ndarray,
    azimuths_rad: np.ndarray,
    radius0_m: float,
    moon_radius_m: float,
) -> np.ndarray:
    """Largest sine of the elevation angle, per azimuth, of the terrain samples at
    ``distances_m`` along rays from map point (x, y) [m] for an observer ``radius0_m`` from the
    Moon's centre (-1 where no sample has data). One thread: a point is ~10 ms of work, and
    per-call thread hand-offs cost more than they gain on a busy machine. Each sample is placed
    on the sphere exactly: with u its unit vector (inverse stereographic, as
    :func:`lunarbase.terrain.dem.xy_to_unit_vector`), r = R + z and c = u . up,
    sin(elevation) = (r c - r0) / |r u - r0 up|."""
    r2 = 4.0 * moon_radius_m * moon_radius_m
    k2 = (x_m * x_m + y_m * y_m) / r2
    f = 1.0 / (moon_radius_m * (1.0 + k2))
    up0, up1, up2 = y_m * f, x_m * f, -(1.0 - k2) / (1.0 + k2)
    out = np.full(azimuths_rad.shape[0], -1.0)
    for a in range(azimuths_rad.shape[0]):
        sa, ca = np.sin(azimuths_rad[a]), np.cos(azimuths_rad[a])
        best = -1.0
        for d in distances_m:
            x = x_m + d * sa
            y = y_m + d * ca
            z = _stack_height(flat, offset, shape, corner, size, first, x, y)
            if np.isnan(z):
                continue
            r = moon_radius_m + z
            q2 = (x * x + y * y) / r2
            g = 1.0 / (moon_radius_m * (1.0 + q2))
            c = y * g * up0 + x * g * up1 + (-(1.0 - q2) / (1.0 + q2)) * up2
            sin_el = (r * c - radius0_m) / np.sqrt(
                r * r - 2.0 * r * radius0_m * c + radius0_m * radius0_m
            )
            best = max(best, sin_el)
        out[a] = best
    return out
