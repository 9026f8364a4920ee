"""The Word report names the attached evidence files in its প্রমাণক column and lists them in an annex."""
import docx

from egov_desktop.core import evidence, exchange
from egov_desktop.export.docx_report import export_docx
from egov_desktop.store.service import Store
from tests import evidence_files as make
from tests.conftest import MODMR
from tests.export.helpers import texts


def _doc_with_evidence(tmp_path):
    with Store.open(tmp_path / "egov.sqlite") as store:
        plan = store.import_document(exchange.load(MODMR)).key
        keys = {ind.code: ind.key for ind in store.get_document(plan).plan.indicators()}
        store.attach_evidence(plan, "H1", keys["1.2.1"], [evidence.from_bytes("সভার কার্যবিবরণী.pdf", make.pdf()),
                                                           evidence.from_bytes("ছবি.png", make.png())])
        return store.get_document(plan)


def test_the_evidence_column_and_the_annex_name_the_files(tmp_path):
    out = export_docx(_doc_with_evidence(tmp_path), "H1", tmp_path / "r.docx")
    document = docx.Document(out)
    report = document.tables[-2]
    cells = [c.text for row in report.rows for c in row.cells]
    assert any("সভার কার্যবিবরণী.pdf, ছবি.png" in text for text in cells)
    annex = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in annex.rows]
    assert rows == [["সূচক", "প্রমাণক ফাইল", "প্রকার", "আকার"],
                    ["১.২.১", "সভার কার্যবিবরণী.pdf", "PDF", "১ কিলোবাইট"],
                    ["১.২.১", "ছবি.png", "PNG", "১ কিলোবাইট"]]
    assert "প্রমাণক ফাইলের তালিকা" in texts(document)


def test_a_report_without_files_has_no_annex(tmp_path):
    out = export_docx(exchange.load(MODMR), "H1", tmp_path / "r.docx")
    document = docx.Document(out)
    assert "প্রমাণক ফাইলের তালিকা" not in texts(document)
