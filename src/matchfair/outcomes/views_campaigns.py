"""Pages of the follow-up campaigns: the answer page a mailed link opens without a login, and
the lead organiser's page that sets when the campaigns go out."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from matchfair import permissions
from matchfair.meetings.models import Meeting
from matchfair.outcomes.domain import campaigns
from matchfair.outcomes.domain.ladder import ladder_from
from matchfair.outcomes.forms import CampaignForm, StepForm
from matchfair.outcomes.models import Campaign, FollowUpStep
from matchfair.web import event_view, run_domain_call

campaign_view = event_view(
    require=permissions.can_run_campaigns,
    refusal=gettext_lazy("Only the lead organiser's staff set the follow-up campaigns."),
)


def campaign_answer(request, token):
    """One person's open meetings, each with the ladder to say where it stands."""
    try:
        mail = campaigns.mail_from_link(token)
    except ValidationError as error:
        return render(
            request, "outcomes/campaign_refused.html", {"reasons": error.messages}, status=403
        )
    registration = mail.registration
    event = mail.campaign.event
    if request.method == "POST":
        chosen = request.POST.get("meeting", "")
        meeting_id = int(chosen) if chosen.isdigit() else 0
        form = StepForm(request.POST, prefix=f"m{meeting_id}")
        return run_domain_call(
            request,
            lambda: campaigns.answer(mail=mail, meeting_id=meeting_id, **form.cleaned_data),
            success=_("Thank you: the step is recorded."),
            then=redirect("outcomes:campaign_answer", token=token),
            form=form,
        )
    open_ids = campaigns.open_meetings(
        event, now=timezone.now(), registrations=[registration.pk]
    ).get(registration.pk, [])
    meetings = Meeting.objects.filter(pk__in=open_ids).prefetch_related(
        "participants__user__organisation"
    )
    steps: dict[int, list[FollowUpStep]] = {}
    for step in FollowUpStep.objects.filter(meeting__in=open_ids).order_by("on", "pk"):
        steps.setdefault(step.meeting_id, []).append(step)
    rows = []
    for meeting in meetings:
        people = list(meeting.participants.all())
        ladder = ladder_from([p.pk for p in people], steps.get(meeting.pk, []))
        mine = ladder.stages.get(registration.pk)
        # The form starts at the person's last step, so saving it unchanged moves nothing back.
        initial = {"on": timezone.localdate(), "stage": mine}
        rows.append(
            {
                "meeting": meeting,
                "others": [p for p in people if p.pk != registration.pk],
                "mine": mine,
                "form": StepForm(prefix=f"m{meeting.pk}", initial=initial),
            }
        )
    return render(
        request,
        "outcomes/campaign_answer.html",
        {"mail": mail, "event": event, "person": registration.user, "rows": rows},
    )


@campaign_view
def campaign_list(request, event, context):
    context.update(
        responses=campaigns.responses(event, scope=None),
        form=CampaignForm(),
        zone=event.zone,
    )
    return render(request, "outcomes/campaigns.html", context)


@campaign_view
@require_POST
def campaign_add(request, event, context):
    form = CampaignForm(request.POST)
    return run_domain_call(
        request,
        lambda: campaigns.change_campaign(event=event, by=request.user, **form.cleaned_data),
        success=_("The campaign is set."),
        then=redirect("outcomes:campaigns", event=event.slug),
        form=form,
    )


@campaign_view
@require_POST
def campaign_change(request, event, context, pk):
    campaign = get_object_or_404(Campaign, pk=pk, event=event)
    form = CampaignForm(request.POST)
    return run_domain_call(
        request,
        lambda: campaigns.change_campaign(
            event=event, by=request.user, campaign=campaign, **form.cleaned_data
        ),
        success=_("The campaign is changed."),
        then=redirect("outcomes:campaigns", event=event.slug),
        form=form,
    )


@campaign_view
@require_POST
def campaign_remove(request, event, context, pk):
    campaign = get_object_or_404(Campaign, pk=pk, event=event)
    return run_domain_call(
        request,
        lambda: campaigns.remove_campaign(campaign=campaign, by=request.user),
        success=_("The campaign is removed."),
        then=redirect("outcomes:campaigns", event=event.slug),
    )
