"""What a kind of mail is called on a page: the outbox's codes ("request_reminder") never show."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def mail_kind(kind: str) -> str:
    """The kind of a message in the outbox as words; an unknown kind loses its punctuation."""
    words = {
        "mailing": _("Mailing"),
        "request_reminder": _("Reminder of requests waiting"),
        "booking_opened": _("Booking opened"),
        "booking_closed": _("Booking closed"),
        "funding.digest": _("Funding calls digest"),
        "funding.topics_changed": _("Funding calls changed"),
        "account.confirm": _("Address confirmation"),
        "account.password_reset": _("Password reset"),
        "release": _("Schedule released"),
    }
    if kind in words:
        return words[kind]
    return kind.replace("_", " ").replace(".", ": ").capitalize()
