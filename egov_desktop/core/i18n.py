"""One translation system for the whole program: gettext catalogs made with Babel.

msgids are English; `resources/locale/bn/LC_MESSAGES/messages.po` carries the
Bangla, which is the default language. The GUI, the CLI and the Word export all
translate through this module, so one catalog serves them all.

Messages that must be shown in either language later (validation findings,
parser errors) are kept as `Msg` values and rendered on demand.
"""
from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from egov_desktop.core.digits import localize_digits
from egov_desktop.paths import resource_path

LANGUAGES = ("bn", "en")
DEFAULT_LANGUAGE = "bn"
DOMAIN = "messages"

_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of a language. English is the msgids themselves.

    A compiled .mo is used when it is at least as new as its .po; otherwise the
    .po is compiled in memory, so a source checkout works without a build step.
    """
    if lang == "en":
        return gettext.NullTranslations()
    folder = resource_path("locale", lang, "LC_MESSAGES")
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if not po.exists():
        return gettext.NullTranslations()
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def gettext_for(lang: str | None, msgid: str) -> str:
    return translations(lang or _current).gettext(msgid)


def _(msgid: str) -> str:
    """Translate into the current language."""
    return translations(_current).gettext(msgid)


def N_(msgid: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return msgid


def format_message(msgid: str, params: dict[str, Any], lang: str | None = None) -> str:
    """Translate, fill `{name}` placeholders, and show digits the language's way.

    Only numbers, and texts made of digits and punctuation alone (codes like
    1.1.1, dates, 2023-24), get the language's digits. Anything with a Latin
    letter in it (a computer name "PC2", a path, an e-mail address) is shown as
    it is, since changing its digits would change what it names.
    """
    lang = lang or _current
    template = gettext_for(lang, msgid)
    values = {k: _localize_param(v, lang) for k, v in params.items()}
    return template.format(**values)


def _localize_param(value: Any, lang: str) -> str:
    if isinstance(value, Msg):  # a message inside a message speaks the same language
        return value.render(lang)
    text = str(value)
    if any("a" <= c.lower() <= "z" for c in text):
        return text
    return localize_digits(text, lang)


class MessageError(Exception):
    """An error whose message can be shown in either language; `where`, when set, names the place."""

    def __init__(self, msg: "Msg", where: str = ""):
        super().__init__(msg.msgid)
        self.msg = msg
        self.where = where

    def render(self, lang: str | None = None) -> str:
        text = self.msg.render(lang)
        return f"{self.where}: {text}" if self.where else text

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Msg:
    """A message kept untranslated until shown, so it can be shown in any language."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def render(self, lang: str | None = None) -> str:
        return format_message(self.msgid, self.params, lang)

    def __str__(self) -> str:
        return self.render()
