"""The community app's sections of a person's data export and erasure (see
community.domain.privacy): the account, the organisation, cluster memberships and delegate roles,
and the admin's and the login throttle's records that name the person.

The account itself is anonymised by `erase_account`, after every section, so it is not erased here.
"""

import base64
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.core.files.storage import default_storage
from django.db.models import Q

from matchfair.community.domain import privacy
from matchfair.community.domain.pictures import erase_photo
from matchfair.community.domain.privacy import ERASED_TEXT, moment
from matchfair.community.models import (
    Delegate,
    Membership,
    MembershipRequest,
    Organisation,
    User,
)

LOGIN_RECORDS = (AccessAttempt, AccessFailureLog, AccessLog)


def collect_user(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
        "email_verified": user.email_verified,
        "date_joined": moment(user.date_joined),
        "last_login": moment(user.last_login),
    }


def collect_photo(user: User) -> dict[str, str] | None:
    """The stored photo itself (the only copy kept: the upload was re-encoded without metadata)."""
    if not user.photo or not default_storage.exists(user.photo):
        return None
    with default_storage.open(user.photo, "rb") as handle:
        content = handle.read()
    media_type = "image/png" if user.photo.endswith(".png") else "image/jpeg"
    return {"media_type": media_type, "base64": base64.b64encode(content).decode("ascii")}


def collect_organisation(user: User) -> dict[str, Any] | None:
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


def collect_memberships(user: User) -> dict[str, Any]:
    """The clusters of the person's organisation and their delegate roles; the events app adds
    `organiser_staff`."""
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
    }


def erase_delegate_roles(user: User) -> None:
    Delegate.objects.filter(user=user).delete()


def erase_membership_requests(user: User) -> None:
    MembershipRequest.objects.filter(user=user).delete()
    user.administered_organisations.clear()


def collect_membership_requests(user: User) -> dict[str, Any]:
    """The organisations the person asked to join and the answers; those they are admin of."""
    return {
        "requests": [
            {
                "organisation": str(asked.organisation),
                "status": asked.status,
                "asked": moment(asked.created),
                "decided": moment(asked.decided),
            }
            for asked in MembershipRequest.objects.filter(user=user)
            .select_related("organisation")
            .order_by("created")
        ],
        "admin_of": [str(o) for o in user.administered_organisations.order_by("name")],
    }


def erase_log_mentions(user: User) -> None:
    """The admin's history and the login throttle keep names and addresses as plain text."""
    mentions = Q(object_repr__icontains=user.email)
    if user.full_name.strip():
        mentions |= Q(object_repr__icontains=user.full_name)
    LogEntry.objects.filter(mentions).update(object_repr=ERASED_TEXT, change_message="")
    for model in LOGIN_RECORDS:
        model.objects.filter(username__iexact=user.email).delete()


def register_sections() -> None:
    privacy.register("user", collect=collect_user, models=[User])
    privacy.register("photo", collect=collect_photo, erase=erase_photo, models=[User])
    privacy.register("organisation", collect=collect_organisation)
    privacy.register(
        "memberships",
        collect=collect_memberships,
        erase=erase_delegate_roles,
        models=[Delegate],
    )
    privacy.register(
        "organisation_requests",
        collect=collect_membership_requests,
        erase=erase_membership_requests,
        models=[MembershipRequest, Organisation],  # Organisation.admins
    )
    # Erased only: the admin's history of what the person changed points to the placeholder.
    privacy.register("logs", erase=erase_log_mentions, models=[LogEntry, *LOGIN_RECORDS])
