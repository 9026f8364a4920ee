"""Bijoy (SutonnyMJ) legacy Bangla text: detect it and convert it to and from Unicode.

Much Bangla text in offices is still typed with the Bijoy keyboard into
SutonnyMJ-like fonts: the file holds Latin letters and Windows-1252 symbols
that only *look* Bangla in that font ("Avgvi" is "আমার"). Pasted into a
Unicode field it is gibberish, so the program detects it and offers to convert.

The converter is table-driven. Bijoy stores glyphs in visual order, Unicode
in logical order, so beyond the table two things move:
  - the pre-base vowel signs ি ে ৈ are typed before their consonant cluster
    (and ো ৌ are split around it: ে + cluster + া / ৗ);
  - the reph (র্, "©") is typed after the cluster it sits on.
Both directions are here: unicode_to_bijoy makes the test corpus and lets a
user hand text back to colleagues still on Bijoy.
"""
from __future__ import annotations

import re
import unicodedata

HASANTA = "\u09cd"
ZWJ = "\u200d"
ZWNJ = "\u200c"

# Private-use markers while decoding: pre-base vowel signs and the reph, still in visual order.
_PRE_I, _PRE_E, _PRE_OI, _REPH = "\ue001", "\ue002", "\ue003", "\ue004"
_PRE_KAR = {_PRE_I: "ি", _PRE_E: "ে", _PRE_OI: "ৈ"}

# Letters, signs and digits: one glyph, one Unicode sequence (nukta letters decomposed, as NFC keeps them).
_LETTERS = {
    "A": "অ", "Av": "আ", "B": "ই", "C": "ঈ", "D": "উ", "E": "ঊ", "F": "ঋ", "G": "এ", "H": "ঐ", "I": "ও", "J": "ঔ",
    "K": "ক", "L": "খ", "M": "গ", "N": "ঘ", "O": "ঙ", "P": "চ", "Q": "ছ", "R": "জ", "S": "ঝ", "T": "ঞ",
    "U": "ট", "V": "ঠ", "W": "ড", "X": "ঢ", "Y": "ণ", "Z": "ত", "_": "থ", "`": "দ", "a": "ধ", "b": "ন",
    "c": "প", "d": "ফ", "e": "ব", "f": "ভ", "g": "ম", "h": "য", "i": "র", "j": "ল", "k": "শ", "l": "ষ",
    "m": "স", "n": "হ", "o": "ড\u09bc", "p": "ঢ\u09bc", "q": "য\u09bc", "r": "ৎ", "s": "ং", "t": "ঃ", "u": "ঁ",
    "v": "া", "x": "ী", "y": "ু", "~": "ূ", "…": "ৃ", "Š": "ৗ",
    "0": "০", "1": "১", "2": "২", "3": "৩", "4": "৪", "5": "৫", "6": "৬", "7": "৭", "8": "৮", "9": "৯",
    "|": "।", "$": "৳", "Ò": "“", "Ó": "”", "Ô": "‘", "Õ": "’", "Ñ": "—",
    # The visible hasanta: before a consonant it keeps the two letters apart (ক্‌ষ, not ক্ষ).
    "&": HASANTA + ZWNJ,
}

# Conjunct glyphs, half forms (ending in hasanta) and below/after forms (starting with it).
_CONJUNCTS = {
    "°": "ক্ক", "±": "ক্ট", "²": "ক্ষ্ণ", "³": "ক্ত", "´": "ক্ম", "µ": "ক্র", "¶": "ক্ষ", "·": "ক্স",
    "º": "গ্দ", "»": "গ্ধ", "¼": "ঙ্ক", "½": "ঙ্গ", "¾": "জ্জ", "À": "জ্ঝ", "Á": "জ্ঞ",
    "Â": "ঞ্চ", "Ã": "ঞ্ছ", "Ä": "ঞ্জ", "Å": "ঞ্ঝ", "Æ": "ট্ট", "Ç": "ড্ড", "È": "ণ্ট", "É": "ণ্ঠ", "Ê": "ণ্ড",
    "Ë": "ত্ত", "Ì": "ত্থ", "Î": "ত্র", "Ï": "দ্দ", "×": "দ্ধ", "Ø": "দ্ব", "Ù": "দ্ম",
    "Ú": "ন্ঠ", "Û": "ন্ড", "Ü": "ন্ধ", "Ý": "ন্স", "Þ": "প্ট", "ß": "প্ত", "à": "প্প", "á": "প্স",
    "â": "ব্জ", "ã": "ব্দ", "ä": "ব্ধ", "å": "ভ্র", "ç": "ম্ফ",
    "é": "ল্ক", "ê": "ল্গ", "ë": "ল্ট", "ì": "ল্ড", "í": "ল্প", "î": "ল্ফ",
    "ð": "শ্চ", "ñ": "শ্ছ", "ò": "ষ্ণ", "ó": "ষ্ট", "ô": "ষ্ঠ", "õ": "ষ্ফ", "ö": "স্খ", "÷": "স্ট", "ù": "স্ফ",
    "ý": "হ্ন", "þ": "হ্ম",
    # half forms
    "•": "ঙ্", "”": "চ্", "˜": "দ্", "™": "দ্", "š": "ন্", "›": "ন্", "¤": "ম্", "®": "ষ্", "¯": "স্",
    # forms after a consonant
    "Í": "্ত", "—": "্ত", "‘": "্তু", "’": "্থ", "‹": "্ক", "Œ": "্ক্র", "œ": "্ন", "è": "্ন",
    "^": "্ব", "Ÿ": "্ব", "¡": "্ব", "¦": "্ব", "¢": "্ভ", "£": "্ভ্র", "¥": "্ম", "§": "্ম",
    "¨": "্য", "Ö": "্র", "ª": "্র", "«": "্র", "¬": "্ল", "ø": "্ল", "ú": "্প", "¿": "্ত্র",
    # consonant + vowel sign in one glyph
    "¸": "গু", "ï": "শু", "û": "হু", "ü": "হৃ", "¹": "জ্ঞ",
    # র + ZWJ + ্য: ya-phala on র, not a reph
    "i¨": "র\u200d্য",
}

# Variant glyphs of the same vowel sign (the font picks one by the consonant's shape).
_VARIANTS = {"z": "ু", "“": "ু", "–": "ু", "æ": "ু", "ƒ": "ূ", "‚": "ূ", "„": "ৃ"}

_PRE = {"w": _PRE_I, "‡": _PRE_E, "†": _PRE_E, "ˆ": _PRE_OI, "‰": _PRE_OI, "©": _REPH}

_DECODE = {**_LETTERS, **_CONJUNCTS, **_VARIANTS, **_PRE}
_KEYS_BY_LENGTH = sorted({len(k) for k in _DECODE}, reverse=True)

_C = "[\u0995-\u09b9]\u09bc?"
_CLUSTER = f"{_C}(?:{ZWJ}?{HASANTA}{ZWNJ}?{_C})*"
_POST_KARS = "[\u09be\u09c0-\u09c4\u09d7]"
_REPH_RE = re.compile(f"({_CLUSTER})({_POST_KARS}*){_REPH}")
_PRE_RE = re.compile(f"([{_PRE_I}{_PRE_E}{_PRE_OI}])(\u0981?)({_CLUSTER})([\u09be\u09d7]?)")
_CHANDRA_RE = re.compile(f"\u0981({_POST_KARS}|[িেৈ])")

# Windows-1252 bytes that arrive as C1 control characters when Bijoy text was decoded as Latin-1.
# A str.translate table (by code point): it runs on every text the rules check, a character at a time in Python
# would cost most of a plan's check.
_C1 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _pre_kar(m: re.Match) -> str:
    pre, chandra, cluster, post = m.groups()
    if pre == _PRE_E and post == "া":
        kar = "ো"
    elif pre == _PRE_E and post == "ৗ":
        kar = "ৌ"
    else:
        kar = _PRE_KAR[pre] + post
    return cluster + kar + chandra


def bijoy_to_unicode(text: str) -> str:
    """Convert Bijoy (SutonnyMJ) text to Unicode Bangla, NFC.

    Words that are already Unicode Bangla, web and e-mail addresses, and English words (a Bijoy
    document often has them in a Latin font) are left as they are; everything else is converted.
    """
    parts = re.split(r"(\s+)", text)
    return "".join(
        p if not p or p.isspace() or _BANGLA.search(p) or _SKIP_TOKEN.match(p) or _token_vote(p) < 0
        else _convert(p)
        for p in parts
    )


def _longest_match(text: str, table: dict[str, str], lengths: list[int]) -> str:
    """Replace greedily, longest key first; characters no key starts with pass through."""
    out = []
    i = 0
    while i < len(text):
        for n in lengths:
            piece = text[i : i + n]
            if len(piece) == n and piece in table:
                out.append(table[piece])
                i += n
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _convert(text: str) -> str:
    """The whole text as Bijoy, table and reordering."""
    s = _longest_match(text.translate(_C1), _DECODE, _KEYS_BY_LENGTH)
    # A half form followed by a below form gives two hasantas (স্ + ্ত).
    s = s.replace(HASANTA + HASANTA, HASANTA)
    s = _REPH_RE.sub(lambda m: "র" + HASANTA + m.group(1) + m.group(2), s)
    s = _PRE_RE.sub(_pre_kar, s)
    for marker, kar in _PRE_KAR.items():
        s = s.replace(marker, kar)
    s = s.replace(_REPH, "র" + HASANTA)
    # Chandrabindu is typed before a vowel sign at times; Unicode puts it after.
    s = _CHANDRA_RE.sub(lambda m: m.group(1) + "\u0981", s)
    s = s.replace("অা", "আ")
    s = re.sub(f"{HASANTA}{ZWNJ}(?![\u0995-\u09b9])", HASANTA, s)  # nothing to keep apart at a word end
    return unicodedata.normalize("NFC", s)


# ------------------------------------------------------------------ Unicode -> Bijoy

# অ্য / এ্য (the English "a" sound, অ্যাপ): ya-phala on a vowel letter, kept whole by a marker so
# the syllable splitter does not take the য as a consonant of its own.
_VOWEL_YA = {"অ": "\ue010", "এ": "\ue011"}

# Preferred glyph for each Unicode sequence: the first listed wins over later duplicates.
_ENCODE: dict[str, str] = {}
for _table in (_LETTERS, _CONJUNCTS):
    for _glyph, _uni in _table.items():
        _ENCODE.setdefault(_uni, _glyph)
_ENCODE.update(
    {
        "স্ত": "¯Í", "ন্ত": "šÍ", "ন্ত্র": "š¿", "স্ত্র": "¯¿", "ন্দ": "›`", "ন্ট": "›U", "স্থ": "¯’",
        "ন্থ": "š’", "স্ক": "¯‹", "ষ্ক": "®‹", "স্প": "¯ú", "ম্প": "¤ú", "ম্ব": "¤^", "ম্ভ": "¤¢",
        "স্ব": "¯^", "স্ম": "¯§", "ম্ম": "¤§", "ল্ল": "jø", "দ্ভ": "™¢", "ন্ন": "bœ", "ত্ন": "Zœ",
        "ত্ম": "Z¥", "ত্ব": "Z¡", "দ্র": "`ª", "ক্ষ্ম": "¶¥", "স্ক্র": "¯Œ", "ঙ্ক্ষ": "•¶", "ষ্ক্র": "®Œ",
        _VOWEL_YA["অ"]: "A¨", _VOWEL_YA["এ"]: "G¨", HASANTA: "&", HASANTA + ZWNJ: "&", "॥": "||",
        # Typography whose code points are vowel-sign glyphs in the Bijoy fonts: written plainly.
        "…": "...", "–": "-",
    }
)
# Consonant + ya/ra/ba/ma/na/la-phala: listed so the longest match never takes a half form
# (ন্ + য) where the consonant carries a phala (ন + ্য).
for _cons, _glyph in list(_ENCODE.items()):
    if len(_cons) == 1 and "\u0995" <= _cons <= "\u09b9" or _cons in ("ড\u09bc", "ঢ\u09bc", "য\u09bc"):
        for _phala in ("্য", "্র", "্ব", "্ম", "্ন", "্ল"):
            _ENCODE.setdefault(_cons + _phala, _glyph + _ENCODE[_phala])
_ENCODE_KEYS_BY_LENGTH = sorted({len(k) for k in _ENCODE}, reverse=True)
_SPECIAL_SYLLABLES = {"গু": "¸", "শু": "ï", "হু": "û", "হৃ": "ü", "রু": "iæ", "রূ": "iƒ"}
_KAR_GLYPH = {"া": "v", "ী": "x", "ু": "y", "ূ": "~", "ৃ": "…", "ৗ": "Š"}
_PRE_GLYPH = {"ি": "w", "ে": "‡", "ৈ": "ˆ"}

_SYLLABLE_RE = re.compile(
    f"(?P<reph>র{HASANTA}(?={_C}))?(?P<cluster>{_CLUSTER})(?P<kars>[\u09be-\u09cc\u09d7]*)"
)


def _encode_run(s: str) -> str:
    return _longest_match(s, _ENCODE, _ENCODE_KEYS_BY_LENGTH)


def _encode_syllable(m: re.Match) -> str:
    reph = "©" if m.group("reph") else ""
    cluster, kars = m.group("cluster"), m.group("kars")
    special = _SPECIAL_SYLLABLES.get(cluster + kars)
    if special:
        return special + reph
    pre = post = ""
    for kar in kars:
        if kar in _PRE_GLYPH:
            pre += _PRE_GLYPH[kar]
        else:
            post += _KAR_GLYPH.get(kar, kar)
    return pre + _encode_run(cluster) + reph + post


def unicode_to_bijoy(text: str) -> str:
    """Convert Unicode Bangla to Bijoy (SutonnyMJ). Latin letters pass through unchanged."""
    s = unicodedata.normalize("NFD", text)
    for vowel, marker in _VOWEL_YA.items():
        s = s.replace(vowel + "্য", marker)
    out = []
    pos = 0
    for m in _SYLLABLE_RE.finditer(s):
        out.append(_encode_run(s[pos : m.start()]))
        out.append(_encode_syllable(m))
        pos = m.end()
    out.append(_encode_run(s[pos:]))
    return "".join(out)


# ------------------------------------------------------------------ detection

# Bijoy glyph characters outside ASCII. Typographic quotes and dashes are left out (English uses
# them); … counts only inside a word (ৃ), © not at the start (the reph ends a Bijoy syllable)
# and ® not at the end (a half form needs a consonant after it).
_GLYPHS = {ch for key in _DECODE for ch in key if ord(ch) > 127} - set("“”‘’–—…©®")
_BANGLA = re.compile("[\u0980-\u09ff]")
_SKIP_TOKEN = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|\S+@\S+\.\S+|\S+\.(?:gov|com|org|net|edu|ac)(?:\.bd)?\S*)$", re.I
)
# What Bijoy words are made of: a vowel sign on a consonant. "v" (া) is followed by a
# consonant or ends the word, where English puts a vowel after v; ি ("w") before a consonant;
# an upper-case consonant inside a word (not after a one-letter prefix as in "eTIN", "uPay";
# not ঞ, "T", which stands alone rarely); আ ("Av") before a consonant.
_BIJOY_SHAPES = re.compile(
    r"[K-Za-r`_]v(?![aeiouy])|[K-Za-r`_]~|w[K-Z`_bcdgjkmq]|(?<=[A-Za-z`_])[a-z`_][K-SU-Z]|^Av[^aeiou]"
    r"|…[A-Za-z`_]"
)
# No Bangla word starts with ং ঃ ঁ or a vowel sign other than the pre-base ones: "s" "t" "u" "v" "x" "y" "z" "~".
_ENGLISH_START = re.compile(r"^[^\w`]*[stuvxyz~]")
# The commonest English letter pairs that are rare or impossible in Bijoy words.
_ENGLISH_PAIRS = re.compile(
    r"(?=(th|he|in|er|an|re|on|at|nd|ti|or|te|of|ed|it|al|ar|st|to|nt|ng|ha|ou|le|de|hi|ri|ro|ne|ea|ra|ce"
    r"|sh|ch|ck|ho|op|ow|ai|li|lo|ll|ss|ee|oo))"
)


def _token_vote(token: str) -> int:
    """Evidence from one whitespace-separated token: > 0 Bijoy, < 0 English."""
    glyphs = sum(ch in _GLYPHS for ch in token) + ("©" in token[1:]) + ("®" in token[:-1])
    if glyphs:
        return 2 * glyphs
    english = len(_ENGLISH_PAIRS.findall(token)) + (_ENGLISH_START.match(token) is not None)
    return len(_BIJOY_SHAPES.findall(token)) - english


def looks_like_bijoy(text: str) -> bool:
    """True when the text is most likely Bijoy-encoded Bangla rather than English or Unicode Bangla.
    Words already in Unicode Bangla do not count, so Bijoy pasted after Unicode text is found too."""
    if not text:
        return False
    text = text.translate(_C1)
    votes = [_token_vote(t) for t in text.split() if not _SKIP_TOKEN.match(t) and not _BANGLA.search(t)]
    bijoy = sum(v > 0 for v in votes)
    return bijoy > 0 and bijoy > sum(v < 0 for v in votes)
