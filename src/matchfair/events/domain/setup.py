"""Creating an event and changing its settings from the console, refusing settings that would
strand its sessions or open booking after it closes. Sessions and tables: `venue.py`."""

import datetime as dt
import zoneinfo
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.events.models import Event, Organiser

SETTINGS: tuple[str, ...] = (
    "name",
    "name_bg",
    "description",
    "description_bg",
    "venue",
    "city",
    "time_zone",
    "starts_on",
    "ends_on",
    "registration_open",
    "requires_validation",
    "booking_opens_at",
    "booking_closes_at",
    "default_max_meetings",
    "default_max_in_a_row",
    "default_max_per_day",
    "lunch_starts",
    "lunch_ends",
)


def _check(values: dict[str, Any], *, event: Event | None = None) -> None:
    starts_on: dt.date = values["starts_on"]
    ends_on: dt.date = values["ends_on"]
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last day cannot come before the first day.")})
    opens, closes = values.get("booking_opens_at"), values.get("booking_closes_at")
    if opens and closes and closes <= opens:
        raise ValidationError(
            {"booking_closes_at": _("Meeting requests must close after they open.")}
        )
    lunch = values.get("lunch_starts"), values.get("lunch_ends")
    if (lunch[0] is None) != (lunch[1] is None):
        raise ValidationError({"lunch_ends": _("Give both ends of the lunch break, or neither.")})
    if lunch[0] is not None and lunch[1] is not None and lunch[1] <= lunch[0]:
        raise ValidationError({"lunch_ends": _("The lunch break must end after it starts.")})
    if event is None:
        return
    zone = zoneinfo.ZoneInfo(values["time_zone"])
    for session in event.sessions.order_by("starts_at"):
        first, last = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        if first.date() < starts_on or last.date() > ends_on:
            raise ValidationError(
                {
                    "starts_on": _(
                        "The session “%(name)s” (%(day)s) would lie outside the event's days; "
                        "move or remove it first."
                    )
                    % {"name": session.name, "day": first.date()}
                }
            )


def create_event(*, cluster: Cluster, slug: str, by: Any, **values: Any) -> Event:
    """A new event led by `cluster`, with its creator as the lead organiser's staff."""
    if not permissions.can_create_event(by, cluster):
        raise PermissionDenied(_("You cannot create events for this cluster."))
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise TypeError(f"not event settings: {sorted(unknown)}")
    _check(values)
    with transaction.atomic():
        if Event.objects.filter(slug=slug).exists():
            raise ValidationError({"slug": _("Another event has this short name.")})
        event = Event.objects.create(slug=slug, **values)
        lead = Organiser.objects.create(event=event, cluster=cluster, is_lead=True)
        lead.staff.add(by)
        record(action="event.created", actor=by, subject=event, event=event, cluster=cluster.pk)
    return event


def edit_event(*, event: Event, by: Any, **values: Any) -> Event:
    """Change the settings of `event`; the short name (in every link already sent) stays."""
    if not permissions.can_manage_event(by, event):
        raise PermissionDenied(_("Only the lead organiser's staff can change the event."))
    unknown = set(values) - set(SETTINGS)
    if unknown:
        raise TypeError(f"not event settings: {sorted(unknown)}")
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        merged = {key: getattr(locked, key) for key in SETTINGS} | values
        _check(merged, event=locked)
        before = {
            key: str(getattr(locked, key))
            for key in SETTINGS
            if getattr(locked, key) != merged[key]
        }
        for key, value in values.items():
            setattr(locked, key, value)
        locked.save()
        record(action="event.edited", actor=by, subject=locked, event=locked, before=before)
    return locked
