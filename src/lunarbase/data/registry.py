"""Data registry: where each file comes from, its sha256, and a single ``fetch`` entry point.

Files are read from a read-only local mirror when ``$LUNARBASE_DATA_MIRROR`` names a folder that
holds them (checked against the registry's sha256), otherwise downloaded with pooch into the user
cache (``$LUNARBASE_CACHE_DIR``, default ``~/.cache/lunarbase``). Derived grids are written to the
cache only, never to the mirror.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pooch

from lunarbase.cache import cache_dir
from lunarbase.errors import DataError

MIRROR_ENV = "LUNARBASE_DATA_MIRROR"


@dataclass(frozen=True)
class Dataset:
    """One catalogued dataset: its files and provenance."""

    name: str
    title: str
    producer: str
    product_id: str
    source: str
    citation: str
    resolution: str
    units: str
    crs: str
    files: tuple[str, ...]
    urls: tuple[str, ...]
    derivation: str
    params: dict[str, Any]

    def provenance(self) -> dict[str, str]:
        """Attributes to attach to loaded data (producer, product, resolution, sha256...)."""
        reg = registry()
        return {
            "dataset": self.name,
            "title": self.title,
            "producer": self.producer,
            "product_id": self.product_id,
            "source": self.source,
            "citation": self.citation,
            "resolution": self.resolution,
            "units": self.units,
            "crs": self.crs,
            "sha256": " ".join(f"{f}={reg[f]}" for f in self.files),
        }


def mirror_dir() -> Path | None:
    """The read-only local mirror named by ``$LUNARBASE_DATA_MIRROR``, if any."""
    value = os.environ.get(MIRROR_ENV)
    return Path(value) if value else None


@cache
def registry() -> dict[str, str]:
    """File name -> sha256, from the packaged ``registry.txt``."""
    text = (resources.files("lunarbase.data") / "registry.txt").read_text()
    out: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, digest = line.split()
            out[name] = digest
    return out


@cache
def catalog() -> dict[str, Dataset]:
    """Dataset name -> :class:`Dataset`, from the packaged ``catalog.toml``."""
    raw = tomllib.loads((resources.files("lunarbase.data") / "catalog.toml").read_text())
    fields = {"title", "producer", "product_id", "source", "citation", "resolution", "units"}
    out = {}
    for name, entry in raw.items():
        params = {
            k: v
            for k, v in entry.items()
            if k not in fields | {"crs", "files", "urls", "derivation"}
        }
        out[name] = Dataset(
            name=name,
            files=tuple(entry["files"]),
            urls=tuple(entry["urls"]),
            crs=entry["crs"],
            derivation=entry["derivation"],
            params=params,
            **{k: entry[k] for k in fields},
        )
    return out


def dataset(name: str) -> Dataset:
    """The catalogue entry ``name`` (one-line error listing the known names)."""
    cat = catalog()
    if name not in cat:
        raise DataError(f"unknown dataset {name!r} (known: {', '.join(sorted(cat))})")
    return cat[name]


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def _checked(path: Path, size: int, mtime_ns: int, expected: str) -> str:
    """sha256 of ``path``, memoised per (size, mtime) so a process hashes each file once."""
    return sha256_of(path)


def _verified(path: Path, fname: str) -> Path:
    expected = registry()[fname]
    stat = path.stat()
    actual = _checked(path, stat.st_size, stat.st_mtime_ns, expected)
    if actual != expected:
        raise DataError(
            f"{path}: corrupt data file {fname} (sha256 {actual[:12]}..., expected "
            f"{expected[:12]}...); restore it or delete it and run `lunarbase data fetch`"
        )
    return path


def _pooch() -> pooch.Pooch:
    urls = {f: u for ds in catalog().values() for f, u in zip(ds.files, ds.urls, strict=True)}
    return pooch.create(
        path=cache_dir(),
        base_url="",
        registry={f: f"sha256:{h}" for f, h in registry().items()},
        urls=urls,
    )


def locate(fname: str) -> Path | None:
    """Where ``fname`` is on disk now (mirror first, then cache), without checking or fetching."""
    mirror = mirror_dir()
    for folder in (mirror, cache_dir()):
        if folder is not None and (folder / fname).is_file():
            return folder / fname
    return None


def fetch(fname: str, *, download: bool = True) -> Path:
    """Local path of registered file ``fname``, verified against its sha256.

    Looks in the mirror, then the cache; downloads into the cache when missing (unless
    ``download`` is false).

    Raises
    ------
    DataError
        The file is not registered, is corrupt, or is missing and cannot be downloaded.
    """
    if fname not in registry():
        raise DataError(f"{fname}: not in the data registry")
    path = locate(fname)
    if path is not None:
        return _verified(path, fname)
    if not download:
        raise DataError(f"{fname}: missing (run `lunarbase data fetch`)")
    try:
        got = _pooch().fetch(fname, progressbar=False)
    except Exception as exc:
        where = mirror_dir()
        hint = (
            f"not in the mirror {where} and"
            if where
            else "no mirror set ($LUNARBASE_DATA_MIRROR) and"
        )
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError(f"{fname}: {hint} download failed ({reason})") from None
    return Path(got)


def dataset_files(name: str) -> list[Path]:
    """Fetched, verified paths of every file of dataset ``name``."""
    return [fetch(f) for f in dataset(name).files]


def checksums() -> dict[str, str]:
    """sha256 of every registered file: what an output was made from."""
    return dict(sorted(registry().items()))


def status() -> list[dict[str, str]]:
    """For every registered file: dataset, where it is, and whether its checksum matches."""
    rows = []
    for ds in catalog().values():
        for fname in ds.files:
            path = locate(fname)
            if path is None:
                state = "missing"
            else:
                try:
                    _verified(path, fname)
                    state = "ok"
                except DataError:
                    state = "corrupt"
            rows.append(
                {"dataset": ds.name, "file": fname, "status": state, "path": str(path or "")}
            )
    return rows
