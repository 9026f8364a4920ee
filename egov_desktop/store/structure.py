"""The plan's structure: target levels, performance areas, activities and indicators (their fields,
targets, adding, removing, moving), with the codes kept in step with the order."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from egov_desktop.core import exchange
from egov_desktop.core import fields as check
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PREVIOUS_YEARS, QUARTER_COUNT, UNITS
from egov_desktop.store.errors import InvalidValue, StoreError
from egov_desktop.store.reading import batches
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import PARENT, Change, UnitOfWork, Work

_LEVELS = ("area", "activity", "indicator")
# The level fields whose column is named otherwise.
_LEVEL_COLUMNS = {"id": "ident"}


class Structure:
    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    # ------------------------------------------------------------ levels

    def set_level(self, plan_key: int, level_index: int, field_name: str, value: Any) -> Change:
        value = check.check_field(check.LEVEL, field_name, value)
        column = _LEVEL_COLUMNS.get(field_name, field_name)

        def body(w: Work) -> None:
            w.check_lock(plan_key, None)
            levels = w.children("level", "plan_id", plan_key)
            if not 0 <= level_index < len(levels):
                raise InvalidValue(Msg(N_("There is no target level {index}."), {"index": level_index + 1}))
            w.set("set_level", "level", levels[level_index], {column: value}, plan_key, field_name)

        return self.uow.run(Msg(N_("Change a target level")), body)

    def add_level(self, plan_key: int, index: int, level_id: str, label: str, percent: float) -> Change:
        """A new target level at `index`; every indicator gets an empty target there."""
        values = {"ident": check.name(level_id, True), "label": check.name(label, True),
                  "percent": check.check_value(percent, "percent")}

        def body(w: Work) -> int:
            w.check_lock(plan_key, None)
            levels = w.children("level", "plan_id", plan_key)
            if len(levels) >= exchange.MAX_LEVELS:
                raise InvalidValue(Msg(N_("a plan has 1 to 5 target levels")))
            at = max(0, min(index, len(levels)))
            key = w.tx.insert("level", values | {"plan_id": plan_key, "position": len(levels)})
            w.reposition("level", levels[:at] + [key] + levels[at:])
            _edit_targets(w, plan_key, lambda targets: targets.insert(at, None))
            w.audit("add_level", "level", key, plan_key, new=values)
            return key

        return self.uow.run(Msg(N_("Add a target level")), body)

    def remove_level(self, plan_key: int, index: int) -> Change:
        def body(w: Work) -> None:
            w.check_lock(plan_key, None)
            levels = w.children("level", "plan_id", plan_key)
            if len(levels) <= 1 or not 0 <= index < len(levels):
                raise InvalidValue(Msg(N_("a plan has 1 to 5 target levels")))
            old = w.tx.row("level", levels[index])
            w.tx.delete("level", levels[index])
            w.reposition("level", levels[:index] + levels[index + 1:])
            _edit_targets(w, plan_key, lambda targets: targets.pop(index))
            w.audit("remove_level", "level", levels[index], plan_key,
                    old={"id": old["ident"], "label": old["label"], "percent": old["percent"]})

        return self.uow.run(Msg(N_("Remove a target level")), body)

    # ------------------------------------------------------------ fields and targets

    def set_area_field(self, area_key: int, field_name: str, value: Any) -> Change:
        return self._set_row_field("area", area_key, check.AREA, field_name, value,
                                   Msg(N_("Change a performance area")))

    def set_activity_field(self, activity_key: int, field_name: str, value: Any) -> Change:
        return self._set_row_field("activity", activity_key, check.ACTIVITY, field_name, value,
                                   Msg(N_("Change an activity")))

    def _set_row_field(self, table: str, key: int, fields: dict[str, check.Check], field_name: str,
                       value: Any, description: Msg) -> Change:
        """One checked field of an area or activity row; refused while the plan is sealed."""
        value = check.check_field(fields, field_name, value)

        def body(w: Work) -> None:
            plan_id = w.plan_of(table, key)
            w.check_lock(plan_id, None)
            w.set(f"set_{table}_field", table, key, {field_name: value}, plan_id, field_name)

        return self.uow.run(description, body)

    def set_indicator_field(self, indicator_key: int, field_name: str, value: Any) -> Change:
        """Edit an indicator. Changing the unit clears the targets and achievements that no longer fit."""
        value = check.check_field(check.INDICATOR, field_name, value)

        def body(w: Work) -> None:
            plan_id = w.plan_of("indicator", indicator_key)
            w.check_lock(plan_id, None)
            row = w.tx.row("indicator", indicator_key)
            w.set("set_indicator_field", "indicator", indicator_key, {field_name: value}, plan_id, field_name,
                  indicator=row)
            if field_name == "unit" and value != row["unit"]:
                w.tx.update("indicator", indicator_key,
                            {"targets": [t if check.fits(t, value) else None for t in row["targets"]]})
                for column in ("quarter_targets", "previous_actuals"):
                    if row[column] is not None:
                        kept = [t if check.fits(t, value) else None for t in row[column]]
                        w.tx.update("indicator", indicator_key, {column: kept if any(kept) else None})
                for entry in w.children("entry", "indicator_id", indicator_key):
                    w.check_lock(plan_id, w.row("report", w.row("entry", entry)["report_id"])["period"])
                    if not check.fits(w.tx.row("entry", entry)["value"], value):
                        w.tx.update("entry", entry, {"value": None})

        return self.uow.run(Msg(N_("Change an indicator")), body)

    def set_target(self, indicator_key: int, level_index: int, value: Any) -> Change:
        """One target: a date for date indicators, a number otherwise (typed, or text as the user typed it)."""

        def body(w: Work) -> None:
            row = w.row("indicator", indicator_key)
            plan_id = w.plan_of("indicator", indicator_key)
            w.check_lock(plan_id, None)
            targets = list(row["targets"])
            if not 0 <= level_index < len(targets):
                raise InvalidValue(Msg(N_("There is no target level {index}."), {"index": level_index + 1}))
            old = targets[level_index]
            targets[level_index] = check.check_value(value, row["unit"])
            if w.tx.update("indicator", indicator_key, {"targets": targets}):
                w.audit("set_target", "indicator", indicator_key, plan_id, field=f"targets[{level_index}]",
                        old=old, new=targets[level_index], indicator=row)

        return self.uow.run(Msg(N_("Change a target")), body)

    def set_quarter_target(self, indicator_key: int, quarter: int, value: Any) -> Change:
        """The target of one quarter (0 = Q1 … 3 = Q4), typed as the indicator's targets. An indicator
        gets its four quarter targets on the first one written; with all four cleared it has none."""
        if not (isinstance(quarter, int) and 0 <= quarter < QUARTER_COUNT):
            raise InvalidValue(Msg(N_("There is no quarter {index}."), {"index": quarter}))
        return self._set_list_item(indicator_key, "quarter_targets", quarter, QUARTER_COUNT, value,
                                   Msg(N_("Change a quarter target")))

    def set_previous_actual(self, indicator_key: int, index: int, value: Any) -> Change:
        """The actual achievement of one of the two fiscal years before the plan's (0 = the older)."""
        if not (isinstance(index, int) and 0 <= index < PREVIOUS_YEARS):
            raise InvalidValue(Msg(N_("There is no previous year {index}."), {"index": index}))
        return self._set_list_item(indicator_key, "previous_actuals", index, PREVIOUS_YEARS, value,
                                   Msg(N_("Change a previous year's actual achievement")))

    def _set_list_item(self, indicator_key: int, column: str, index: int, length: int, value: Any,
                       description: Msg) -> Change:
        def body(w: Work) -> None:
            row = w.row("indicator", indicator_key)
            plan_id = w.plan_of("indicator", indicator_key)
            w.check_lock(plan_id, None)
            items = list(row[column] or [None] * length)
            items[index] = check.check_value(value, row["unit"])
            new = items if any(v is not None for v in items) else None
            w.set(f"set_{column}", "indicator", indicator_key, {column: new}, plan_id, f"{column}[{index}]",
                  indicator=row)

        return self.uow.run(description, body)

    def set_target_dates(self, indicator_key: int, dates: list | None) -> Change:
        """An indicator's several dated targets (NIS 1.6), each a date or typed text, in date order;
        None or an empty list: none."""
        values = [check.check_value(d, "date") for d in dates or ()]
        if any(v is None for v in values):
            raise InvalidValue(Msg(N_("A date is expected here.")))
        if any(b <= a for a, b in zip(values, values[1:])):
            raise InvalidValue(Msg(N_("The target dates must be in order, each after the one before.")))

        def body(w: Work) -> None:
            row = w.row("indicator", indicator_key)
            plan_id = w.plan_of("indicator", indicator_key)
            w.check_lock(plan_id, None)
            w.set("set_target_dates", "indicator", indicator_key, {"target_dates": values or None}, plan_id,
                  "target_dates", indicator=row)

        return self.uow.run(Msg(N_("Change the target dates")), body)

    # ------------------------------------------------------------ adding, removing, moving

    def add_area(self, plan_key: int, index: int | None = None, title: str | None = None,
                 weight: float | None = None) -> Change:
        values = {"title": check.title(title), "weight": check.number(weight, optional=True)}

        def body(w: Work) -> int:
            w.plan_row(plan_key)
            w.check_lock(plan_key, None)
            key = _add(w, "area", plan_key, index, values)
            w.audit("add_area", "area", key, plan_key, new=values)
            return key

        return self.uow.run(Msg(N_("Add a performance area")), body)

    def add_activity(self, area_key: int, index: int | None = None, title: str = "") -> Change:
        values = {"title": check.title(title, True)}

        def body(w: Work) -> int:
            plan_id = w.plan_of("area", area_key)
            w.check_lock(plan_id, None)
            key = _add(w, "activity", area_key, index, values)
            w.audit("add_activity", "activity", key, plan_id, new=values)
            return key

        return self.uow.run(Msg(N_("Add an activity")), body)

    def add_indicator(self, activity_key: int, index: int | None = None, title: str = "", unit: str = "count",
                      weight: float = 0) -> Change:
        values = {"title": check.title(title, True), "unit": check.choice(unit, UNITS), "weight": check.number(weight)}

        def body(w: Work) -> int:
            plan_id = w.plan_of("activity", activity_key)
            w.check_lock(plan_id, None)
            n_levels = len(w.children("level", "plan_id", plan_id))
            key = _add(w, "indicator", activity_key, index, values | {"targets": [None] * n_levels})
            w.audit("add_indicator", "indicator", key, plan_id, new=values, indicator=w.tx.row("indicator", key))
            return key

        return self.uow.run(Msg(N_("Add an indicator")), body)

    def remove_area(self, area_key: int) -> Change:
        return self._remove("area", area_key, Msg(N_("Remove a performance area")))

    def remove_activity(self, activity_key: int) -> Change:
        return self._remove("activity", activity_key, Msg(N_("Remove an activity")))

    def remove_indicator(self, indicator_key: int) -> Change:
        """Removes the indicator with its achievements in every report; undo brings them all back."""
        return self._remove("indicator", indicator_key, Msg(N_("Remove an indicator")))

    def move_area(self, area_key: int, index: int) -> Change:
        return self._move("area", area_key, index, None, Msg(N_("Move a performance area")))

    def move_activity(self, activity_key: int, index: int, area_key: int | None = None) -> Change:
        """Move within its area, or into `area_key` (same plan) at `index`."""
        return self._move("activity", activity_key, index, area_key, Msg(N_("Move an activity")))

    def move_indicator(self, indicator_key: int, index: int, activity_key: int | None = None) -> Change:
        """Move within its activity, or into `activity_key` (same plan) at `index`."""
        return self._move("indicator", indicator_key, index, activity_key, Msg(N_("Move an indicator")))

    def _remove(self, table: str, key: int, description: Msg) -> Change:
        def body(w: Work) -> None:
            row = w.row(table, key)
            plan_id = w.plan_of(table, key)
            w.check_lock(plan_id, None)
            col = PARENT[table][1]
            siblings = [s for s in w.children(table, col, row[col]) if s != key]
            w.delete_tree(table, [key])
            w.reposition(table, siblings)
            _renumber(w, table, [row[col]])
            w.audit(f"remove_{table}", table, key, plan_id, old={"code": row["code"], "title": row["title"]},
                    indicator=row if table == "indicator" else None)

        return self.uow.run(description, body)

    def _move(self, table: str, key: int, index: int, new_parent: int | None, description: Msg) -> Change:
        def body(w: Work) -> None:
            row = w.row(table, key)
            plan_id = w.plan_of(table, key)
            w.check_lock(plan_id, None)
            up, col = PARENT[table]
            parent = row[col] if new_parent is None else new_parent
            if table != "area" and w.plan_of(up, parent) != plan_id:
                raise StoreError(Msg(N_("Rows can only be moved within the same plan.")))
            if parent != row[col]:
                old_siblings = [s for s in w.children(table, col, row[col]) if s != key]
                w.reposition(table, old_siblings)
                w.tx.update(table, key, {col: parent})
            siblings = [s for s in w.children(table, col, parent) if s != key]
            at = max(0, min(index, len(siblings)))
            w.reposition(table, siblings[:at] + [key] + siblings[at:])
            _renumber(w, table, list(dict.fromkeys((row[col], parent))))
            w.audit(f"move_{table}", table, key, plan_id, field="position",
                    old={"code": row["code"]}, new={"code": w.tx.row(table, key)["code"]},
                    indicator=row if table == "indicator" else None)

        return self.uow.run(description, body)


def _add(w: Work, table: str, parent: int, index: int | None, values: dict) -> int:
    parent_col = PARENT[table][1]
    siblings = w.children(table, parent_col, parent)
    at = len(siblings) if index is None else max(0, min(index, len(siblings)))
    key = w.tx.insert(table, values | {parent_col: parent, "position": len(siblings), "code": ""})
    w.reposition(table, siblings[:at] + [key] + siblings[at:])
    _renumber(w, table, [parent])
    return key


def _renumber(w: Work, table: str, parents: list[int]) -> None:
    """Codes follow the order: area "2", activity "2.1", indicator "2.1.3". Renumbers the `table` rows under
    `parents` (for areas: the plan) and all below them, as an add, remove or move there changes only those:
    a statement a level to read and one to write the codes that change, however big the plan."""
    levels = _LEVELS[_LEVELS.index(table):]
    if table == "area":
        codes = {p: "" for p in parents}
    else:
        codes = {key: row["code"] for key, row in w.tx.rows(PARENT[table][0], parents).items()}
    for level in levels:
        t = TABLES[level]
        col = t.c[PARENT[level][1]]
        q = select(t.c.id, col, t.c.code).order_by(col, t.c.position)
        rows = {r[0]: r for part in batches(codes) for r in w.tx.conn.execute(q.where(col.in_(part))).all()}
        counts: dict[int, int] = {}
        new_codes: dict[int, str] = {}
        for key, parent, _ in rows.values():
            counts[parent] = n = counts.get(parent, 0) + 1
            new_codes[key] = str(n) if level == "area" else f"{codes[parent]}.{n}"
        w.tx.update_many(level, {k: {"code": c} for k, c in new_codes.items() if c != rows[k][2]},
                         before={k: {"code": r[2]} for k, r in rows.items()})
        codes = new_codes


def _edit_targets(w: Work, plan_id: int, edit) -> None:
    """Apply `edit` to every indicator's list of targets (a level added or removed)."""
    rows = w.plan_rows(plan_id, "indicator", "targets")
    new = {}
    for key, row in rows.items():
        targets = list(row["targets"])
        edit(targets)
        new[key] = {"targets": targets}
    w.tx.update_many("indicator", new, before=rows)
