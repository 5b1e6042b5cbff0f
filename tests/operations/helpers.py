"""A mining feed for operations tests (grades and soil of a plain test site)."""

from __future__ import annotations

from lunarbase.operations import MiningFeed


def feed(he3_fines_ppb: float, fines_mass_fraction: float, th_ppm: float = 1.0) -> MiningFeed:
    """A feed with the given fines grade [ppb] and mass fraction [-]; Th [ppm], the Surveyor 3
    4He/3He ratio (2700), 1660 kg/m^3 and a 3 m mining depth."""
    return MiningFeed(
        he3_fines_ppb=he3_fines_ppb,
        fines_mass_fraction=fines_mass_fraction,
        th_ppm=th_ppm,
        he4_he3_atom_ratio=2700.0,
        regolith_density_kg_m3=1660.0,
        mining_depth_m=3.0,
    )
