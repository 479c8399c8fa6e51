"""The events app's sections of a person's data export and erasure (see community.domain.privacy):
their registrations with profile, opportunities, availability and booth, and their places on
organisers' staff, which also decide whether the account may be erased at all."""

from typing import Any

from django.utils.translation import gettext as _

from matchfair.community.domain import privacy
from matchfair.community.domain.privacy import moment
from matchfair.events.models import Opportunity, Organiser, Registration, Table


def collect_organiser_staff(user: Any) -> list[dict[str, Any]]:
    return [
        {"event": role.event.slug, "cluster": str(role.cluster), "lead": role.is_lead}
        for role in Organiser.objects.filter(staff=user).select_related(
            "event", "cluster__organisation"
        )
    ]


def refuse_last_staff(user: Any) -> list[str]:
    """No organiser may be left without staff."""
    # Two colleagues erasing at once must not both pass this check.
    roles = Organiser.objects.select_for_update(of=("self",)).filter(staff=user)
    reasons = []
    for role in roles.select_related("event", "cluster__organisation"):
        if not role.staff.exclude(pk=user.pk).filter(is_active=True).exists():
            reasons.append(
                _(
                    "You are the only staff member of %(cluster)s as organiser of %(event)s. "
                    "Add another staff member first, so the event keeps an organiser."
                )
                % {"cluster": role.cluster, "event": role.event.name}
            )
    return reasons


def erase_organiser_staff(user: Any) -> None:
    for role in Organiser.objects.filter(staff=user):
        role.staff.remove(user)


def collect_registrations(user: Any) -> list[dict[str, Any]]:
    result = []
    registrations = user.registrations.select_related("event", "booth").prefetch_related(
        "domains", "opportunities__domains", "unavailable_sessions", "event__sessions"
    )
    for registration in registrations:
        absent = {session.pk for session in registration.unavailable_sessions.all()}
        b2b = [session for session in registration.event.sessions.all() if session.is_b2b]
        booth = getattr(registration, "booth", None)
        result.append(
            {
                "event": registration.event.slug,
                "status": registration.status,
                "registered": moment(registration.created),
                "headline": registration.headline,
                "about": registration.description,
                "domains": [domain.slug for domain in registration.domains.all()],
                "share_contact": registration.share_contact,
                "max_meetings": registration.max_meetings,
                "opportunities": [
                    {
                        "kind": opportunity.kind,
                        "title": opportunity.title,
                        "description": opportunity.description,
                        "domains": [domain.slug for domain in opportunity.domains.all()],
                    }
                    for opportunity in registration.opportunities.all()
                ],
                "availability": {
                    "available_sessions": [s.name for s in b2b if s.pk not in absent],
                    "unavailable_sessions": [s.name for s in b2b if s.pk in absent],
                    "max_in_a_row": registration.max_in_a_row,
                    "max_per_day": registration.max_per_day,
                    "preferred_days": registration.preferred_days,
                },
                "booth": booth.name if booth is not None else None,
            }
        )
    return result


def erase_registrations(user: Any) -> None:
    registrations = Registration.objects.filter(user=user)
    Opportunity.objects.filter(registration__in=registrations).delete()
    Registration.domains.through.objects.filter(registration__in=registrations).delete()
    # Withdrawn: gone from the directory and suggestions, and nobody can ask them for a meeting;
    # the registration row and its meetings stay for the statistics, and a booth table stays
    # the booth of the (now anonymous) registration, so the plans that use it stay valid.
    registrations.update(
        headline="",
        description="",
        share_contact=False,
        status=Registration.Status.WITHDRAWN,
    )


def register_sections() -> None:
    privacy.register(
        "memberships.organiser_staff",
        collect=collect_organiser_staff,
        erase=erase_organiser_staff,
        refuse=refuse_last_staff,
        models=[Organiser],
    )
    privacy.register(
        "registrations",
        collect=collect_registrations,
        erase=erase_registrations,
        models=[Registration, Opportunity, Table],
    )
