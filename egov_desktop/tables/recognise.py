"""Recognising a plan table in a grid (grid.py) and turning it into a plan document with findings.

Pure Python: no Qt, no SQL, no file access. The columns are recognised by their Bangla headers
(কার্যক্রম, কর্মসম্পাদন সূচক, একক, মান, লক্ষ্যমাত্রা as levels or one annual target, অর্জন columns by
period, দায়িত্বপ্রাপ্ত, প্রমাণক, মন্তব্য), over one to three header rows and merged cells. The rows may be
section rows ("১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮"), subtotal rows ("উপমোট= (১৩টি সূচক) … ৫০", checked against
the weights and not imported) or indicator rows.

Nothing is guessed silently: a cell that cannot be read as its column says becomes a finding that names
the cell and quotes its raw text, and the row is kept with that value blank. A caller may override what
was recognised (`Overrides`): a column's meaning, the period of an achievement column, kind, year, office.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from egov_desktop.core.bijoy import bijoy_to_unicode, looks_like_bijoy
from egov_desktop.core.digits import nfc, to_latin_digits
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import (
    Activity,
    Area,
    Entry,
    Indicator,
    Level,
    Office,
    Plan,
    PlanDocument,
    Report,
    is_number,
)
from egov_desktop.core.rules import ERROR, WARNING, Finding
from egov_desktop.core.values import ParseError, parse_date, parse_number, parse_target_date, parse_value
from egov_desktop.tables.grid import Cell, Grid, excel_date

# What a column can mean. "level:N" are the target levels, "achievement:P" achievement of period P.
ROLES = ("area", "area_weight", "activity", "indicator", "unit", "weight", "target", "responsible",
         "evidence", "remarks", "narrative", "serial", "score", "total", "row_label", "ignore")

# Level names as printed (typos included, PLANS.md §1), best first, with the usual ids and percents.
LEVEL_NAMES = (
    ("below_fair", ("চলতি মানের নিম্নে", "চলতি মানের নিচে"), 60),
    ("very_good", ("অতি উত্তম",), 90),
    ("excellent", ("অসাধারণ", "অসাধরণ", "অসাধারন"), 100),
    ("fair", ("চলতি মান",), 70),
    ("good", ("উত্তম",), 80),
)
LEVEL_LABELS = {"excellent": "অসাধারণ", "very_good": "অতি উত্তম", "good": "উত্তম", "fair": "চলতি মান",
                "below_fair": "চলতি মানের নিম্নে"}

KIND_WORDS = (
    ("nis", ("শুদ্ধাচার",)),
    ("egov_innovation", ("ই-গভর্ন্যান্স", "ই-গভর্নেন্স", "উদ্ভাবন")),
    ("grs", ("অভিযোগ প্রতিকার",)),
    ("citizen_charter", ("সেবা প্রদান প্রতিশ্রুতি", "সিটিজেন চার্টার", "সিটিজেনস চার্টার")),
    ("rti", ("তথ্য অধিকার",)),
)

UNIT_WORDS = {"সংখ্যা": "count", "সংখ্যা(টি)": "count", "টি": "count", "জন": "count", "%": "percent",
              "শতকরা": "percent", "হার": "percent", "তারিখ": "date", "count": "count", "number": "count",
              "percent": "percent", "percentage": "percent", "date": "date"}
UNIT_LABELS = {"count": "সংখ্যা", "percent": "%", "date": "তারিখ", "count_and_date": "সংখ্যা ও তারিখ"}

EMPTY_MARKERS = {"", "-", "--", "---", "–", "—", "প্রযোজ্য নয়", "প্রযোজ্য নহে", "n/a", "na"}
NOT_APPLICABLE = {"প্রযোজ্য নয়", "প্রযোজ্য নহে", "n/a", "na"}

_MONTHS = ("জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর",
           "নভেম্বর", "ডিসেম্বর")
_MONTH_VARIANTS = {nfc(m): i for i, m in enumerate(_MONTHS, start=1)}
_MONTH_VARIANTS.update({nfc("জানুয়ারী"): 1, nfc("ফেব্রুয়ারী"): 2, nfc("আগষ্ট"): 8})
# (first month, last month) of a period's span, as an achievement column names it.
_SPANS = {(7, 9): "Q1", (10, 12): "Q2", (1, 3): "Q3", (4, 6): "Q4", (7, 12): "H1", (7, 6): "annual"}
_PERIOD_ORDER = ("Q1", "H1", "Q2", "Q3", "Q4", "annual")
_ORDINALS = {"১ম": "Q1", "২য়": "Q2", "৩য়": "Q3", "৪র্থ": "Q4", "1st": "Q1", "2nd": "Q2", "3rd": "Q3", "4th": "Q4"}

_CODE = re.compile(r"^\s*[\[(]?\s*([0-9]+(?:\s*\.\s*[0-9]+)*)\s*\.?\s*[\])]?\s*[.:)।-]?\s*(.*)$", re.S)
_SECTION = re.compile(r"^\s*([0-9]+)\s*[.।)]\s*(.+?)\s*(?:[:ঃ=]|[.…]{2,})[\s.…:ঃ=]*([0-9]+(?:\.[0-9]+)?)\s*$", re.S)
_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})\s*[-–—/]\s*(?:(?:19|2[01])?([0-9]{2}))(?![0-9])")
_SINGLE_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})(?![0-9])")
_SUBTOTAL = re.compile(r"^\s*(উপ\s*-?\s*মোট|সর্বমোট|মোট(?!\s*অর্জন)(?=[\s=:০-৯0-9(]|$)|total|subtotal)", re.I)
_COUNTER = re.compile(r"\s*(টি|টা|জন|বার)\s*$")
_MAYBE_BIJOY = re.compile(r"[A-Za-z\u0080-\u097f\u2000-\u2122]")
_COUNT_IN_SUBTOTAL = re.compile(r"([0-9]+)\s*টি\s*সূচক")


@dataclass
class Column:
    index: int
    label: str  # the header rows' texts joined with " / "
    role: str  # one of ROLES, "level:<id>", "achievement:<period>"
    level_label: str | None = None
    level_percent: float | None = None


@dataclass
class Overrides:
    """What the user said instead of what was recognised."""

    kind: str | None = None
    fiscal_year: str | None = None
    office: str | None = None
    tier: str | None = None
    roles: dict[int, str] = field(default_factory=dict)  # column index -> role


@dataclass
class Recognised:
    """A plan table read from a grid: the document, the columns as understood, the findings."""

    grid: Grid
    document: PlanDocument
    columns: list[Column]
    findings: list[Finding]
    header_rows: list[int]  # 0-based rows of the header
    rows: dict[str, int] = field(default_factory=dict)  # indicator code -> 0-based row it came from
    flagged_codes: set[str] = field(default_factory=set)  # codes whose problem is reported at their cell
    carried: bool = False  # read from the exchange document the file carries, not from its table
    # The period of the report the title names ("… এর দ্বিতীয় ত্রৈমাসিক (অক্টোবর-ডিসেম্বর ২০২৩) প্রতিবেদন"), if any.
    title_period: str | None = None
    tables: list = field(default_factory=list)  # every plan table of the file: (grid, header row)


class NoPlanTable(Exception):
    """No plan table (no "কর্মসম্পাদন সূচক" header) in the grid."""


def _norm(text: str) -> str:
    """Header text for matching: NFC, single spaces, no brackets/colons, Bangla and Latin digits alike."""
    text = nfc(text).replace("\n", " ")
    text = re.sub(r"[\[\]():ঃ,;*]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _is_header_word(text: str) -> bool:
    n = _norm(to_latin_digits(text))
    if not n:
        return True
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?\s*%", n):
        return True  # the level percents row: ১০০% ৯০% ...
    if detect_fiscal_year(n):
        return True  # a year over the levels: "২০২১-২২"
    words = ("লক্ষ্যমাত্রা", "অর্জন", "কোয়ার্টার", "ত্রৈমাসিক", "মান", "সূচক", "একক", "কার্যক্রম", "প্রমাণক",
             "মন্তব্য", "দায়িত্ব", "পরিবীক্ষণ", "অগ্রগতি", "বাস্তবায়ন", "ক্ষেত্র", "ভিত্তি", "নির্ণায়ক")
    return any(nfc(w) in n for w in words) or any(any(nfc(v) in n for v in names) for _, names, _ in LEVEL_NAMES)


def _level_of(text: str) -> tuple[str, str] | None:
    n = _norm(text)
    for level_id, names, _percent in LEVEL_NAMES:
        for name in names:
            if nfc(name) in n:
                return level_id, LEVEL_LABELS[level_id]
    return None


def period_of_label(label: str) -> tuple[str | None, int | None]:
    """The period an achievement column's header names, and the fiscal year's first year if it says it:
    "অর্জন (জুলাই-সেপ্টেম্বর ২০২১)" -> ("Q1", 2021); "অর্জন (জুলাই ২০২১- জুন ২০২২)" -> ("annual", 2021);
    "১ম কোয়ার্টার" -> ("Q1", None)."""
    n = _norm(to_latin_digits(label))
    months = [(m.start(), i) for word, i in _MONTH_VARIANTS.items() for m in re.finditer(re.escape(word), n)]
    months.sort()
    years = [int(y) for y in _SINGLE_YEAR.findall(n)]
    period = None
    if len(months) >= 2:
        period = _SPANS.get((months[0][1], months[-1][1]))
    elif len(months) == 1:
        period = {9: "Q1", 12: "Q2", 3: "Q3", 6: "Q4"}.get(months[0][1])
    if period is None:
        for word, p in _ORDINALS.items():
            if to_latin_digits(nfc(word)) in n and ("কোয়ার্টার" in n or "ত্রৈমাসিক" in n or "quarter" in n or "প্রান্তিক" in n):
                period = p
        if "অর্ধবার্ষিক" in n or "ষাণ্মাসিক" in n:
            period = "H1"
        elif period is None and "বার্ষিক" in n:
            period = "annual"
    first_year = None
    if months and years:
        first_month_year = years[0]
        first_year = first_month_year if months[0][1] >= 7 else first_month_year - 1
    return period, first_year


def _role_of(label: str) -> str:
    n = _norm(label)
    if not n:
        return "ignore"
    has = lambda *words: any(nfc(w) in n for w in words)  # noqa: E731
    if has("ক্রমিক", "ক্রম নং") or n in (nfc("ক্রম"), "sl", "sl.", "no", "no."):
        return "serial"
    if has("অর্জিত মান", "প্রাপ্ত মান", "প্রাপ্ত নম্বর", "অর্জিত নম্বর", "অর্জনের হার", "অর্জন হার", "অর্জনের শতকরা"):
        return "score"  # computed by the program from the achievement: read over
    if has("মোট অর্জন"):
        return "total"
    if has("লক্ষ্যমাত্রা") and has("অর্জন"):
        return "row_label"  # NIS: "লক্ষ্যমাত্রা/ অর্জন", what each of an indicator's two rows holds
    if has("অর্জন", "অগ্রগতি") and not has("লক্ষ্যমাত্রা"):
        period, _ = period_of_label(label)
        if period is None and not has("অর্জন"):
            return "narrative"  # "অগ্রগতি", "অগ্রগতির বিবরণ": what was done, in words
        return f"achievement:{period}" if period else "achievement:?"
    if has("সূচক") and has("মান"):
        return "weight"
    if has("সূচক"):
        return "indicator"
    if has("ক্ষেত্র", "কৌশলগত উদ্দেশ্য") and not has("মান"):
        return "area"
    if has("ক্ষেত্রের মান") or n in (nfc("মান"), "weight"):
        return "area_weight"
    if has("কার্যক্রম"):
        return "activity"
    if has("একক"):
        return "unit"
    level = _level_of(label)
    if level is not None:
        return f"level:{level[0]}"
    if has("লক্ষ্যমাত্রা", "target"):
        return "target"
    if has("দায়িত্বপ্রাপ্ত", "দায়িত্ব"):
        return "responsible"
    if has("প্রমাণক"):
        return "evidence"
    if has("মন্তব্য"):
        return "remarks"
    return "ignore"


# ---------------------------------------------------------------- finding the table

def _header_row(grid: Grid) -> int | None:
    for r, row in enumerate(grid.rows[:40]):
        for cell in row:
            n = _norm(cell.text)
            if nfc("সূচক") in n and len(n) < 60 and not cell.merged:
                return r
    return None


def _header_block(grid: Grid, start: int) -> list[int]:
    rows = [start]
    for r in range(start + 1, min(start + 4, len(grid.rows))):
        cells = [c for c in grid.rows[r] if c.text and not c.merged]
        if not cells:
            if any(c.merged for c in grid.rows[r]):
                rows.append(r)  # a row of the header's vertical merges only
                continue
            break
        if _is_column_numbers(grid.rows[r]):
            rows.append(r)
            break
        if all(_is_header_word(c.text) for c in cells):
            rows.append(r)
        else:
            break
    return rows


def _is_column_numbers(row: list[Cell]) -> bool:
    """The row of column numbers under a header: ১ ২ ৩ ... (each cell a small whole number, ascending)."""
    nums = []
    for c in row:
        if not c.text or c.merged:
            continue
        t = to_latin_digits(c.text).strip()
        if not t.isdigit():
            return False
        nums.append(int(t))
    return len(nums) >= 3 and nums == sorted(nums)


def _columns(grid: Grid, header: list[int], overrides: Overrides) -> list[Column]:
    columns = []
    for c in range(grid.width):
        parts: list[str] = []
        for r in header:
            row = grid.rows[r]
            if c >= len(row) or _is_column_numbers(row):
                continue
            text = row[c].text
            if text and text not in parts:
                parts.append(text)
        label = " / ".join(parts)
        role = overrides.roles.get(c) or _column_role(parts)
        col = Column(c, label, role)
        if role.startswith("level:"):
            level_id = role.split(":", 1)[1]
            col.level_label = LEVEL_LABELS.get(level_id, level_id)
            percent = next((p for lid, _n, p in LEVEL_NAMES if lid == level_id), None)
            # The percent under the level's name: a header row of its own, or a line of the name's cell.
            for part in (line for p in parts for line in p.splitlines()):
                m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)\s*%", to_latin_digits(part).strip())
                if m:
                    percent = float(m.group(1))
            col.level_percent = percent
        columns.append(col)
    return columns


def _column_role(parts: list[str]) -> str:
    """The role of a column from its header texts, most specific (lowest) first: a level name under a
    merged "লক্ষ্যমাত্রা" is a level; an "অর্জন" under a period group is that period's achievement."""
    label = " / ".join(parts)
    for part in reversed(parts):
        if _level_of(part) is not None and not re.search("অর্জন", part):
            return f"level:{_level_of(part)[0]}"
    role = _role_of(label)
    if role == "achievement:?" or role == "ignore":
        for part in reversed(parts):
            r = _role_of(part)
            if r.startswith("achievement:") and r != "achievement:?":
                return r
            if role == "ignore" and r != "ignore":
                role = r
    return role


def find_tables(grids: Iterable[Grid]) -> list[tuple[Grid, int]]:
    """Every grid that holds a plan table, with the row of its header."""
    found = []
    for g in grids:
        h = _header_row(g)
        if h is not None:
            found.append((g, h))
    return found


# ---------------------------------------------------------------- reading rows

class _Reader:
    def __init__(self, grid: Grid, columns: list[Column]):
        self.grid = grid
        self.columns = columns
        self.findings: list[Finding] = []
        self.bijoy_seen: set[str] = set()
        self._bijoy: dict[str, str | None] = {}  # text -> its Unicode conversion, None when not Bijoy

    def finding(self, severity: str, where: str, rule: str, msgid: str, **params) -> None:
        self.findings.append(Finding(where, rule, severity, Msg(msgid, params)))

    def col(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def cols(self, prefix: str) -> list[Column]:
        return [c for c in self.columns if c.role.startswith(prefix)]

    def cell(self, row: list[Cell], column: Column | None) -> Cell | None:
        if column is None or column.index >= len(row):
            return None
        return row[column.index]

    def text(self, row: list[Cell], column: Column | None) -> str:
        cell = self.cell(row, column)
        return self.unicode(cell) if cell is not None else ""

    def unicode(self, cell: Cell) -> str:
        """The cell's text, Bijoy (SutonnyMJ) converted to Unicode and listed once per cell."""
        text = cell.text
        if text not in self._bijoy:
            # Bijoy text is written in Latin letters and Latin-1/punctuation glyphs: without any, it is not.
            self._bijoy[text] = nfc(bijoy_to_unicode(text)) if _MAYBE_BIJOY.search(text) and looks_like_bijoy(
                text) else None
        converted = self._bijoy[text]
        if converted is not None:
            if cell.where not in self.bijoy_seen and not cell.merged:
                self.bijoy_seen.add(cell.where)
                self.finding(WARNING, cell.where, "bijoy_converted",
                             N_("Bijoy (SutonnyMJ) text converted to Unicode: \"{raw}\" → \"{text}\""),
                             raw=text, text=converted)
            return converted
        return text

    def number(self, cell: Cell | None, what: str) -> float | int | None:
        if cell is None:
            return None
        if is_number(cell.value):
            return cell.value
        text = self.unicode(cell)
        if _norm(text) in EMPTY_MARKERS:
            return None
        try:
            return parse_number(text)
        except ParseError as exc:
            if not cell.merged:
                self.damaged(cell, what, exc.msg)
            return None

    def damaged(self, cell: Cell, what: str, reason: Msg | None = None) -> None:
        if reason is None:
            self.finding(ERROR, cell.where, "damaged_cell",
                         N_("{what}: \"{raw}\" cannot be read; the value is left blank"), what=what, raw=cell.text)
        else:
            self.finding(ERROR, cell.where, "damaged_cell",
                         N_("{what}: \"{raw}\" cannot be read ({reason}); the value is left blank"),
                         what=what, raw=cell.text, reason=reason)

    def achievement(self, cell: Cell | None, unit: str) -> tuple[Any, bool, str | None]:
        """(value, not applicable, narrative) of an achievement cell. Offices often write the figure on
        the first line and what was done below it ("২৬/১২/২০২১\nএকটি সেবা ডিজিটাইজ করা হয়েছে।")."""
        if cell is not None and "\n" in cell.text and not is_number(cell.value):
            first, rest = self.unicode(cell).split("\n", 1)
            if _norm(first) in {_norm(x) for x in NOT_APPLICABLE}:
                return None, True, rest.strip() or None
            try:
                value = parse_value(first, unit)
            except ParseError:
                pass
            else:
                return value, False, rest.strip() or None
        if cell is not None and isinstance(cell.value, str) and not re.search(r"[0-9০-৯]", cell.text) \
                and _norm(cell.text) not in EMPTY_MARKERS:
            return None, False, self.unicode(cell)  # progress in words, no figure yet ("কাজ চলমান")
        value, na = self.value(cell, unit, Msg(N_("achievement")))
        return value, na, None

    def value(self, cell: Cell | None, unit: str, what: str, target: bool = False) -> tuple[Any, bool]:
        """(value, not applicable) of a target or achievement cell under its unit; a `target` of a date indicator
        may be a window of two dates."""
        if cell is None:
            return None, False
        raw = cell.value
        text = self.unicode(cell)
        n = _norm(text)
        if n in EMPTY_MARKERS:
            return None, n in {_norm(x) for x in NOT_APPLICABLE}
        date = excel_date(raw)
        if unit == "date":
            if date is not None:
                return date, False
            try:
                return (parse_target_date if target else parse_date)(text), False
            except ParseError as exc:
                self.damaged(cell, what, exc.msg)
                return None, False
        if date is not None or _looks_like_date(text):
            self.finding(ERROR, cell.where, "date_under_number",
                         N_("{what}: \"{raw}\" is a date, but the unit is {unit}; the value is left blank"),
                         what=what, raw=cell.text, unit=UNIT_LABELS[unit])
            return None, False
        if is_number(raw):
            value = raw
            if unit == "percent" and cell.number_format and "%" in cell.number_format:
                value = round(raw * 100, 10)  # Excel keeps 56.98% as 0.5698
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if unit == "percent" and not 0 <= value <= 100 or value < 0:
                self.damaged(cell, what)
                return None, False
            return value, False
        if unit == "count":
            text = _COUNTER.sub("", text)  # "২ টি", "১২০ জন": the figure with its counter word
        try:
            value = parse_value(text, unit)
        except ParseError as exc:
            self.damaged(cell, what, exc.msg)
            return None, False
        # "৮০%" is 80 as the exchange file writes it, not 80.0.
        return (int(value) if isinstance(value, float) and value.is_integer() else value), False


def _looks_like_date(text: str) -> bool:
    t = to_latin_digits(text)
    return bool(re.fullmatch(r"\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{2,4}\s*", t)
                or re.fullmatch(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*", t))


def split_code(text: str) -> tuple[str | None, str]:
    """("1.2.1", title) from "[১.2.১] title" (brackets optional, Bangla/Latin/mixed digits)."""
    m = _CODE.match(to_latin_digits(text))
    if not m or not m.group(1):
        return None, text.strip()
    code = re.sub(r"\s+", "", m.group(1))
    # The title keeps its own digits: cut the original text at the same length.
    rest = text[len(text) - len(m.group(2)):].strip() if m.group(2) else ""
    return code, rest


def _unit(text: str) -> str | None:
    n = _norm(text).replace(" ", "")
    for word, unit in UNIT_WORDS.items():
        if n == nfc(word).replace(" ", ""):
            return unit
    if "তারিখ" in n and "সংখ্যা" in n:
        return "count_and_date"  # NIS 1.5 "সংখ্যা ও তারিখ": a count target, then completion dates
    if "তারিখ" in n:
        return "date"
    if "%" in n or "শতকরা" in n or "হার" in n:
        return "percent"
    if "সংখ্যা" in n or "টি" in n or "জন" in n:
        return "count"
    return None


def detect_kind(text: str) -> str | None:
    n = _norm(text)
    for kind, words in KIND_WORDS:
        if any(nfc(w) in n for w in words):
            return kind
    return None


def detect_fiscal_year(text: str) -> str | None:
    m = _YEAR.search(to_latin_digits(text))
    if not m:
        return None
    first = int(m.group(1))
    second = int(m.group(2))
    if second != (first + 1) % 100:
        return None
    return f"{first}-{second:02d}"


def recognise(grid: Grid, header_row: int, overrides: Overrides | None = None) -> Recognised:
    """The plan in `grid` whose header starts at `header_row`."""
    overrides = overrides or Overrides()
    header = _header_block(grid, header_row)
    columns = _columns(grid, header, overrides)
    reader = _Reader(grid, columns)
    title_lines = [*grid.title_lines,
                   *(reader.unicode(c) for row in grid.rows[:header_row] for c in row if c.text and not c.merged)]
    title_text = " ".join(title_lines)

    for col in columns:
        if col.role == "ignore" and col.label:
            reader.finding(WARNING, grid.rows[header[0]][col.index].where, "column_not_recognised",
                           N_("the column \"{label}\" was not recognised and is not imported"), label=col.label)
        if col.role == "achievement:?":
            reader.finding(ERROR, grid.rows[header[0]][col.index].where, "achievement_period_unknown",
                           N_("the period of the achievement column \"{label}\" cannot be told; choose it"),
                           label=col.label)

    kind = overrides.kind or detect_kind(title_text) or "other"
    if overrides.kind is None and detect_kind(title_text) is None:
        reader.finding(WARNING, grid.name, "kind_unknown",
                       N_("the kind of plan cannot be told from the title; it is imported as another action plan"))
    fiscal_year = overrides.fiscal_year or detect_fiscal_year(title_text)
    if fiscal_year is None:
        for col in columns:
            fy = detect_fiscal_year(col.label)
            if fy is None and col.role.startswith("achievement:"):
                _p, first = period_of_label(col.label)
                fy = f"{first}-{(first + 1) % 100:02d}" if first else None
            if fy:
                fiscal_year = fy
                break
    level_cols = reader.cols("level:")
    target_col = reader.col("target")
    if level_cols:
        levels = [Level(c.role.split(":", 1)[1], c.level_label or "", c.level_percent or 100.0) for c in level_cols]
        target_cols = level_cols
        scoring = None
    else:
        levels = [Level("target", "লক্ষ্যমাত্রা", 100)]
        target_cols = [target_col] if target_col else []
        scoring = "proportional"
    levels = _unique_levels(levels, reader, grid.rows[header[0]], level_cols)
    if level_cols and not any(_has_percent(c.label) for c in level_cols):
        # No row of percents under the level names: the usual ones, said. The 2021-22 templates had three
        # levels, অসাধারণ 100, উত্তম 80, চলতি মান 60 (EXCHANGE-FORMAT.md), not the five-level 70.
        if [lv.id for lv in levels] == ["excellent", "good", "fair"]:
            levels[2].percent = 60
        reader.finding(WARNING, grid.rows[header[0]][level_cols[0].index].where, "level_percents_assumed",
                       N_("the table does not give the levels' percents; the usual ones were taken: {percents}"),
                       percents=", ".join(f"{lv.label} {lv.percent:g}%" for lv in levels))

    achievement_cols = [c for c in reader.cols("achievement:") if c.role != "achievement:?"]
    periods = []
    for c in achievement_cols:
        p = c.role.split(":", 1)[1]
        if p not in periods:
            periods.append(p)
    if "annual" in periods and len(periods) > 1:
        # A July–June column beside a quarter's is the year to date at that quarter (FID's shape), which
        # is what a report's entries hold: it gives the values of the latest other period's report.
        latest = max((p for p in periods if p != "annual"), key=_PERIOD_ORDER.index)
        for c in achievement_cols:
            if c.role == "achievement:annual":
                c.role = f"achievement:{latest}"
        achievement_cols.sort(key=lambda c: c.role != f"achievement:{latest}" or "জুন" in _norm(c.label))
        periods = [p for p in periods if p != "annual"]
    reports = {p: Report(p) for p in periods}
    pairs = reader.col("row_label") is not None
    if pairs:
        # NIS's monitoring table: each indicator a লক্ষ্যমাত্রা row (quarter targets) and an অর্জন row (each
        # quarter's own achievement) under the same quarter columns.
        quarter_cols = [c for c in achievement_cols if c.role.split(":", 1)[1] in _QUARTERS]
        achievement_cols, periods, reports = quarter_cols, [], {}
    builder = _Builder(reader, target_cols, achievement_cols, reports, scoring, pairs)
    builder.read_rows(header[-1] + 1)
    if not builder.codes:
        raise NoPlanTable()
    total_weight = builder.subtotal_total if builder.subtotal_total is not None else sum(
        i.weight for a in builder.areas for act in a.activities for i in act.indicators)
    if isinstance(total_weight, float) and total_weight.is_integer():
        total_weight = int(total_weight)
    office = Office(overrides.office or _office_from_title(title_lines) or "", overrides.tier or "ministry")
    title = _plan_title(title_lines, kind)
    if fiscal_year is None:
        reader.finding(ERROR, grid.name, "fiscal_year_unknown",
                       N_("the fiscal year cannot be told from the file; give it (e.g. 2021-22)"))
    plan = Plan(kind, title, fiscal_year or "", total_weight, levels, builder.areas)
    reports = builder.reports
    doc = PlanDocument(office, plan, [reports[p] for p in _PERIOD_ORDER if p in reports and reports[p].entries])
    return Recognised(grid, doc, columns, reader.findings, header, builder.rows_of, builder.flagged,
                      title_period=_report_period(title_lines))


def _report_period(lines: list[str]) -> str | None:
    """The period a report's title names, from a line that says it is a report: a plan's own name can hold a
    period's word (বার্ষিক কর্মসম্পাদন চুক্তি), its report's title the period (period_of_label)."""
    for line in lines:
        n = _norm(line)
        if "প্রতিবেদন" in n or "report" in n:
            period, _first_year = period_of_label(line)
            if period is not None:
                return period
    return None


_QUARTERS = ("Q1", "Q2", "Q3", "Q4")
# A line of a remarks cell that names evidence: "প্রমাণক: সভার কার্যবিবরণী" (an English export's "Evidence:").
_EVIDENCE_LABEL = re.compile(r"\s*(?:প্রমাণক|evidence)\s*[:ঃ]\s*", re.IGNORECASE)


class _Builder:
    """The plan, row by row: sections, subtotals, indicator rows, and (NIS) their achievement rows."""

    def __init__(self, reader: _Reader, target_cols: list[Column], achievement_cols: list[Column],
                 reports: dict[str, Report], scoring: str | None, pairs: bool):
        self.reader, self.grid = reader, reader.grid
        self.target_cols, self.achievement_cols = target_cols, achievement_cols
        self.reports, self.scoring, self.pairs = reports, scoring, pairs
        col = reader.col
        self.area_col, self.area_weight_col = col("area"), col("area_weight")
        self.activity_col, self.indicator_col = col("activity"), col("indicator")
        self.unit_col, self.weight_col, self.label_col = col("unit"), col("weight"), col("row_label")
        self.resp_col, self.evid_col, self.rem_col, self.total_col, self.narrative_col = (
            col("responsible"), col("evidence"), col("remarks"), col("total"), col("narrative"))
        self.score_cols = reader.cols("score")
        self.areas: list[Area] = []
        self.area: Area | None = None
        self.activity: Activity | None = None
        self.indicator: Indicator | None = None
        self.flat = False
        self.last_activity_text: str | None = None
        self.codes: dict[str, str] = {}  # code -> where first seen
        self.flagged: set[str] = set()  # codes already reported at their cell (the plan rules need not repeat them)
        self.rows_of: dict[str, int] = {}
        self.since_subtotal: list[float] = []
        self.subtotal_total: float | None = None
        # (code, evidence, remarks, narrative) of the indicator rows, for the report they are of (_place_texts).
        self.texts: list[tuple[str, str | None, str | None, str | None]] = []

    def read_rows(self, first: int) -> None:
        reader = self.reader
        for r in range(first, len(self.grid.rows)):
            row = self.grid.rows[r]
            texts = [c for c in row if c.text and not c.merged]
            if not texts:
                continue
            if r in self.grid.hidden_rows:
                reader.finding(WARNING, row[0].where, "hidden_row",
                               N_("row {row} is hidden in the file; it was read"), row=r + 1)
            indicator_cell = reader.cell(row, self.indicator_col)
            own_indicator = indicator_cell is not None and indicator_cell.text and not indicator_cell.merged \
                and not _SUBTOTAL.match(_norm(indicator_cell.text))
            if not own_indicator and _SUBTOTAL.match(_norm(reader.unicode(texts[0]))):
                self.subtotal(row, texts)
                continue
            indicator_text = reader.text(row, self.indicator_col)
            if len(texts) == 1 and (not indicator_text or indicator_cell.merged and indicator_cell.text == texts[0].text
                                    and texts[0] is not indicator_cell):
                self.section(texts[0])  # one text across the row (merged over it, or alone)
                continue
            if indicator_cell is not None and indicator_cell.merged and not self.pairs and self.indicator is not None:
                self.continuation_row(row)  # an indicator printed over several rows (NIS 1.5: its dates below)
                continue
            if not indicator_text:
                continue
            label = _norm(reader.text(row, self.label_col)) if self.pairs else ""
            if self.pairs and indicator_cell.merged and self.indicator is not None and "অর্জন" in label:
                self.achievement_row(row)
            elif not indicator_cell.merged:
                self.indicator_row(r, row, indicator_text)
        self._place_texts()

    def _place_texts(self) -> None:
        """The evidence, remarks and narrative columns are of the report the table was made for: the latest period
        with a figure in the table. A quarterly report's table has a column for every quarter, the later ones empty:
        the last column's period would be a report of its own, holding nothing but them."""
        filled = [p for p, report in self.reports.items() if report.entries]
        if not filled:
            if not self.reports:
                return
            filled = list(self.reports)  # no figure yet: the last period column's, as the table lays them out
        report = self.reports[max(filled, key=_PERIOD_ORDER.index)]
        for code, evidence, remarks, narrative in self.texts:
            entry = report.entry(code)
            if entry is None:
                entry = Entry(code)
                report.entries.append(entry)
            entry.evidence, entry.remarks = evidence, remarks
            entry.narrative = narrative or entry.narrative

    def subtotal(self, row: list[Cell], texts: list[Cell]) -> None:
        reader = self.reader
        joined = " ".join(reader.unicode(c) for c in texts)
        weight = reader.cell(row, self.weight_col)
        in_weight = [weight] if weight is not None and weight.text else []
        if not in_weight and self.score_cols:
            return  # the total of the score columns (as our own reports print it), not of the weights
        total = _last_number(in_weight or texts, reader)
        self.subtotal_total = total if self.subtotal_total is None else self.subtotal_total + (total or 0)
        m = _COUNT_IN_SUBTOTAL.search(to_latin_digits(joined))
        _check_subtotal(reader, texts[0], total, int(m.group(1)) if m else None, self.since_subtotal)
        self.since_subtotal = []

    def section(self, cell: Cell) -> None:
        """A row of one text across the table: an area ("১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮", weight after the title)."""
        title = self.reader.unicode(cell)
        section = _SECTION.match(to_latin_digits(title))
        if section:
            weight = float(section.group(3))
            title = re.split(r"\s*(?:[:ঃ=]|[.…]{2,})", split_code(title)[1])[0].strip()
            self.area = Area(section.group(1), title, int(weight) if weight.is_integer() else weight)
        else:
            code, rest = split_code(title)
            self.area = Area(code or str(len(self.areas) + 1), rest or title, None)
        self.areas.append(self.area)
        self.activity, self.last_activity_text = None, None

    def _place(self, row: list[Cell]) -> None:
        """The row's area and activity: a new text starts a new one; a merged copy or a blank continues."""
        reader = self.reader
        area_cell = reader.cell(row, self.area_col)
        if area_cell is not None and area_cell.text and not area_cell.merged and (
                self.area is None or reader.unicode(area_cell) != _area_label(self.area)):
            code, title = split_code(reader.unicode(area_cell))
            weight = reader.number(reader.cell(row, self.area_weight_col), Msg(N_("area weight")))
            self.area = Area(code or str(len(self.areas) + 1), title, weight)
            self.areas.append(self.area)
            self.activity, self.last_activity_text = None, None
        activity_cell = reader.cell(row, self.activity_col)
        activity_text = reader.unicode(activity_cell) if activity_cell is not None else ""
        if activity_text and activity_text != self.last_activity_text or self.activity is None:
            code, title = split_code(activity_text) if activity_text else (None, "")
            if self.area is None or self.flat:
                # No area column and no section rows: a flat plan (seed 001), the activities grouped by the
                # first part of their code ([১.১], [১.২] | [২.১]), an area without title or weight each.
                self.flat = True
                area_code = code.split(".")[0] if code else str(len(self.areas) + 1)
                if self.area is None or self.area.code != area_code:
                    self.area = Area(area_code, None, None)
                    self.areas.append(self.area)
            code = code or f"{self.area.code}.{len(self.area.activities) + 1}"
            self.activity = Activity(code, title or activity_text)
            self.area.activities.append(self.activity)
            self.last_activity_text = activity_text

    def _code(self, ind_cell: Cell, indicator_text: str) -> tuple[str, str]:
        reader, activity = self.reader, self.activity
        code, title = split_code(indicator_text)
        if code is None or code.count(".") < 1:
            code = f"{activity.code}.{len(activity.indicators) + 1}"
        elif not code.startswith(activity.code + "."):
            reader.finding(ERROR, ind_cell.where, "code_shape",
                           N_("the indicator code {code} does not belong to its activity {activity}"),
                           code=code, activity=activity.code)
            self.flagged.add(code)
        if code in self.codes:
            self.flagged.add(code)
            reader.finding(ERROR, ind_cell.where, "duplicate_code",
                           N_("the indicator code {code} is used twice (first at {first}); fix it in the grid"),
                           code=code, first=self.codes[code])
        else:
            self.codes[code] = ind_cell.where
        return code, title

    def _unit(self, row: list[Cell], ind_cell: Cell) -> str:
        reader = self.reader
        unit_cell = reader.cell(row, self.unit_col)
        unit_text = reader.unicode(unit_cell) if unit_cell is not None else ""
        unit = _unit(unit_text) if unit_text else None
        if unit is None:
            guessed = _guess_unit(row, self.target_cols + (self.achievement_cols if self.pairs else []))
            where = unit_cell.where if unit_cell is not None else ind_cell.where
            if unit_text:
                reader.finding(ERROR, where, "unknown_unit",
                               N_("the unit \"{raw}\" is not one of সংখ্যা, %, তারিখ; taken as {unit}"),
                               raw=unit_text, unit=UNIT_LABELS[guessed])
            else:
                reader.finding(ERROR, where, "empty_unit", N_("the unit is empty; taken as {unit}"),
                               unit=UNIT_LABELS[guessed])
            unit = guessed
        return unit

    def indicator_row(self, r: int, row: list[Cell], indicator_text: str) -> None:
        reader = self.reader
        self._place(row)
        ind_cell = reader.cell(row, self.indicator_col)
        code, title = self._code(ind_cell, indicator_text)
        self.rows_of.setdefault(code, r)
        unit = self._unit(row, ind_cell)
        weight = reader.number(reader.cell(row, self.weight_col), Msg(N_("weight")))
        if weight is None:
            weight_cell = reader.cell(row, self.weight_col)
            if weight_cell is not None and not weight_cell.text:
                reader.finding(ERROR, weight_cell.where, "empty_weight", N_("the weight is empty; taken as 0"))
            weight = 0
        self.since_subtotal.append(weight)
        value_unit = "count" if unit == "count_and_date" else unit  # its dates come on the rows below
        targets = [reader.value(reader.cell(row, c), value_unit, Msg(N_("target")), target=True)[0]
                   for c in self.target_cols]
        indicator = Indicator(code, title or indicator_text, unit, weight, targets,
                              scoring=self.scoring if unit != "date" else None,
                              responsible=reader.text(row, self.resp_col) or None)
        if self.pairs:
            self._quarter_targets(indicator, row)
        evidence, remarks = self._evidence_and_remarks(row)
        reports = self.reports
        if not reports and not self.pairs:
            indicator.evidence = evidence
        self.activity.indicators.append(indicator)
        self.indicator = indicator
        for c in self.achievement_cols if not self.pairs else ():
            period = c.role.split(":", 1)[1]
            value, na, narrative = reader.achievement(reader.cell(row, c), value_unit)
            if value is None and not na and narrative is None or reports[period].entry(code) is not None:
                continue  # (the year-to-date column, read first, has given this period's entry)
            reports[period].entries.append(Entry(code, value, not_applicable=na, narrative=narrative))
        narrative = reader.text(row, self.narrative_col) or None
        if reports and (evidence or remarks or narrative):
            self.texts.append((code, evidence, remarks, narrative))  # placed once every row is read

    def _evidence_and_remarks(self, row: list[Cell]) -> tuple[str | None, str | None]:
        """The row's evidence and remarks. A remarks line labelled "প্রমাণক:" is evidence: the NIS form has no
        প্রমাণক column, so our export writes the evidence in মন্তব্য so (report_table.nis_columns)."""
        reader = self.reader
        evidence = [text] if (text := reader.text(row, self.evid_col)) else []
        remarks = []
        for line in reader.text(row, self.rem_col).split("\n"):
            labelled = _EVIDENCE_LABEL.match(nfc(line))
            if labelled:
                evidence.append(nfc(line)[labelled.end():].strip())
            elif line.strip():
                remarks.append(line)
        return "\n".join(t for t in evidence if t) or None, "\n".join(remarks) or None

    def continuation_row(self, row: list[Cell]) -> None:
        """A further row of an indicator whose cells are merged down over it: a date in its target column is
        one more dated target ("সংখ্যা ও তারিখ": the count on the first row, a completion date on each next)."""
        ind = self.indicator
        if ind.unit not in ("count_and_date", "date"):
            return
        for c in self.target_cols:
            cell = self.reader.cell(row, c)
            if cell is None or not cell.text or cell.merged:
                continue
            value, _na = self.reader.value(cell, "date", Msg(N_("target")))
            if value is not None:
                ind.target_dates = [*(ind.target_dates or []), value]

    def _quarter_targets(self, indicator: Indicator, row: list[Cell]) -> None:
        """The লক্ষ্যমাত্রা row's quarter columns: a quarter split of the annual target, or (a date indicator)
        one dated target a quarter (NIS 1.6)."""
        reader = self.reader
        cells = [reader.cell(row, c) for c in self.achievement_cols]
        values = [reader.value(cell, indicator.value_unit, Msg(N_("target")))[0] for cell in cells]
        indicator.aggregation = {"count": "sum", "count_and_date": "sum", "percent": "average",
                                 "date": "date"}[indicator.unit]
        if indicator.unit == "date":
            dates = [v for v in values if v is not None]
            if len(dates) > 1 or dates and indicator.targets == [None]:
                indicator.target_dates = dates
                indicator.targets = [None]
        elif any(v is not None for v in values):
            indicator.quarter_targets = values

    def achievement_row(self, row: list[Cell]) -> None:
        """An অর্জন row: each quarter's own figure; every quarter with one becomes that quarter's report, its
        value the year to date as the indicator aggregates (PLANS.md §2.4)."""
        from egov_desktop.core.scoring import aggregate

        reader, ind = self.reader, self.indicator
        own: list[Any] = []
        for c in self.achievement_cols:
            value, na, narrative = reader.achievement(reader.cell(row, c), ind.value_unit)
            own.append(value)
        for q, quarter in enumerate(_QUARTERS[:len(own)]):
            if own[q] is None:
                continue
            report = self.reports.setdefault(quarter, Report(quarter))
            so_far = [v for v in own[:q + 1] if v is not None]
            if ind.target_dates:
                met = [v for v in so_far if isinstance(v, dt.date)]
                dates = [met[i] if i < len(met) else None for i in range(len(ind.target_dates))]
                report.entries.append(Entry(ind.code, None, dates=dates))
            else:
                value = aggregate(so_far, ind.aggregation)
                report.entries.append(Entry(ind.code, value, period_value=own[q]))
        evidence, remarks = self._evidence_and_remarks(row)
        if evidence or remarks:
            # Of the report the table was made for, as in the other layouts; not of each earlier quarter.
            self.texts.append((ind.code, evidence, remarks, None))
        total_cell = reader.cell(row, self.total_col)
        if total_cell is not None and total_cell.text and not ind.target_dates and any(v is not None for v in own):
            printed, _na = reader.value(total_cell, ind.value_unit, Msg(N_("total achievement")))
            computed = aggregate([v for v in own if v is not None], ind.aggregation) if ind.unit != "date" else None
            if printed is not None and computed is not None and abs(printed - computed) > 0.005:
                reader.finding(WARNING, total_cell.where, "total_mismatch",
                               N_("the total achievement says {printed}; the quarters give {computed}"),
                               printed=total_cell.text, computed=f"{computed:g}")


def _has_percent(label: str) -> bool:
    return bool(re.search(r"[0-9]+(?:\.[0-9]+)?\s*%", to_latin_digits(label)))


def _area_label(area: Area) -> str:
    return f"{area.code} {area.title}" if area.title else area.code


def _unique_levels(levels: list[Level], reader: _Reader, header_row: list[Cell], cols: list[Column]) -> list[Level]:
    seen: dict[str, int] = {}
    out = []
    for i, level in enumerate(levels):
        if level.id in seen:
            where = header_row[cols[i].index].where if cols else reader.grid.name
            reader.finding(WARNING, where, "duplicate_level", N_("the level \"{label}\" appears twice"),
                           label=level.label)
            level = Level(f"{level.id}_{i + 1}", level.label, level.percent)
        seen[level.id] = i
        out.append(level)
    return out


def _guess_unit(row: list[Cell], target_cols: list[Column]) -> str:
    for c in target_cols:
        if c.index < len(row):
            cell = row[c.index]
            if excel_date(cell.value) is not None or _looks_like_date(cell.text):
                return "date"
            if "%" in cell.text or cell.number_format and "%" in cell.number_format:
                return "percent"
    return "count"


def _last_number(cells: list[Cell], reader: _Reader) -> float | None:
    for c in reversed(cells):
        if is_number(c.value):
            return c.value
        m = re.search(r"([0-9]+(?:\.[0-9]+)?)\s*$", to_latin_digits(reader.unicode(c)))
        if m and not _COUNT_IN_SUBTOTAL.search(to_latin_digits(c.text)):
            v = float(m.group(1))
            return int(v) if v.is_integer() else v
    return None


def _check_subtotal(reader: _Reader, cell: Cell, total: float | None, count: int | None, weights: list[float]) -> None:
    if count is not None and count != len(weights):
        reader.finding(WARNING, cell.where, "subtotal_count",
                       N_("the subtotal row counts {count} indicators; the rows above it have {rows}"),
                       count=count, rows=len(weights))
    if total is not None and abs(sum(weights) - total) > 1e-6:
        reader.finding(WARNING, cell.where, "subtotal_weight",
                       N_("the subtotal row says {total}; the weights above it add up to {sum}"),
                       total=f"{total:g}", sum=f"{sum(weights):g}")


_OFFICE_ENDINGS = tuple(nfc(w) for w in ("মন্ত্রণালয়", "বিভাগ", "অধিদপ্তর", "অধিদফতর", "পরিদপ্তর", "কার্যালয়", "দপ্তর",
                                          "ইনস্টিটিউট", "কমিশন", "বোর্ড", "কর্তৃপক্ষ", "ব্যুরো", "একাডেমি", "অফিস"))


def _office_from_title(lines: list[str]) -> str | None:
    """The office a title block names: "কার্যালয়ের নাম: X", or the first line that is an office's name (the
    Secretariat header: government line, then the office)."""
    for line in lines:
        m = re.search(r"(?:কার্যালয়ের নাম|দপ্তর/সংস্থার নাম|মন্ত্রণালয়/বিভাগ[^:ঃ]*নাম|অফিসের নাম)\s*[:ঃ]\s*(.+)", nfc(line))
        if m:
            return m.group(1).strip()
    # The last office-like line before the plan's title (a parent ministry may stand above the office),
    # else the first one after it.
    before, after, seen_title = None, None, False
    for line in lines:
        if detect_kind(line):
            seen_title = True
            continue
        words = re.sub(r"\([^)]*\)", " ", nfc(line)).split()
        # "উপজেলা তথ্য অফিস, শ্রীপুর": the office's kind stands before the comma that adds its place.
        if words and len(words) <= 12 and any(w.strip(",।:;") in _OFFICE_ENDINGS for w in words):
            if not seen_title:
                before = nfc(line).strip()
            elif after is None:
                after = nfc(line).strip()
    return before or after


# A fiscal year in a title line: "..., ২০২১-২২", "২০২৩-২৪ অর্থবছরের".
_TITLE_YEAR = re.compile(r"[,\s]*[০-৯0-9]{4}\s*[-–]\s*[০-৯0-9]{2,4}(\s*অর্থবছরের)?")


def _plan_title(lines: list[str], kind: str) -> str:
    for line in lines:
        if detect_kind(line) == kind:
            # Without the plan number ("২.২.১ ") and the year ("..., ২০২১-২২") around it.
            title = re.sub(r"^[\s০-৯0-9.]+", "", line)
            head = _TITLE_YEAR.split(title, 1)[0]
            if _report_period([title]) is not None and detect_kind(head) == kind:
                # A report's title ("<plan> ২০২৩-২৪ এর দ্বিতীয় ত্রৈমাসিক (…) প্রতিবেদন", periods.report_title):
                # what follows the year is the report's, not the plan's.
                title = head
            title = _TITLE_YEAR.sub("", title)
            return re.sub(r"\s+", " ", title).strip(" ,") or line.strip()
    return lines[0].strip() if lines else ""
