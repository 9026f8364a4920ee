"""Bijoy (SutonnyMJ) text: hand-checked pairs, the reference plans' phrases round trip, detection."""
import json
import re
import unicodedata
from pathlib import Path

import pytest

from egov_desktop.core.bijoy import bijoy_to_unicode, looks_like_bijoy, unicode_to_bijoy
from egov_desktop.core.digits import to_bangla_digits
from tests.conftest import FIXTURES, MODMR, PIB

BANGLA = re.compile("[\u0980-\u09ff]")
BANGLA_LETTER = re.compile("[\u0980-\u09e5\u09f0-\u09ff]")


def _pairs():
    for line in (FIXTURES / "bijoy_phrases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            bijoy, uni = line.split("\t")
            yield bijoy, unicodedata.normalize("NFC", uni)


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def _plan_phrases() -> list[str]:
    """Every Bangla text of the reference plans (titles, areas, indicators, narratives, memo lines).

    A Bijoy font has no Latin letters, so text mixing scripts is cut into its Bangla runs, and
    Latin digits become Bangla ones (a SutonnyMJ "1" shows as "১").
    """
    out = set()
    for path in (MODMR, PIB):
        for text in _strings(json.loads(Path(path).read_text(encoding="utf-8"))):
            for run in re.split(r"[A-Za-z@&|^~`_$\\]+", text):
                run = unicodedata.normalize("NFC", to_bangla_digits(run)).strip()
                if BANGLA_LETTER.search(run):
                    out.add(run)
    return sorted(out)


@pytest.mark.parametrize("bijoy,uni", list(_pairs()))
def test_hand_checked_pairs_both_ways(bijoy, uni):
    assert bijoy_to_unicode(bijoy) == uni
    assert bijoy_to_unicode(unicode_to_bijoy(uni)) == uni


def test_reference_plan_phrases_round_trip_exactly():
    phrases = _plan_phrases()
    assert len(phrases) >= 50
    failures = [(p, unicode_to_bijoy(p)) for p in phrases if bijoy_to_unicode(unicode_to_bijoy(p)) != p]
    assert failures == []
    # The Bijoy side really is Bijoy: no Bangla code point left, and the detector flags it.
    for p in phrases:
        b = unicode_to_bijoy(p)
        assert not BANGLA.search(b), (p, b)
    flagged = [p for p in phrases if looks_like_bijoy(unicode_to_bijoy(p))]
    assert len(flagged) >= 0.95 * len(phrases)


def test_every_bangla_message_of_the_program_round_trips():
    """The Bangla catalog is hundreds more real phrases. Characters that are glyphs of the Bijoy font
    (Latin letters, ·, …) cannot be in Bijoy text, so the phrases are cut at them."""
    from babel.messages.pofile import read_po

    from egov_desktop.core.bijoy import _DECODE
    from egov_desktop.paths import resource_path

    glyphs = {ch for key in _DECODE for ch in key if not BANGLA.match(ch)} - set(" ,.:;()/-?!'\"%0123456789")
    cut = re.compile("[" + re.escape("".join(sorted(glyphs))) + "A-Za-z{}\\n]+")
    with resource_path("locale", "bn", "LC_MESSAGES", "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="bn")
    phrases = {
        unicodedata.normalize("NFC", to_bangla_digits(run)).strip()
        for entry in catalog if isinstance(entry.string, str)
        for run in cut.split(entry.string)
    }
    phrases = sorted(p for p in phrases if BANGLA_LETTER.search(p))
    assert len(phrases) >= 300
    assert [p for p in phrases if bijoy_to_unicode(unicode_to_bijoy(p)) != p] == []


def test_hard_words_round_trip_exactly():
    lines = (FIXTURES / "bijoy_phrases_words.txt").read_text(encoding="utf-8").splitlines()
    words = [unicodedata.normalize("NFC", w) for w in lines if w and not w.startswith("#")]
    assert len(words) >= 50
    assert [w for w in words if bijoy_to_unicode(unicode_to_bijoy(w)) != w] == []
    assert unicode_to_bijoy("আকাঙ্ক্ষা") == "AvKv•¶v" and unicode_to_bijoy("অ্যাপ") == "A¨vc"


def test_output_is_nfc_with_nukta_letters_decomposed():
    out = bijoy_to_unicode("eo cvnvo bq")  # বড় পাহাড় নয়
    assert out == unicodedata.normalize("NFC", "বড় পাহাড় নয়")
    assert "\u09bc" in out and "\u09dc" not in out and "\u09df" not in out


@pytest.mark.parametrize(
    "bijoy,uni",
    [
        ("KZ©v", "কর্তা"),  # reph typed before the vowel sign
        ("KZv©", "কর্তা"),  # ... or after it: both are seen in the wild
        ("wZ©", "র্তি"),  # reph and a pre-base vowel sign on one cluster
        ("‡Kv", "কো"),  # ো split around its consonant
        ("‡KŠ", "কৌ"),
        ("‡¯Œ", "স্ক্রে"),  # pre-base sign before a three-part conjunct
        ("Puv`", "চাঁদ"),  # chandrabindu typed before the vowel sign
        ("i¨vsK", "র‍্যাংক"),  # ya-phala on র, with ZWJ
        ("Kvh©", "কার্য"),  # reph on য, without ZWJ
        ("K&", "ক্"),
        ("ga¨", "মধ্য"),
        ("eo", "বড়"),
        ("Drm", "উৎস"),
        ("5%", "৫%"),
    ],
)
def test_reordering_and_special_glyphs(bijoy, uni):
    assert bijoy_to_unicode(bijoy) == unicodedata.normalize("NFC", uni)


def test_text_pasted_as_latin1_control_characters_is_understood():
    # Bijoy text decoded as Latin-1 instead of Windows-1252 carries ‡ as U+0087.
    assert bijoy_to_unicode("\x87`k") == "দেশ"
    assert looks_like_bijoy("evsjv\x87`k")


@pytest.mark.parametrize(
    "text",
    [
        "Avgvi",
        "Avgvi †`k",
        "Kg©KZ©v",
        "cÖwZ‡e`b",
        "msL¨v",
        "evsjv",
        "Z_¨ evZvqb nvjbvMv`KiY",
        "B-bw_i e¨envi e…w×",
    ],
)
def test_detects_bijoy(text):
    assert looks_like_bijoy(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "e-Nothi",
        "myGov Application",
        "https://www.a2i.gov.bd/site/page?id=12",
        "www.pib.gov.bd",
        "info@pib.gov.bd",
        "ekShop",
        "a2i",
        "Digital Bangladesh Day",
        "Service Process Simplification (SPS)",
        "Innovation showcasing",
        "Microsoft® Word",
        "© a2i 2024",
        "Govt. of the People’s Republic of Bangladesh",
        "Md. Abdul Karim, Deputy Secretary",
        "Chattogram",
        "Mymensingh",
        "Average",
        "Available",
        "Evaluation",
        "2023-24",
        "১৬/০৩/২০২৪",
        "আমার সোনার বাংলা",
        "ই-নথি (e-Nothi) ব্যবহার",
        "আমার দেশ: Avenue Road",
        "eTIN, eReturn, iTax, uPay, bKash, IoT",
        "upazila.gov.bd",
        "iBAS++ ও e-GP",
    ],
)
def test_does_not_flag_english_numbers_or_unicode_bangla(text):
    assert not looks_like_bijoy(text)


@pytest.mark.parametrize(
    "mixed,uni",
    [
        ("বাংলা Avgvi †`k", "বাংলা আমার দেশ"),  # Bijoy pasted after Unicode text
        ("B-bw_ (e-Nothi) e¨envi", "ই-নথি (e-Nothi) ব্যবহার"),  # an English word in a Latin font
        ("Z_¨ evZvqb www.pib.gov.bd", "তথ্য বাতায়ন www.pib.gov.bd"),
        ("‡hvMv‡hvM: info@pib.gov.bd", "যোগাযোগ: info@pib.gov.bd"),
        ("welq:\tKvh©µg\n2023-24", "বিষয়:\tকার্যক্রম\n২০২৩-২৪"),  # whitespace kept as it was
    ],
)
def test_mixed_text_converts_only_the_bijoy_words(mixed, uni):
    assert looks_like_bijoy(mixed)
    assert bijoy_to_unicode(mixed) == unicodedata.normalize("NFC", uni)
    assert bijoy_to_unicode(uni) == unicodedata.normalize("NFC", uni)  # converting twice changes nothing
