"""Success stories and the retention of shared items (docs/outcomes.md): who asks the people of
a confirmed agreement for a success story, for which cluster's newsroom and about which
meetings, and who sets how long a cluster's people's grants count. Part of
`matchfair.permissions`, which re-exports every name here."""

from typing import Any

from django.db.models import Q

import matchfair.permissions as rules
from matchfair.events.models import Event, Organiser


def story_roles(user: Any, event: Event) -> list[Organiser]:
    """The organiser roles of the event the user asks success stories for: those they are staff
    of, and those whose cluster's newsroom they edit (every role for a superuser). A story goes
    to the role's cluster's newsroom and covers the meetings of the role's participants (all of
    them for the lead)."""
    if not user.is_authenticated:
        return []
    roles = Organiser.objects.filter(event=event).select_related("cluster__organisation")
    if not user.is_superuser:
        roles = roles.filter(Q(staff=user) | Q(cluster__newsroom_editors__user=user)).distinct()
    return list(roles.order_by("-is_lead", "pk"))


def can_ask_success_story(user: Any, event: Event) -> bool:
    """`story_roles` is not empty. The event's staff (whose roles are already read for the
    menu) ask for their own roles; anyone else only as an editor of an organiser's cluster."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return bool(story_roles(user, event))
    if rules.organiser_roles(user, event):
        return True
    return Organiser.objects.filter(event=event, cluster__newsroom_editors__user=user).exists()


def story_scope(role: Organiser) -> list[Organiser] | None:
    """Whose meetings a role asks stories about: everyone's for the lead, else its own people's."""
    return None if role.is_lead else [role]


def can_set_retention(user: Any, cluster: Any) -> bool:
    """A cluster's staff (its own organisation's people and its organiser staff) and superusers
    set how long its people's shared items count."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return rules.funding_staff_clusters(user).filter(pk=cluster.pk).exists()
