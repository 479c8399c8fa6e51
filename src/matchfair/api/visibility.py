"""Contact visibility for a whole page of participants in a fixed number of queries.

It applies the rule of matchfair.permissions.can_see_contact, which asks one query per person;
tests check that both always agree.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from matchfair import permissions
from matchfair.events.models import Event, Registration
from matchfair.meetings.models import MeetingRequest


def contact_visible(user: Any, event: Event, registrations: Iterable[Registration]) -> set[int]:
    """The ids, among `registrations`, whose contact details `user` may see."""
    rows = list(registrations)
    if not user.is_authenticated or not rows:
        return set()
    if permissions.is_lead_organiser(user, event):
        return {row.pk for row in rows}
    supported = {role.pk for role in permissions.organiser_roles(user, event)}
    met: set[int] = set()
    for sender_id, recipient_id in MeetingRequest.objects.filter(
        Q(sender__user=user) | Q(recipient__user=user),
        event=event,
        status=MeetingRequest.Status.ACCEPTED,
    ).values_list("sender_id", "recipient_id"):
        met.update((sender_id, recipient_id))
    return {
        row.pk
        for row in rows
        if row.user_id == user.pk
        or row.share_contact
        or row.organiser_id in supported
        or row.pk in met
    }
