"""Plan tables made the way offices make them, for the import-table tests.

Each builder writes a file as an officer's Excel sheet or Word table looks (PLANS.md §1): a title line
above, two header rows with a merged "লক্ষ্যমাত্রা" over the level names, areas merged down their rows,
codes with and without brackets in Bangla, Latin and mixed digits, Bijoy (SutonnyMJ) text, a damaged
cell (an Excel number-format code where a percent was), a subtotal row. What each file holds on purpose
is listed in its builder, so that the tests can name the cells they expect findings at.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from egov_desktop.core.bijoy import unicode_to_bijoy

LEVELS = ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]


def grs_xlsx(path: Path) -> Path:
    """A GRS plan 2021-22 with a Q1 report, as a ministry's section keeps it in Excel.

    Rows (Excel numbering): 1 title (merged A1:N1), 2 office line, 3–4 header (4 = level names),
    5 column numbers, 6–9 area 1 (merged A6:A9, B6:B9), 10 area 2, 11 subtotal.
    On purpose: C6 activity code in mixed digits "[১.1]"; D7 indicator in Bijoy; E8 empty unit; L7 a
    percent kept by Excel as 0.95 with format 0.00%; L9 (Q1 achievement of 1.2.3) the damaged
    "$-5000445]0.2f%"; row 9 hidden; D10 the code 1.1.1 again (a duplicate, and not of its activity 2.1);
    G10 a date under unit সংখ্যা; the subtotal "উপমোট= (৫টি সূচক)" says ২৫, as the weights add up.
    """
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GRS"
    ws.append(["অভিযোগ প্রতিকার ব্যবস্থা সংক্রান্ত কর্মপরিকল্পনা, ২০২১-২০২২"])
    ws.merge_cells("A1:N1")
    ws.append(["মন্ত্রণালয়/বিভাগের নাম: আর্থিক প্রতিষ্ঠান বিভাগ"])
    ws.merge_cells("A2:N2")
    ws.append(["কার্যক্রমের ক্ষেত্র", "মান", "কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "কর্মসম্পাদন সূচকের মান",
               "লক্ষ্যমাত্রা ২০২১-২০২২", None, None, None, None, "অর্জন (জুলাই-সেপ্টেম্বর ২০২১)", "প্রমাণক", "মন্তব্য"])
    ws.append([None] * 6 + LEVELS + [None] * 3)
    for col in "ABCDEFLMN":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("G3:K3")
    ws.append(["১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯", "১০", "১১", "১২", "১৩", "১৪"])
    ws.append(["প্রাতিষ্ঠানিক ব্যবস্থাপনা", 15, "[১.1] অনিক ও আপিল কর্মকর্তার তথ্য হালনাগাদকরণ",
               "[১.১.১] অনিক ও আপিল কর্মকর্তার তথ্য ওয়েবসাইটে হালনাগাদকৃত", "সংখ্যা", 5,
               4, 3, None, None, None, 1, "হালনাগাদ সম্পন্নের সরকারি পত্র", None])
    ws.append([None, None, "[১.২] অভিযোগ নিষ্পত্তি", unicode_to_bijoy("[১.২.১] নিষ্পত্তিকৃত অভিযোগ"), "%", 5,
               90, 80, 70, 60, None, 0.95, None, None])
    ws["L7"].number_format = "0.00%"
    ws.append([None, None, None, "১.২.২ সভা আয়োজিত", None, 3, 4, 3, 2, 1, None, 2, None, None])
    ws.append([None, None, None, "১.২.৩ প্রতিবেদন প্রেরিত", "%", 2, 100, 90, 80, None, None,
               "$-5000445]0.2f%", None, None])
    ws.row_dimensions[9].hidden = True
    for col in "AB":
        ws.merge_cells(f"{col}6:{col}9")
    ws.merge_cells("C7:C9")
    ws.append(["সক্ষমতা অর্জন", 10, "[২.১] প্রশিক্ষণ আয়োজন", "[১.১.১] কর্মকর্তা/কর্মচারীদের প্রশিক্ষণ আয়োজিত",
               "সংখ্যা", 10, dt.datetime(2021, 12, 15), 1, None, None, None, None, None, None])
    ws.append(["উপমোট= (৫টি সূচক)", None, None, None, None, 25])
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True)
    wb.save(path)
    return path


def fid_docx(path: Path) -> Path:
    """FID's one-table shape for the five plans (PLANS.md §1), an RTI plan 2021-22 in Word: title
    paragraphs, one annual target, a Q1 and a year-to-date achievement column, a subtotal row. On purpose:
    codes "[১.2.১]" (mixed digits) and "১.৩.১" (no brackets); a cell "--"; an achievement "প্রযোজ্য নয়";
    row 4 (1.2.1) achievement in Latin digits with %; row 5 a date before the fiscal year."""
    import docx

    d = docx.Document()
    d.add_paragraph("২.২.৫ তথ্য অধিকার বিষয়ে ২০২১-২২ অর্থবছরের বার্ষিক কর্মপরিকল্পনা")
    d.add_paragraph("আর্থিক প্রতিষ্ঠান বিভাগ")
    head = ["কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "কর্মসম্পাদন সূচকের মান", "বাৎসরিক লক্ষ্যমাত্রা ২০২১-২২",
            "অর্জন (জুলাই-সেপ্টেম্বর ২০২১)", "অর্জন (জুলাই ২০২১- জুন ২০২২)", "বাস্তবায়নের জন্য দায়িত্বপ্রাপ্ত শাখা"]
    rows = [
        ["[১.১] তথ্য অধিকার আইন অনুযায়ী নির্ধারিত সময়ের মধ্যে তথ্য প্রদান", "[১.১.১] নির্ধারিত সময়ের মধ্যে তথ্য প্রদানকৃত",
         "%", "৬", "১০০%", "১০০%", "১০০%", "আইসিটি শাখা"],
        ["[১.২] স্বপ্রণোদিতভাবে প্রকাশযোগ্য তথ্য হালনাগাদ করে ওয়েবসাইটে প্রকাশ", "[১.2.১] হালনাগাদকৃত তথ্য ওয়েবসাইটে প্রকাশিত",
         "তারিখ", "৪", "৩১-১২-২০২১", "--", "--", "আইসিটি শাখা"],
        ["[১.৩] বার্ষিক প্রতিবেদন প্রকাশ", "১.৩.১ বার্ষিক প্রতিবেদন প্রকাশিত", "তারিখ", "৩", "১৫-১০-২০২১",
         "৩০-০৬-২০২১", "৩০-০৬-২০২১", "প্রশাসন শাখা"],
        ["[১.৪] তথ্য অধিকার বিষয়ে প্রশিক্ষণ আয়োজন", "[১.৪.১] প্রশিক্ষণ আয়োজিত", "সংখ্যা", "৩", "৩", "1",
         "1", "প্রশাসন শাখা"],
        ["[১.৫] আওতাধীন দপ্তরের তথ্য অধিকার পরিবীক্ষণ", "[১.৫.১] পরিবীক্ষণ সম্পন্ন", "সংখ্যা", "২", "২", "প্রযোজ্য নয়",
         "প্রযোজ্য নয়", "প্রশাসন শাখা"],
    ]
    t = d.add_table(rows=1 + len(rows) + 1, cols=len(head))
    t.style = "Table Grid"
    for c, text in enumerate(head):
        t.cell(0, c).text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    last = len(rows) + 1
    merged = t.cell(last, 0).merge(t.cell(last, 2))
    merged.text = "উপমোট= (৫টি সূচক)"
    t.cell(last, 3).text = "১৮"
    d.save(path)
    return path


def nis_field_docx(path: Path) -> Path:
    """The Cabinet Division's NIS monitoring table of a field office, 2020-21 (PLANS.md §2.1, N1), with its
    first two quarters entered: 14 numbered columns, section rows ("১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮", and one
    with dot leaders), each indicator two rows (লক্ষ্যমাত্রা / অর্জন) with columns ১–৬ merged over both.
    On purpose: 2.2 is a date indicator with one date a quarter (three), met on time once and late once;
    1.2's মোট অর্জন is printed wrong (৮০% for quarters of ৮০% and ১০০%)."""
    import docx

    d = docx.Document()
    d.add_paragraph("জাতীয় শুদ্ধাচার কৌশল কর্ম-পরিকল্পনা প্রণয়ন ও বাস্তবায়ন অগ্রগতি পরিবীক্ষণ কাঠামো, ২০২০-২০২১")
    d.add_paragraph("আঞ্চলিক/মাঠ পর্যায়ের কার্যালয়ের নাম: জাতীয় সঞ্চয় বিভাগীয় কার্যালয়, রাজশাহী")
    head1 = ["কার্যক্রমের নাম", "কর্মসম্পাদন সূচক", "সূচকএর মান", "একক", "বাস্তবায়নেদায়িত্বপ্রাপ্ত ব্যক্তি/পদ",
             "২০২০-২০২১ অর্থবছরের লক্ষ্যমাত্রা", "লক্ষ্যমাত্রা/ অর্জন", "বাস্তবায়ন অগ্রগতি পরিবীক্ষণ, ২০২০-২০২১",
             "", "", "", "মোট অর্জন", "অর্জিত মান", "মন্তব্য"]
    quarters = ["১ম কোয়ার্টার", "২য় কোয়ার্টার", "৩য় কোয়ার্টার", "৪র্থ কোয়ার্টার"]
    sections = {0: "১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮", 2: "২. দক্ষতা ও নৈতিকতার উন্নয়ন……………………..…. ৭"}
    indicators = [
        (["১.১ নৈতিকতা কমিটির সভা", "অনুষ্ঠিত সভা", "৪", "সংখ্যা", "উপ-পরিচালক", "৪"],
         ["১", "১", "১", "১"], ["১", "১", "", ""], "২", "২"),
        (["১.২ নৈতিকতা কমিটির সভার সিদ্ধান্ত বাস্তবায়ন", "বাস্তবায়িত সিদ্ধান্ত", "৪", "%", "উপ-পরিচালক", "১০০%"],
         ["১০০%", "১০০%", "১০০%", "১০০%"], ["৮০%", "১০০%", "", ""], "৮০%", "৩.৬"),
        (["২.১ শুদ্ধাচার সংক্রান্ত প্রশিক্ষণ আয়োজন", "প্রশিক্ষণার্থী", "৪", "সংখ্যা", "সহকারী পরিচালক", "১২০"],
         ["৩০", "৩০", "৩০", "৩০"], ["৩০", "২৫", "", ""], "৫৫", "১.৮৩"),
        (["২.২ ত্রৈমাসিক পরিবীক্ষণ প্রতিবেদন দাখিল", "প্রতিবেদন দাখিলকৃত", "৩", "তারিখ", "উপ-পরিচালক", ""],
         ["১৫-১০-২০২০", "১৫-০১-২০২১", "১৫-০৪-২০২১", ""], ["১৫-১০-২০২০", "২০-০১-২০২১", "", ""], "", "১"),
    ]
    n_rows = 3 + len(sections) + 2 * len(indicators)
    t = d.add_table(rows=n_rows, cols=14)
    t.style = "Table Grid"
    for c, text in enumerate(head1):
        t.cell(0, c).text = text
    for c, text in enumerate(quarters, start=7):
        t.cell(1, c).text = text
    t.cell(0, 7).merge(t.cell(0, 10)).text = head1[7]
    for c in [*range(7), 11, 12, 13]:
        t.cell(0, c).merge(t.cell(1, c))
    for c in range(14):
        t.cell(2, c).text = str(c + 1).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    r = 3
    for i, (fixed, targets, achieved, total, score) in enumerate(indicators):
        if i in sections:
            merged = t.cell(r, 0).merge(t.cell(r, 13))
            merged.text = sections[i]
            r += 1
        for c, text in enumerate(fixed):
            t.cell(r, c).text = text
        t.cell(r, 6).text = "লক্ষ্যমাত্রা"
        t.cell(r + 1, 6).text = "অর্জন"
        for c, (target, got) in enumerate(zip(targets, achieved), start=7):
            t.cell(r, c).text = target
            t.cell(r + 1, c).text = got
        t.cell(r + 1, 11).text = total
        t.cell(r + 1, 12).text = score
        for c in range(6):
            t.cell(r, c).merge(t.cell(r + 1, c))
        r += 2
    d.save(path)
    return path


def cc_fid_xlsx(path: Path) -> Path:
    """FID's Citizen's Charter plan 2021-22 and its Q1 report (PLANS.md §4.6, R4), the FID one-table shape:
    one annual target, a Q1 and a year-to-date column, the subtotal "উপমোট= (৪টি সূচক)" with ২৫. On purpose:
    the code [১.১.১] twice (under [১.১] and under [২.১]: R4 prints it so), the damaged target of 1.1.1,
    "-" where nothing was achieved."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "২.২.৪"
    ws.append(["২.২.৪ সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনা, ২০২১-২২"])
    ws.append(["আর্থিক প্রতিষ্ঠান বিভাগ"])
    ws.append(["কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "কর্মসম্পাদন সূচকের মান", "বাৎসরিক লক্ষ্যমাত্রা ২০২১-২২",
               "অর্জন (জুলাই-সেপ্টেম্বর ২০২১)", "অর্জন (জুলাই ২০২১- জুন ২০২২)", "বাস্তবায়নের জন্য দায়িত্বপ্রাপ্ত শাখা"])
    ws.append(["[১.১] সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ কমিটির সিদ্ধান্ত বাস্তবায়ন", "[১.১.১] সিদ্ধান্ত বাস্তবায়িত",
               "%", 8, "$-5000445]0.2f%", "-", "-", "প্রশাসন শাখা"])
    ws.append(["[১.২] সেবা প্রদান প্রতিশ্রুতি ত্রৈমাসিক ভিত্তিতে হালনাগাদকরণ", "[১.২.১] ওয়েবসাইটে প্রতি ত্রৈমাসিকে হালনাগাদকৃত",
               "সংখ্যা", 5, 4, 1, 1, "আইসিটি সেল"])
    ws.append(["[২.১] সেবা প্রদান প্রতিশ্রুতি বিষয়ক প্রশিক্ষণ আয়োজন", "[১.১.১] প্রশিক্ষণ আয়োজিত", "সংখ্যা", 5, 4, "-",
               "-", "প্রশাসন শাখা"])
    ws.append(["[২.২] সেবা প্রদান প্রতিশ্রুতি বিষয়ে স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন",
               "[১.৩.১] অবহিতকরণ সভা অনুষ্ঠিত", "সংখ্যা", 7, 2, "-", "-", "প্রশাসন শাখা"])
    ws.append(["উপমোট= (৪টি সূচক)", None, None, 25])
    wb.save(path)
    return path


def three_header_rows_xlsx(path: Path) -> Path:
    """A header merged over three rows (লক্ষ্যমাত্রা over the year over the level names), and NIS 1.5's
    "সংখ্যা ও তারিখ" printed over three rows (the count, then a completion date on each row below)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা, ২০২১-২২"])
    ws.append(["কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "কর্মসম্পাদন সূচকের মান", "লক্ষ্যমাত্রা", None])
    ws.append([None, None, None, None, "২০২১-২২", None])
    ws.append([None, None, None, None, "অসাধারণ", "উত্তম"])
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}4")
    ws.merge_cells("E2:F2")
    ws.merge_cells("E3:F3")
    ws.append(["[১.১] নৈতিকতা কমিটির সভা আয়োজন", "[১.১.১] সভা আয়োজিত", "সংখ্যা", 4, 4, 3])
    ws.append(["[১.২] কর্ম-পরিবেশ উন্নয়ন", "[১.২.১] উন্নত কর্ম-পরিবেশ", "সংখ্যা ও তারিখ", 2, "২ টি", None])
    ws.append([None, None, None, None, "৩১-১২-২০২১", None])
    ws.append([None, None, None, None, "৩০-০৬-২০২২", None])
    for col in "ABCD":
        ws.merge_cells(f"{col}6:{col}8")
    wb.save(path)
    return path
