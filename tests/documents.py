"""Exchange documents (parsed JSON) edited into the shapes the hostile-input tests need."""
from __future__ import annotations

import copy

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest


def set_dates(raw: dict, date: str) -> dict:
    """Every date target of the plan set to `date` (ISO)."""
    for area in raw["plan"]["areas"]:
        for act in area["activities"]:
            for ind in act["indicators"]:
                if ind["unit"] == "date":
                    ind["targets"] = [date if t is not None else None for t in ind["targets"]]
    return raw


def duplicate_code(raw: dict, **changes) -> str:
    """A second indicator with the first one's code (its fields changed by `changes`); returns the code."""
    indicators = raw["plan"]["areas"][0]["activities"][0]["indicators"]
    indicators.append(copy.deepcopy(indicators[0]) | changes)
    return indicators[0]["code"]


def signed(raw: dict, digest: str | None = None) -> dict:
    """A copy with the first report signed off, sealed with `digest` (default: the right one)."""
    raw = copy.deepcopy(raw)
    period = raw["reports"][0]["period"]
    right = report_digest(exchange.from_dict(copy.deepcopy(raw)), period)
    raw["reports"][0].update(status="signed_off", revision=1, signoff={
        "name": "মুনিরা সুলতানা", "designation": "উপসচিব", "signed_at": "2022-01-10T11:30:00+06:00",
        "digest": digest or right})
    return raw
