"""``lunarbase data list | verify | fetch``: the real lunar datasets and their checksums."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from lunarbase.cli.options import JsonOpt, out, print_json, typer_app

data_app = typer_app("The real lunar datasets: list, verify checksums, fetch.")


@data_app.command("list")
def data_list(as_json: JsonOpt = False) -> None:
    """The datasets lunarbase uses, with producer, product and resolution."""
    from lunarbase.data import catalog

    rows: list[dict[str, Any]] = [
        {
            "dataset": d.name,
            "title": d.title,
            "producer": d.producer,
            "product_id": d.product_id,
            "resolution": d.resolution,
            "files": list(d.files),
        }
        for d in catalog().values()
    ]
    if as_json:
        print_json(rows)
        return
    table = Table(title="lunarbase datasets")
    for col in ("dataset", "title", "producer", "resolution"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["dataset"], r["title"], r["producer"], r["resolution"])
    out.print(table)


@data_app.command("verify")
def data_verify(as_json: JsonOpt = False) -> None:
    """Check every data file against its registered sha256."""
    from lunarbase.data import status
    from lunarbase.errors import DataError

    rows = status()
    if as_json:
        print_json(rows)
    else:
        table = Table(title="data files")
        for col in ("dataset", "file", "status"):
            table.add_column(col)
        for r in rows:
            colour = {"ok": "green", "missing": "yellow", "corrupt": "red"}[r["status"]]
            table.add_row(r["dataset"], r["file"], f"[{colour}]{r['status']}[/]")
        out.print(table)
    bad = [r for r in rows if r["status"] != "ok"]
    if bad:
        first = bad[0]
        where = first["path"] or first["file"]
        raise DataError(
            f"{where}: {first['status']} ({len(bad)} file(s) not ok); "
            "restore the mirror or run `lunarbase data fetch`"
        )


@data_app.command("fetch")
def data_fetch(as_json: JsonOpt = False) -> None:
    """Download any missing data file into the user cache (or find it in the mirror)."""
    from lunarbase.data import checksums, fetch

    paths = {name: str(fetch(name)) for name in checksums()}
    if as_json:
        print_json(paths)
        return
    for name, path in paths.items():
        out.print(f"{name}: {path}")
