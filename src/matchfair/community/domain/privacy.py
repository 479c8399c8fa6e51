"""A person's own data: download all of it as JSON, or erase the account.

Every app that keeps personal data adds a *section* with `register(key, collect=…, erase=…)`
from its `AppConfig.ready` (the contacts app does: `matchfair.contacts.privacy`). `collect(user)`
returns what goes into the export under `key` (JSON types only); `erase(user)` removes or
anonymises that data inside the erasure's transaction. The sections of the foundation apps
(community, events, meetings, matchmaking, api, audit) are registered below.

Erasure keeps the event's meeting statistics: registrations, meetings, placements and requests
stay (anonymised), and the account becomes an inactive placeholder. See docs/privacy.md.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.api.models import ApiToken, CalendarFeed
from matchfair.audit.domain import record
from matchfair.audit.models import AuditEntry
from matchfair.community.models import Delegate, Membership, User
from matchfair.events.models import Opportunity, Organiser, Registration
from matchfair.matchmaking.models import Suggestion
from matchfair.meetings.models import Meeting, MeetingRequest, Placement, Plan

FORMAT = "matchfair-personal-data/1"
ERASED_NAME = "Erased account"
ERASED_TEXT = "[erased]"


@dataclass(frozen=True)
class Section:
    key: str
    collect: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register(
    key: str, *, collect: Callable[[Any], Any], erase: Callable[[Any], None] | None = None
) -> None:
    """Add (or replace, so a second `ready()` is harmless) the section `key`."""
    _sections[key] = Section(key=key, collect=collect, erase=erase)


def unregister(key: str) -> None:
    _sections.pop(key, None)


def sections() -> list[Section]:
    return list(_sections.values())


def moment(value: Any) -> str | None:
    """A date or time for the JSON export, or None."""
    return value.isoformat() if value is not None else None


def _name(registration: Registration) -> str:
    return registration.user.full_name


# The foundation's sections


def _user(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
        "date_joined": moment(user.date_joined),
        "last_login": moment(user.last_login),
    }


def _organisation(user: User) -> dict[str, Any] | None:
    organisation = user.organisation
    if organisation is None:
        return None
    return {
        "name": organisation.name,
        "type": organisation.kind,
        "country": str(organisation.country),
        "city": organisation.city,
        "website": organisation.website,
    }


def _memberships(user: User) -> dict[str, Any]:
    memberships = Membership.objects.filter(organisation=user.organisation).select_related(
        "cluster__organisation"
    )
    return {
        "clusters": [
            {"cluster": str(m.cluster), "since": moment(m.since)}
            for m in (memberships if user.organisation_id else [])
        ],
        "delegate_for": [
            {"cluster": str(d.cluster), "network": str(d.network)}
            for d in Delegate.objects.filter(user=user).select_related(
                "cluster__organisation", "network"
            )
        ],
        "organiser_staff": [
            {"event": role.event.slug, "cluster": str(role.cluster), "lead": role.is_lead}
            for role in Organiser.objects.filter(staff=user).select_related(
                "event", "cluster__organisation"
            )
        ],
    }


def _registrations(user: User) -> list[dict[str, Any]]:
    result = []
    registrations = user.registrations.select_related("event").prefetch_related(
        "domains", "opportunities__domains", "unavailable_sessions", "event__sessions"
    )
    for registration in registrations:
        absent = {session.pk for session in registration.unavailable_sessions.all()}
        b2b = [session for session in registration.event.sessions.all() if session.is_b2b]
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
                },
            }
        )
    return result


def _request(item: MeetingRequest, other: Registration, side: str) -> dict[str, Any]:
    return {
        "event": item.event.slug,
        side: _name(other),
        "status": item.status,
        "message": item.message,
        "reply": item.reply,
        "created": moment(item.created),
        "answered": moment(item.answered),
    }


def _requests(user: User) -> dict[str, Any]:
    related = ("event", "sender__user", "recipient__user")
    return {
        "sent": [
            _request(item, item.recipient, "to")
            for item in MeetingRequest.objects.filter(sender__user=user).select_related(*related)
        ],
        "received": [
            _request(item, item.sender, "from")
            for item in MeetingRequest.objects.filter(recipient__user=user).select_related(*related)
        ],
    }


def _meetings(user: User) -> list[dict[str, Any]]:
    mine = set(user.registrations.values_list("pk", flat=True))
    meetings = (
        Meeting.objects.filter(participants__in=mine)
        .distinct()
        .select_related("event")
        .prefetch_related("participants__user")
    )
    placements: dict[int, list[dict[str, Any]]] = {}
    released = Placement.objects.filter(
        meeting__in=meetings, plan__kind=Plan.Kind.RELEASE
    ).select_related("plan", "slot", "table", "plan__event")
    for placement in released.order_by("plan__version"):
        zone = placement.plan.event.zone
        placements.setdefault(placement.meeting_id, []).append(
            {
                "release": placement.plan.version,
                "starts": moment(placement.slot.starts_at.astimezone(zone))
                if placement.slot
                else None,
                "table": placement.table.name if placement.table else None,
                "reason": placement.reason,
            }
        )
    return [
        {
            "event": meeting.event.slug,
            "status": meeting.status,
            "priority": meeting.priority,
            "with": [_name(r) for r in meeting.participants.all() if r.pk not in mine],
            "created": moment(meeting.created),
            "released_placements": placements.get(meeting.pk, []),
        }
        for meeting in meetings
    ]


def _suggestions(user: User) -> list[dict[str, Any]]:
    return [
        {
            "event": suggestion.registration.event.slug,
            "suggested": _name(suggestion.suggested),
            "rank": suggestion.rank,
            "score": suggestion.score,
            "reasons": suggestion.reasons,
            "computed": moment(suggestion.computed),
        }
        for suggestion in Suggestion.objects.filter(registration__user=user).select_related(
            "registration__event", "suggested__user"
        )
    ]


def _api_tokens(user: User) -> list[dict[str, Any]]:
    # Names and dates only: the key is a secret and is not even stored.
    return [
        {
            "name": token.name,
            "created": moment(token.created),
            "last_used": moment(token.last_used),
            "revoked": moment(token.revoked),
        }
        for token in ApiToken.objects.filter(user=user)
    ]


def _calendar_feeds(user: User) -> list[dict[str, Any]]:
    # The secret URL is left out: a downloaded file must not work as a key to the agenda.
    return [
        {
            "event": feed.registration.event.slug,
            "created": moment(feed.created),
            "revoked": moment(feed.revoked),
        }
        for feed in CalendarFeed.objects.filter(registration__user=user).select_related(
            "registration__event"
        )
    ]


def _audit(user: User) -> list[dict[str, Any]]:
    return [
        {
            "when": moment(entry.created),
            "action": entry.action,
            "event": entry.event.slug if entry.event else None,
            "subject": f"{entry.subject_type}#{entry.subject_id}" if entry.subject_type else None,
            "details": entry.details,
        }
        for entry in AuditEntry.objects.filter(actor=user).select_related("event")
    ]


def _erase_registrations(user: User) -> None:
    registrations = Registration.objects.filter(user=user)
    Opportunity.objects.filter(registration__in=registrations).delete()
    Registration.domains.through.objects.filter(registration__in=registrations).delete()
    # Withdrawn: gone from the directory and suggestions, and nobody can ask them for a meeting;
    # the registration row and its meetings stay for the statistics.
    registrations.update(
        headline="",
        description="",
        share_contact=False,
        status=Registration.Status.WITHDRAWN,
    )


def _erase_requests(user: User) -> None:
    # The requests stay, so the event's statistics stay right; the words in them go.
    mine = MeetingRequest.objects.filter(Q(sender__user=user) | Q(recipient__user=user))
    mine.update(message=ERASED_TEXT)
    mine.exclude(reply="").update(reply=ERASED_TEXT)


def _erase_suggestions(user: User) -> None:
    Suggestion.objects.filter(Q(registration__user=user) | Q(suggested__user=user)).delete()


def _erase_api_tokens(user: User) -> None:
    ApiToken.objects.filter(user=user).delete()


def _erase_calendar_feeds(user: User) -> None:
    CalendarFeed.objects.filter(registration__user=user).delete()


def _erase_roles(user: User) -> None:
    Delegate.objects.filter(user=user).delete()
    for role in Organiser.objects.filter(staff=user):
        role.staff.remove(user)


register("user", collect=_user)
register("organisation", collect=_organisation)
register("memberships", collect=_memberships, erase=_erase_roles)
register("registrations", collect=_registrations, erase=_erase_registrations)
register("requests", collect=_requests, erase=_erase_requests)
register("meetings", collect=_meetings)
register("suggestions", collect=_suggestions, erase=_erase_suggestions)
register("api_tokens", collect=_api_tokens, erase=_erase_api_tokens)
register("calendar_feeds", collect=_calendar_feeds, erase=_erase_calendar_feeds)
register("audit", collect=_audit)


# Export and erasure


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything Matchfair keeps about `user`, by section; other people appear by name only."""
    data: dict[str, Any] = {"format": FORMAT, "exported": moment(timezone.now())}
    for section in sections():
        data[section.key] = section.collect(user)
    return data


def erasure_refusals(user: User) -> list[str]:
    """Why this account may not be erased now; empty when it may."""
    reasons = []
    if user.is_superuser:
        reasons.append(
            _(
                "A superuser account cannot be erased. Ask another administrator to take "
                "away your superuser status first."
            )
        )
    roles = Organiser.objects.filter(staff=user).select_related("event", "cluster__organisation")
    for role in roles:
        if not role.staff.exclude(pk=user.pk).filter(is_active=True).exists():
            reasons.append(
                _(
                    "You are the only staff member of %(cluster)s as organiser of %(event)s. "
                    "Add another staff member first, so the event keeps an organiser."
                )
                % {"cluster": role.cluster, "event": role.event.name}
            )
    return reasons


def _anonymise_user(user: User) -> None:
    user.email = f"erased-{user.pk}@invalid"
    user.full_name = ERASED_NAME
    user.job_title = ""
    user.phone = ""
    user.language = "en"
    user.is_active = False
    user.is_staff = False
    user.last_login = None
    user.set_unusable_password()
    user.save()


def _scrub_logs(user: User, old_email: str, old_name: str) -> None:
    # Audit entries keep only their action (and when, and for which event).
    AuditEntry.objects.filter(actor=user).update(subject_type="", subject_id="", details={})
    AuditEntry.objects.filter(subject_type=user._meta.label_lower, subject_id=str(user.pk)).update(
        details={}
    )
    # The admin's history and the login throttle keep names and addresses as plain text.
    mentions = Q(object_repr__icontains=old_email)
    if old_name.strip():
        mentions |= Q(object_repr__icontains=old_name)
    LogEntry.objects.filter(mentions).update(object_repr=ERASED_TEXT, change_message="")
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__iexact=old_email).delete()


def erase_account(*, user: User, by: Any, password: str) -> User:
    """Erase `user`'s personal data and turn the account into an inactive placeholder.

    One transaction: a refusal (wrong password, a superuser, the last staff member of an
    organiser) or any failure leaves everything as it was.
    """
    if not permissions.can_erase_account(by, user):
        raise PermissionDenied(_("You can erase only your own account."))
    if not password or not user.check_password(password):
        raise ValidationError({"password": _("This is not your password.")})
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        # Two colleagues erasing at once must not both pass the last-staff check.
        list(Organiser.objects.select_for_update(of=("self",)).filter(staff=locked))
        refusals = erasure_refusals(locked)
        if refusals:
            raise ValidationError(refusals)
        old_email, old_name = locked.email, locked.full_name
        for section in sections():
            if section.erase is not None:
                section.erase(locked)
        _anonymise_user(locked)
        _scrub_logs(locked, old_email, old_name)
        record(action="account.erased", actor=locked, subject=locked)
    user.refresh_from_db()
    return user
