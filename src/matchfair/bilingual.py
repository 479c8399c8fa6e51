"""Event data in English and Bulgarian: pick the reader's language, falling back to English.

A bilingual field is a pair on the model: `name` (English, required) and `name_bg`
(Bulgarian, may be empty). Python calls `localised(obj, "name")`; templates write
`{{ session|local:"name" }}` (the builtin filter in `events/templatetags/bilingual.py`).
Mails are rendered in their reader's language, so the same call serves them too.
"""

from typing import Any

from django.utils.translation import get_language

# The languages that have a field of their own beside the English one.
SECOND_LANGUAGES = frozenset({"bg"})


def reader_language(language: str | None = None) -> str:
    return (language or get_language() or "en")[:2]


def localised(obj: Any, field: str, language: str | None = None) -> str:
    """`obj.<field>_<language>` when the reader reads that language and it is filled in, else
    the English `obj.<field>`."""
    language = reader_language(language)
    if language in SECOND_LANGUAGES:
        translated = getattr(obj, f"{field}_{language}", "")
        if translated:
            return str(translated)
    return str(getattr(obj, field))


def pick(english: str, bulgarian: str, language: str | None = None) -> str:
    """The same choice for values read without their model (`values_list` rows)."""
    return bulgarian if bulgarian and reader_language(language) == "bg" else english
