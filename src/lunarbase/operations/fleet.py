"""Mining fleet: one SimPy process per miner, alternating work shifts with failures and repairs.

A miner is either up or down (waiting for a repair unit, then under repair; the base's repair
units are a SimPy Resource). Times between failures and repair times are exponential
(constant failure rate) with means ``miner_mtbf_h`` and ``miner_mttr_h``, drawn from the miner's
own ``numpy.random.Generator``. Assumption: failures run on calendar time, whether or not the
miner works (dust, thermal cycling and radiation age an idle miner too), so the steady-state
availability is MTBF / (MTBF + MTTR).

While up, a miner works in shifts of ``shift_h``. At the start of a shift a miner without power
asks the power bus for a slot; without one it idles for the shift (power-limited) and asks
again at the next; with one it keeps the slot until it fails. A powered shift excavates for the
lit part of the shift (``daylight_duty_fraction`` treated as a duty cycle), sieves and heats the
fines onboard, and puts the He-3 in the base store at the end of the shift. A failure ends the
shift early and frees the slot for a spare miner. Shifts never cross a year boundary, so every
shift belongs to exactly one year of the ledger.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import numpy as np
import simpy

from lunarbase.operations import processing
from lunarbase.operations.ledger import TIME_EPS_H, AnnualLedger
from lunarbase.operations.power import PowerBus
from lunarbase.typing import Numeric


@dataclass(frozen=True)
class MinerSpec:
    """Parameters of one miner process (all quantities per miner).

    Attributes
    ----------
    excavation_t_per_h : float
        Regolith excavated per working hour. [t/h]
    mtbf_h, mttr_h : float
        Mean time between failures and mean time to repair. [h]
    fines_mass_fraction : float
        Mass fraction of the excavated regolith below the sieve cut, which is heated. [-]
    he3_fines_ppb : float
        He-3 grade of those fines (enriched over the bulk grade). [ppb]
    he3_release_fraction : float
        Fraction of the He-3 in the fines released and kept. [-]
    daylight_duty_fraction : float
        Fraction of a powered shift the miner can work (light duty cycle). [-]
    shift_h : float
        Length of a work shift, the simulation's time step for a miner. [h]
    """

    excavation_t_per_h: float
    mtbf_h: float
    mttr_h: float
    fines_mass_fraction: float
    he3_fines_ppb: float
    he3_release_fraction: float
    daylight_duty_fraction: float
    shift_h: float


def shift_output(spec: MinerSpec, powered_h: Numeric) -> dict[str, Numeric]:
    """Mass flows of one miner over ``powered_h`` hours holding a power slot.

    Returns ``working_h`` (lit hours), ``regolith_excavated_t``, ``fines_processed_t`` and
    ``he3_extracted_kg``; works element-wise on arrays (e.g. powered hours per year).
    """
    working_h = powered_h * spec.daylight_duty_fraction
    excavated_t = working_h * spec.excavation_t_per_h
    fines_t = processing.fines_processed_t(excavated_t, spec.fines_mass_fraction)
    he3_kg = processing.he3_extracted_kg(fines_t, spec.he3_fines_ppb, spec.he3_release_fraction)
    return {
        "working_h": working_h,
        "regolith_excavated_t": excavated_t,
        "fines_processed_t": fines_t,
        "he3_extracted_kg": he3_kg,
    }


def miner(
    env: simpy.Environment,
    spec: MinerSpec,
    power: PowerBus,
    he3_store: simpy.Container,
    ledger: AnnualLedger,
    rng: np.random.Generator,
    repair: simpy.Resource | None = None,
) -> Generator[simpy.Event, Any, None]:
    """SimPy process of one miner until the ledger's horizon.

    Starts when the miner lands. Records ``present_h`` (hours on the Moon), ``powered_h`` (hours
    holding a power slot) and ``power_limited_h`` (up, no slot) per year and day in ``ledger``;
    the rest of its time on the Moon the miner is down (waiting for a repair unit, then under
    repair). The He-3 of each powered shift goes into ``he3_store``. Mass flows
    follow from ``powered_h`` by :func:`shift_output`.

    Parameters
    ----------
    repair : simpy.Resource, optional
        The base's repair units, each fixing one miner at a time; a failed miner queues for one.
        None: every failed miner is repaired at once.
    """
    horizon_h = ledger.horizon_h
    ledger.add_hours("present_h", env.now, horizon_h)  # on the Moon from now (its landing) on
    he3_kg_per_h = float(shift_output(spec, 1.0)["he3_extracted_kg"])
    while horizon_h - env.now > TIME_EPS_H:
        up_until_h = min(env.now + float(rng.exponential(spec.mtbf_h)), horizon_h)
        slot = False
        while up_until_h - env.now > TIME_EPS_H:
            start_h = env.now
            stretch_end_h = min(up_until_h, ledger.year_end_h(start_h))
            if not slot:
                slot = power.try_acquire()
            if not slot:
                step_h = min(spec.shift_h, stretch_end_h - start_h)
                ledger.add_hours("power_limited_h", start_h, start_h + step_h)
                yield env.timeout(step_h)
                continue
            # Powered: work whole shifts to the failure or the year's end, whichever is first.
            while stretch_end_h - env.now > TIME_EPS_H:
                step_h = min(spec.shift_h, stretch_end_h - env.now)
                yield env.timeout(step_h)
                if he3_kg_per_h > 0.0:
                    he3_store.put(step_h * he3_kg_per_h)
            ledger.add_hours("powered_h", start_h, env.now)
        if slot:
            power.release()
        if horizon_h - env.now <= TIME_EPS_H:
            break
        repair_h = float(rng.exponential(spec.mttr_h))
        if repair is None:
            yield env.timeout(repair_h)
            continue
        with repair.request() as unit:  # queue for a repair unit, hold it for the repair
            yield unit
            yield env.timeout(repair_h)
