"""The "My day" link in the navigation, for members of a delegation at the event."""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from matchfair.visits.models import DelegationMember

register = template.Library()


@register.simple_tag
def my_day_link(event: Any, registration: Any) -> SafeString:
    """One indexed query, only for a registered visitor; nothing for everyone else."""
    if registration is None:
        return mark_safe("")
    if not DelegationMember.objects.filter(registration=registration).exists():
        return mark_safe("")
    return format_html(
        '<a href="{}">{}</a>', reverse("visits:my_day", kwargs={"event": event.slug}), _("My day")
    )
