"""The work plan: items a member cluster owns, with a person responsible, a deadline, a status,
progress and milestones; and the reminders before deadlines, queued through the outbox by the
hourly `remind_deadlines` (settings.CELERY_BEAT_SCHEDULE). The CSV import and export are in
`workplan_csv.py`."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import Milestone, Motion, WorkItem
from matchfair.audit.domain import record
from matchfair.community.models import Cluster, Delegate, Network
from matchfair.outbox.domain import Draft, queue_many, render

CLOSED = (WorkItem.Status.DONE, WorkItem.Status.DROPPED)


def require_runs(network: Network, by: Any) -> None:
    if not permissions.can_run_work_plan(by, network):
        raise PermissionDenied(_("Only the partnership's secretariat runs the work plan."))


def check_item(
    network: Network,
    *,
    title: str,
    owner: Cluster,
    progress: int,
    status: str,
    adopted_by: Motion | None = None,
) -> dict[str, str]:
    """The problems of an item's values, by field; empty when it may be saved."""
    errors = {}
    if adopted_by is not None and adopted_by.session.network_id != network.pk:
        errors["adopted_by"] = _("“%(motion)s” is a motion of another partnership.") % {
            "motion": adopted_by
        }
    if not title.strip():
        errors["title"] = _("An item needs a title.")
    if not network.clusters.filter(pk=owner.pk).exists():
        errors["owner"] = _("%(cluster)s is not a member of %(network)s.") % {
            "cluster": owner,
            "network": network,
        }
    if not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a percentage, from 0 to 100.")
    if status not in WorkItem.Status.values:
        errors["status"] = _("Choose one of: %(choices)s.") % {
            "choices": ", ".join(WorkItem.Status.values)
        }
    return errors


def add_item(
    *,
    network: Network,
    title: str,
    owner: Cluster,
    deadline: dt.date,
    description: str = "",
    person: Any = None,
    status: str = WorkItem.Status.PLANNED,
    progress: int = 0,
    adopted_by: Motion | None = None,
    by: Any,
) -> WorkItem:
    require_runs(network, by)
    errors = check_item(
        network,
        title=title,
        owner=owner,
        progress=progress,
        status=status,
        adopted_by=adopted_by,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = WorkItem.objects.create(
            network=network,
            title=title.strip(),
            description=description.strip(),
            owner=owner,
            person=person,
            deadline=deadline,
            status=status,
            progress=progress,
            adopted_by=adopted_by,
        )
        record(action="assembly.work_item_added", actor=by, subject=item, owner=owner.pk)
    return item


EDITABLE = ("title", "description", "owner", "person", "deadline", "status", "progress")


def change_item(item: WorkItem, *, by: Any, **changes: Any) -> WorkItem:
    """The secretariat changes any of an item's `EDITABLE` fields and its `adopted_by` (a Motion
    of the network, or None)."""
    require_runs(item.network, by)
    unknown = set(changes) - {*EDITABLE, "adopted_by"}
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        locked = WorkItem.objects.select_for_update().get(pk=item.pk)
        for name, value in changes.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        errors = check_item(
            locked.network,
            title=locked.title,
            owner=locked.owner,
            progress=locked.progress,
            status=locked.status,
            adopted_by=locked.adopted_by,
        )
        if errors:
            raise ValidationError(errors)
        locked.save()
        record(
            action="assembly.work_item_changed", actor=by, subject=locked, fields=sorted(changes)
        )
    return locked


def report_progress(item: WorkItem, *, status: str, progress: int, by: Any) -> WorkItem:
    """The person responsible (or the secretariat) says where the item stands."""
    if not permissions.can_report_progress(by, item):
        raise PermissionDenied(
            _("Only the person responsible or the secretariat reports progress.")
        )
    errors = check_item(
        item.network, title=item.title, owner=item.owner, progress=progress, status=status
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = WorkItem.objects.select_for_update().get(pk=item.pk)
        locked.status = status
        # Done is done: a finished item shows 100 % whatever was typed.
        locked.progress = 100 if status == WorkItem.Status.DONE else progress
        locked.save(update_fields=["status", "progress", "updated"])
        record(
            action="assembly.work_item_progress",
            actor=by,
            subject=locked,
            status=status,
            progress=locked.progress,
        )
    return locked


def add_milestone(
    item: WorkItem, *, title: str, description: str = "", due: dt.date | None = None, by: Any
) -> Milestone:
    require_runs(item.network, by)
    if not title.strip():
        raise ValidationError({"title": _("A milestone needs a title.")})
    with transaction.atomic():
        milestone = Milestone.objects.create(
            item=item, title=title.strip(), description=description.strip(), due=due
        )
        record(action="assembly.milestone_added", actor=by, subject=milestone, item=item.pk)
    return milestone


def set_milestone_done(milestone: Milestone, *, done: bool, by: Any) -> Milestone:
    if not permissions.can_report_progress(by, milestone.item):
        raise PermissionDenied(
            _("Only the person responsible or the secretariat reports progress.")
        )
    with transaction.atomic():
        locked = Milestone.objects.select_for_update().get(pk=milestone.pk)
        if locked.done != done:
            locked.done = done
            locked.save(update_fields=["done"])
            record(action="assembly.milestone_done", actor=by, subject=locked, done=done)
    return locked


def reminder_days() -> tuple[int, ...]:
    """The days before a deadline at which reminders go, largest first (settings)."""
    return tuple(sorted({int(day) for day in settings.WORKPLAN_REMINDER_DAYS}, reverse=True))


def _step(days_left: int, steps: tuple[int, ...]) -> int | None:
    """The smallest reminder step `days_left` has reached (7 days left with steps (7, 1): 7;
    3 days left: 7; 1 day: 1); None when no step is reached yet."""
    reached = [step for step in steps if days_left <= step]
    return min(reached) if reached else None


def remind_deadlines(*, today: dt.date | None = None) -> int:
    """Queue a reminder to each open item's person responsible (or, without one, the owner's
    delegate) as its deadline nears: once per step of `WORKPLAN_REMINDER_DAYS`. The key holds
    the item, its deadline and the step, so hourly runs send each once, and a deadline moved
    later starts the steps again. Returns how many were new."""
    today = today or timezone.localdate()
    steps = reminder_days()
    if not steps:
        return 0
    due = (
        WorkItem.objects.exclude(status__in=CLOSED)
        .filter(deadline__gte=today, deadline__lte=today + dt.timedelta(days=steps[0]))
        .select_related("network", "owner__organisation", "person")
        .order_by("pk")
    )
    items = list(due)
    delegates = {
        (d.network_id, d.cluster_id): d.user
        for d in Delegate.objects.filter(
            network__in={i.network_id for i in items}, cluster__in={i.owner_id for i in items}
        ).select_related("user")
    }
    drafts = []
    for item in items:
        step = _step((item.deadline - today).days, steps)
        user = item.person or delegates.get((item.network_id, item.owner_id))
        if step is None or user is None or not user.is_active or not user.email:
            continue
        subject, body = render(
            template="assembly/mail/deadline_reminder",
            context={
                "item": item,
                "days": (item.deadline - today).days,
                "url": reverse("assembly:work_plan", kwargs={"network": item.network_id}),
            },
            user=user,
        )
        drafts.append(
            Draft(
                key=f"assembly.deadline:{item.pk}:{item.deadline.isoformat()}:{step}",
                to=user.email,
                subject=subject,
                body=body,
                user=user,
            )
        )
    with transaction.atomic():
        return queue_many(drafts, kind="assembly.deadline_reminder")
