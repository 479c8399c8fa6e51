"""The assembly's pages for proxies, motions and the minutes: a delegate hands its member's vote
on, proposes, seconds and votes on motions from a phone; the secretariat puts motions to the
vote, closes them and publishes the minutes."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.domain.minutes import minutes_pdf, publish_minutes
from matchfair.assembly.domain.motions import (
    cast_motion_vote,
    close_motion_vote,
    motion_outcome,
    open_motion_vote,
    propose_motion,
    second_motion,
    withdraw_motion,
)
from matchfair.assembly.domain.proxies import (
    active_proxies,
    give_proxy,
    proxies_per_holder,
    withdraw_proxy,
)
from matchfair.assembly.models import Attendee, Motion, MotionVote, Proxy, Session
from matchfair.web import report_errors, run_domain_call


def _session(request, pk):
    session = get_object_or_404(Session.objects.select_related("network"), pk=pk)
    if not permissions.can_see_session(request.user, session):
        raise PermissionDenied(_("Only the partnership's members see its assembly."))
    return session


def _motion(request, pk):
    motion = get_object_or_404(
        Motion.objects.select_related(
            "session__network",
            "agenda_item",
            "amends",
            "mover__organisation",
            "seconded_by__organisation",
        ),
        pk=pk,
    )
    if not permissions.can_see_session(request.user, motion.session):
        raise PermissionDenied(_("Only the partnership's members see its assembly."))
    return motion


@login_required
def motion_page(request, pk):
    """A motion with its amendments, the vote for each member the user votes for, and the
    result with its figures once closed."""
    motion = _motion(request, pk)
    session = motion.session
    members = permissions.voting_members(request.user, session)
    voted = dict(
        motion.votes.filter(cluster__in=[m.pk for m in members]).values_list("cluster", "choice")
    )
    return render(
        request,
        "assembly/motion.html",
        {
            "motion": motion,
            "session": session,
            "amendments": motion.amendments.exclude(status=Motion.Status.WITHDRAWN),
            "ballots": [
                (member, member.pk in voted, voted.get(member.pk, "")) for member in members
            ],
            "choices": MotionVote.Choice.choices,
            "outcome": motion_outcome(motion) if motion.status == Motion.Status.CLOSED else None,
            "roll": (
                motion.votes.select_related("cluster__organisation")
                if motion.status == Motion.Status.CLOSED and not motion.secret
                else ()
            ),
            "runs": permissions.can_run_assembly(request.user, session),
            "can_second": motion.status == Motion.Status.PROPOSED
            and permissions.seconding_for(request.user, motion) is not None,
            "can_withdraw": motion.status in (Motion.Status.PROPOSED, Motion.Status.SECONDED)
            and permissions.can_withdraw_motion(request.user, motion),
            "can_amend": motion.amends_id is None
            and motion.status in (Motion.Status.PROPOSED, Motion.Status.SECONDED)
            and permissions.moving_for(request.user, session) is not None,
        },
    )


@login_required
def propose_page(request, pk):
    """Propose a motion on an agenda item, or (with `?amends=`) an amendment of a motion."""
    session = _session(request, pk)
    if permissions.moving_for(request.user, session) is None:
        raise PermissionDenied(
            _("Only a checked-in delegate or substitute, or the secretariat, proposes a motion.")
        )
    amends = None
    if request.GET.get("amends", "").isdigit():
        amends = get_object_or_404(Motion, pk=request.GET["amends"], session=session)
    values = {"title": "", "text": amends.text if amends else "", "threshold": "simple"}
    if request.method == "POST":
        values = {key: request.POST.get(key, "") for key in ("title", "text", "threshold")}
        item = request.POST.get("agenda_item", "")
        try:
            motion = propose_motion(
                session,
                agenda_item=session.agenda.filter(pk=item).first() if item.isdigit() else None,
                title=values["title"],
                text=values["text"],
                threshold=values["threshold"],
                secret=(request.POST.get("secret") == "on") or None,
                amends=amends,
                by=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            return redirect("assembly:motion", pk=motion.pk)
    return render(
        request,
        "assembly/propose.html",
        {
            "session": session,
            "amends": amends,
            "agenda": session.agenda.all(),
            "thresholds": Motion.Threshold.choices,
            "values": values,
        },
    )


@login_required
@require_POST
def motion_vote_page(request, pk):
    motion = _motion(request, pk)
    members = permissions.voting_members(request.user, motion.session)
    # `member` names which of the members the user votes for; their own when it is missing.
    wanted = request.POST.get("member", "")
    voter = next((m for m in members if str(m.pk) == wanted), None) if wanted else None
    if voter is None and not wanted and members:
        voter = members[0]
    if voter is None:
        raise PermissionDenied(_("Only a member's checked-in delegate, substitute or proxy votes."))
    return run_domain_call(
        request,
        lambda: cast_motion_vote(
            motion, voter=voter, choice=request.POST.get("choice", ""), by=request.user
        ),
        success=_("%(member)s's vote is recorded.") % {"member": voter},
        then=redirect("assembly:motion", pk=motion.pk),
    )


def _motion_action(action, allowed, success):
    @login_required
    @require_POST
    def view(request, pk):
        motion = _motion(request, pk)
        if not allowed(request.user, motion):
            raise PermissionDenied(_("You may not do this with this motion."))
        return run_domain_call(
            request,
            lambda: action(motion, by=request.user),
            success=success,
            then=redirect("assembly:motion", pk=motion.pk),
        )

    return view


def _runs(user, motion):
    return permissions.can_run_assembly(user, motion.session)


second_page = _motion_action(
    second_motion,
    lambda user, motion: permissions.seconding_for(user, motion) is not None,
    gettext_lazy("The motion is seconded."),
)
withdraw_motion_page = _motion_action(
    withdraw_motion, permissions.can_withdraw_motion, gettext_lazy("The motion is withdrawn.")
)
open_motion_page = _motion_action(
    open_motion_vote, _runs, gettext_lazy("The motion is put to the vote.")
)
close_motion_page = _motion_action(
    close_motion_vote, _runs, gettext_lazy("The vote is closed and the result computed.")
)


@login_required
def proxies_page(request, pk):
    """The session's proxies; a member's voting delegate (or the secretariat) hands its vote to
    another member's voting delegate here, or takes it back."""
    session = _session(request, pk)
    runs = permissions.can_run_assembly(request.user, session)
    own = session.attendees.filter(user=request.user.pk, role=Attendee.Role.DELEGATE).first()
    givers = (
        list(session.network.clusters.select_related("organisation").order_by("organisation__name"))
        if runs
        else ([own.cluster] if own else [])
    )
    if request.method == "POST":
        cluster = next((c for c in givers if str(c.pk) == request.POST.get("cluster")), None)
        holder = session.attendees.filter(
            pk=request.POST.get("holder") if request.POST.get("holder", "").isdigit() else None
        ).first()
        if cluster is None:
            raise PermissionDenied(_("Only a member's voting delegate hands its vote on."))
        if holder is None:
            report_errors(request, ValidationError(_("Choose the delegate who holds the proxy.")))
            return redirect("assembly:proxies", pk=session.pk)
        return run_domain_call(
            request,
            lambda: give_proxy(session, cluster=cluster, holder=holder, by=request.user),
            success=_("%(member)s's vote is handed to %(holder)s.")
            % {"member": cluster, "holder": holder.user},
            then=redirect("assembly:proxies", pk=session.pk),
        )
    return render(
        request,
        "assembly/proxies.html",
        {
            "session": session,
            "active": active_proxies(session),
            "history": session.proxies.filter(withdrawn_at__isnull=False).select_related(
                "cluster__organisation", "holder__user"
            )
            if runs
            else (),
            "givers": givers,
            "holders": session.attendees.filter(role=Attendee.Role.DELEGATE)
            .exclude(cluster__in=[c.pk for c in givers] if not runs else [])
            .select_related("user", "cluster__organisation")
            .order_by("cluster__organisation__name"),
            "limit": proxies_per_holder(session),
            "mine": {c.pk for c in givers},
            "runs": runs,
        },
    )


@login_required
@require_POST
def withdraw_proxy_page(request, pk):
    proxy = get_object_or_404(Proxy.objects.select_related("session__network", "cluster"), pk=pk)
    if not permissions.can_give_proxy(request.user, proxy.session, proxy.cluster):
        raise PermissionDenied(_("Only a member's voting delegate takes its vote back."))
    return run_domain_call(
        request,
        lambda: withdraw_proxy(proxy, by=request.user),
        success=_("%(member)s has its vote back.") % {"member": proxy.cluster},
        then=redirect("assembly:proxies", pk=proxy.session_id),
    )


def minutes_download(request, pk):
    session = get_object_or_404(Session.objects.select_related("network"), pk=pk)
    if not permissions.can_see_minutes(request.user, session):
        raise Http404(_("No published minutes."))
    response = HttpResponse(minutes_pdf(session), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="minutes-{session.pk}.pdf"'
    return response


@login_required
@require_POST
def publish_minutes_page(request, pk):
    session = get_object_or_404(Session.objects.select_related("network"), pk=pk)
    if not permissions.can_run_assembly(request.user, session):
        raise PermissionDenied(_("Only the partnership's secretariat runs the assembly."))
    return run_domain_call(
        request,
        lambda: publish_minutes(session, by=request.user),
        success=_("The minutes are public."),
        then=redirect("assembly:session", pk=session.pk),
    )
