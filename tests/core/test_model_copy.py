"""PlanDocument.copy: what copy.deepcopy gave the window's grids (each edits its own document in place), cheaper."""
import copy
from dataclasses import is_dataclass

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.model import Memo, Signatory
from tests.conftest import MODMR, PIB


def _changeable(value, path="doc"):
    """(path, object) of every list, dict and non-frozen dataclass object in `value`, in order."""
    if isinstance(value, (list, dict)):
        yield path, value
        for key, item in (value.items() if isinstance(value, dict) else enumerate(value)):
            yield from _changeable(item, f"{path}[{key!r}]")
    elif is_dataclass(value) and not type(value).__dataclass_params__.frozen:
        yield path, value
        for name, item in vars(value).items():
            yield from _changeable(item, f"{path}.{name}")


@pytest.mark.parametrize("fixture", [MODMR, PIB])
def test_a_copy_equals_its_document_and_shares_nothing_that_can_change(fixture):
    doc = exchange.load(fixture)
    doc.extras["nested"] = {"list": [1, {"deep": []}]}
    for report in doc.reports:
        report.memo = report.memo or Memo(body=["ক"], signatory=Signatory(name="খ"))
    for key, indicator in enumerate(doc.plan.indicators(), 1):
        indicator.key = key  # as the store reads it
    copied = doc.copy()
    assert copied == doc == copy.deepcopy(doc)
    pairs = list(zip(_changeable(copied), _changeable(doc), strict=True))
    assert [a for (a, _x), (b, _y) in pairs if a != b] == []  # the same shape
    assert [path for (path, x), (_path, y) in pairs if x is y] == []  # nothing shared
    # The store's keys (not compared by ==) come along.
    assert [i.key for i in copied.plan.indicators()] == list(range(1, len(doc.plan.indicators()) + 1))
    copied.plan.indicators()[0].targets.append(5)
    assert copied != doc
