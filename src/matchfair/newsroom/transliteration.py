"""Bulgarian to Latin letters by the official Streamlined System (the Transliteration Act of
2009), for slugs: щ is "sht" (not the Russian "shch"), ъ is "a", and "ия" ending a word is "ia".

    >>> transliterate("София, България")
    'Sofia, Balgaria'
"""

import re
import unicodedata

from django.utils.text import slugify

LETTERS: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
}

# "-ия" at the end of a word is "-ia" (София → Sofia), whatever its case.
WORD_END_IA = re.compile(r"([иИ])([яЯ])(?![\w])")


def _letter(char: str, neighbours: str) -> str:
    latin = LETTERS.get(char.lower())
    if latin is None:
        return char
    if not char.isupper():
        return latin
    # In a word written in capitals, every letter stays a capital: ЖИВОТ → ZHIVOT.
    if any(other.isupper() for other in neighbours):
        return latin.upper()
    return latin.capitalize()


def transliterate(text: str) -> str:
    """`text` with every Bulgarian Cyrillic letter in Latin letters; anything else unchanged."""
    text = unicodedata.normalize("NFC", text)
    text = WORD_END_IA.sub(
        lambda match: ("I" if match[1].isupper() else "i") + ("A" if match[2].isupper() else "a"),
        text,
    )
    return "".join(
        _letter(char, text[max(index - 1, 0) : index] + text[index + 1 : index + 2])
        for index, char in enumerate(text)
    )


def slug_of(text: str, *, max_length: int = 120) -> str:
    """A URL slug in ASCII for a title in either language."""
    slug = slugify(transliterate(text))[:max_length].strip("-")
    return slug or "article"
