"""The pages of a proposed consortium: edit it, export it, move it through the pipeline; an
invitee's answer by the mailed link; and the calls ranked for an idea of the ideas board."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.assembly.models import Idea
from matchfair.funding import wording
from matchfair.funding.domain import edits, pipeline
from matchfair.funding.domain.exports import invitation_list, partner_search_post
from matchfair.funding.domain.matching import calls_for_idea
from matchfair.funding.forms import ConsortiumEditForm, ConsortiumMoveForm, InvitationAnswerForm
from matchfair.funding.models import ConsortiumProposal
from matchfair.funding.views import FLAG_TEXT
from matchfair.web import run_domain_call

EDITS = {
    "add": (edits.add_partner, gettext_lazy("The partner is added.")),
    "remove": (edits.remove_partner, gettext_lazy("The partner is removed.")),
    "coordinator": (edits.set_coordinator, gettext_lazy("The coordinator is changed.")),
    "roles": (edits.set_roles, gettext_lazy("The roles are changed.")),
}


def _proposal_or_404(request, pk) -> ConsortiumProposal:
    proposal = get_object_or_404(ConsortiumProposal.objects.select_related("topic", "lead"), pk=pk)
    if not permissions.can_build_consortium(request.user, proposal.lead):
        raise Http404
    return proposal


def consortium_context(proposal: ConsortiumProposal) -> dict:
    """What the consortium's page shows beside the proposal: the edit choices, the invitations
    and the steps open in its state."""
    members = edits.members_of(proposal)
    context: dict = {
        "proposal": proposal,
        "editable": proposal.state in edits.EDITABLE and proposal.proposal.get("feasible"),
        "invitations": {
            invitation.member: invitation
            for invitation in proposal.invitations.exclude(status="cancelled").select_related(
                "invitee"
            )
        },
        "steps": [
            (name, label)
            for name, label in ConsortiumMoveForm.STEPS
            if proposal.state
            in (pipeline.MOVES[name][0] if name in pipeline.MOVES else edits.EDITABLE)
        ],
        "members": wording.members(proposal.request, proposal.proposal),
        "unmet": wording.unmet(proposal.request, proposal.proposal),
        "summary": wording.summary(proposal.proposal),
        "others": [],
        "roles": [],
    }
    if proposal.request:
        request = edits.stored_request(proposal)
        others = sorted(
            (c for c in request.candidates if c.id not in members and c.available),
            key=lambda c: (-c.fit_points - c.relationship.points, c.name),
        )
        context["others"] = [
            (
                c,
                wording.country_name(c.country),
                wording.relationship(
                    c.relationship.expo_stage,
                    c.relationship.past_projects,
                    c.relationship.same_partnership,
                ),
            )
            for c in others
        ]
        context["roles"] = [(r, wording.role_name(r)) for r in edits.role_choices(request)]
        context["played"] = {c.id: c.roles for c in request.candidates if c.id in members}
    return context


@login_required
def consortium(request, pk):
    proposal = _proposal_or_404(request, pk)
    return render(request, "funding/consortium.html", consortium_context(proposal))


@login_required
@require_POST
def consortium_edit(request, pk):
    proposal = _proposal_or_404(request, pk)
    roles = edits.role_choices(edits.stored_request(proposal)) if proposal.request else ()
    form = ConsortiumEditForm(request.POST, roles=roles)

    def change():
        data = form.cleaned_data
        function, _done = EDITS[data["action"]]
        extra = {"roles": data["roles"]} if data["action"] == "roles" else {}
        changed = function(proposal, member=data["member"], by=request.user, **extra)
        return changed

    return run_domain_call(
        request,
        change,
        form=form,
        success=lambda changed: (
            str(EDITS[form.cleaned_data["action"]][1])
            + (" " + _("The checker finds problems; they are listed.") if changed.problems else "")
        ),
        then=redirect("funding:consortium", pk=proposal.pk),
    )


@login_required
@require_POST
def consortium_move(request, pk):
    proposal = _proposal_or_404(request, pk)
    form = ConsortiumMoveForm(request.POST)

    def move():
        step = form.cleaned_data["step"]
        if step == "invite":
            invited = pipeline.invite(proposal, by=request.user)
            count = len(invited.sent)
            text = ngettext(
                "%(count)s invitation is sent.", "%(count)s invitations are sent.", count
            ) % {"count": count}
            if invited.by_hand:
                text += " " + _("Nobody here answers for %(names)s: ask them yourselves.") % {
                    "names": ", ".join(invited.by_hand)
                }
            return text
        moved = pipeline.move(proposal, to=step, by=request.user)
        return _("The consortium is %(state)s.") % {"state": moved.get_state_display()}

    return run_domain_call(
        request,
        move,
        form=form,
        success=lambda text: text,
        then=redirect("funding:consortium", pk=proposal.pk),
    )


@login_required
def consortium_post(request, pk):
    proposal = _proposal_or_404(request, pk)
    response = HttpResponse(
        partner_search_post(proposal), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="partner-search-{proposal.topic.identifier}.md"'
    )
    return response


@login_required
def consortium_invitations(request, pk):
    proposal = _proposal_or_404(request, pk)
    response = HttpResponse(
        invitation_list(proposal, viewer=request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="invitations-{proposal.pk}.csv"'
    return response


def invitation(request, token):
    """The invitee's answer, without a login: the signed link is the permission."""
    try:
        found = pipeline.invitation_from_link(token)
    except ValidationError as error:
        return render(
            request, "funding/invitation_refused.html", {"reasons": error.messages}, status=403
        )
    if request.method == "POST":
        form = InvitationAnswerForm(request.POST)
        if form.is_valid():
            try:
                found = pipeline.answer(token, accept=form.cleaned_data["answer"] == "accept")
            except ValidationError as error:
                return render(
                    request,
                    "funding/invitation_refused.html",
                    {"reasons": error.messages},
                    status=403,
                )
            return render(request, "funding/invitation.html", {"invitation": found, "done": True})
    return render(request, "funding/invitation.html", {"invitation": found, "done": False})


@login_required
def idea_calls(request, pk):
    idea = get_object_or_404(Idea.objects.select_related("network", "cluster__organisation"), pk=pk)
    if not permissions.can_search_calls_for_idea(request.user, idea):
        raise PermissionDenied  # as the idea's own page answers
    return render(
        request,
        "funding/idea_calls.html",
        {"idea": idea, "rows": calls_for_idea(idea), "flag_text": FLAG_TEXT},
    )
