"""Dates as each language writes them, for every page, mail and PDF.

- `bg/formats.py`: the named formats (DATE_FORMAT, DATETIME_FORMAT, ...) of Bulgarian, found
  through FORMAT_MODULE_PATH ("7 декември 2026", not Django's "07 Декември 2026").
- `apps.py`: at start-up, `lowercase_names()` makes Django's month and weekday names lowercase
  in the languages that write them so. Django's Bulgarian catalogue capitalises them
  ("Декември", "Вт") and the "M" format title-cases in code, so neither a translation nor a
  format module alone can fix "D j M"; this is the one place that does.
"""

from collections.abc import Callable

from django.utils import dateformat
from django.utils.dates import MONTHS_3
from django.utils.translation import get_language

# Languages whose month and weekday names are common nouns, written in lowercase.
LOWERCASE_NAMES = frozenset({"bg"})

# Format letters that give a month or weekday name.
_NAME_LETTERS = ("D", "E", "F", "l", "N")


def writes_lowercase(language: str | None = None) -> bool:
    return (language or get_language() or "en")[:2] in LOWERCASE_NAMES


def _lowered(original: Callable[[dateformat.DateFormat], str]) -> Callable[..., str]:
    def letter(self: dateformat.DateFormat) -> str:
        text = str(original(self))
        return text.lower() if writes_lowercase() else text

    letter.__doc__ = original.__doc__
    letter.lowercased = True  # type: ignore[attr-defined]
    return letter


def _short_month(self: dateformat.DateFormat) -> str:
    """'M': in Bulgarian the abbreviation Bulgarian writes ("дек.", "май"), not "Дек"."""
    if writes_lowercase():
        return self.N()
    return str(MONTHS_3[self.data.month]).title()  # type: ignore[union-attr]


def lowercase_names() -> None:
    """Install the lowercase names on Django's DateFormat; calling it again changes nothing."""
    for name in _NAME_LETTERS:
        original = getattr(dateformat.DateFormat, name)
        if not getattr(original, "lowercased", False):
            setattr(dateformat.DateFormat, name, _lowered(original))
    dateformat.DateFormat.M = _short_month  # type: ignore[method-assign]
