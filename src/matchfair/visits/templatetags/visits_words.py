"""Words for the visits' numbers: a wish's priority reads "must see", not "priority 3"."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def priority_words(priority: int) -> str:
    """The priority of a wish, joint visit or skipped stop (1 to 3) as people say it."""
    words = {3: _("must see"), 2: _("important"), 1: _("if there is time")}
    return words.get(priority, str(priority))
