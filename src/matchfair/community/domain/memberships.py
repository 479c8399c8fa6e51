"""Membership of an organisation, by approval.

Naming an existing organisation (at sign-up, or later on one's account) asks to join it. Its
admins approve or refuse; while it has none, the staff of the organisers that are one of its
clusters decide (`permissions.membership_deciders`). Until a request is approved the account
names no organisation, so the person has none of its rights nor of its clusters'. A person who
names an organisation that does not exist yet creates it and, once their address is confirmed,
becomes its first member and admin.

Every decision and removal is audited, and the person is told by mail.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Cluster, MembershipRequest, Organisation, User
from matchfair.outbox.domain import queue_message

PENDING = MembershipRequest.Status.PENDING


def record_request(
    *,
    user: User,
    organisation_name: str,
    organisation_kind: str,
    country: str,
    website: str = "",
) -> MembershipRequest:
    """Write down which organisation the person asks for, creating it when none of that name
    (in any case) exists in the country; nothing is granted here."""
    name = " ".join(organisation_name.split())
    if not name:
        raise ValidationError({"organisation_name": _("Name the organisation you represent.")})
    organisation = Organisation.objects.filter(name__iexact=name, country=country).first()
    founder = organisation is None
    if organisation is None:
        organisation = Organisation.objects.create(
            name=name, kind=organisation_kind, country=country, website=website
        )
    try:
        with transaction.atomic():
            return MembershipRequest.objects.create(
                user=user, organisation=organisation, founder=founder
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You have asked to join an organisation already; withdraw that request first.")
        ) from error


def ask_to_join(
    *,
    user: User,
    by: User,
    organisation_name: str,
    organisation_kind: str,
    country: str,
    website: str = "",
) -> MembershipRequest:
    """A person without an organisation asks for one from their account page."""
    if by.pk != user.pk:
        raise PermissionDenied(_("Only the person themselves asks to join an organisation."))
    if not permissions.can_join_organisation(user):
        raise ValidationError(
            _("Confirm your e-mail address first: open the link we sent you, then ask again.")
        )
    if user.organisation_id:
        raise ValidationError(
            _("You belong to %(organisation)s already; ask its admin to remove you first.")
            % {"organisation": user.organisation}
        )
    with transaction.atomic():
        asked = record_request(
            user=user,
            organisation_name=organisation_name,
            organisation_kind=organisation_kind,
            country=country,
            website=website,
        )
        record(action="membership.requested", actor=by, subject=asked)
        _forward(asked)
    return asked


def address_confirmed(*, user: User) -> None:
    """Called once the person's address is confirmed: their pending request goes ahead."""
    asked = MembershipRequest.objects.filter(user=user, status=PENDING).first()
    if asked is not None:
        _forward(asked)


def _forward(asked: MembershipRequest) -> None:
    """A founder of a still empty organisation becomes its member and admin; anyone else waits
    for the deciders, who are told."""
    organisation = asked.organisation
    if not asked.user.email_verified:
        return  # forwarded when the address is confirmed
    empty = not (organisation.people.exists() or organisation.admins.exists())
    if asked.founder and empty:
        _decide(asked, status=MembershipRequest.Status.APPROVED, by=None)
        organisation.admins.add(asked.user)
        record(action="membership.founded", actor=asked.user, subject=asked)
        return
    for decider in permissions.membership_deciders(organisation):
        queue_message(
            key=f"membership.requested:{asked.pk}:{decider.pk}",
            kind="membership.requested",
            user=decider,
            template="community/mail/membership_requested",
            context={
                "person": asked.user,
                "organisation": organisation,
                "url": reverse("community:membership_requests"),
            },
        )


def _decide(asked: MembershipRequest, *, status: str, by: User | None) -> None:
    asked.status = status
    asked.decided = timezone.now()
    asked.decided_by = by
    asked.save(update_fields=["status", "decided", "decided_by"])
    if status == MembershipRequest.Status.APPROVED:
        asked.user.organisation = asked.organisation
        asked.user.save(update_fields=["organisation"])


def _locked_pending(asked: MembershipRequest, by: User) -> MembershipRequest:
    locked = (
        MembershipRequest.objects.select_for_update()
        .select_related("user", "organisation")
        .get(pk=asked.pk)
    )
    if not permissions.can_decide_membership(by, locked.organisation):
        raise PermissionDenied(_("Only the organisation's admins decide who joins it."))
    if locked.status != PENDING:
        raise ValidationError(
            _("This request was answered already: %(status)s.")
            % {"status": locked.get_status_display()}
        )
    if not locked.user.email_verified:
        raise ValidationError(
            _("%(name)s has not confirmed their e-mail address yet.") % {"name": locked.user}
        )
    return locked


def approve(*, request: MembershipRequest, by: User) -> MembershipRequest:
    with transaction.atomic():
        locked = _locked_pending(request, by)
        if locked.user.organisation_id:
            raise ValidationError(
                _("%(name)s belongs to another organisation already.") % {"name": locked.user}
            )
        _decide(locked, status=MembershipRequest.Status.APPROVED, by=by)
        record(
            action="membership.approved",
            actor=by,
            subject=locked,
            organisation=locked.organisation_id,
            person=locked.user_id,
        )
        _tell(locked.user, locked.organisation, "approved", key=f"approved:{locked.pk}")
    return locked


def refuse(*, request: MembershipRequest, by: User) -> MembershipRequest:
    with transaction.atomic():
        locked = _locked_pending(request, by)
        _decide(locked, status=MembershipRequest.Status.REFUSED, by=by)
        record(
            action="membership.refused",
            actor=by,
            subject=locked,
            organisation=locked.organisation_id,
            person=locked.user_id,
        )
        _tell(locked.user, locked.organisation, "refused", key=f"refused:{locked.pk}")
    return locked


def withdraw(*, request: MembershipRequest, by: User) -> MembershipRequest:
    """The person takes back their own request while it waits."""
    with transaction.atomic():
        locked = MembershipRequest.objects.select_for_update().get(pk=request.pk)
        if not permissions.can_withdraw_membership_request(by, locked):
            raise PermissionDenied(_("Only the person who asked withdraws a request."))
        if locked.status != PENDING:
            raise ValidationError(_("This request is not waiting any more."))
        _decide(locked, status=MembershipRequest.Status.WITHDRAWN, by=by)
        record(action="membership.withdrawn", actor=by, subject=locked)
    return locked


def remove_member(*, organisation: Organisation, person: User, by: User) -> None:
    """Take a person out of an organisation: they lose its rights and its clusters' at once."""
    with transaction.atomic():
        if not permissions.can_decide_membership(by, organisation):
            raise PermissionDenied(_("Only the organisation's admins remove its people."))
        person = User.objects.select_for_update().get(pk=person.pk)
        if person.organisation_id != organisation.pk:
            raise ValidationError(
                _("%(name)s is not a member of %(organisation)s.")
                % {"name": person, "organisation": organisation}
            )
        person.organisation = None
        person.save(update_fields=["organisation"])
        organisation.admins.remove(person)
        record(
            action="membership.removed",
            actor=by,
            subject=person,
            organisation=organisation.pk,
        )
        _tell(
            person,
            organisation,
            "removed",
            key=f"removed:{organisation.pk}:{person.pk}:{timezone.now().timestamp()}",
        )


def _tell(person: User, organisation: Organisation, outcome: str, *, key: str) -> None:
    queue_message(
        key=f"membership.{key}",
        kind=f"membership.{outcome}",
        user=person,
        template=f"community/mail/membership_{outcome}",
        context={"organisation": organisation, "url": reverse("community:membership")},
    )


def requests_to_decide(user: Any) -> list[MembershipRequest]:
    """The pending requests, from people with a confirmed address, that `user` may decide."""
    if not permissions.is_verified(user):
        return []
    pending = MembershipRequest.objects.filter(
        status=PENDING, user__email_verified=True
    ).select_related("user", "organisation")
    if not user.is_superuser:
        staff_of = Cluster.objects.filter(organised_events__staff=user).values("pk")
        pending = pending.filter(
            Q(organisation__admins=user)
            | Q(organisation__memberships__cluster__in=staff_of)
            | Q(organisation__cluster__in=staff_of)
        ).distinct()
    return [
        asked
        for asked in pending.order_by("created")
        if permissions.can_decide_membership(user, asked.organisation)
    ]


def organisations_decided_by(user: Any) -> list[Organisation]:
    """The organisations whose people `user` may remove: those they are admin of (superusers
    and cluster staff act from the admin site or a request)."""
    if not permissions.is_verified(user):
        return []
    return [
        organisation
        for organisation in Organisation.objects.filter(admins=user).prefetch_related("people")
        if permissions.can_decide_membership(user, organisation)
    ]
