"""Template filters for mail bodies: `{{ url|absolute }}` puts a path on the configured site."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from matchfair.outbox.domain.links import absolute_url

register = template.Library()


@register.filter
def absolute(path: str) -> SafeString:
    # A text mail is not HTML: an escaped `&amp;` in a query string would break the link.
    return mark_safe(absolute_url(str(path)))
