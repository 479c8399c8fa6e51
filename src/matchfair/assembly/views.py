"""The assembly's pages: the session with its agenda and live quorum, the delegate's ballot and
tracker, the result with its rounds and the public ballot board, and the secretariat's actions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.domain.casting import cast_ballot, revoting_allowed
from matchfair.assembly.domain.counting import (
    board,
    close_election,
    election_record,
    open_election,
    publish_election,
)
from matchfair.assembly.domain.proxies import active_proxies
from matchfair.assembly.domain.sessions import check_in, quorum
from matchfair.assembly.models import Attendee, Candidacy, Election, RollEntry, Session
from matchfair.reports.charts import grouped_bar_chart
from matchfair.web import report_errors, run_domain_call


def _session(request, pk):
    session = get_object_or_404(Session.objects.select_related("network"), pk=pk)
    if not permissions.can_see_session(request.user, session):
        raise PermissionDenied(_("Only the partnership's members see its assembly."))
    return session


@login_required
def session_page(request, pk):
    session = _session(request, pk)
    runs = permissions.can_run_assembly(request.user, session)
    elections = list(
        session.elections.prefetch_related(
            Prefetch(
                "candidacies",
                queryset=Candidacy.objects.select_related("candidate", "cluster__organisation"),
            )
        )
    )
    voted = set(
        RollEntry.objects.filter(election__session=session).values_list("election", "cluster")
    )
    mine = session.attendees.filter(user=request.user).select_related("cluster").first()
    represented = permissions.voting_members(request.user, session)[1:]
    return render(
        request,
        "assembly/session.html",
        {
            "session": session,
            "agenda": session.agenda.all(),
            "quorum": quorum(session),
            "elections": [
                (
                    e,
                    mine is not None and (e.pk, mine.cluster_id) in voted,
                    [(m, (e.pk, m.pk) in voted) for m in represented],
                    e.candidacies.all(),
                )
                for e in elections
            ],
            "represented": represented,
            "motions": session.motions.exclude(status="withdrawn").select_related(
                "agenda_item", "mover__organisation"
            ),
            "can_move": permissions.moving_for(request.user, session) is not None,
            "proxies": active_proxies(session),
            "mine": mine,
            "documents": session.documents.all(),
            "can_nominate": bool(permissions.nominating_for(request.user, session)),
            "my_candidacies": Candidacy.objects.filter(
                election__session=session, candidate=request.user
            ).select_related("election"),
            "runs": runs,
            "attendees": (
                session.attendees.select_related("user", "cluster__organisation") if runs else ()
            ),
        },
    )


@login_required
def quorum_fragment(request, pk):
    session = _session(request, pk)
    return render(request, "assembly/_quorum.html", {"session": session, "quorum": quorum(session)})


@login_required
@require_POST
def check_in_page(request, pk):
    attendee = get_object_or_404(Attendee.objects.select_related("session__network"), pk=pk)
    if not permissions.can_run_assembly(request.user, attendee.session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    return run_domain_call(
        request,
        lambda: check_in(attendee, by=request.user),
        success=_("%(name)s is checked in.") % {"name": attendee.user},
        then=redirect("assembly:session", pk=attendee.session_id),
    )


def _ranking(election, post):
    """The ballot form's choices, most preferred first: a rank per candidacy (`rank-<id>`,
    ranked methods) or the one candidacy chosen (plurality). Whether each one stands is
    `cast_ballot`'s check."""
    if not election.ranked:
        return [post["choice"]] if post.get("choice", "").isdigit() else []
    ranks = {}
    for name, value in post.items():
        if not name.startswith("rank-") or not value:
            continue
        candidacy = name.removeprefix("rank-")
        if not candidacy.isdigit():
            raise ValidationError(
                _("%(choice)s is not a candidate in this election.") % {"choice": candidacy}
            )
        if not value.isdigit():
            raise ValidationError(_("A rank is a number."))
        ranks.setdefault(int(value), []).append(int(candidacy))
    if any(len(tied) > 1 for tied in ranks.values()):
        raise ValidationError(_("Give each rank to one candidate only."))
    return [ranks[rank][0] for rank in sorted(ranks)]


def rank_options(count: int) -> str:
    """The <option>s 1..count that sit under every candidacy's select on the ballot page: made
    once, not by a template loop per select."""
    return format_html_join(
        "", '<option value="{}">{}</option>', ((rank, rank) for rank in range(1, count + 1))
    )


def _voting_members(user, session):
    members = permissions.voting_members(user, session)
    if not members:
        raise PermissionDenied(_("Only a member's checked-in delegate or substitute votes."))
    return members


# A ballot's content never goes into an error report beside the logged-in voter.
@sensitive_post_parameters()
@sensitive_variables()
@login_required
def ballot_page(request, pk):
    election = get_object_or_404(Election.objects.select_related("session"), pk=pk)
    # A proxy holder votes for each member they represent: `for` names which.
    wanted = request.POST.get("for") or request.GET.get("for", "")
    members = None
    if request.method == "POST":
        if not wanted.isdecimal():  # no member named: the person's own
            members = _voting_members(request.user, election.session)
            wanted = str(members[0].pk)
        # `cast_ballot` reads the member and checks that the user votes for it, under its lock:
        # working out all the members they vote for here too made a cast a third dearer, and
        # reading the member here cost a statement (docs/benchmarks.md).
        try:
            receipt = cast_ballot(
                election,
                voter=int(wanted),
                choices=_ranking(election, request.POST),
                by=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            # Shown once, in this answer: the tracker and the re-vote key are kept nowhere
            # beside the voter.
            return render(
                request,
                "assembly/tracker.html",
                {"election": election, "receipt": receipt, "voter": receipt.member},
            )
    if members is None:
        members = _voting_members(request.user, election.session)
    voter = next((m for m in members if str(m.pk) == wanted), None)
    if voter is None:
        if request.method == "POST":  # refused: the page is not shown for another member
            raise PermissionDenied(_("Only a member's checked-in delegate or substitute votes."))
        voter = members[0]
    candidacies = list(
        election.candidacies.filter(accepted=True).select_related(
            "candidate", "cluster__organisation"
        )
    )
    return render(
        request,
        "assembly/ballot.html",
        {
            "election": election,
            "voter": voter,
            "candidacies": candidacies,
            "rank_options": rank_options(len(candidacies)),
            "voted": RollEntry.objects.filter(election=election, cluster=voter).exists(),
            "revoting": election.status == Election.Status.OPEN and revoting_allowed(election),
            "by_proxy": voter != members[0],
        },
    )


def result_page(request, pk):
    election = get_object_or_404(Election.objects.select_related("session__network"), pk=pk)
    if not permissions.can_see_ballot_board(request.user, election):
        raise Http404(_("No published result."))
    result = election.result or {}
    names = [c["name"] for c in result.get("candidates", [])]
    rounds = result.get("rounds", [])

    def named(indexes):
        return ", ".join(names[i - 1] for i in indexes)

    columns = [
        {
            "round": r["round"],
            "action": r["action"],
            "elected": named(r["elected"]),
            "excluded": named(r["excluded"]),
        }
        for r in rounds
    ]
    votes = [(name, [r["votes"][i] for r in rounds]) for i, name in enumerate(names)]
    round_names = [_("Round %(n)s") % {"n": r["round"]} for r in rounds]
    chart = grouped_bar_chart(
        [(name, [float(figure) for figure in figures]) for name, figures in votes],
        round_names,
        chart_id=f"rounds-{election.pk}",
        title=_("Votes per candidate in each round"),
        description="; ".join(
            f"{round_name}: " + ", ".join(f"{name} {figures[number]}" for name, figures in votes)
            for number, round_name in enumerate(round_names)
        ),
        empty_text=_("No round was counted."),
    )
    labels = {
        c.pk: f"{c.candidate} ({c.cluster})"
        for c in election.candidacies.select_related("candidate", "cluster__organisation")
    }
    return render(
        request,
        "assembly/result.html",
        {
            "election": election,
            "result": result,
            "columns": columns,
            "votes": votes,
            "chart": chart,
            "board": [
                (entry, [labels.get(choice, choice) for choice in entry.choices])
                for entry in board(election)
            ],
        },
    )


def record_download(request, pk):
    """The election record (`matchfair-election/1`) for `matchfair verify-election`."""
    election = get_object_or_404(Election.objects.select_related("session__network"), pk=pk)
    if not permissions.can_see_ballot_board(request.user, election):
        raise Http404(_("No published result."))
    response = JsonResponse(election_record(election), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = f'attachment; filename="election-{election.pk}.json"'
    return response


def _secretariat_action(action, success):
    @login_required
    @require_POST
    def view(request, pk):
        election = get_object_or_404(Election.objects.select_related("session__network"), pk=pk)
        if not permissions.can_run_assembly(request.user, election.session):
            raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
        return run_domain_call(
            request,
            lambda: action(election, by=request.user),
            success=success,
            then=redirect("assembly:session", pk=election.session_id),
        )

    return view


open_page = _secretariat_action(open_election, gettext_lazy("Voting is open."))
close_page = _secretariat_action(
    close_election, gettext_lazy("Voting is closed and the ballots counted.")
)
publish_page = _secretariat_action(
    publish_election, gettext_lazy("The result and ballot board are public.")
)
