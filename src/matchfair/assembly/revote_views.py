"""Edit my vote: replacing a cast ballot with the re-vote key, where the statutes allow it
(docs/assembly.md, "Re-voting")."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from matchfair import permissions
from matchfair.assembly.domain.casting import revote, revoting_allowed
from matchfair.assembly.models import Election
from matchfair.assembly.views import _ranking, rank_options
from matchfair.web import report_errors


# Neither the ballot nor the key goes into an error report beside the logged-in voter.
@sensitive_post_parameters()
@sensitive_variables()
@login_required
def revote_page(request, pk):
    election = get_object_or_404(Election.objects.select_related("session__network"), pk=pk)
    members = permissions.voting_members(request.user, election.session)
    if not members:
        raise PermissionDenied(_("Only a member's checked-in delegate or substitute votes."))
    if not revoting_allowed(election):
        raise Http404(_("The statutes do not allow changing a ballot once cast."))
    wanted = request.POST.get("for") or request.GET.get("for", "")
    voter = next((m for m in members if str(m.pk) == wanted), members[0])
    candidacies = list(
        election.candidacies.filter(accepted=True).select_related(
            "candidate", "cluster__organisation"
        )
    )
    if request.method == "POST":
        try:
            receipt = revote(
                election,
                voter=voter,
                key=request.POST.get("key", ""),
                choices=_ranking(election, request.POST),
                by=request.user,
            )
        except ValidationError as error:
            report_errors(request, error)
        else:
            return render(
                request,
                "assembly/tracker.html",
                {"election": election, "receipt": receipt, "voter": voter, "replaced": True},
            )
    return render(
        request,
        "assembly/ballot.html",
        {
            "election": election,
            "voter": voter,
            "candidacies": candidacies,
            "rank_options": rank_options(len(candidacies)),
            "editing": True,
            "by_proxy": voter != members[0],
        },
    )
