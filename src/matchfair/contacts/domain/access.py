"""The access log of contact details: every page, list, download and API answer that shows
someone's e-mail address or phone to another person records it here, once a day per viewer and
person (the first place counts), with one insert-or-ignore for the whole page. The person reads
their own log on "Who viewed my details" (docs/privacy.md)."""

from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from matchfair.contacts.models import ContactView
from matchfair.events.models import Event

Where = ContactView.Where


def record_views(viewer: Any, event: Event, people: Iterable[int], where: str) -> int:
    """Log that `viewer` was shown the contact details of `people` (user ids); the viewer's
    own are not logged. One statement, whatever the number; returns the people logged."""
    if not viewer.is_authenticated:
        return 0
    now = timezone.now()
    day = timezone.localdate(now)
    others = {pk for pk in people if pk != viewer.pk}
    ContactView.objects.bulk_create(
        [
            ContactView(person_id=pk, viewer=viewer, event=event, day=day, at=now, where=where)
            for pk in sorted(others)
        ],
        ignore_conflicts=True,
    )
    return len(others)


def views_of(person: Any) -> Any:
    """Who was shown the person's contact details, latest first."""
    return ContactView.objects.filter(person=person).select_related("viewer__organisation", "event")
