"""The whole scenario: one table per pipeline stage, the programme's other missions and the
sources of its values; its canonical JSON and hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from pydantic import BaseModel, Field, model_validator

from lunarbase.scenario.economics_table import Economics
from lunarbase.scenario.operations_table import Operations
from lunarbase.scenario.tables import Meta, Resources, Section, Site, Sites, Terrain


class Mission(Section):
    """A dated flight of the programme that the operations stage does not simulate (a
    precursor, a crewed landing): on the timeline of ``lunarbase compare`` and the report."""

    name: str = Field(..., min_length=1, description="Mission name.")
    date: dt.date = Field(
        ...,
        description="Launch or landing date (UTC; the year when only that "
        "is announced: 1 January).",
    )
    vehicle: str = Field("", description="Launcher and lander.")
    purpose: str = Field("", description="What it does or brings.")
    source: str = Field(..., min_length=1, description="Where the date and plan come from.")


class Scenario(Section):
    """A whole scenario: one table per pipeline stage."""

    scenario: Meta = Meta()
    site: Site = Site()
    terrain: Terrain = Terrain()
    resources: Resources = Resources()
    sites: Sites = Sites()
    operations: Operations = Operations()
    economics: Economics = Economics()
    missions: list[Mission] = Field(
        default_factory=list,
        description="The programme's dated flights besides the simulated landings.",
    )
    sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where this scenario's values come from: 'table.field' -> a citation, or "
        "'assumption: ' and the range the value could take.",
    )

    @model_validator(mode="after")
    def _sources_name_fields(self) -> Scenario:
        for key, text in self.sources.items():
            table, _, field = key.partition(".")
            section = getattr(self, table, None) if table != "sources" else None
            if not isinstance(section, BaseModel) or field not in type(section).model_fields:
                raise ValueError(f"sources: {key!r} is not a scenario field (table.field)")
            if not text.strip():
                raise ValueError(f"sources: {key!r} has an empty source")
        return self

    def canonical_json(self) -> str:
        """Scenario as sorted, compact JSON (the basis of :meth:`sha256`)."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))

    def sha256(self) -> str:
        """Hash of the validated scenario (defaults filled in), for traceable outputs."""
        return hashlib.sha256(self.canonical_json().encode()).hexdigest()

    def with_seed(self, seed: int | None) -> Scenario:
        """The same scenario with another seed (``None`` keeps it)."""
        if seed is None:
            return self
        meta = self.scenario.model_copy(update={"seed": seed})
        return self.model_copy(update={"scenario": Meta.model_validate(meta.model_dump())})
