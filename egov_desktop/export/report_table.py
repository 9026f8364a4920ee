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
        Column(ctx.t(N_("Performance indicator")), lambda r: Cell(f"{_code(r.indicator.code, lang)} "
                                                                   f"{r.indicator.title}")),
        Column(ctx.t(N_("Unit")), lambda r: Cell(unit_label(r.indicator.unit, lang), CENTRE)),
        Column(ctx.t(N_("Indicator weight")), lambda r: Cell(format_number(r.indicator.weight, lang), CENTRE),
               value=lambda r: r.indicator.weight),
    ]
    return cols


def _level_columns(ctx: Context) -> list[Column]:
    """A column per target level under "লক্ষ্যমাত্রা <year>", each level's percent under its name."""
    from egov_desktop.core.values import format_percent, format_value

    lang, plan, cols = ctx.lang, ctx.plan, []
    target = ctx.t(N_("Target {fiscal_year}"), fiscal_year=ctx.fiscal_year)
    for i, level in enumerate(plan.levels):
        def level_cell(r: Row, i=i) -> Cell:
            targets = r.indicator.targets
            return Cell((format_value(targets[i], r.indicator.unit, lang) if i < len(targets) else None) or "-",
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
            value=lambda r: not_applicable if r.score.not_applicable else r.score.score),
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
    from egov_desktop.core.evidence import attached

    def cell(r: Row) -> Cell:
        if r.entry is None:
            return Cell([])
        names = ", ".join(f["name"] for f in attached(r.entry))
        return Cell([t for t in (r.entry.evidence, names, r.entry.remarks) if t])

    return Column(ctx.t(N_("Evidence / remarks")), cell)


def _figure(ind: Indicator, entry: Entry | None, lang: str) -> str:
    """An entry's figure as printed: its value, or for several target dates the dates met so far."""
    from egov_desktop.core.values import format_value

    if entry is None:
        return ""
    if entry.not_applicable:
        return gettext_for(lang, N_("Not applicable"))
    parts = [format_value(entry.value, ind.value_unit, lang)] if entry.value is not None else []
    parts += [format_value(d, "date", lang) for d in entry.dates or () if d is not None]
    return ", ".join(parts)


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
        def target(r: Row) -> Cell:
            ind = r.indicator
            texts = [format_value(t, ind.value_unit, lang) for t in ind.targets if t is not None]
            texts += [format_value(d, "date", lang) for d in ind.target_dates or ()]
            return Cell("; ".join(texts) or "-", CENTRE)

        cols.append(Column(ctx.t(N_("Target {fiscal_year}"), fiscal_year=ctx.fiscal_year), target,
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
    "nis": quarterly_columns,
    "grs": quarterly_columns,
    "citizen_charter": quarterly_columns,
    "rti": quarterly_columns,
}


def layout(plan: Plan, report: Report, lang: str, include_score: bool,
           reports: list[Report] | None = None) -> tuple[Context, list[Column], list[Row]]:
    """The report's table as the plan's kind lays it out: its context, columns and rows. `reports` are the
    plan's reports (for the quarters' own figures and a percent's year to date)."""
    from egov_desktop.core.periods import FiscalYear, period_name

    score = None
    if include_score:
        from egov_desktop.core.scoring import score_report

        score = score_report(plan, report, reports or ())
    ctx = Context(plan, report, lang, score, period_name(report.period, lang),
                  FiscalYear.parse(plan.fiscal_year).label(lang), reports=list(reports or ()))
    return ctx, LAYOUTS.get(plan.kind, egov_columns)(ctx), rows_of(ctx)


def rows_of(ctx: Context) -> list[Row]:
    """The table's rows in plan order; an area's indicators share its serial (a flat plan numbers each)."""
    # Taken in plan order, as scoring does: of two indicators with one code (an error the rules report),
    # the first has the entry and each its own score, so the twins do not show each other's figures.
    entries = {e.indicator: e for e in reversed(ctx.report.entries)}
    scores = iter(ctx.score.indicators) if ctx.score else None
    rows, serial = [], 0
    for area in ctx.plan.areas:
        if not ctx.plan.is_flat and any(act.indicators for act in area.activities):
            serial += 1
        for act in area.activities:
            for ind in act.indicators:
                if ctx.plan.is_flat:
                    serial += 1
                rows.append(Row(serial, area, act, ind, entries.pop(ind.code, None),
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
        texts = [t for row in body for t in _texts(row[c])]
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
    words = [max(cells.longest_word([t for row in body for t in _texts(row[c])]),
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
                rows: list[Row]) -> list[float]:
    """Estimated height of each row: its tallest unmerged cell; a merged cell's text (an area's title)
    taller than its rows lengthens the last of them."""
    line = measure.line
    heights = []
    for row in body:
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
            if i == len(rows) or col.merge(rows[i]) != col.merge(rows[start]):
                need = sum(measure.lines(t, widths[c] - _PAD) for t in _texts(body[start][c])) * line + _ROW_EXTRA
                have = sum(heights[start:i])
                if need > have:
                    heights[i - 1] += need - have
                start = i
    return heights


# The rule between rows and a little leading LibreOffice and Word add around a cell's paragraphs.
_ROW_EXTRA = 30


def merge_cells(columns: list[Column], rows: list[Row], body: list[list[Cell]], starts: set[int]) -> None:
    """Merge the cells of a merging column down over rows with the same key; open a new merge (with the
    text again) on each row that begins a page."""
    for c, col in enumerate(columns):
        if col.merge is None:
            continue
        for i, row in enumerate(rows):
            same_as_above = i > 0 and col.merge(rows[i - 1]) == col.merge(row) and i not in starts
            same_below = i + 1 < len(rows) and col.merge(rows[i + 1]) == col.merge(row) and i + 1 not in starts
            if same_as_above:
                body[i][c].vmerge = "continue"
            elif same_below:
                body[i][c].vmerge = "restart"


def header_rows(columns: list[Column]) -> list[list[Cell]]:
    """Two header rows: a header over a group of columns spans them, with the columns' own headers (and
    notes: the level percentages) below; every other header is merged down over both rows."""
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
    return [top, below]
