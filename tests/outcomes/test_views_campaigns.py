"""The follow-up campaign pages: the answer page a mailed link opens, and the lead organiser's
page that sets the campaigns."""

import datetime as dt
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from matchfair.outcomes.domain.campaigns import link_for
from matchfair.outcomes.models import Campaign, CampaignMail, FollowUpStep


def _link(event, registration):
    mail = CampaignMail.objects.create(
        campaign=event.follow_up_campaigns.first(), registration=registration, sent=timezone.now()
    )
    return urlsplit(link_for(mail)).path, mail


def test_the_link_opens_the_persons_meetings_without_a_login(client, event, met, ana, tia):
    path, _mail = _link(event, ana)
    page = client.get(path).content.decode()
    assert "Tia Third" in page and "Save this step" in page


def test_a_step_saved_through_the_link_is_the_persons_own(client, event, met, ana):
    path, mail = _link(event, ana)
    response = client.post(
        path, {"meeting": met.pk, f"m{met.pk}-stage": "2", f"m{met.pk}-on": "2026-11-18"}
    )
    mail.refresh_from_db()
    assert response.status_code == 302
    assert FollowUpStep.objects.values_list("registration", "stage", "on").get() == (
        ana.pk,
        2,
        dt.date(2026, 11, 18),
    )
    assert mail.answered is not None


def test_a_bad_link_shows_why_and_changes_nothing(client, event, met, ana):
    path, mail = _link(event, ana)
    response = client.post(
        path[:-3] + "xx/",
        {"meeting": met.pk, f"m{met.pk}-stage": "2", f"m{met.pk}-on": "2026-11-18"},
    )
    mail.refresh_from_db()
    assert response.status_code == 403
    assert "not valid" in response.content.decode()
    assert (FollowUpStep.objects.count(), mail.answered) == (0, None)


def test_the_lead_changes_and_adds_campaigns(client, event, lead_staff):
    client.force_login(lead_staff)
    week = event.follow_up_campaigns.get(days_after=7)
    client.post(
        reverse("outcomes:campaign_change", kwargs={"event": event.slug, "pk": week.pk}),
        {"days_after": "14", "reminder_days": "5"},
    )
    client.post(
        reverse("outcomes:campaign_add", kwargs={"event": event.slug}),
        {"days_after": "365", "reminder_days": "10"},
    )
    page = client.get(reverse("outcomes:campaigns", kwargs={"event": event.slug}))
    assert list(
        Campaign.objects.filter(event=event).values_list("days_after", "reminder_days")
    ) == [
        (14, 5),
        (91, 7),
        (182, 7),
        (365, 10),
    ]
    assert page.status_code == 200


def test_a_duplicate_day_is_refused_with_the_field(client, event, lead_staff):
    client.force_login(lead_staff)
    response = client.post(
        reverse("outcomes:campaign_add", kwargs={"event": event.slug}),
        {"days_after": "91", "reminder_days": "7"},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "There is already a campaign 91 days after the event."
    ]
    assert event.follow_up_campaigns.count() == 3
