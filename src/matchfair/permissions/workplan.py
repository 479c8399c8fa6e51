"""The partnership's ideas board and work plan (docs/assembly.md): who reads, proposes,
supports, evaluates and runs them.

Part of `matchfair.permissions`, which re-exports every name here; callers use
`permissions.can_propose_idea` and its siblings, never this module directly. The rules build on
the assembly's (`is_secretariat`, `is_network_member`, `clusters_of`), read from the package at
call time.
"""

from typing import Any

from django.db.models import Q

import matchfair.permissions as permissions
from matchfair.community.models import Cluster, Network


def member_clusters(user: Any, network: Any) -> Any:
    """The network's member clusters a person acts for: those of their organisation (as
    `clusters_of`) and those they are the standing delegate of."""
    if not user.is_authenticated:
        return Cluster.objects.none()
    mine = permissions.clusters_of(user).values("pk")
    return (
        Cluster.objects.filter(networks=network)
        .filter(Q(pk__in=mine) | Q(delegates__network=network, delegates__user=user))
        .select_related("organisation")
        .distinct()
    )


def member_networks(user: Any) -> Any:
    """The networks whose ideas board and work plan a person sees (as `is_network_member`): all
    of them for a superuser."""
    if not user.is_authenticated:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    mine = Q(clusters__in=permissions.clusters_of(user).values("pk")) | Q(delegates__user=user)
    if user.organisation_id:
        mine |= Q(statute__secretariat__organisation=user.organisation_id)
    return Network.objects.filter(mine).distinct()


def can_see_ideas(user: Any, network: Any) -> bool:
    """The board and every idea's page, its comments and supports: the network's members."""
    return permissions.is_network_member(user, network)


def can_propose_idea(user: Any, network: Any) -> bool:
    return member_clusters(user, network).exists()


def can_comment_idea(user: Any, idea: Any) -> bool:
    return permissions.is_network_member(user, idea.network)


def can_support_idea(user: Any, idea: Any, cluster: Any) -> bool:
    """A person supports an idea for a member cluster they act for."""
    return member_clusters(user, idea.network).filter(pk=cluster.pk).exists()


def can_evaluate_idea(user: Any, idea: Any) -> bool:
    """Move an idea on: under evaluation, accepted into the work plan, or refused."""
    return permissions.is_secretariat(user, idea.network)


def can_see_work_plan(user: Any, network: Any) -> bool:
    return permissions.is_network_member(user, network)


def can_run_work_plan(user: Any, network: Any) -> bool:
    """Add, change and import items and milestones, export the plan."""
    return permissions.is_secretariat(user, network)


def can_report_progress(user: Any, item: Any) -> bool:
    """Set an item's status and progress and tick its milestones: the secretariat, and the
    person responsible for the item."""
    if not user.is_authenticated:
        return False
    return item.person_id == user.pk or permissions.is_secretariat(user, item.network)
