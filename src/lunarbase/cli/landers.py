"""``lunarbase landers``: the landers a scenario may fly, with their payload to the surface and
delivered price (:mod:`lunarbase.economics.delivery`)."""

from __future__ import annotations

from lunarbase.cli.options import JsonOpt, format_value, print_json, print_quantities


def landers(as_json: JsonOpt = False) -> None:
    """Landers: payload to the lunar surface [kg], delivered price per kg [USD/kg] and per
    flight, the quote's year, the launcher and its flights a year, launch energy per kg where
    known, and the sources."""
    from lunarbase.economics import lander_catalogue

    rows = lander_catalogue()
    if as_json:
        print_json({"landers": rows})
        return
    print_quantities(
        "landers (delivered prices, real USD of the quote's year)",
        [
            (
                str(r["lander"]),
                f"{format_value(r['payload_kg'], '{:,.0f}')} kg, "
                f"${format_value(r['price_usd_per_kg'], '{:,.0f}')}/kg "
                f"({r['price_year']}), {r['launcher']}, "
                f"<= {r['max_flights_per_year']} flights/yr",
            )
            for r in rows
        ],
    )
