"""An election's life after nominations: opened, closed and counted through the voting engine,
then published with its ballot board, a hash chain over every (tracker, ballot) whose head is
published with the result."""

import secrets
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from matchfair import permissions
from matchfair.assembly.models import Ballot, Candidacy, Election, RollEntry
from matchfair.assembly.record import RECORD_FORMAT, chain_link, chain_start
from matchfair.audit.domain import record
from matchfair.outbox.models import Message
from matchfair.voting import Ballot as CountedBallot
from matchfair.voting import Election as CountedElection
from matchfair.voting import VotingError, count, tally_to_json

TRACKER_MAIL_REMOVED = "[tracker removed after the count]"


def _locked(election: Election, by: Any) -> Election:
    if not permissions.can_run_assembly(by, election.session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    return Election.objects.select_for_update().select_related("session").get(pk=election.pk)


def _standing(election: Election) -> list[Candidacy]:
    return list(
        election.candidacies.filter(accepted=True)
        .select_related("candidate", "cluster__organisation")
        .order_by("pk")
    )


def open_election(election: Election, *, by: Any) -> Election:
    """Close nominations and open voting; the seed for drawing lots, unless the secretariat set
    one when creating the election, is drawn now. It is published with the result."""
    with transaction.atomic():
        locked = _locked(election, by)
        if locked.status != Election.Status.DRAFT:
            raise ValidationError(_("This election has already been opened."))
        standing = len(_standing(locked))
        if standing < locked.seats:
            raise ValidationError(
                _("%(seats)s seats need at least as many accepted candidates; there are %(n)s.")
                % {"seats": locked.seats, "n": standing}
            )
        locked.status = Election.Status.OPEN
        if not locked.seed:
            locked.seed = 1 + secrets.randbelow(2**31 - 1)
        locked.save(update_fields=["status", "seed"])
        record(action="assembly.election_opened", actor=by, subject=locked)
    return locked


def counted_election(election: Election) -> CountedElection:
    """The election as the voting engine counts it: accepted candidates in order of
    nomination, identical ballots grouped."""
    standing = _standing(election)
    index = {candidacy.pk: i for i, candidacy in enumerate(standing)}
    ballots = Counter(
        tuple(index[choice] for choice in choices)
        for choices in Ballot.objects.filter(box=election.box).values_list("choices", flat=True)
    )
    return CountedElection(
        candidates=tuple(f"{c.candidate} ({c.cluster})" for c in standing),
        seats=election.seats,
        ballots=tuple(
            CountedBallot(ranking=ranking, count=n) for ranking, n in sorted(ballots.items())
        ),
        title=str(election),
        seed=election.seed,
    )


def close_election(election: Election, *, by: Any) -> Election:
    """Stop voting, count the box and build the ballot board; the result is stored with every
    round. The tracker mails already delivered lose their tracker (and re-vote key): the outbox
    would otherwise keep each member's address beside a tracker that the board ties to a ballot.
    The ballots lose their re-vote key's hash: no key opens anything any more."""
    with transaction.atomic():
        locked = _locked(election, by)
        if locked.status != Election.Status.OPEN:
            raise ValidationError(_("Only an open election can be closed."))
        to_count = counted_election(locked)
        try:
            tally = count(to_count, locked.method)
        except VotingError as error:
            raise ValidationError(error.errors) from error
        locked.result = tally_to_json(tally, to_count)
        locked.board_head = board_head(locked)
        locked.status = Election.Status.CLOSED
        locked.save(update_fields=["result", "board_head", "status"])
        Ballot.objects.filter(box=locked.box, revote_hash__isnull=False).update(revote_hash=None)
        Message.objects.filter(
            batch=f"assembly.tracker:{locked.box}", status=Message.Status.SENT
        ).update(body=TRACKER_MAIL_REMOVED)
        record(
            action="assembly.election_closed",
            actor=by,
            subject=locked,
            ballots=sum(b.count for b in to_count.ballots),
            board_head=locked.board_head,
        )
    return locked


def publish_election(election: Election, *, by: Any) -> Election:
    """Show the result, the ballot board and its head to everyone."""
    with transaction.atomic():
        locked = _locked(election, by)
        if locked.status != Election.Status.CLOSED:
            raise ValidationError(_("Only a counted election can be published."))
        locked.status = Election.Status.PUBLISHED
        locked.save(update_fields=["status"])
        record(action="assembly.election_published", actor=by, subject=locked)
    return locked


@dataclass(frozen=True)
class BoardEntry:
    tracker: str
    choices: tuple[int, ...]
    nonce: str
    link: str  # the chain's hash up to and including this entry


def board(election: Election) -> list[BoardEntry]:
    """Every ballot of the box, by tracker, each chained to the one before it."""
    link = chain_start(election.box)
    entries = []
    for tracker, choices, nonce in (
        Ballot.objects.filter(box=election.box)
        .order_by("tracker")
        .values_list("tracker", "choices", "nonce")
    ):
        link = chain_link(link, election.box, tracker, choices, nonce)
        entries.append(BoardEntry(tracker=tracker, choices=tuple(choices), nonce=nonce, link=link))
    return entries


def board_head(election: Election) -> str:
    entries = board(election)
    return entries[-1].link if entries else chain_start(election.box)


def election_record(election: Election) -> dict[str, Any]:
    """The counted election as `matchfair-election/1`, for `matchfair verify-election`."""
    return {
        "format": RECORD_FORMAT,
        "title": str(election),
        "box": election.box,
        "method": election.method,
        "seats": election.seats,
        "seed": election.seed,
        "candidates": [
            {"index": i + 1, "candidacy": c.pk, "name": f"{c.candidate} ({c.cluster})"}
            for i, c in enumerate(_standing(election))
        ],
        "ballots_cast": RollEntry.objects.filter(election=election).count(),
        "board": [
            {"tracker": e.tracker, "choices": list(e.choices), "nonce": e.nonce, "link": e.link}
            for e in board(election)
        ],
        "head": election.board_head,
        "result": election.result,
    }
