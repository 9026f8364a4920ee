"""Where a finding points (its `where`): one type for the rules that build the address and all that read it
(the grids find the cell, the problems list names the row, the Bijoy fix finds the field, describe_where
says it in words). Findings carry the Address itself; its string form is for display and JSON output
(`check --json`), and `Address.parse` reads a place written down as text (the history's audit rows).

Real plans may print one indicator code twice (twins, PLANS.md §4.6; an error the rules report). Their places are
told apart as entries tell them apart (Plan.places): by `occurrence`, None for the first indicator of a code, 2, 3,
... for the later ones; so a unique code's place is written as it always was.

The string forms:

    plan.<field>                      plan.title, plan.total_weight, plan.scoring.interpolation, plan.levels[0].label
    office.<field>                    office.name
    area:<code>[/<field>]             area:1 (its weight), area:1/title
    activity:<code>[/<field>]         activity:1.1, activity:1.1/title
    <code>[/<field>[[i]]]             an indicator: 4.1.1, 4.1.1/weight, 4.1.1/targets[0]
    <period>/<code>[/<field>[[i]]]    an entry: Q1/4.1.1/value, Q1/4.1.1/dates[0]
    <code>#<n>..., <period>/<code>#<n>...
                                      the n-th (from 2) of two or more indicators with one code, or its entry:
                                      1.1.1#2/weight, Q1/1.1.1#2/value (the first, or only, one has no #)
    [<period>/]memo[.<field>[[i]]]    Q1/memo, Q1/memo.subject, Q1/memo.body[2], Q1/memo.signatory.name
    [<period>/]signoff
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PLAN, OFFICE, AREA, ACTIVITY, INDICATOR, ENTRY, MEMO, SIGNOFF = (
    "plan", "office", "area", "activity", "indicator", "entry", "memo", "signoff")

_WHERE = re.compile(
    r"(?:(?P<period>Q[1-4]|H1|annual)/)?"
    r"(?:(?P<signoff>signoff)"
    r"|(?P<memo>memo)(?:\.(?P<memo_field>[a-z_.]+?)(?:\[(?P<memo_index>\d+)\])?)?"
    r"|(?P<kind>area|activity):(?P<kcode>[^/]+)(?:/(?P<kfield>\w+))?"
    r"|(?P<scope>plan|office)\.(?P<sfield>[\w.-]+?)(?:\[(?P<sindex>\d+)\](?:\.(?P<spart>\w+))?)?"
    r"|(?P<code>\d+(?:\.\d+)*)(?:#(?P<occurrence>[2-9]|[1-9]\d+))?(?:/(?P<field>\w+)(?:\[(?P<index>\d+)\])?)?)"
)


@dataclass(frozen=True)
class Address:
    """A parsed `where`. `part` is what follows an index ("label" in plan.levels[0].label)."""

    scope: str  # PLAN, OFFICE, AREA, ACTIVITY, INDICATOR, ENTRY, MEMO or SIGNOFF
    code: str | None = None  # the row's code (area, activity, indicator, entry)
    field: str | None = None
    index: int | None = None
    period: str | None = None
    part: str | None = None
    # Of an indicator or entry: which of the indicators with its code (Plan.places), None for the first or only.
    occurrence: int | None = None

    @classmethod
    def parse(cls, where: str) -> "Address | None":
        """None for a shape no rule writes (a new rule's place is then shown as it is, never an error)."""
        m = _WHERE.fullmatch(where or "")
        if m is None:
            return None
        period = m["period"]
        if m["signoff"]:
            return cls(SIGNOFF, period=period)
        if m["memo"]:
            return cls(MEMO, field=m["memo_field"], index=_int(m["memo_index"]), period=period)
        if period is None and m["kind"]:
            return cls(m["kind"], m["kcode"], m["kfield"])
        if period is None and m["scope"]:
            return cls(m["scope"], field=m["sfield"], index=_int(m["sindex"]), part=m["spart"])
        if m["code"]:
            return cls(ENTRY if period else INDICATOR, m["code"], m["field"], _int(m["index"]), period,
                       occurrence=_int(m["occurrence"]))
        return None

    def __str__(self) -> str:
        index = f"[{self.index}]" if self.index is not None else ""
        head = f"{self.period}/" if self.period else ""
        if self.scope == SIGNOFF:
            return f"{head}signoff"
        if self.scope == MEMO:
            return f"{head}memo" + (f".{self.field}{index}" if self.field else "")
        if self.scope in (AREA, ACTIVITY):
            return f"{self.scope}:{self.code}" + (f"/{self.field}" if self.field else "")
        if self.scope in (PLAN, OFFICE):
            return f"{self.scope}.{self.field}{index}" + (f".{self.part}" if self.part else "")
        twin = f"#{self.occurrence}" if self.occurrence is not None else ""
        return f"{head}{self.code}{twin}" + (f"/{self.field}{index}" if self.field else "")

    @property
    def row_code(self) -> str:
        """The code of the row it is about ("2.1.1", "1" of area:1); "" for the plan, office, memo, sign-off."""
        return self.code or ""

    @property
    def place(self) -> tuple[str, int | None]:
        """The indicator it is about (of an indicator or entry), as Plan.places and Entry.place name it."""
        return self.code or "", self.occurrence


def row_code(where: Address | None) -> str:
    """The row code a finding is about (Q1/2.1.1/evidence: "2.1.1"); "" when none, or when it has no place (text
    not saved in a cell no rule points at)."""
    return where.row_code if where is not None else ""


def _int(text: str | None) -> int | None:
    return int(text) if text is not None else None
