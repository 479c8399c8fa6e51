"""Writing imported topics into the catalogue: new topics are created, known ones updated in
place with each changed field recorded, and subscribers told through the outbox.

One transaction per import, so a failing import writes nothing; an import that changes nothing
writes nothing (not even a "last changed" time).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.audit.domain import record
from matchfair.community.models import User
from matchfair.funding.models import Subscription, Topic, TopicChange
from matchfair.funding.portal import TopicRecord
from matchfair.outbox.domain import Draft, queue_many, render

# The fields compared on a re-import, record attribute = model field.
FIELDS = tuple(item.name for item in dataclasses.fields(TopicRecord) if item.name != "identifier")
# The changes subscribers are told of.
NOTIFIED = ("status", "deadlines", "budget")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    changes: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    messages: int = 0


def _stored(item: TopicRecord, name: str) -> Any:
    """A record's value as the model stores it (JSON fields hold lists)."""
    value = getattr(item, name)
    return list(value) if isinstance(value, tuple) else value


def _next_deadline(deadlines: Sequence[str], now: dt.datetime) -> dt.datetime | None:
    moments = [dt.datetime.fromisoformat(value) for value in deadlines]
    moments = [m if timezone.is_aware(m) else timezone.make_aware(m, dt.UTC) for m in moments]
    upcoming = [moment for moment in moments if moment >= now]
    return min(upcoming) if upcoming else (max(moments) if moments else None)


def _new_topic(item: TopicRecord, now: dt.datetime) -> Topic:
    topic = Topic(identifier=item.identifier, **{name: _stored(item, name) for name in FIELDS})
    topic.next_deadline = _next_deadline(item.deadlines, now)
    return topic


def import_topics(
    records: Iterable[TopicRecord], *, by: User | None = None, source: str = ""
) -> ImportReport:
    """Create or update the topics of `records`; topics the file does not name are left as
    they are (a search result is a part of the catalogue, not all of it)."""
    now = timezone.now()
    report = ImportReport()
    by_identifier = {item.identifier: item for item in records}
    with transaction.atomic():
        known = {
            topic.identifier: topic
            for topic in Topic.objects.select_for_update().filter(identifier__in=by_identifier)
        }
        fresh: list[Topic] = []
        changed: list[Topic] = []
        changes: list[TopicChange] = []
        for identifier, item in by_identifier.items():
            topic = known.get(identifier)
            if topic is None:
                fresh.append(_new_topic(item, now))
                report.created.append(identifier)
                continue
            differing = [name for name in FIELDS if getattr(topic, name) != _stored(item, name)]
            if not differing:
                report.unchanged += 1
                continue
            for name in differing:
                old, new = getattr(topic, name), _stored(item, name)
                changes.append(TopicChange(topic=topic, field=name, old=_json(old), new=_json(new)))
                report.changes.append((identifier, name, _json(old), _json(new)))
                setattr(topic, name, new)
            topic.next_deadline = _next_deadline(topic.deadlines, now)
            topic.changed = now
            changed.append(topic)
            report.updated.append(identifier)
        Topic.objects.bulk_create(fresh, batch_size=1000)
        if changed:
            Topic.objects.bulk_update(
                changed, [*FIELDS, "next_deadline", "changed"], batch_size=500
            )
        TopicChange.objects.bulk_create(changes, batch_size=1000)
        if fresh or changed:
            record(
                action="funding.topics_imported",
                actor=by,
                source=source,
                created=len(fresh),
                updated=len(changed),
                unchanged=report.unchanged,
            )
            report.messages = _tell_subscribers(fresh, changes)
    return report


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _wanted(subscription: Subscription, topic: Topic) -> bool:
    return (not subscription.programme or subscription.programme == topic.programme) and (
        not subscription.domain or subscription.domain in topic.domains
    )


def _tell_subscribers(fresh: Sequence[Topic], changes: Sequence[TopicChange]) -> int:
    """One message per subscriber and import, listing the new topics and the changes they follow."""
    notified = [change for change in changes if change.field in NOTIFIED]
    if not fresh and not notified:
        return 0
    subscriptions = list(
        Subscription.objects.select_related("user").filter(user__is_active=True).order_by("pk")
    )
    by_user: dict[int, tuple[User, list[Topic], list[TopicChange]]] = {}
    for subscription in subscriptions:
        user = subscription.user
        _, topics, their_changes = by_user.setdefault(user.pk, (user, [], []))
        topics.extend(t for t in fresh if _wanted(subscription, t) and t not in topics)
        their_changes.extend(
            c for c in notified if _wanted(subscription, c.topic) and c not in their_changes
        )
    drafts = []
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S.%f")
    for user, topics, their_changes in by_user.values():
        if not topics and not their_changes:
            continue
        subject, body = render(
            template="funding/email/topics_changed",
            context={"topics": topics, "changes": their_changes},
            user=user,
        )
        drafts.append(
            Draft(
                key=f"funding-import:{stamp}:{user.pk}",
                to=user.email,
                subject=subject,
                body=body,
                user=user,
            )
        )
    return queue_many(drafts, kind="funding.topics_changed")


def describe_change(change: TopicChange) -> str:
    """A change in words, for mail and pages."""
    labels = {
        "status": _("status"),
        "deadlines": _("deadline"),
        "budget": _("budget"),
    }
    label = labels.get(
        change.field,
        str(getattr(Topic._meta.get_field(change.field), "verbose_name", change.field)),
    )
    return _("%(field)s: %(old)s → %(new)s") % {
        "field": label,
        "old": _format(change.old),
        "new": _format(change.new),
    }


def _format(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item)[:10] if "T" in str(item) else str(item) for item in value)
    return str(value)
