"""The report's table: which columns a kind of plan shows, and how wide each is drawn.

A layout is a list of `Column`s: a header, what a row puts in the cell, and whether the cells merge down
over an area or an activity. The e-Governance layout (`egov_columns`) is the default; another kind of
plan (NIS, GRS, citizen's charter, RTI) adds its own function to LAYOUTS and reuses everything else.

Widths follow the content, measured with the embedded fonts' advance widths (fonts.text_width): each
column is at least as wide as its longest word, so no word is broken inside; the room left goes to the
columns with the most text (activity, indicator, achievement). Where the table will cross a page is
estimated the same way, so that an area going on to the next page is named again there (a merged cell
would leave it blank).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_, gettext_for
from egov_desktop.core.model import Activity, Area, Entry, Indicator, Plan, Report
from egov_desktop.export import ooxml
from egov_desktop.export.fonts import line_height, text_width
from egov_desktop.export.ooxml import Cell

SHADE = "E7E6E6"
CENTRE, HEAD = "EgovCellCenter", "EgovCellHead"
# What a cell's text may not use of its width: the cell margins (ooxml.CELL_MARGIN each side), the rules,
# and a few percent for the estimate and for Nikosh drawing a little wider than the Noto it is measured with.
_PAD, _SAFETY = 2 * ooxml.CELL_MARGIN + 20, 1.08
# No column takes more than this share of the table for its longest word (a pasted web address breaks).
_MAX_WORD_SHARE = 0.3
# A column's text beyond this share of the table earns it no more room than any other long text.
_MAX_LINE_SHARE = 0.3


@dataclass
class Row:
    """One indicator's row, with what every column may show."""

    serial: int
    area: Area
    activity: Activity
    indicator: Indicator
    entry: Entry | None
    score: object | None  # scoring.IndicatorScore when the score is shown


@dataclass
class Column:
    header: str
    cell: Callable[[Row], Cell]
    # Cells merge down over the rows with the same key (the area, the activity), split where a page begins.
    merge: Callable[[Row], object] | None = None
    # A header over several neighbouring columns (the target levels under "লক্ষ্যমাত্রা ২০২১-২২").
    group: str | None = None
    # The level header's second line (its percentage).
    header_note: str = ""
    # What a spreadsheet keeps in the cell instead of the text: a number or a date (None: the text).
    value: Callable[[Row], object] | None = None
    # Text that the Word cell shows under the value (an achievement's narrative) and a spreadsheet puts in
    # a column of its own, headed `detail_header`, so that the values stay numbers Excel can add.
    detail: Callable[[Row], str | None] | None = None
    detail_header: str = ""
    # What the column shows on an indicator's second row (NIS: the অর্জন row under the লক্ষ্যমাত্রা row). A
    # layout with such a column prints two rows an indicator; its other columns merge over both.
    second: Callable[[Row], Cell] | None = None
    # The score column (অর্জিত মান): the total row puts the plan's score under it, the percent before it.
    totals: bool = False


@dataclass
class Context:
    plan: Plan
    report: Report
    lang: str
    score: object | None  # scoring.ReportScore
    period_name: str
    fiscal_year: str
    entries: dict = field(default_factory=dict)
    # All the plan's reports: a quarterly layout shows each quarter's own figure beside the year to date.
    reports: list = field(default_factory=list)
    # What a layout may add (the NIS monitoring form): a row naming each area across the table, and a row
    # of the column numbers (১ ২ ৩ …) under the headers.
    section: Callable[[Area], str] | None = None
    numbered: bool = False

    def t(self, msgid: str, **params) -> str:
        text = gettext_for(self.lang, msgid)
        return text.format(**params) if params else text

    def num(self, n: int) -> str:
        return localize_digits(str(n), self.lang)


def _code(code: str, lang: str) -> str:
    return f"[{localize_digits(code, lang)}]"


_UNIT_LABELS = {"date": N_("Date"), "count": N_("Count"), "number": N_("Number"),
                "count_and_date": N_("Count and date")}


def unit_label(unit: str, lang: str) -> str:
    return "%" if unit == "percent" else gettext_for(lang, _UNIT_LABELS[unit])


class PercentValue(float):
    """A percent (56.98 for 56.98%): a spreadsheet keeps it as a fraction shown with its % format."""


def typed(value, unit: str):
    """A target's or an achievement's value for a spreadsheet: a percent marked as one."""
    return PercentValue(value) if unit == "percent" and isinstance(value, (int, float)) else value


def _lead_columns(ctx: Context) -> list[Column]:
    """No., area and its weight (unless the plan is flat), activity, indicator, unit, indicator weight."""
    from egov_desktop.core.values import format_number

    lang, plan = ctx.lang, ctx.plan
    cols = []
    if plan.is_flat:
        cols.append(Column(ctx.t(N_("No.")), lambda r: Cell(ctx.num(r.serial), CENTRE)))
    else:
        def area_key(r: Row) -> int:
            return id(r.area)

        cols += [
            Column(ctx.t(N_("No.")), lambda r: Cell(ctx.num(r.serial), CENTRE), merge=area_key),
            Column(ctx.t(N_("Performance area")),
                   lambda r: Cell(f"{_code(r.area.code, lang)} {r.area.title or ''}".rstrip()), merge=area_key),
            Column(ctx.t(N_("Weight")), lambda r: Cell(
                format_number(r.area.weight, lang) if r.area.weight is not None else "", CENTRE), merge=area_key,
                value=lambda r: r.area.weight),
        ]
    cols += [
        Column(ctx.t(N_("Activity")), lambda r: Cell(f"{_code(r.activity.code, lang)} {r.activity.title}"),
               merge=lambda r: id(r.activity)),
        Column(ctx.t(N_("Performance indicator")), lambda r: Cell(
            [f"{_code(r.indicator.code, lang)} {r.indicator.title}", *_alternative_lines(r.indicator, ctx)])),
        Column(ctx.t(N_("Unit")), lambda r: Cell(
            [unit_label(u, lang) for u in (r.indicator.unit, *(a.unit for a in _alternatives(r.indicator)))],
            CENTRE)),
        Column(ctx.t(N_("Indicator weight")), lambda r: Cell(format_number(r.indicator.weight, lang), CENTRE),
               value=lambda r: r.indicator.weight),
    ]
    return cols


def _alternatives(ind: Indicator) -> list:
    """The indicator's alternative (GRS with no complaint) as a list of one, or none: printed on a line of its
    own under the indicator's, in each column that describes it."""
    return [ind.alternative] if ind.alternative is not None else []


def _alternative_lines(ind: Indicator, ctx: Context) -> list[str]:
    """Under an indicator with an alternative (GRS, PLANS.md §3.4), the alternative and when it applies."""
    alt = ind.alternative
    if alt is None:
        return []
    label = ctx.t(N_("Alternative:"))
    text = f"{label} {_code(alt.code, ctx.lang)} {alt.title}"
    return [f"{text} ({alt.condition})" if alt.condition else text]


def _level_columns(ctx: Context) -> list[Column]:
    """A column per target level under "লক্ষ্যমাত্রা <year>", each level's percent under its name."""
    from egov_desktop.core.values import format_percent, format_value

    lang, plan, cols = ctx.lang, ctx.plan, []
    target = ctx.t(N_("Target {fiscal_year}"), fiscal_year=ctx.fiscal_year)
    for i, level in enumerate(plan.levels):
        def level_cell(r: Row, i=i) -> Cell:
            ind = r.indicator
            pairs = [(ind.targets, ind.unit), *((a.targets, a.unit) for a in _alternatives(ind))]
            return Cell([(format_value(t[i], unit, lang) if i < len(t) else None) or "-" for t, unit in pairs],
                        CENTRE)

        def level_value(r: Row, i=i):
            targets = r.indicator.targets
            return typed(targets[i] if i < len(targets) else None, r.indicator.unit)

        cols.append(Column(level.label, level_cell, group=target,
                           header_note=format_percent(level.percent, lang), value=level_value))
    return cols


def _score_columns(ctx: Context) -> list[Column]:
    """Percent achieved and score (অর্জিত মান), when the score is shown: always the last two columns."""
    from egov_desktop.core.values import format_number, format_percent

    if not ctx.score:
        return []
    lang, not_applicable = ctx.lang, ctx.t(N_("Not applicable"))
    return [
        Column(ctx.t(N_("Percent achieved")), lambda r: Cell(
            not_applicable if r.score.not_applicable else format_percent(r.score.percent, lang), CENTRE),
            value=lambda r: not_applicable if r.score.not_applicable else PercentValue(r.score.percent)),
        Column(ctx.t(N_("Score")), lambda r: Cell(
            not_applicable if r.score.not_applicable else format_number(r.score.score, lang), CENTRE),
            value=lambda r: not_applicable if r.score.not_applicable else r.score.score, totals=True),
    ]


def egov_columns(ctx: Context) -> list[Column]:
    """The e-Governance and Innovation action plan's report, as the seed reports lay it out."""
    from egov_desktop.core.values import format_value

    lang = ctx.lang
    not_applicable = ctx.t(N_("Not applicable"))
    cols = _lead_columns(ctx) + _level_columns(ctx)

    def achieved(r: Row) -> Cell:
        e, lines = r.entry, []
        if e and e.not_applicable:
            lines.append(not_applicable)
        elif e and e.value is not None:
            lines.append(format_value(e.value, r.indicator.unit, lang))
        if e and e.narrative:
            lines.append(e.narrative)
        return Cell(lines)

    def achieved_value(r: Row):
        e = r.entry
        return not_applicable if e and e.not_applicable else typed(e.value, r.indicator.unit) if e else None

    cols += [
        Column(ctx.t(N_("{period} achievement"), period=ctx.period_name), achieved, value=achieved_value,
               detail=lambda r: r.entry.narrative if r.entry else None, detail_header=ctx.t(N_("Progress"))),
        _evidence_column(ctx),
    ]
    return cols + _score_columns(ctx)


def _evidence_column(ctx: Context) -> Column:
    """প্রমাণক / মন্তব্য: the evidence as typed, the names of the attached files, the remarks."""

    def cell(r: Row) -> Cell:
        if r.entry is None:
            return Cell([])
        return Cell([*_evidence_lines(r.entry), *([r.entry.remarks] if r.entry.remarks else [])])

    return Column(ctx.t(N_("Evidence / remarks")), cell)


def _evidence_lines(entry: Entry) -> list[str]:
    """An entry's evidence as printed: as typed, then the names of the attached files."""
    from egov_desktop.core.evidence import attached

    names = ", ".join(f["name"] for f in attached(entry))
    return [t for t in (entry.evidence, names) if t]


def _figure(ind: Indicator, entry: Entry | None, lang: str) -> str:
    """An entry's figure as printed: its value, or for several target dates the dates met so far."""
    from egov_desktop.core.values import format_value

    if entry is None:
        return ""
    if entry.not_applicable:
        return gettext_for(lang, N_("Not applicable"))
    parts = [format_value(entry.value, ind.reported(entry).value_unit, lang)] if entry.value is not None else []
    parts += [format_value(d, "date", lang) for d in entry.dates or () if d is not None]
    if ind.reported(entry) is not ind:  # the alternative's achievement: said so, by its code
        return f"{_code(ind.alternative.code, lang)} {', '.join(parts)}".rstrip()
    return ", ".join(parts)


def _target_text(ind: Indicator, lang: str) -> str:
    """The annual target as printed: its value(s) and its dates, "-" when none is given."""
    from egov_desktop.core.values import format_value

    texts = [format_value(t, ind.value_unit, lang) for t in ind.targets if t is not None]
    texts += [format_value(d, "date", lang) for d in ind.target_dates or ()]
    return "; ".join(texts) or "-"


def _dates_in_quarter(ind: Indicator, i: int, fiscal_year: str) -> list[int]:
    """The indexes of the indicator's target dates that stand under quarter `i` (periods.report_quarter of the
    date due): NIS 1.7's 31 October and 31 December both under the second quarter, 1.5's 30 June under the
    fourth, not by their order."""
    from egov_desktop.core.model import due_date
    from egov_desktop.core.periods import QUARTERS, report_quarter

    return [n for n, target in enumerate(ind.target_dates or ())
            if (day := due_date(target)) is not None and report_quarter(day, fiscal_year) == QUARTERS[i]]


def _quarter_figures(ctx: Context) -> Callable[[Row, int], str]:
    """Each quarter's own figure of a row, from that quarter's report, up to the report's period; an
    indicator with several dated targets shows, under the quarter each target stands in, the date it was met
    (the report's dates are year-to-date)."""
    from egov_desktop.core.periods import QUARTERS
    from egov_desktop.core.values import format_value

    lang = ctx.lang
    reports = {r.period: r for r in ctx.reports}
    reports[ctx.report.period] = ctx.report
    shown = QUARTERS[:{"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4, "H1": 2}.get(ctx.report.period, 4)]

    def figure(r: Row, i: int) -> str:
        ind, quarter = r.indicator, QUARTERS[i]
        report = reports.get(quarter) if quarter in shown else None
        entry = next((e for e in report.entries if e.indicator == ind.code), None) if report else None
        if ind.is_multi_date:
            if quarter not in shown or r.entry is None or r.entry.not_applicable:
                return _figure(ind, entry, lang) if entry is not None and entry.not_applicable else ""
            parts = [format_value(entry.period_value, ind.value_unit, lang)] \
                if entry is not None and entry.period_value is not None else []
            met = r.entry.dates or ()
            parts += [format_value(met[n], "date", lang) for n in _dates_in_quarter(ind, i, ctx.plan.fiscal_year)
                      if n < len(met) and met[n] is not None]
            return ", ".join(parts)
        if entry is not None and entry.period_value is not None:
            return format_value(entry.period_value, ind.value_unit, lang)
        return _figure(ind, entry, lang)

    return figure


def _quarter_target(ind: Indicator, i: int, lang: str, fiscal_year: str) -> str:
    """A quarter's target: its share of the annual target, and the dates due in that quarter."""
    from egov_desktop.core.values import format_value

    texts = []
    if ind.quarter_targets and i < len(ind.quarter_targets) and ind.quarter_targets[i] is not None:
        texts.append(format_value(ind.quarter_targets[i], ind.value_unit, lang))
    if ind.is_multi_date:
        texts += [format_value(ind.target_dates[n], "date", lang) for n in _dates_in_quarter(ind, i, fiscal_year)]
    return ", ".join(texts)


def nis_columns(ctx: Context) -> list[Column]:
    """The Cabinet Division's NIS monitoring form (PLANS.md §2.1): 14 numbered columns, a row per area
    ("১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮"), and each indicator as two rows, লক্ষ্যমাত্রা (the quarter targets)
    over অর্জন (each quarter's own achievement, মোট অর্জন, অর্জিত মান, মন্তব্য), columns ১–৬ merged over both."""
    from egov_desktop.core.values import format_number

    lang = ctx.lang
    not_applicable = ctx.t(N_("Not applicable"))
    figure = _quarter_figures(ctx)

    def section(area: Area) -> str:
        text = f"{localize_digits(area.code, lang)}. {area.title or ''}".rstrip()
        return f"{text} : {format_number(area.weight, lang)}" if area.weight is not None else text

    ctx.section, ctx.numbered = section, True

    def both(r: Row) -> int:  # columns ১–৬ name the indicator once over its two rows
        return id(r.indicator)

    def blank(r: Row) -> Cell:
        return Cell("", CENTRE)

    def score(r: Row) -> Cell:
        if r.score is None:
            return Cell("", CENTRE)
        return Cell(not_applicable if r.score.not_applicable else format_number(r.score.score, lang), CENTRE)

    def remarks(r: Row) -> Cell:
        # The form has no প্রমাণক column: the evidence goes in মন্তব্য under its label, so that a reader of the
        # table (tables.recognise, a file without its data) tells it from the office's remarks.
        if r.entry is None:
            return Cell([])
        label = ctx.t(N_("Evidence"))
        lines = [f"{label}: {t}" for t in _evidence_lines(r.entry)]
        return Cell(lines + ([r.entry.remarks] if r.entry.remarks else []))

    cols = [
        Column(ctx.t(N_("Name of the activity")),
               lambda r: Cell(f"{localize_digits(r.activity.code, lang)} {r.activity.title}"), merge=both),
        Column(ctx.t(N_("Performance indicator")), lambda r: Cell(r.indicator.title), merge=both),
        Column(ctx.t(N_("Value of the indicator")),
               lambda r: Cell(format_number(r.indicator.weight, lang), CENTRE), merge=both),
        Column(ctx.t(N_("Unit")), lambda r: Cell(unit_label(r.indicator.unit, lang), CENTRE), merge=both),
        Column(ctx.t(N_("Person/post responsible for implementation")),
               lambda r: Cell(r.indicator.responsible or ""), merge=both),
        Column(ctx.t(N_("Target for the fiscal year {fiscal_year}"), fiscal_year=ctx.fiscal_year),
               lambda r: Cell(_target_text(r.indicator, lang), CENTRE), merge=both),
        Column(ctx.t(N_("Target/ achievement")), lambda r: Cell(ctx.t(N_("Target")), CENTRE),
               second=lambda r: Cell(ctx.t(N_("Achievement")), CENTRE)),
    ]
    group = ctx.t(N_("Implementation progress monitoring, {fiscal_year}"), fiscal_year=ctx.fiscal_year)
    for i, name in enumerate((N_("Quarter 1"), N_("Quarter 2"), N_("Quarter 3"), N_("Quarter 4"))):
        cols.append(Column(ctx.t(name), lambda r, i=i: Cell(_quarter_target(r.indicator, i, lang, ctx.plan.fiscal_year), CENTRE),
                           group=group, second=lambda r, i=i: Cell(figure(r, i), CENTRE)))
    cols += [
        Column(ctx.t(N_("Total achievement")), blank,
               second=lambda r: Cell(_figure(r.indicator, r.entry, lang), CENTRE)),
        Column(ctx.t(N_("Score")), blank, second=score, totals=True),
        Column(ctx.t(N_("Remarks")), blank, second=remarks),
    ]
    return cols


def quarterly_columns(ctx: Context) -> list[Column]:
    """The NIS, GRS, citizen's charter and RTI reports (PLANS.md §2.1, §3.1, §4.1, §5.1): the target (the
    levels, or the single one with its dates), then a column per quarter, মোট অর্জন (the year to date) and
    অর্জিত মান. A quarter's cell holds that quarter's own figure (from its report); an NIS-shaped plan's
    shows the quarter's target over it, as the monitoring form's লক্ষ্যমাত্রা/অর্জন rows do."""
    from egov_desktop.core.periods import QUARTERS, FiscalYear, period_name
    from egov_desktop.core.values import format_value

    lang, plan = ctx.lang, ctx.plan
    cols = _lead_columns(ctx)
    if any(i.previous_actuals for i in plan.indicators()):
        # RTI prints the two previous years' actual achievement before the targets (PLANS.md §5.1).
        year = FiscalYear.parse(plan.fiscal_year)
        for i, before in enumerate((year.previous().previous(), year.previous())):
            def actual(r: Row, i=i) -> Cell:
                values = r.indicator.previous_actuals or [None, None]
                return Cell(format_value(values[i], r.indicator.value_unit, lang) or "-", CENTRE)

            cols.append(Column(ctx.t(N_("Actual achievement {fiscal_year}"), fiscal_year=before.label(lang)), actual))
    if len(plan.levels) > 1:
        cols += _level_columns(ctx)
    else:
        cols.append(Column(ctx.t(N_("Target {fiscal_year}"), fiscal_year=ctx.fiscal_year),
                           lambda r: Cell([_target_text(r.indicator, lang), *(
                               format_value(a.targets[0], a.unit, lang) or "-"
                               for a in _alternatives(r.indicator) if a.targets)], CENTRE),
                           value=lambda r: typed(r.indicator.targets[0] if r.indicator.targets else None,
                                                 r.indicator.value_unit)))
    reports = {r.period: r for r in ctx.reports}
    reports[ctx.report.period] = ctx.report
    shown = QUARTERS[:{"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4, "H1": 2}.get(ctx.report.period, 4)]
    target_word, achieved_word = ctx.t(N_("Target")), ctx.t(N_("Achievement"))
    for i, quarter in enumerate(QUARTERS):
        def quarter_cell(r: Row, i=i, quarter=quarter) -> Cell:
            ind, lines = r.indicator, []
            if ind.quarter_targets and ind.quarter_targets[i] is not None:
                lines.append(f"{target_word}: {format_value(ind.quarter_targets[i], ind.value_unit, lang)}")
            report = reports.get(quarter) if quarter in shown else None
            entry = next((e for e in report.entries if e.indicator == ind.code), None) if report else None
            if entry is not None and entry.period_value is not None:
                figure = format_value(entry.period_value, ind.value_unit, lang)
            else:
                figure = _figure(ind, entry, lang)
            if figure:
                lines.append(f"{achieved_word}: {figure}" if lines else figure)
            return Cell(lines, CENTRE)

        cols.append(Column(period_name(quarter, lang), quarter_cell, group=ctx.t(N_("Progress"))))
    cols += [
        Column(ctx.t(N_("Total achievement")), lambda r: Cell(_figure(r.indicator, r.entry, lang), CENTRE),
               value=lambda r: typed(r.entry.value, r.indicator.value_unit) if r.entry else None),
        _evidence_column(ctx),
    ]
    return cols + _score_columns(ctx)


# The layout of each kind of plan; kinds not named here use the e-Governance one.
LAYOUTS: dict[str, Callable[[Context], list[Column]]] = {
    "egov_innovation": egov_columns,
    "nis": nis_columns,
    "grs": quarterly_columns,
    "citizen_charter": quarterly_columns,
    "rti": quarterly_columns,
}
# A spreadsheet keeps one row an indicator, its figures in their own cells: the NIS form's row pairs are
# for print, so its sheet has the quarter columns of the other quarterly plans.
SHEET_LAYOUTS = {**LAYOUTS, "nis": quarterly_columns}


def layout(plan: Plan, report: Report, lang: str, include_score: bool,
           reports: list[Report] | None = None, sheet: bool = False) -> tuple[Context, list[Column], list[Row]]:
    """The report's table as the plan's kind lays it out: its context, columns and rows. `reports` are the
    plan's reports (for the quarters' own figures and a percent's year to date); `sheet`: for a
    spreadsheet (SHEET_LAYOUTS)."""
    from egov_desktop.core.periods import FiscalYear, period_name

    score = None
    if include_score:
        from egov_desktop.core.scoring import score_report

        score = score_report(plan, report, reports or ())
    ctx = Context(plan, report, lang, score, period_name(report.period, lang),
                  FiscalYear.parse(plan.fiscal_year).label(lang), reports=list(reports or ()))
    layouts = SHEET_LAYOUTS if sheet else LAYOUTS
    return ctx, layouts.get(plan.kind, egov_columns)(ctx), rows_of(ctx)


def body_rows(ctx: Context, columns: list[Column], rows: list[Row]) -> tuple[list[list[Cell]], list[Row | None]]:
    """The table's body: each indicator's row (two when a column has a `second` cell, the others then
    repeating the first row's cell, to be merged over both), after its area's section row when the layout
    has them (one cell across the table). Beside it, the Row each body row shows (None: a section row), for
    merging and measuring."""
    paired = any(col.second for col in columns)
    body, owners, area = [], [], None
    for r in rows:
        if ctx.section is not None and r.area is not area:
            area = r.area
            body.append([Cell(ctx.section(area), HEAD, span=len(columns))])
            owners.append(None)
        body.append([col.cell(r) for col in columns])
        owners.append(r)
        if paired:
            body.append([(col.second or col.cell)(r) for col in columns])
            owners.append(r)
    return body, owners


def _column(body: list[list[Cell]], c: int) -> list[str]:
    """The texts of column `c` down the body, but for the section rows (one cell across the table)."""
    return [t for row in body if len(row) > c for t in _texts(row[c])]


def rows_of(ctx: Context) -> list[Row]:
    """The table's rows in plan order; an area's indicators share its serial (a flat plan numbers each)."""
    # Taken in plan order, as scoring does: of two indicators with one code (an error the rules report),
    # each has its own entry and score (Report.entries_of), so the twins do not show each other's figures.
    entries = iter(ctx.report.entries_of(ctx.plan))
    scores = iter(ctx.score.indicators) if ctx.score else None
    rows, serial = [], 0
    for area in ctx.plan.areas:
        if not ctx.plan.is_flat and any(act.indicators for act in area.activities):
            serial += 1
        for act in area.activities:
            for ind in act.indicators:
                if ctx.plan.is_flat:
                    serial += 1
                rows.append(Row(serial, area, act, ind, next(entries),
                                next(scores) if scores is not None else None))
    return rows


# ------------------------------------------------------------------ measuring

@dataclass(frozen=True)
class Measure:
    """Text widths and heights in twips for one font and size."""

    font: str
    points: float
    bold: bool = False

    def width(self, text: str) -> float:
        return text_width(text, self.font, self.points, self.bold) * _SAFETY

    def longest_word(self, texts: list[str]) -> float:
        return max((self.width(w) for t in texts for w in t.split()), default=0.0)

    def longest_line(self, texts: list[str]) -> float:
        return max((self.width(line) for t in texts for line in t.split("\n")), default=0.0)

    def lines(self, text: str, room: float) -> int:
        """Lines `text` takes in `room` twips, wrapped at spaces as Word and LibreOffice do (the plain
        estimate: the safety margin that keeps words whole would count lines that are not there)."""
        count = 0
        space = text_width(" ", self.font, self.points, self.bold)
        for line in text.split("\n"):
            count += 1
            used = 0.0
            for word in line.split():
                w = text_width(word, self.font, self.points, self.bold)
                if used and used + space + w > room:
                    count += 1
                    used = w
                else:
                    used += (space if used else 0) + w
                while used > room and room > 0:  # a word wider than the cell breaks inside
                    count += 1
                    used -= room
        return count

    @property
    def line(self) -> float:
        return line_height(self.font, self.points)


def _texts(cell: Cell) -> list[str]:
    return [cell.text] if isinstance(cell.text, str) else list(cell.text)


def fit_widths(columns: list[Column], body: list[list[Cell]], total: int, cell_font: Measure,
               head_font: Measure, bold: dict[int, list[str]] | None = None) -> list[int]:
    """Twips per column. Each column gets its longest word (body, header, or `bold` texts such as the
    total row's), so no word breaks; the rest of `total` goes to the columns in proportion to how much
    wider their longest line is than that (the CSS table algorithm), so a column of dates or "-" stays
    narrow and long texts share the room."""
    least, most = [], []
    for c, col in enumerate(columns):
        texts = _column(body, c)
        head = [col.header, col.header_note, *(bold or {}).get(c, ())]
        word = max(cell_font.longest_word(texts), head_font.longest_word(head)) + _PAD
        least.append(min(word, total * _MAX_WORD_SHARE))
        most.append(max(least[-1], min(cell_font.longest_line(texts) + _PAD, total * _MAX_LINE_SHARE)))
    spare = total - sum(least)
    if spare < 0:  # even the longest words do not fit side by side: shrink all alike
        widths = [w * total / sum(least) for w in least]
    else:
        wants = [m - w for m, w in zip(most, least)]
        if sum(wants) <= spare:  # everything fits on one line: share the rest by size
            widths = [m + (spare - sum(wants)) * m / sum(most) for m in most]
        else:
            widths = [w + spare * want / sum(wants) for w, want in zip(least, wants)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out


def fit_size(columns: list[Column], body: list[list[Cell]], total: int, font: str, points: float,
             bold: dict[int, list[str]] | None = None, least: float = 7.0) -> float:
    """The table's font size: `points`, or smaller (by half points, down to `least`) when the longest words
    of all columns cannot stand side by side at that size. A smaller letter keeps every word whole, which
    no width can when one column's longest word ("উদ্ভাবিত/সহজিকৃত/ডিজিটাইজকৃত": no place to wrap) leaves too
    little for the rest."""
    # Widths grow with the size: the longest words measured once, at one point.
    cells, heads = Measure(font, 1.0), Measure(font, 1.0, bold=True)
    words = [max(cells.longest_word(_column(body, c)),
                 heads.longest_word([col.header, col.header_note, *(bold or {}).get(c, ())]))
             for c, col in enumerate(columns)]
    size = points
    while size > least and sum(w * size + _PAD for w in words) > total:
        size -= 0.5
    return max(size, least)


def page_starts(heights: list[float], first_room: float, room: float) -> set[int]:
    """Indexes of the rows estimated to begin a page: the first row that starts below each page break
    (a row that does not fit is split across the pages, so the next one is the first whole row there)."""
    starts, used, left = set(), 0.0, first_room
    for i, h in enumerate(heights):
        if used + h <= left:
            used += h
            continue
        # This row crosses the break: what does not fit goes on, page after page.
        over = used + h - left
        left = room
        while over > left:
            over -= left
        used = over
        if i + 1 < len(heights):
            starts.add(i + 1)
    return starts


def row_heights(columns: list[Column], body: list[list[Cell]], widths: list[int], measure: Measure,
                rows: list[Row | None]) -> list[float]:
    """Estimated height of each body row (`rows`: the Row each shows, None for a section row across the
    table): its tallest unmerged cell; a merged cell's text (an area's title) taller than its rows
    lengthens the last of them."""
    line = measure.line
    heights = []
    for row, owner in zip(body, rows):
        if owner is None:
            heights.append(max(1, sum(measure.lines(t, sum(widths) - _PAD) for t in _texts(row[0]))) * line
                           + _ROW_EXTRA)
            continue
        tallest = 1
        for c, col in enumerate(columns):
            if col.merge is None:
                tallest = max(tallest, sum(measure.lines(t, widths[c] - _PAD) for t in _texts(row[c])) or 1)
        heights.append(tallest * line + _ROW_EXTRA)
    for c, col in enumerate(columns):
        if col.merge is None:
            continue
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or _key(col, rows[i]) != _key(col, rows[start]):
                if rows[start] is not None:
                    need = sum(measure.lines(t, widths[c] - _PAD) for t in _texts(body[start][c])) * line + _ROW_EXTRA
                    have = sum(heights[start:i])
                    if need > have:
                        heights[i - 1] += need - have
                start = i
    return heights


def _key(col: Column, row: Row | None) -> object:
    """What a merging column merges on; a section row merges with nothing."""
    return object() if row is None else col.merge(row)


# The rule between rows and a little leading LibreOffice and Word add around a cell's paragraphs.
_ROW_EXTRA = 30


def merge_cells(columns: list[Column], rows: list[Row | None], body: list[list[Cell]], starts: set[int]) -> None:
    """Merge the cells of a merging column down over rows with the same key; open a new merge (with the
    text again) on each row that begins a page. `rows` as for row_heights."""
    for c, col in enumerate(columns):
        if col.merge is None:
            continue
        keys = [_key(col, row) for row in rows]
        for i, row in enumerate(rows):
            if row is None:
                continue
            same_as_above = i > 0 and keys[i - 1] == keys[i] and i not in starts
            same_below = i + 1 < len(rows) and keys[i + 1] == keys[i] and i + 1 not in starts
            if same_as_above:
                body[i][c].vmerge = "continue"
            elif same_below:
                body[i][c].vmerge = "restart"


def header_rows(columns: list[Column], numbered: str | None = None) -> list[list[Cell]]:
    """Two header rows: a header over a group of columns spans them, with the columns' own headers (and
    notes: the level percentages) below; every other header is merged down over both rows. `numbered` (a
    language) adds a third, the columns' numbers (১ ২ ৩ …, as the NIS form refers to its columns)."""
    top, below = [], []
    c = 0
    while c < len(columns):
        col = columns[c]
        if col.group is None:
            top.append(Cell(col.header, HEAD, vmerge="restart", shade=SHADE))
            below.append(Cell("", HEAD, vmerge="continue", shade=SHADE))
            c += 1
            continue
        span = 1
        while c + span < len(columns) and columns[c + span].group == col.group:
            span += 1
        top.append(Cell(col.group, HEAD, span=span, shade=SHADE))
        below += [Cell([t for t in (g.header, g.header_note) if t], HEAD, shade=SHADE) for g in columns[c:c + span]]
        c += span
    if numbered:
        return [top, below, [Cell(localize_digits(str(n), numbered), HEAD, shade=SHADE)
                             for n in range(1, len(columns) + 1)]]
    return [top, below]
