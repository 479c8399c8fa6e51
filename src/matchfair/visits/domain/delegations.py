"""Forming a delegation, the members' wishes and the organiser's joint visits."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.events.models import Event, Registration
from matchfair.visits.models import (
    Delegation,
    DelegationMember,
    JointVisit,
    Pavilion,
    Stand,
    Wish,
)


def eligible_registrations(event: Event, cluster: Cluster) -> QuerySet[Registration]:
    """Validated participants of the event from the cluster itself or one of its members."""
    return (
        Registration.objects.filter(event=event, status=Registration.Status.VALIDATED)
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


def set_members(
    *, delegation: Delegation, registrations: Iterable[Registration], by: Any
) -> list[DelegationMember]:
    """Make exactly these registrations the members; each must be eligible."""
    wanted = {registration.pk for registration in registrations}
    allowed = set(
        eligible_registrations(delegation.event, delegation.cluster).values_list("pk", flat=True)
    )
    if wanted - allowed:
        raise ValidationError(
            {"members": _("Only participants from the cluster and its members can join.")}
        )
    with transaction.atomic():
        current = set(delegation.members.values_list("registration_id", flat=True))
        delegation.members.filter(registration_id__in=current - wanted).delete()
        DelegationMember.objects.bulk_create(
            DelegationMember(delegation=delegation, registration_id=pk)
            for pk in sorted(wanted - current)
        )
        record(
            action="visits.members_set",
            actor=by,
            subject=delegation,
            event=delegation.event,
            added=len(wanted - current),
            removed=len(current - wanted),
        )
    return list(delegation.members.all())


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
