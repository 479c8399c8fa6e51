"""Who decides who belongs to an organisation: its admins, or the staff of its clusters while it
has none."""

from typing import Any

from django.db.models import Q

from matchfair.community.models import Cluster, User
from matchfair.permissions.clusters import is_verified


def membership_deciders(organisation: Any) -> Any:
    """Who approves or refuses those asking to join `organisation`: its admins, or while it has
    none, the staff of the organisers that are one of its clusters."""
    admins = organisation.admins.filter(email_verified=True, is_active=True)
    if admins.exists():
        return admins
    clusters = Cluster.objects.filter(
        Q(members=organisation.pk) | Q(organisation=organisation.pk)
    ).values("pk")
    return User.objects.filter(
        organiser_roles__cluster__in=clusters, email_verified=True, is_active=True
    ).distinct()


def can_decide_membership(user: Any, organisation: Any) -> bool:
    if not is_verified(user):
        return False
    if user.is_superuser:
        return True
    return membership_deciders(organisation).filter(pk=user.pk).exists()


def can_withdraw_membership_request(user: Any, membership_request: Any) -> bool:
    """A request to join an organisation is taken back by the person who asked, nobody else."""
    return user.is_authenticated and membership_request.user_id == user.pk


def can_change_logo(user: Any, organisation: Any) -> bool:
    """The organisation's logo: whoever decides its memberships (its admins) changes it."""
    return can_decide_membership(user, organisation)
