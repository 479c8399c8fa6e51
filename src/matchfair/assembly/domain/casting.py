"""Casting a ballot: the voter roll (that a member voted) and the ballot box (what was voted)
written in one transaction, and the tracker the voter keeps.

Nothing written here links the two: the ballot row has a random id, the box's random id, the
choices and the tracker's nonce; the audit entry and the roll row name the member, never the
ballot or its tracker (docs/assembly.md).
"""

import secrets
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from matchfair import permissions
from matchfair.assembly.models import Ballot, Election, RollEntry
from matchfair.assembly.record import tracker_of
from matchfair.audit.domain import record
from matchfair.community.models import Cluster
from matchfair.outbox.domain import queue_message


@sensitive_variables("choices", "picked", "unknown")
def _valid_choices(election: Election, choices: Sequence[int]) -> list[int]:
    standing = set(election.candidacies.filter(accepted=True).values_list("pk", flat=True))
    picked = [int(choice) for choice in choices]
    if not picked:
        raise ValidationError({"choices": _("Choose at least one candidate.")})
    if len(set(picked)) != len(picked):
        raise ValidationError({"choices": _("Each candidate can be ranked only once.")})
    unknown = [choice for choice in picked if choice not in standing]
    if unknown:
        raise ValidationError(
            {
                "choices": _("%(choice)s is not a candidate in this election.")
                % {"choice": unknown[0]}
            }
        )
    if not election.ranked and len(picked) != 1:
        raise ValidationError({"choices": _("Choose exactly one candidate.")})
    return picked


# Error reports (tracebacks with their local variables) show none of the ballot's content.
@sensitive_variables("choices", "picked", "nonce", "tracker")
def cast_ballot(election: Election, *, voter: Cluster, choices: Sequence[int], by: Any) -> str:
    """Cast `voter`'s ballot (candidacy ids, most preferred first) and return its tracker.

    One vote per member: the roll's unique (election, member) row refuses a second ballot, from
    the same person, the member's other delegate or substitute, or the holder of its proxy, even
    at the same moment.
    The roll row and the ballot are written in one transaction: both, or neither.
    """
    if not permissions.can_vote_for(by, election.session, voter):
        raise PermissionDenied(
            _(
                "Only %(member)s's checked-in delegate or substitute, or the holder of its proxy,"
                " votes for it."
            )
            % {"member": voter}
        )
    picked = _valid_choices(election, choices)
    nonce = secrets.token_hex(16)
    with transaction.atomic():
        # Closing takes the same lock, so no ballot lands after the count.
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if locked.status != Election.Status.OPEN:
            raise ValidationError(_("Voting in this election is not open."))
        try:
            with transaction.atomic():
                RollEntry.objects.create(election=locked, cluster=voter)
        except IntegrityError as error:
            raise ValidationError(
                _("%(member)s has already voted in this election.") % {"member": voter}
            ) from error
        tracker = tracker_of(locked.box, picked, nonce)
        Ballot.objects.create(box=locked.box, choices=picked, nonce=nonce, tracker=tracker)
        record(action="assembly.ballot_cast", actor=by, subject=locked, member=voter.pk)
        queue_message(
            key=f"assembly.tracker:{locked.box}:{voter.pk}",
            kind="assembly.tracker",
            user=by,
            template="assembly/mail/tracker",
            context={
                "tracker": tracker,
                "member": str(voter),
                "position": locked.get_position_display(),
                "session": str(locked.session),
            },
            batch=f"assembly.tracker:{locked.box}",
        )
    return tracker
