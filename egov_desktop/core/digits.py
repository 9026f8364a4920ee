"""Bangla and Latin digits, and NFC normalisation of text."""
from __future__ import annotations

import unicodedata

BANGLA_DIGITS = "০১২৩৪৫৬৭৮৯"
LATIN_DIGITS = "0123456789"
_TO_BN = str.maketrans(LATIN_DIGITS, BANGLA_DIGITS)
_TO_LATIN = str.maketrans(BANGLA_DIGITS, LATIN_DIGITS)


def to_bangla_digits(text: str) -> str:
    return str(text).translate(_TO_BN)


def to_latin_digits(text: str) -> str:
    return str(text).translate(_TO_LATIN)


def localize_digits(text: str, lang: str) -> str:
    """Digits as the language shows them: Bangla digits for "bn", Latin otherwise."""
    return to_bangla_digits(text) if lang == "bn" else to_latin_digits(text)


def nfc(text: str) -> str:
    """Unicode NFC. Note: NFC decomposes য় ড় ঢ় into base + nukta (they are composition exclusions)."""
    return unicodedata.normalize("NFC", text)
