"""Casting a ballot: the voter roll (that a member voted) and the ballot box (what was voted)
written in one transaction, and the tracker the voter keeps; where the statute allows it,
re-voting with the secret key given at casting.

Nothing written here links the two: the ballot row has a random id, the box's random id, the
choices and the tracker's nonce, and for re-voting the hash of a key only the voter holds; the
audit entry and the roll row name the member, never the ballot, its tracker or the key
(docs/assembly.md).
"""

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from matchfair import permissions
from matchfair.assembly.models import Ballot, Candidacy, Election, RollEntry, Session, Statute
from matchfair.assembly.record import tracker_of
from matchfair.audit.domain import record
from matchfair.community.models import Cluster, Organisation
from matchfair.outbox.domain import queue_message


def _standing(election: Election) -> set[int]:
    # Unordered: the model's order (by election) joined the election and its session.
    return set(
        Candidacy.objects.filter(election_id=election.pk, accepted=True)
        .order_by()
        .values_list("pk", flat=True)
    )


@sensitive_variables("choices", "picked", "unknown")
def _valid_choices(
    election: Election, choices: Sequence[int], standing: set[int] | None = None
) -> list[int]:
    if standing is None:
        standing = _standing(election)
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


@dataclass(frozen=True)
class Receipt:
    """What the voter takes away from casting: the tracker to find on the ballot board, where
    the statute allows re-voting the key that replaces the ballot (else empty), and the member
    it was cast for."""

    tracker: str
    member: Cluster
    revote_key: str = ""


def revoting_allowed(election: Election) -> bool:
    """Whether the network's statute lets a member change its ballot while voting is open."""
    return Statute.objects.filter(network_id=election.session.network_id, revoting=True).exists()


def revote_hash(box: str, member: int, key: str) -> str:
    """What the ballot keeps of its re-vote key: a hash, bound to the box and the member the key
    was given for, so it opens that member's ballot only. The key is 128 random bits: without it
    the hash says nothing, not even which member."""
    line = f"matchfair-revote/1|{box}|{member}|{normalised_key(key)}"
    return hashlib.sha256(line.encode()).hexdigest()


def normalised_key(key: str) -> str:
    """The key as typed back from the mail: case, spaces and dashes do not matter."""
    return "".join(key.split()).replace("-", "").lower()


def _mail_receipt(election: Election, voter: Cluster, by: Any, receipt: Receipt) -> None:
    # The message key is random: it outlives the body, which closing the election scrubs.
    queue_message(
        key=f"assembly.tracker:{election.box}:{voter.pk}:{secrets.token_hex(8)}",
        kind="assembly.tracker",
        user=by,
        template="assembly/mail/tracker",
        context={
            "tracker": receipt.tracker,
            "revote_key": receipt.revote_key,
            "member": str(voter),
            "position": election.get_position_display(),
            "session": str(election.session),
        },
        batch=f"assembly.tracker:{election.box}",
        drain=True,  # many voters at once: one task sends every tracker mail queued
    )


def _not_voting_for(voter: Cluster | None) -> PermissionDenied:
    if voter is None:  # no such member: the ballot form names one the person votes for
        return PermissionDenied(_("Only a member's checked-in delegate or substitute votes."))
    return PermissionDenied(
        _(
            "Only %(member)s's checked-in delegate or substitute, or the holder of its proxy,"
            " votes for it."
        )
        % {"member": voter}
    )


class _Locked(NamedTuple):
    status: str
    standing: set[int]
    revoting: bool
    may_vote: bool
    voter: Cluster | None  # None: no member has that id


def _locked_against_closing(election: Election, voter: Cluster | int, by: Any) -> _Locked:
    """The election's status, read under a lock that closing also takes, so no ballot lands
    after the count; with it, its standing candidacies, whether the statute allows re-voting,
    whether `by` votes for `voter` (`permissions.can_vote_for`), as they are under that lock,
    and the member (with its organisation's name) when `voter` is only its id. On PostgreSQL
    casts share the lock (FOR SHARE): they do not wait for each other, closing (FOR UPDATE)
    waits for the casts under way, and a cast that waited for a close reads the election
    closed. Taken alone (FOR UPDATE), it made every cast wait for the one before it to commit.
    There the five are one query, which were five, read as a plain row. SQLite writes one
    transaction at a time anyway."""
    if connection.vendor != "postgresql":
        if isinstance(voter, int):
            member = Cluster.objects.select_related("organisation").filter(pk=voter).first()
        else:
            member = voter
        may_vote = member is not None and permissions.can_vote_for(by, election.session, member)
        locked = Election.objects.select_for_update().values_list("status", flat=True)
        return _Locked(
            locked.get(pk=election.pk),
            _standing(election),
            revoting_allowed(election),
            may_vote,
            member,
        )
    quote = connection.ops.quote_name
    election_table, session_table, statute_table, candidacy_table, cluster_table, org_table = (
        quote(model._meta.db_table)
        for model in (Election, Session, Statute, Candidacy, Cluster, Organisation)
    )
    voter_id = voter if isinstance(voter, int) else voter.pk
    right, right_params = permissions.vote_right_sql("e.session_id", by, voter_id)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.status, ARRAY(SELECT c.id FROM"
            f"   {candidacy_table} c WHERE c.election_id = e.id AND c.accepted),"
            f" EXISTS(SELECT 1 FROM {statute_table} st JOIN {session_table} s"
            "   ON s.network_id = st.network_id WHERE s.id = e.session_id AND st.revoting),"
            f" {right}, k.organisation_id, o.name"
            f" FROM {election_table} e LEFT JOIN {cluster_table} k ON k.id = %s"
            f" LEFT JOIN {org_table} o ON o.id = k.organisation_id"
            " WHERE e.id = %s FOR SHARE OF e",
            [*right_params, voter_id, election.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise Election.DoesNotExist("No election with that id.")
    status, standing, revoting, may_vote, organisation_id, name = row
    if isinstance(voter, Cluster):
        member = voter
    else:
        member = None if organisation_id is None else _member(voter, organisation_id, name)
    return _Locked(status, set(standing), revoting, may_vote, member)


def _member(pk: int, organisation_id: int, name: str) -> Cluster:
    """The member the locked read joined, with its organisation's name; the rest of the
    organisation is loaded if asked for."""
    member = Cluster.from_db(connection.alias, ["id", "organisation_id"], [pk, organisation_id])
    member.organisation = Organisation.from_db(
        connection.alias, ["id", "name"], [organisation_id, name]
    )
    return member


# Error reports (tracebacks with their local variables) show none of the ballot's content.
@sensitive_variables("choices", "picked", "nonce", "tracker", "key", "receipt")
def cast_ballot(
    election: Election, *, voter: Cluster | int, choices: Sequence[int], by: Any
) -> Receipt:
    """Cast `voter`'s ballot (candidacy ids, most preferred first) and return its receipt: the
    tracker, the member voted for, and the re-vote key where the statute allows re-voting.
    `voter` is the member or its id (the ballot form's): an id that names no member is refused
    as one `by` does not vote for.

    One vote per member: the roll's unique (election, member) row refuses a second ballot, from
    the same person, the member's other delegate or substitute, or the holder of its proxy, even
    at the same moment.
    The roll row and the ballot are written in one transaction: both, or neither.
    """
    with transaction.atomic():
        # Only the status is read again under the lock: an election's box never changes.
        status, standing, revoting, may_vote, member = _locked_against_closing(election, voter, by)
        if member is None or not may_vote:
            raise _not_voting_for(member)
        picked = _valid_choices(election, choices, standing)
        if status != Election.Status.OPEN:
            raise ValidationError(_("Voting in this election is not open."))
        nonce = secrets.token_hex(16)
        key = secrets.token_hex(16) if revoting else ""
        # No savepoint: a refused roll row ends the whole transaction, nothing is written.
        try:
            RollEntry.objects.create(election=election, cluster=member)
        except IntegrityError as error:
            raise ValidationError(
                _("%(member)s has already voted in this election.") % {"member": member}
            ) from error
        tracker = tracker_of(election.box, picked, nonce)
        Ballot.objects.create(
            box=election.box,
            choices=picked,
            nonce=nonce,
            tracker=tracker,
            revote_hash=revote_hash(election.box, member.pk, key) if key else None,
        )
        record(action="assembly.ballot_cast", actor=by, subject=election, member=member.pk)
        receipt = Receipt(tracker=tracker, revote_key=key, member=member)
        _mail_receipt(election, member, by, receipt)
    return receipt


@sensitive_variables("choices", "picked", "nonce", "tracker", "key", "hashed", "receipt")
def revote(
    election: Election, *, voter: Cluster, key: str, choices: Sequence[int], by: Any
) -> Receipt:
    """Replace the ballot that `key` opens with a new one (new nonce, new tracker; the old
    ballot leaves the box), while voting is open and the statute allows re-voting.

    Whoever presents the key must still be entitled to vote for `voter`; the roll keeps its one
    row for the member. Under the election's lock, like casting and closing: two re-votes with
    the same key at once run one after the other, and the box still holds one ballot for it.
    The key stays the same, so the voter can change their mind again until voting closes.
    """
    if not permissions.can_vote_for(by, election.session, voter):
        raise _not_voting_for(voter)
    if not revoting_allowed(election):
        raise ValidationError(
            _("The statutes of %(network)s do not allow changing a ballot once cast.")
            % {"network": election.session.network}
        )
    if not normalised_key(key):
        raise ValidationError({"key": _("Enter the re-vote key you were given with the tracker.")})
    picked = _valid_choices(election, choices)
    nonce = secrets.token_hex(16)
    with transaction.atomic():
        locked = Election.objects.select_for_update().get(pk=election.pk)
        if locked.status != Election.Status.OPEN:
            raise ValidationError(_("Voting in this election is not open."))
        if not RollEntry.objects.filter(election=locked, cluster=voter).exists():
            raise ValidationError(
                _("%(member)s has not voted in this election yet: cast a ballot instead.")
                % {"member": voter}
            )
        hashed = revote_hash(locked.box, voter.pk, key)
        removed, _kinds = Ballot.objects.filter(box=locked.box, revote_hash=hashed).delete()
        if not removed:
            raise ValidationError(
                {"key": _("This key does not open a ballot in this election; nothing changed.")}
            )
        tracker = tracker_of(locked.box, picked, nonce)
        Ballot.objects.create(
            box=locked.box, choices=picked, nonce=nonce, tracker=tracker, revote_hash=hashed
        )
        record(action="assembly.ballot_replaced", actor=by, subject=locked, member=voter.pk)
        receipt = Receipt(tracker=tracker, revote_key=normalised_key(key), member=voter)
        _mail_receipt(locked, voter, by, receipt)
    return receipt
