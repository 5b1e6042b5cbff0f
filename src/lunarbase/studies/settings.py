"""What if: one scenario re-run at other settings of a few assumptions (the dashboard's
sliders), the heavy stages once.

The terrain, sites and resources stages run once (:meth:`WhatIf.prepare`); each setting then
runs the rest of the same chain (:class:`lunarbase.pipeline.Chain`, those three stages replaced
by their results) on the scenario with the setting applied (:func:`with_settings`): the
operations stage only when the fleet or the plant changed (the last :data:`OPERATIONS_CACHE`
runs are kept), the economics stage every time, each with the scenario's own draws and seeds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from lunarbase.economics import typical_price_usd_per_kg
from lunarbase.scenario import Scenario, with_overrides

if TYPE_CHECKING:
    from lunarbase.operations import OperationsResults
    from lunarbase.pipeline import Chain, Results

OPERATIONS_CACHE = 32
"""Operations runs kept in memory, one per (miners, plant power) setting."""

ECONOMICS_FIELDS = ("launch_cost_usd_per_kg", "he3_price_usd_per_l", "discount_rate")
"""The settings' ``[economics]`` fields: fixed at the slider's value, never drawn."""

OPERATIONS_FIELDS = ("n_miners", "reactor_power_kwe")
"""The settings' ``[operations]`` fields: the fleet and the plant (re-fleeted by
:meth:`lunarbase.scenario.Operations.with_fleet`)."""


@dataclass(frozen=True)
class Settings:
    """A setting of the assumptions a person moves (the dashboard's sliders).

    Attributes
    ----------
    launch_cost_usd_per_kg : float
        Launch price to the lunar surface, one for every lander (the scenario's, or the
        delivered price of the lander it flies most when it prices each lander). [USD/kg]
    he3_price_usd_per_l : float
        Today's He-3 price (gas at STP). [USD/L]
    discount_rate : float
        Real discount rate. [1/yr]
    n_miners : int
        Miners landed. [count]
    reactor_power_kwe : float
        Electric power of the fission plant landed. [kWe]
    """

    launch_cost_usd_per_kg: float
    he3_price_usd_per_l: float
    discount_rate: float
    n_miners: int
    reactor_power_kwe: float

    @classmethod
    def of(cls, scenario: Scenario) -> Settings:
        """The scenario's own values."""
        econ, ops = scenario.economics, scenario.operations
        return cls(
            launch_cost_usd_per_kg=(
                typical_price_usd_per_kg([x.lander for x in ops.landings])
                if econ.launch_cost_usd_per_kg is None
                else econ.launch_cost_usd_per_kg
            ),
            he3_price_usd_per_l=econ.he3_price_usd_per_l,
            discount_rate=econ.discount_rate,
            n_miners=ops.n_miners,
            reactor_power_kwe=ops.reactor_power_kwe,
        )


def with_settings(
    scenario: Scenario, settings: Settings, *, names: Mapping[str, str] | None = None
) -> Scenario:
    """``scenario`` at ``settings``: the :data:`ECONOMICS_FIELDS` set and no longer uncertain,
    the fleet and plant landed as :meth:`~lunarbase.scenario.Operations.with_fleet` says.

    Parameters
    ----------
    names : mapping, optional
        How errors name each ``table.field`` (e.g. the dashboard's slider labels).

    Raises
    ------
    ScenarioError
        A value the scenario schema refuses (e.g. a negative discount rate), in one line.
    """
    uncertain = scenario.economics.model_dump(mode="json")["uncertain"]
    overrides: dict[str, Any] = {
        **{f"economics.{name}": getattr(settings, name) for name in ECONOMICS_FIELDS},
        "economics.uncertain": {
            **uncertain,
            **{
                name: {"dist": "fixed", "source": "the dashboard's slider"}
                for name in ECONOMICS_FIELDS
            },
        },
        **{f"operations.{name}": getattr(settings, name) for name in OPERATIONS_FIELDS},
    }
    return with_overrides(scenario, overrides, names=names)


class WhatIf:
    """One scenario at many settings, the heavy stages run once.

    Parameters
    ----------
    chain : lunarbase.pipeline.Chain
        The scenario's chain (with its progress callback); nothing runs until :meth:`prepare`.
    names : mapping, optional
        How errors name each ``table.field`` (:func:`with_settings`).
    """

    def __init__(self, chain: Chain, *, names: Mapping[str, str] | None = None) -> None:
        self.chain = chain
        self.scenario = chain.scenario
        self.defaults = Settings.of(chain.scenario)
        self.names = dict(names or {})
        self.heavy: Results | None = None
        """The terrain, sites and resources stages' results (:meth:`prepare`)."""
        self._operations = functools.lru_cache(maxsize=OPERATIONS_CACHE)(self._simulate)

    def prepare(self) -> Results:
        """Run the terrain, sites and resources stages (the chain's results up to them)."""
        self.heavy = self.chain.run(until="resources")
        return self.heavy

    def results(self, settings: Settings) -> Results:
        """Every stage's results at ``settings``: the heavy stages' cached results, operations
        from the cache (or run), economics run.

        Raises
        ------
        ScenarioError
            A setting the scenario cannot take.
        """
        ops = self._operations(settings.n_miners, settings.reactor_power_kwe)
        return self._chain(settings, ops).run(until="economics")

    def _simulate(self, n_miners: int, reactor_power_kwe: float) -> OperationsResults:
        """The operations stage's results with this fleet and plant (the other settings the
        scenario's own: operations reads none of them)."""
        fleet = replace(self.defaults, n_miners=n_miners, reactor_power_kwe=reactor_power_kwe)
        ops = self._chain(fleet).run(until="operations").operations
        assert ops is not None
        return ops

    def _chain(self, settings: Settings, operations: OperationsResults | None = None) -> Chain:
        """A chain of the scenario at ``settings`` whose terrain, sites and resources stages
        (and operations, when given) are the cached results."""
        from lunarbase.pipeline import Chain

        heavy = self.heavy
        if heavy is None:
            raise RuntimeError("WhatIf.prepare() first")
        done: dict[str, Any] = {
            "terrain": heavy.terrain,
            "sites": heavy.sites,
            "resources": heavy.resources,
            "operations": operations,
        }
        stages: dict[str, Any] = {
            name: _given(result) for name, result in done.items() if result is not None
        }
        return Chain(with_settings(self.scenario, settings, names=self.names), **stages)


def _given(result: Any) -> Callable[[Chain], Any]:
    """A stage replacement that returns ``result``."""
    return lambda _: result
