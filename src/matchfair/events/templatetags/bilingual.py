"""`{{ table|local:"location" }}`: a bilingual field in the reader's language (a builtin)."""

from typing import Any

from django import template

from matchfair.bilingual import localised

register = template.Library()


@register.filter
def local(obj: Any, field: str) -> str:
    if obj is None or obj == "":
        return ""
    return localised(obj, field)
