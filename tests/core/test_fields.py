import datetime as dt

import pytest

from egov_desktop.core import fields
from egov_desktop.core.fields import FieldError


def test_values_are_checked_for_their_unit_and_returned_in_their_stored_form():
    assert fields.check_value("১৬/০৩/২০২৪", "date") == "2024-03-16"
    assert fields.check_value("৫", "count") == 5
    assert fields.check_value(None, "percent") is None
    for value, unit in ((-1, "count"), (2.5, "count"), (101, "percent"), (dt.datetime(2024, 1, 1), "date")):
        with pytest.raises(FieldError):
            fields.check_value(value, unit)


def test_a_stored_value_fits_a_unit_or_not():
    assert fields.fits("2024-03-16", "date") and fields.fits(None, "date")
    assert not fields.fits(50, "date")
    assert fields.fits(7, "count") and not fields.fits(7.5, "count")
    assert not fields.fits("2024-03-16", "percent")


def test_an_unknown_field_is_named():
    with pytest.raises(FieldError, match="x-colour"):
        fields.check_field(fields.INDICATOR, "x-colour", 1)
    assert fields.check_field(fields.INDICATOR, "unit", "percent") == "percent"

