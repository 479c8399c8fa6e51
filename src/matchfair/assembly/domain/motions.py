"""Motions: proposed on an agenda item by a member's delegate or the secretariat, seconded by a
delegate of another member, amended (an amendment is a motion on a motion, voted first), then
voted yes / no / abstain, one vote per member, and decided by the motion's threshold.

The roll (`MotionVote`, unique per motion and member) and the tally (the motion's yes / no /
abstain counters) are written in one transaction under the motion's row lock; closing takes the
same lock. In an open vote the roll says how each member voted (a roll-call); in a secret vote it
says only that it voted.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.domain.sessions import quorum
from matchfair.assembly.models import AgendaItem, Motion, MotionVote, Session
from matchfair.audit.domain import record
from matchfair.community.models import Cluster

PENDING = (Motion.Status.PROPOSED, Motion.Status.SECONDED, Motion.Status.OPEN)


@dataclass(frozen=True)
class Outcome:
    """A motion's figures against its threshold: `needed` yes votes adopt it."""

    yes: int
    no: int
    abstain: int
    members: int
    threshold: str
    needed: int

    @property
    def cast(self) -> int:
        """Votes cast: yes and no. Abstentions are recorded but are not votes cast."""
        return self.yes + self.no

    @property
    def adopted(self) -> bool:
        return self.yes > 0 and self.yes >= self.needed


def outcome(threshold: str, *, yes: int, no: int, abstain: int, members: int) -> Outcome:
    """Simple majority: more yes than half the votes cast (a tie fails); absolute majority: more
    yes than half of all members; two thirds: yes at least two thirds of the votes cast."""
    cast = yes + no
    if threshold == Motion.Threshold.ABSOLUTE:
        needed = members // 2 + 1
    elif threshold == Motion.Threshold.TWO_THIRDS:
        needed = -(-2 * cast // 3)
    else:
        needed = cast // 2 + 1
    return Outcome(
        yes=yes, no=no, abstain=abstain, members=members, threshold=threshold, needed=needed
    )


def motion_outcome(motion: Motion) -> Outcome:
    members = motion.members or motion.session.network.clusters.count()
    return outcome(
        motion.threshold, yes=motion.yes, no=motion.no, abstain=motion.abstain, members=members
    )


def propose_motion(
    session: Session,
    *,
    agenda_item: AgendaItem | None = None,
    title: str,
    text: str,
    threshold: str = Motion.Threshold.SIMPLE,
    secret: bool | None = None,
    amends: Motion | None = None,
    by: Any,
) -> Motion:
    """Move a motion on an agenda item, or an amendment of a motion not yet put to the vote
    (the amendment's text is the wording it proposes instead; it sits on the motion's item)."""
    mover = permissions.moving_for(by, session)
    if mover is None:
        raise PermissionDenied(
            _("Only a checked-in delegate or substitute, or the secretariat, proposes a motion.")
        )
    errors = {}
    if not title.strip():
        errors["title"] = _("A motion needs a title.")
    if not text.strip():
        errors["text"] = _("A motion needs a text.")
    if threshold not in Motion.Threshold.values:
        errors["threshold"] = _("Choose one of the thresholds.")
    if amends is not None:
        if amends.session_id != session.pk:
            errors["amends"] = _("An amendment is to a motion of the same session.")
        elif amends.amends_id is not None:
            errors["amends"] = _("An amendment cannot itself be amended.")
        agenda_item = amends.agenda_item
    if agenda_item is None or agenda_item.session_id != session.pk:
        errors["agenda_item"] = _("Choose an item of this session's agenda.")
    if errors or agenda_item is None:
        raise ValidationError(errors)
    if secret is None:
        statute = getattr(session.network, "statute", None)
        secret = bool(statute and statute.secret_motions)
    with transaction.atomic():
        # The amended motion is locked, so it cannot be put to the vote meanwhile.
        if amends is not None and _locked(amends).status not in (
            Motion.Status.PROPOSED,
            Motion.Status.SECONDED,
        ):
            raise ValidationError(
                {"amends": _("Only a motion not yet put to the vote can be amended.")}
            )
        motion = Motion.objects.create(
            session=session,
            agenda_item=agenda_item,
            amends=amends,
            title=title.strip(),
            text=text.strip(),
            original_text=text.strip(),
            proposed_by=by,
            mover=mover,
            threshold=threshold,
            secret=secret,
        )
        record(
            action="assembly.motion_proposed",
            actor=by,
            subject=motion,
            session=session.pk,
            member=mover.pk,
            amends=amends.pk if amends else None,
        )
    return motion


def _locked(motion: Motion) -> Motion:
    return Motion.objects.select_for_update().select_related("session__network").get(pk=motion.pk)


def second_motion(motion: Motion, *, by: Any) -> Motion:
    seconder = permissions.seconding_for(by, motion)
    if seconder is None:
        raise PermissionDenied(
            _("A checked-in delegate or substitute of another member seconds a motion.")
        )
    with transaction.atomic():
        locked = _locked(motion)
        if locked.status != Motion.Status.PROPOSED:
            raise ValidationError(_("This motion is not waiting for a seconder."))
        locked.status = Motion.Status.SECONDED
        locked.seconded_by = seconder
        locked.save(update_fields=["status", "seconded_by"])
        record(action="assembly.motion_seconded", actor=by, subject=locked, member=seconder.pk)
    return locked


def withdraw_motion(motion: Motion, *, by: Any) -> Motion:
    """The mover (or the secretariat) withdraws a motion before its vote, with its amendments."""
    if not permissions.can_withdraw_motion(by, motion):
        raise PermissionDenied(
            _("Only the member that moved it, or the secretariat, withdraws it.")
        )
    with transaction.atomic():
        locked = _locked(motion)
        if locked.status not in (Motion.Status.PROPOSED, Motion.Status.SECONDED):
            raise ValidationError(_("Only a motion not yet put to the vote can be withdrawn."))
        locked.status = Motion.Status.WITHDRAWN
        locked.save(update_fields=["status"])
        locked.amendments.filter(status__in=PENDING).update(status=Motion.Status.WITHDRAWN)
        record(action="assembly.motion_withdrawn", actor=by, subject=locked)
    return locked


def open_motion_vote(motion: Motion, *, by: Any) -> Motion:
    """Put a seconded motion to the vote: once its amendments are decided, with a quorum."""
    if not permissions.can_run_assembly(by, motion.session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    with transaction.atomic():
        locked = _locked(motion)
        if locked.status != Motion.Status.SECONDED:
            raise ValidationError(_("Only a seconded motion is put to the vote."))
        if locked.amendments.filter(status__in=PENDING).exists():
            raise ValidationError(_("Its amendments are voted first."))
        current = quorum(locked.session)
        if not current.reached:
            raise ValidationError(
                _("No quorum: %(present)s of %(members)s members, %(needed)s needed.")
                % {
                    "present": current.present,
                    "members": current.members,
                    "needed": current.needed,
                }
            )
        locked.status = Motion.Status.OPEN
        locked.save(update_fields=["status"])
        record(
            action="assembly.motion_vote_opened",
            actor=by,
            subject=locked,
            present=current.present,
            members=current.members,
        )
    return locked


def cast_motion_vote(motion: Motion, *, voter: Cluster, choice: str, by: Any) -> MotionVote:
    """`voter`'s one vote on `motion`, cast by its delegate, substitute or proxy holder."""
    session = motion.session
    if not permissions.can_vote_for(by, session, voter):
        raise PermissionDenied(
            _(
                "Only %(member)s's checked-in delegate or substitute, or the holder of its proxy,"
                " votes for it."
            )
            % {"member": voter}
        )
    if choice not in MotionVote.Choice.values:
        raise ValidationError({"choice": _("Vote yes, no or abstain.")})
    own = permissions.voting_members(by, session)[0]
    with transaction.atomic():
        locked = _locked(motion)
        if locked.status != Motion.Status.OPEN:
            raise ValidationError(_("Voting on this motion is not open."))
        try:
            with transaction.atomic():
                vote = MotionVote.objects.create(
                    motion=locked,
                    cluster=voter,
                    choice="" if locked.secret else choice,
                    by_proxy=own.pk != voter.pk,
                )
        except IntegrityError as error:
            raise ValidationError(
                _("%(member)s has already voted on this motion.") % {"member": voter}
            ) from error
        Motion.objects.filter(pk=locked.pk).update(**{choice: F(choice) + 1})
        details = {} if locked.secret else {"choice": choice}
        record(
            action="assembly.motion_vote_cast",
            actor=by,
            subject=locked,
            member=voter.pk,
            by_proxy=vote.by_proxy,
            **details,
        )
    return vote


def close_motion_vote(motion: Motion, *, by: Any) -> Motion:
    """Stop the vote and decide by the threshold; an adopted amendment's wording becomes the
    amended motion's text (the text as proposed is kept)."""
    if not permissions.can_run_assembly(by, motion.session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    with transaction.atomic():
        locked = _locked(motion)
        if locked.status != Motion.Status.OPEN:
            raise ValidationError(_("Only a motion whose vote is open can be closed."))
        locked.members = locked.session.network.clusters.count()
        result = motion_outcome(locked)
        locked.adopted = result.adopted
        locked.status = Motion.Status.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["members", "adopted", "status", "closed_at"])
        if result.adopted and locked.amends_id is not None:
            Motion.objects.filter(pk=locked.amends_id).update(text=locked.text)
        record(
            action="assembly.motion_vote_closed",
            actor=by,
            subject=locked,
            yes=result.yes,
            no=result.no,
            abstain=result.abstain,
            members=result.members,
            needed=result.needed,
            adopted=result.adopted,
        )
    return locked
