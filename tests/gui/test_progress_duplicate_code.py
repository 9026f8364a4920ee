"""Two indicators with one code (real plans have them; the importer keeps them, the rules flag them): each row
of the progress grid shows its own achievement and its own score, not its twin's (issue 15)."""
from __future__ import annotations

import json

from egov_desktop.core import exchange
from egov_desktop.gui.models import ProgressModel
from tests.conftest import PIB
from tests.documents import duplicate_code


def test_twins_of_one_code_each_show_their_own_achievement_and_score(store, session, undo_stack):
    raw = json.loads(PIB.read_text(encoding="utf-8"))
    code = duplicate_code(raw, title="একই কোডের দ্বিতীয় সূচক")
    key = store.import_document(exchange.loads(json.dumps(raw, ensure_ascii=False))).key
    model = ProgressModel(session, key, "Q1")
    first, twin = [r for r in range(model.rowCount()) if model.indicator(r).code == code]
    # Targets 16/03, 20/03, 30/03, 06/04, 13/04/2024 (100, 90, 80, 70, 60%), weight 10.
    assert model.setData(model.index(first, model.column_of("value")), "১৬/০৩/২০২৪")
    assert model.setData(model.index(twin, model.column_of("value")), "০৬/০৪/২০২৪")

    def shown(row: int, col: str):
        return model.index(row, model.column_of(col)).data()

    assert (shown(first, "value"), shown(first, "percent"), shown(first, "score")) == ("১৬/০৩/২০২৪", "১০০%", "১০")
    assert (shown(twin, "value"), shown(twin, "percent"), shown(twin, "score")) == ("০৬/০৪/২০২৪", "৭০%", "৭")
    # Read again from the database, as a newly opened grid does.
    again = ProgressModel(session, key, "Q1")
    assert [again.index(r, again.column_of("score")).data() for r in (first, twin)] == ["১০", "৭"]
    assert [again.index(r, again.column_of("value")).data() for r in (first, twin)] == ["১৬/০৩/২০২৪", "০৬/০৪/২০২৪"]
