from egov_desktop.core.i18n import Msg, format_message


def test_numbers_and_codes_get_bangla_digits_but_names_with_latin_letters_do_not():
    assert format_message("{a} {b} {c}", {"a": 12, "b": "1.2.1", "c": "2023-24"}, "bn") == "১২ ১.২.১ ২০২৩-২৪"
    assert format_message("{host} {path} {mail}", {"host": "PC2", "path": "/tmp/x1/db.sqlite", "mail": "a15@gov.bd"},
                          "bn") == "PC2 /tmp/x1/db.sqlite a15@gov.bd"
    # Bangla text keeps Bangla; a message rendered into another is left alone
    assert Msg("{x}", {"x": "৫ম সভা 5"}).render("bn") == "৫ম সভা ৫"
    assert format_message("{a}", {"a": 12}, "en") == "12"
