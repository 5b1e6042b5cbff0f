"""What one miner asks of its heat source and of the base's bus, and the check that a base can
ever power one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lunarbase.errors import ScenarioError
from lunarbase.operations import heating

if TYPE_CHECKING:
    from lunarbase.scenario import Operations


def miner_heater_power_kw_th(cfg: Operations, fines_mass_fraction: float) -> float:
    """Heater thermal power of one working miner [kW(th)]: its fines flow (excavation rate x
    ``fines_mass_fraction``) from ``regolith_inlet_temperature_k`` to ``heater_temperature_c``
    with ``heat_recuperation_fraction`` recovered, under ``cp_model``
    (:func:`lunarbase.operations.heating.heater_power_kw_th`)."""
    return heating.heater_power_kw_th(
        cfg.excavation_t_per_h * fines_mass_fraction,
        inlet_k=cfg.regolith_inlet_temperature_k,
        set_k=cfg.heater_temperature_c + heating.KELVIN_AT_0C,
        recuperation_fraction=cfg.heat_recuperation_fraction,
        model=cfg.cp_model,
    )


def processing_electric_kw(cfg: Operations, heater_kw_th: float) -> float:
    """Electric power one miner's processing line asks for at its full rate [kW]:
    ``processing_power_kw``, plus its heater's ``heater_kw_th`` when ``heat_source =
    "electric"`` (resistive heating)."""
    return cfg.processing_power_kw + (heater_kw_th if cfg.heat_source == "electric" else 0.0)


def miner_electric_kw(cfg: Operations, heater_kw_th: float) -> float:
    """Electric power one miner excavating and processing at its full rate asks for [kW]:
    ``miner_power_kw`` plus :func:`processing_electric_kw`."""
    return cfg.miner_power_kw + processing_electric_kw(cfg, heater_kw_th)


def check_power(cfg: Operations, miner_kw: float) -> None:
    """A base that has a power source, can ever run one miner, and can heat its fines.

    Raises
    ------
    ScenarioError
        No fission plant and no arrays; installed power below the base load plus one miner's
        draw ``miner_kw`` [kW]; solar concentrators of zero heat (naming the field).
    """
    sources_kw = cfg.reactor_power_kwe + cfg.array_kw
    if sources_kw <= 0.0 and (cfg.n_miners > 0 or cfg.base_load_kw > 0.0):
        raise ScenarioError(
            "operations.reactor_power_kwe: no power source (reactor_power_kwe = 0 and array_kw = 0)"
        )
    if cfg.n_miners > 0 and sources_kw < cfg.base_load_kw + miner_kw:
        heater = " with its electric heater" if cfg.heat_source == "electric" else ""
        raise ScenarioError(
            f"operations.reactor_power_kwe: {cfg.reactor_power_kwe:g} kWe + "
            f"{cfg.array_kw:g} kW of arrays can never power a miner ({cfg.base_load_kw:g} kW "
            f"base load + {miner_kw:,.0f} kW per miner{heater})"
        )
    concentrated = cfg.heat_source == "solar_concentrator" and cfg.n_miners > 0
    if concentrated and not cfg.concentrator_kw_th > 0.0:
        raise ScenarioError(
            "operations.concentrator_kw_th: must be > 0 with heat_source = "
            "'solar_concentrator' (the miners could never heat their fines)"
        )
