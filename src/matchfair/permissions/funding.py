"""Funding: calls for a member, consortia proposed for a call, and calls for an idea.

Part of `matchfair.permissions`, which re-exports every name here; callers use
`permissions.can_build_consortium` and its siblings, never this module directly.
"""

from typing import Any

from django.db.models import Q

import matchfair.permissions as permissions
from matchfair.community.models import Cluster


def funding_staff_clusters(user: Any) -> Any:
    """The clusters whose staff a person is: people of the cluster's own organisation and the
    staff of its organiser roles (not the people of its member organisations)."""
    if not user.is_authenticated:
        return Cluster.objects.none()
    staff = Q(organised_events__staff=user)
    if user.organisation_id:
        staff |= Q(organisation=user.organisation_id)
    return Cluster.objects.filter(staff).distinct()


def can_act_for_member(user: Any, organisation: Any) -> bool:
    """See an organisation's funding calls, and confirm or reject its CORDIS projects."""
    if not user.is_authenticated:
        return False
    if user.organisation_id == organisation.pk:
        return True
    return funding_staff_clusters(user).filter(members=organisation.pk).exists()


def can_rank_members(user: Any) -> bool:
    return bool(user.is_authenticated and funding_staff_clusters(user).exists())


def can_build_consortium(user: Any, organisation: Any) -> bool:
    """Cluster staff, for a member of their cluster (the member's own people do not)."""
    return bool(
        user.is_authenticated
        and funding_staff_clusters(user).filter(members=organisation.pk).exists()
    )


def can_search_calls_for_idea(user: Any, idea: Any) -> bool:
    """The calls ranked for an idea: whoever sees the idea on the ideas board."""
    return bool(permissions.can_see_ideas(user, idea.network))
