"""The ideas board: a member proposes an idea, others comment and support it (one support per
member cluster), and the secretariat takes it into evaluation, then accepts it into the work
plan or refuses it with a reason. Each step is audited; the author hears of the decision."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.domain.workplan import add_item
from matchfair.assembly.models import Idea, IdeaComment, IdeaSupport, WorkItem
from matchfair.audit.domain import record
from matchfair.community.models import Cluster, Network
from matchfair.events.taxonomy import DOMAINS
from matchfair.outbox.domain import queue_message

DOMAIN_CODES = {code for code, _label in DOMAINS}
MAX_COMMENT = 5000


def _domains(codes: Iterable[str]) -> str:
    """The codes as the model keeps them (",energy,mobility,"), in the taxonomy's order."""
    chosen = set(codes)
    unknown = sorted(chosen - DOMAIN_CODES)
    if unknown:
        raise ValidationError(
            {"domains": _("Unknown domains: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    ordered = [code for code, _label in DOMAINS if code in chosen]
    return f",{','.join(ordered)}," if ordered else ""


def propose_idea(
    *,
    network: Network,
    cluster: Cluster,
    title: str,
    description_en: str = "",
    description_bg: str = "",
    domains: Iterable[str] = (),
    partners_sought: str = "",
    by: Any,
) -> Idea:
    """`by` proposes an idea for the member `cluster` they act for."""
    if not permissions.member_clusters(by, network).filter(pk=cluster.pk).exists():
        raise PermissionDenied(_("Only the network's members propose ideas, each for its own."))
    errors = {}
    if not title.strip():
        errors["title"] = _("An idea needs a title.")
    if not description_en.strip() and not description_bg.strip():
        errors["description_en"] = _("Describe the idea in English or Bulgarian, or both.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        idea = Idea.objects.create(
            network=network,
            cluster=cluster,
            author=by,
            title=title.strip(),
            description_en=description_en.strip(),
            description_bg=description_bg.strip(),
            domains=_domains(domains),
            partners_sought=partners_sought.strip(),
        )
        record(action="assembly.idea_proposed", actor=by, subject=idea, member=cluster.pk)
    return idea


def comment_idea(idea: Idea, *, body: str, by: Any) -> IdeaComment:
    if not permissions.can_comment_idea(by, idea):
        raise PermissionDenied(_("Only the network's members comment on its ideas."))
    if not body.strip():
        raise ValidationError({"body": _("Write a comment first.")})
    if len(body) > MAX_COMMENT:
        raise ValidationError(
            {"body": _("A comment is at most %(count)s characters.") % {"count": MAX_COMMENT}}
        )
    with transaction.atomic():
        comment = IdeaComment.objects.create(idea=idea, author=by, body=body.strip())
        record(action="assembly.idea_commented", actor=by, subject=comment, idea=idea.pk)
    return comment


OPEN_TO_SUPPORT = (Idea.Status.NEW, Idea.Status.EVALUATION)


def support_idea(idea: Idea, *, cluster: Cluster, by: Any) -> IdeaSupport:
    """The member `cluster` supports the idea. Once per member: the unique constraint refuses a
    second support, whoever of the member's people gives it and however close together."""
    if not permissions.can_support_idea(by, idea, cluster):
        raise PermissionDenied(_("You support an idea only for a member you act for."))
    if idea.status not in OPEN_TO_SUPPORT:
        raise ValidationError(_("This idea has been decided; it takes no more support."))
    try:
        with transaction.atomic():
            support = IdeaSupport.objects.create(idea=idea, cluster=cluster, user=by)
            record(action="assembly.idea_supported", actor=by, subject=idea, member=cluster.pk)
    except IntegrityError as error:
        raise ValidationError(
            _("%(member)s already supports this idea.") % {"member": cluster}
        ) from error
    return support


def withdraw_support(idea: Idea, *, cluster: Cluster, by: Any) -> None:
    if not permissions.can_support_idea(by, idea, cluster):
        raise PermissionDenied(_("You support an idea only for a member you act for."))
    with transaction.atomic():
        deleted, _rows = IdeaSupport.objects.filter(idea=idea, cluster=cluster).delete()
        if deleted:
            record(action="assembly.idea_unsupported", actor=by, subject=idea, member=cluster.pk)


def _move(idea: Idea, *, to: str, allowed_from: tuple[str, ...], by: Any) -> Idea:
    """Lock the idea and check it may move to `to`; the caller saves and records."""
    if not permissions.can_evaluate_idea(by, idea):
        raise PermissionDenied(_("Only the partnership's secretariat decides on ideas."))
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.status not in allowed_from:
        raise ValidationError(
            _("An idea that is %(status)s cannot become %(new)s.")
            % {"status": locked.get_status_display(), "new": Idea.Status(to).label}
        )
    locked.status = to
    return locked


def start_evaluation(idea: Idea, *, by: Any) -> Idea:
    with transaction.atomic():
        locked = _move(idea, to=Idea.Status.EVALUATION, allowed_from=(Idea.Status.NEW,), by=by)
        locked.save(update_fields=["status"])
        record(action="assembly.idea_evaluated", actor=by, subject=locked)
        _tell_author(locked)
    return locked


def accept_idea(
    idea: Idea,
    *,
    deadline: dt.date | None = None,
    owner: Cluster | None = None,
    person: Any = None,
    work_item: WorkItem | None = None,
    by: Any,
) -> Idea:
    """Accept an idea under evaluation: it becomes a new work plan item (owned by `owner`,
    default the proposing member, due by `deadline`), or joins an existing `work_item`."""
    with transaction.atomic():
        locked = _move(idea, to=Idea.Status.ACCEPTED, allowed_from=(Idea.Status.EVALUATION,), by=by)
        if work_item is None:
            if deadline is None:
                raise ValidationError({"deadline": _("Give the work plan item a deadline.")})
            work_item = add_item(
                network=locked.network,
                title=locked.title,
                description=locked.description_en or locked.description_bg,
                owner=owner or locked.cluster,
                person=person,
                deadline=deadline,
                by=by,
            )
        elif work_item.network_id != locked.network_id:
            raise ValidationError(_("That work plan item belongs to another network."))
        locked.work_item = work_item
        locked.save(update_fields=["status", "work_item"])
        record(action="assembly.idea_accepted", actor=by, subject=locked, work_item=work_item.pk)
        _tell_author(locked)
    return locked


def refuse_idea(idea: Idea, *, reason: str, by: Any) -> Idea:
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the idea is refused.")})
    with transaction.atomic():
        locked = _move(idea, to=Idea.Status.REFUSED, allowed_from=(Idea.Status.EVALUATION,), by=by)
        locked.refusal_reason = reason.strip()
        locked.save(update_fields=["status", "refusal_reason"])
        record(action="assembly.idea_refused", actor=by, subject=locked)
        _tell_author(locked)
    return locked


def _tell_author(idea: Idea) -> None:
    """Mail the author that their idea moved on, once per step."""
    author = idea.author
    if author is None or not author.email:
        return
    queue_message(
        key=f"assembly.idea:{idea.pk}:{idea.status}",
        kind="assembly.idea_status",
        user=author,
        template="assembly/mail/idea_status",
        context={
            "idea": idea.title,
            # Lazy, so the mail says it in the author's language.
            "status": Idea.Status(idea.status).label,
            "reason": idea.refusal_reason,
            "url": reverse("assembly:idea", kwargs={"pk": idea.pk}),
        },
    )
