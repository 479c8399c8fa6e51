"""The check-in QR on an attendee's badge: a signed token naming the attendee and the session,
drawn by segno on the server (no network), and the check-in by scanning it.

The token is signed with the site's secret (Django's signing, its own salt), so nobody makes
one up or turns one attendee's into another's. It is good until the end of the session's day;
scanning it is a check-in only for the secretariat of that session's partnership."""

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import segno
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from matchfair import permissions
from matchfair.assembly.domain.sessions import check_in
from matchfair.assembly.models import Attendee
from matchfair.outbox.domain.links import absolute_url

SALT = "matchfair.assembly.check-in"


def check_in_token(attendee: Attendee) -> str:
    return signing.dumps({"a": attendee.pk, "s": attendee.session_id}, salt=SALT, compress=True)


def check_in_url(attendee: Attendee) -> str:
    """The full address the badge's QR holds."""
    return absolute_url(reverse("assembly:scan", kwargs={"token": check_in_token(attendee)}))


def badge_qr_svg(attendee: Attendee) -> bytes:
    """The QR of `check_in_url` as an SVG image, drawn here: no request leaves the server."""
    out = io.BytesIO()
    segno.make_qr(check_in_url(attendee), error="m").save(
        out, kind="svg", scale=8, border=2, title=str(attendee.user)
    )
    return out.getvalue()


def session_day_over(attendee: Attendee, now: dt.datetime | None = None) -> bool:
    """Whether the session's day has ended where it is held (the linked event's zone, else the
    site's)."""
    session = attendee.session
    zone = session.event.zone if session.event is not None else timezone.get_current_timezone()
    today = (now or timezone.now()).astimezone(zone).date()
    return today > session.date


@dataclass(frozen=True)
class Scan:
    """What scanning a badge found: `outcome` is "checked-in", "already", "invalid", "foreign" or
    "expired"; `attendee` is None only for an invalid token."""

    outcome: str
    attendee: Attendee | None = None


def scan_badge(token: str, *, by: Any, now: dt.datetime | None = None) -> Scan:
    """Check in the attendee whose badge `by` scanned, when `by` runs that session."""
    try:
        data = signing.loads(token, salt=SALT)
        attendee = Attendee.objects.select_related(
            "session__network__statute__secretariat", "session__event", "user", "cluster"
        ).get(pk=int(data["a"]), session=int(data["s"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, Attendee.DoesNotExist):
        return Scan("invalid")
    if not permissions.can_run_assembly(by, attendee.session):
        return Scan("foreign", attendee)
    if attendee.checked_in_at is not None:
        return Scan("already", attendee)
    if session_day_over(attendee, now):
        return Scan("expired", attendee)
    return Scan("checked-in", check_in(attendee, by=by))
