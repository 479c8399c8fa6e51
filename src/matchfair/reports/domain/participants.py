"""The participants a printout covers: the validated ones, only an organiser's own when scoped."""

from collections.abc import Sequence

from django.db.models import QuerySet

from matchfair.events.models import Event, Organiser, Registration


def scoped_participants(
    event: Event, organisers: Sequence[Organiser] | None
) -> QuerySet[Registration]:
    """`organisers` is the scope (`permissions.organiser_scope`): None for everyone."""
    registrations = Registration.objects.filter(
        event=event, status=Registration.Status.VALIDATED
    ).select_related("user__organisation", "event")
    if organisers is not None:
        registrations = registrations.filter(organiser__in=organisers)
    return registrations.order_by("user__full_name", "pk")
