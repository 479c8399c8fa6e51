"""Who may see and do what: the one place where Matchfair's permission rules are written down.

| rule | who |
|---|---|
| manage an event (console, schedule, release, see all participants) | staff of the event's lead organiser, superusers |
| support participants (see their contact data, validate) | staff of the organiser that supports them, and the lead |
| see a participant's contact details | the person, anyone with an accepted meeting with them, anyone when they consented, their organisers |
| request a meeting | a validated participant of the event, while booking is open |
| answer a request | the person it was sent to |
| see a personal agenda | the person, and their organisers |
"""

from typing import Any

from django.db.models import Q

from matchfair.events.models import Event, Organiser, Registration
from matchfair.meetings.models import MeetingRequest


def organiser_roles(user: Any, event: Event) -> list[Organiser]:
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_organiser_roles", None)
    if cache is None:
        cache = user._organiser_roles = {}
    if event.pk not in cache:
        cache[event.pk] = list(Organiser.objects.filter(event=event, staff=user))
    return cache[event.pk]


def is_organiser(user: Any, event: Event) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or organiser_roles(user, event)))


def is_lead_organiser(user: Any, event: Event) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or any(role.is_lead for role in organiser_roles(user, event))


def can_manage_event(user: Any, event: Event) -> bool:
    return is_lead_organiser(user, event)


def supports(user: Any, registration: Registration) -> bool:
    """The user is staff of the organiser that supports this participant, or of the lead."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        role.is_lead or role.pk == registration.organiser_id
        for role in organiser_roles(user, registration.event)
    )


def can_see_contact(user: Any, registration: Registration) -> bool:
    if not user.is_authenticated:
        return False
    if (
        registration.user_id == user.pk
        or registration.share_contact
        or supports(user, registration)
    ):
        return True
    return MeetingRequest.objects.filter(
        Q(sender=registration, recipient__user=user) | Q(recipient=registration, sender__user=user),
        status=MeetingRequest.Status.ACCEPTED,
    ).exists()


def can_see_agenda(user: Any, registration: Registration) -> bool:
    return user.is_authenticated and (
        registration.user_id == user.pk or supports(user, registration)
    )


def can_answer(user: Any, meeting_request: MeetingRequest) -> bool:
    return user.is_authenticated and meeting_request.recipient.user_id == user.pk
