"""Forming a delegation, the members' wishes and the organiser's joint visits."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.events.models import Event, Registration
from matchfair.outbox.domain import queue_message
from matchfair.outbox.domain.links import absolute_url
from matchfair.visits.models import (
    Delegation,
    DelegationMember,
    Invitation,
    JointVisit,
    Pavilion,
    Stand,
    Wish,
)


def eligible_registrations(event: Event, cluster: Cluster) -> QuerySet[Registration]:
    """Validated participants of the event from the cluster itself or one of its members, whose
    address is confirmed (`permissions.can_join_delegation`)."""
    return (
        Registration.objects.filter(
            event=event, status=Registration.Status.VALIDATED, user__email_verified=True
        )
        .filter(
            Q(user__organisation__memberships__cluster=cluster)
            | Q(user__organisation=cluster.organisation_id)
        )
        .select_related("user__organisation")
        .distinct()
        .order_by("user__full_name")
    )


def create_delegation(
    *,
    event: Event,
    cluster: Cluster,
    name: str,
    by: Any,
    first_day: dt.date | None = None,
    last_day: dt.date | None = None,
) -> Delegation:
    with transaction.atomic():
        if Delegation.objects.filter(event=event, name=name).exists():
            raise ValidationError({"name": _("There is already a delegation with this name.")})
        delegation = Delegation.objects.create(
            event=event, cluster=cluster, name=name, first_day=first_day, last_day=last_day
        )
        record(
            action="visits.delegation_created",
            actor=by,
            subject=delegation,
            event=event,
            cluster=cluster.pk,
        )
    return delegation


def needs_consent(delegation: Delegation, registration: Registration) -> bool:
    """Someone another organiser supports joins a delegation only by accepting an invitation."""
    return registration.organiser.cluster_id != delegation.cluster_id


def set_members(
    *, delegation: Delegation, registrations: Iterable[Registration], by: Any
) -> list[DelegationMember]:
    """Make exactly these registrations the members; each must be eligible.

    A participant that another organiser supports is asked instead (an `Invitation`, mailed)
    and joins when they accept; one who declined is not asked again. Leaving someone out
    removes them, or withdraws the question still open."""
    chosen = {registration.pk for registration in registrations}
    eligible = {
        registration.pk: registration
        for registration in eligible_registrations(delegation.event, delegation.cluster)
        .filter(pk__in=chosen)
        .select_related("organiser", "user", "event")
    }
    if chosen - eligible.keys():
        raise ValidationError(
            {"members": _("Only participants from the cluster and its members can join.")}
        )
    with transaction.atomic():
        Delegation.objects.select_for_update().filter(pk=delegation.pk).get()
        current = set(delegation.members.values_list("registration_id", flat=True))
        delegation.members.filter(registration_id__in=current - chosen).delete()
        joining = sorted(chosen - current)
        direct = [pk for pk in joining if not needs_consent(delegation, eligible[pk])]
        DelegationMember.objects.bulk_create(
            DelegationMember(delegation=delegation, registration_id=pk) for pk in direct
        )
        asked = _ask(delegation, [eligible[pk] for pk in joining if pk not in direct])
        withdrawn = (
            delegation.invitations.filter(status=Invitation.Status.ASKED)
            .exclude(registration_id__in=chosen)
            .update(status=Invitation.Status.WITHDRAWN, answered=timezone.now())
        )
        record(
            action="visits.members_set",
            actor=by,
            subject=delegation,
            event=delegation.event,
            added=len(direct),
            asked=len(asked),
            removed=len(current - chosen),
            withdrawn=withdrawn,
        )
    return list(delegation.members.all())


def _ask(delegation: Delegation, registrations: list[Registration]) -> list[Invitation]:
    """Open an invitation for each, unless one is open or was declined, and mail it."""
    known = {
        invitation.registration_id: invitation
        for invitation in delegation.invitations.filter(
            registration__in=[registration.pk for registration in registrations]
        )
    }
    asked = []
    for registration in registrations:
        invitation = known.get(registration.pk)
        if invitation is not None and invitation.status in (
            Invitation.Status.ASKED,
            Invitation.Status.DECLINED,
        ):
            continue
        if invitation is None:
            invitation = Invitation.objects.create(delegation=delegation, registration=registration)
        else:
            invitation.status = Invitation.Status.ASKED
            invitation.asked = timezone.now()
            invitation.answered = None
            invitation.save(update_fields=["status", "asked", "answered"])
        invitation.registration = registration
        invitation.delegation = delegation
        _mail_invitation(invitation)
        asked.append(invitation)
    return asked


def _mail_invitation(invitation: Invitation) -> None:
    event = invitation.delegation.event
    queue_message(
        key=f"delegation-invitation:{invitation.pk}:{invitation.asked.isoformat()}",
        kind="visits.invitation",
        user=invitation.registration.user,
        template="visits/mail/invitation",
        context={
            "invitation": invitation,
            "event": event,
            "url": absolute_url(invitation.get_absolute_url()),
        },
        event=event,
    )


def answer_invitation(*, invitation: Invitation, accept: bool, by: Any) -> DelegationMember | None:
    """The person asked accepts (and joins) or declines; either answer is their recorded
    consent, and an invitation already answered or withdrawn cannot be answered again."""
    if not permissions.can_answer_invitation(by, invitation):
        raise PermissionDenied
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.status != Invitation.Status.ASKED:
            raise ValidationError(_("This invitation is no longer open."))
        locked.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
        locked.answered = timezone.now()
        locked.save(update_fields=["status", "answered"])
        member = None
        if accept:
            member, _created = DelegationMember.objects.get_or_create(
                delegation_id=locked.delegation_id, registration_id=locked.registration_id
            )
        record(
            action="visits.invitation_accepted" if accept else "visits.invitation_declined",
            actor=by,
            subject=locked,
            event=invitation.delegation.event,
            delegation=locked.delegation_id,
        )
    invitation.refresh_from_db()
    return member


def _target(stand: Stand | None, pavilion: Pavilion | None, event: Event) -> dict[str, Any]:
    if (stand is None) == (pavilion is None):
        raise ValidationError(_("Choose a stand or a pavilion."))
    target = stand or pavilion
    assert target is not None
    if target.event_id != event.pk:
        raise ValidationError(_("That is not at this event."))
    return {"stand": stand, "pavilion": pavilion}


def set_wish(
    *,
    member: DelegationMember,
    priority: int,
    by: Any,
    stand: Stand | None = None,
    pavilion: Pavilion | None = None,
) -> Wish:
    """Add the wish, or change its priority when the member already wished that stop."""
    target = _target(stand, pavilion, member.delegation.event)
    if not 1 <= priority <= 3:
        raise ValidationError({"priority": _("The priority is 1, 2 or 3.")})
    with transaction.atomic():
        wish, created = Wish.objects.update_or_create(
            member=member, **target, defaults={"priority": priority}
        )
        record(
            action="visits.wish_set",
            actor=by,
            subject=wish,
            event=member.delegation.event,
            priority=priority,
            created=created,
        )
    return wish


def remove_wish(*, wish: Wish, by: Any) -> None:
    with transaction.atomic():
        record(
            action="visits.wish_removed",
            actor=by,
            subject=wish,
            event=wish.member.delegation.event,
        )
        wish.delete()


def propose_joint_visit(
    *,
    delegation: Delegation,
    members: Iterable[DelegationMember],
    by: Any,
    stand: Stand | None = None,
    pavilion: Pavilion | None = None,
    minutes: int = 30,
    priority: int = 2,
    day: dt.date | None = None,
) -> JointVisit:
    target = _target(stand, pavilion, delegation.event)
    chosen = list(members)
    if len(chosen) < 2:
        raise ValidationError({"members": _("A joint visit needs at least two members.")})
    if any(member.delegation_id != delegation.pk for member in chosen):
        raise ValidationError({"members": _("Only members of this delegation can go.")})
    if day is not None and day not in delegation.days():
        raise ValidationError({"day": _("Choose one of the delegation's days.")})
    if not 5 <= minutes <= 240:
        raise ValidationError({"minutes": _("Between 5 and 240 minutes.")})
    with transaction.atomic():
        same = JointVisit.objects.filter(delegation=delegation, **target, members__in=chosen)
        if same.exists():
            raise ValidationError(
                {"members": _("Some of these members already visit this place together.")}
            )
        joint = JointVisit.objects.create(
            delegation=delegation, minutes=minutes, priority=priority, day=day, **target
        )
        joint.members.set(chosen)
        record(
            action="visits.joint_visit_proposed",
            actor=by,
            subject=joint,
            event=delegation.event,
            members=len(chosen),
        )
    return joint


def remove_joint_visit(*, joint: JointVisit, by: Any) -> None:
    with transaction.atomic():
        record(
            action="visits.joint_visit_removed",
            actor=by,
            subject=joint,
            event=joint.delegation.event,
        )
        joint.delete()


def memberships_of(user: Any, event: Event) -> QuerySet[DelegationMember]:
    if not user.is_authenticated:
        return DelegationMember.objects.none()
    return DelegationMember.objects.filter(
        registration__user=user, delegation__event=event
    ).select_related("delegation", "registration__user")


def invitations_of(user: Any, event: Event) -> QuerySet[Invitation]:
    """The delegations that ask this person to join, still waiting for an answer."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    return Invitation.objects.filter(
        registration__user=user, delegation__event=event, status=Invitation.Status.ASKED
    ).select_related("delegation__cluster")


def chosen_registrations(delegation: Delegation) -> list[int]:
    """The registrations the staff chose: the members and those asked who have not answered."""
    return sorted(
        set(delegation.members.values_list("registration_id", flat=True))
        | set(
            delegation.invitations.filter(status=Invitation.Status.ASKED).values_list(
                "registration_id", flat=True
            )
        )
    )
