"""Data registry: every file registered and catalogued, checksums verified, errors in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from lunarbase.constants import MOON_SURFACE_AREA_M2
from lunarbase.data import catalog, load, registry, status
from lunarbase.data.registry import fetch
from lunarbase.errors import DataError


def test_every_catalogued_file_is_registered_once() -> None:
    files = [f for ds in catalog().values() for f in ds.files]
    assert sorted(files) == sorted(registry.registry())
    for ds in catalog().values():
        assert len(ds.urls) == len(ds.files)
        assert all(u.startswith("https://") for u in ds.urls)


def test_mirror_verifies(mirror: Path) -> None:
    rows = status()
    assert rows and all(r["status"] == "ok" for r in rows), rows


def test_unknown_dataset_is_one_line() -> None:
    with pytest.raises(DataError, match=r"unknown dataset 'nope' \(known: .*ldem_4"):
        load("nope")


@pytest.fixture
def private_mirror(mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the mirror's PSR files, with an empty cache and no network."""
    folder = tmp_path / "mirror"
    for name in registry.registry():
        if name.startswith("lola-psr-south/"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(mirror / name, folder / name)
    monkeypatch.setenv("LUNARBASE_DATA_MIRROR", str(folder))
    monkeypatch.setenv("LUNARBASE_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def test_corrupt_file_is_reported(private_mirror: Path) -> None:
    name = "lola-psr-south/LOLA_PSR_75S_120M_82S_060M_5KM2_FINAL.dbf"
    with (private_mirror / name).open("r+b") as fh:
        fh.seek(100)
        fh.write(b"XXXX")
    with pytest.raises(DataError) as info:
        fetch(name)
    msg = str(info.value)
    assert "corrupt data file" in msg and name in msg and "\n" not in msg
    assert {r["file"]: r["status"] for r in status()}[name] == "corrupt"


def test_missing_file_without_network(
    private_mirror: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pooch

    def offline(*args: object, **kwargs: object) -> None:
        raise ConnectionError("network is unreachable")

    monkeypatch.setattr(pooch.Pooch, "fetch", offline)
    with pytest.raises(DataError, match=r"LDEM_4\.IMG: not in the mirror .* download failed"):
        fetch("lola-ldem4/LDEM_4.IMG")


def test_loaded_grids_carry_crs_units_and_provenance(mirror: Path) -> None:
    dem = load("ldem_75s_240m")
    assert dem.shape == (1536, 1536)
    assert dem.attrs["units"] == "m"
    assert "+proj=stere" in dem.attrs["crs"] and "+R=1737400" in dem.attrs["crs"]
    assert registry.registry()["lola75s_moondao/original/height_rg.png"] in dem.attrs["sha256"]
    assert dem.attrs["producer"].startswith("NASA")


@pytest.mark.parametrize(
    ("name", "npz"),
    [
        ("ldem_75s_240m", "lola75s_moondao/ldem75s120m_inner_240m.npz"),
        ("ldem_75s_1787m", "lola75s_moondao/ldem75s120m_far_1787m.npz"),
        ("site01_10m", "pgda_site01_moondao/pgda_site01_10m.npz"),
    ],
)
def test_png_decoding_matches_the_staged_reference_grids(mirror: Path, name: str, npz: str) -> None:
    """Our decoder of the original PNGs against the helper-made npz in the mirror (MANIFEST-dem:
    'matches the GeoTIFF to within 2.5e-4 m'); the far grid's NaN rim must coincide too."""
    ref = np.load(mirror / npz)
    elev = ref["lo_m"] + ref["code"] / 65535.0 * (ref["hi_m"] - ref["lo_m"])
    elev[~ref["valid"]] = np.nan
    ours = load(name)
    both = ~np.isnan(elev) & ~np.isnan(ours.values)
    np.testing.assert_allclose(ours.values[both], elev[both], atol=1e-3)  # float32 of ~1e4 m
    # The far grid's rim: the reference cut at rho > 332 km, we cut one pixel inside the
    # feather start (11 deg colatitude = 334.6 km); masks may differ only between the two.
    x = ref["x_m"]
    rho = np.hypot(x[None, :], x[:, None])
    differ = np.isnan(elev) != np.isnan(ours.values)
    assert not differ.any() or ((rho[differ] > 331_000).all() and (rho[differ] < 334_000).all())
    np.testing.assert_allclose(ours.x.values, ref["x_m"])
    np.testing.assert_allclose(ours.y.values, ref["y_m"])


def test_ldem4_values(mirror: Path) -> None:
    """MANIFEST.md verification: min -8878.5 m, max +10504 m over LDEM_4."""
    dem = load("ldem_4")
    assert float(dem.min()) == -8878.5
    assert float(dem.max()) == 10504.0


def test_lpgrs_bins_cover_the_sphere(mirror: Path) -> None:
    grs = load("lpgrs_5deg")
    assert grs.sizes["cell"] == 1790
    np.testing.assert_allclose(float(grs.area_m2.sum()), MOON_SURFACE_AREA_M2, rtol=1e-6)
    assert float(grs.Th_ppm.max()) == pytest.approx(10.85, abs=0.01)
    assert (grs.TiO2_wt_pct_sigma >= 0).all()


def test_psr_catalogue_and_gazetteer(mirror: Path) -> None:
    psr = load("lola_psr_south")
    assert psr.sizes["psr"] == 653
    shackleton = psr.where(psr.psr_id == "SP_896450_1282030", drop=True)
    assert float(shackleton.area_km2[0]) == pytest.approx(233.7, abs=0.1)
    iau = load("iau_nomenclature")
    sh = iau.sel(feature="Shackleton")
    assert (float(sh.lat), float(sh.lon), float(sh.diameter_km)) == (-89.67, 129.78, 20.92)
