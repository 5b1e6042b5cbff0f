"""Model names say what they are: the scenario's model choices are the registries' keys, and
the project's own He-3 fits, renamed from author-year names, still answer to the old names
with a DeprecationWarning."""

from __future__ import annotations

from typing import get_args

import pytest

from lunarbase import scenario
from lunarbase.models import RENAMED
from lunarbase.operations import CP_MODELS
from lunarbase.resources import HE3_MODELS, grades, he3_ppb


@pytest.mark.parametrize(
    ("table", "field", "registry"),
    [(scenario.Resources, "he3_model", HE3_MODELS), (scenario.Operations, "cp_model", CP_MODELS)],
)
def test_scenario_choices_are_the_registry(table: type, field: str, registry: object) -> None:
    assert set(get_args(table.model_fields[field].annotation)) == set(registry)  # type: ignore[call-overload]


def test_renamed_models_point_into_the_registry() -> None:
    assert set(RENAMED.values()) <= set(HE3_MODELS)
    assert not set(RENAMED) & set(HE3_MODELS)


@pytest.mark.parametrize(("old", "new"), sorted(RENAMED.items()))
def test_old_model_names_work_with_a_deprecation_warning(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"'{old}' is deprecated, use '{new}'"):
        cfg = scenario.Resources(he3_model=old)
    assert cfg.he3_model == new
    with pytest.warns(DeprecationWarning, match="resources.he3_model"):
        before = he3_ppb([0.5, 8.1], model=old, fluence=0.6)
    assert before.tolist() == he3_ppb([0.5, 8.1], model=new, fluence=0.6).tolist()
    with pytest.warns(DeprecationWarning, match=f"{old}_he_ppm"):
        function = getattr(grades, f"{old}_he_ppm")
    assert function is getattr(grades, f"{new}_he_ppm")


def test_an_unknown_function_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        grades.cameron1988_he_ppm  # noqa: B018
