"""Background jobs of the visits app; they take ids and hand over to the domain."""

from celery import shared_task

from matchfair.community.models import User
from matchfair.visits.domain.planning import plan_delegation
from matchfair.visits.models import Delegation


@shared_task(acks_late=True)
def plan_delegation_visits(
    *, delegation_id: int, by_id: int | None = None, notify: list[int] | None = None
) -> int:
    """Plan the delegation's visits; returns how many problems the validator found (0 = stored)."""
    delegation = Delegation.objects.select_related("event", "cluster").get(pk=delegation_id)
    by = User.objects.filter(pk=by_id).first() if by_id else None
    return len(plan_delegation(delegation=delegation, by=by, notify=notify or ()))
