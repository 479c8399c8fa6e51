"""The pages of success stories and of retention: the organiser's list and its button, the
page a person's link opens (agree with a quote, decline, withdraw), the consent page's renewal
and withdrawal, and the cluster's retention setting."""

import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from matchfair.audit.models import AuditEntry
from matchfair.newsroom.models import Article, Editor
from matchfair.outbox.models import Message
from matchfair.outcomes.domain import stories
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.domain.ladder import record_step
from matchfair.outcomes.models import Consent, Retention, StoryConsent, SuccessStory
from tests import factories


@pytest.fixture
def agreed(met, ana_in_sofia, tia):
    for person in (ana_in_sofia, tia):
        record_step(
            meeting=met,
            stage=4,
            on=dt.date(2026, 11, 20),
            by=person.user,
            agreement_type="eu_proposal_submitted",
            call_identifier="HORIZON-CL5-2026-D4-01",
        )
    return met


def answer_url(story, person):
    answer = StoryConsent.objects.get(story=story, registration=person)
    return stories.link_for(answer)


def test_the_organiser_asks_from_the_list_of_confirmed_agreements(client, agreed, lead_staff):
    client.force_login(lead_staff)
    page = reverse("outcomes:stories", kwargs={"event": agreed.event.slug})
    response = client.get(page)
    assert [found.meeting for found in response.context["agreements"]] == [agreed]
    assert "Ask for a success story" in response.content.decode()
    assert "Joint EU proposal submitted" in response.content.decode()
    ask = reverse("outcomes:story_ask", kwargs={"event": agreed.event.slug, "pk": agreed.pk})
    role = response.context["role"].pk
    response = client.post(ask, {"role": str(role)})
    assert (response.status_code, response["Location"]) == (302, f"{page}?role={role}")
    assert Message.objects.filter(kind="outcomes.success_story").count() == 2
    again = client.post(ask, {"role": str(role)}, follow=True)
    assert [str(m) for m in again.context["messages"]] == [
        "Each person of the meeting is asked by mail.",
        "A success story of this meeting has been asked for already.",
    ]
    assert Message.objects.filter(kind="outcomes.success_story").count() == 2


def menu_links(response):
    """The menu's links to the success stories page (the page's own links are not counted)."""
    html = response.content.decode()
    menu = html[html.index('<div class="menu"') : html.index("</nav>")]
    page = reverse("outcomes:stories", kwargs={"event": response.context["event"].slug})
    return menu.count(f'href="{page}"')


def test_an_editor_who_is_not_staff_finds_the_list_in_the_menu(client, agreed, sofia):
    editor = factories.UserFactory()
    Editor.objects.create(cluster=sofia, user=editor)
    client.force_login(editor)
    event_page = client.get(reverse("events:detail", kwargs={"event": agreed.event.slug}))
    page = client.get(reverse("outcomes:stories", kwargs={"event": agreed.event.slug}))
    assert (event_page.status_code, menu_links(event_page), event_page.context["is_organiser"]) == (
        200,
        1,
        False,
    )
    assert (page.status_code, [found.meeting for found in page.context["agreements"]]) == (
        200,
        [agreed],
    )


def test_the_organisers_staff_find_the_list_in_the_menu(client, agreed, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("events:detail", kwargs={"event": agreed.event.slug}))
    assert menu_links(response) == 1


def test_a_participant_and_an_editor_of_another_cluster_have_no_link(client, agreed, ana_in_sofia):
    elsewhere = factories.UserFactory()
    Editor.objects.create(cluster=factories.ClusterFactory(), user=elsewhere)
    url = reverse("events:detail", kwargs={"event": agreed.event.slug})
    for user in (ana_in_sofia.user, elsewhere):
        client.force_login(user)
        assert menu_links(client.get(url)) == 0


def test_a_participant_may_not_open_the_list(client, agreed, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    page = reverse("outcomes:stories", kwargs={"event": agreed.event.slug})
    assert client.get(page).status_code == 403


def test_each_person_agrees_with_a_quote_on_their_page_without_a_login(
    client, agreed, lead_staff, ana_in_sofia, tia
):
    story = stories.ask_for_story(meeting=agreed, by=lead_staff)
    url = answer_url(story, ana_in_sofia)
    page = client.get(url)
    assert page.status_code == 200 and "Tia Third" in page.content.decode()
    assert "Joint EU proposal submitted" in page.content.decode()
    response = client.post(url, {"agree": "yes", "quote": "A partner for Horizon."})
    assert (response.status_code, response["Location"]) == (302, url)
    client.post(answer_url(story, tia), {"agree": "yes", "quote": ""})
    article = Article.objects.get()
    assert "HORIZON-CL5-2026-D4-01" in article.translations.get(language="en").what_they_did
    assert "> A partner for Horizon." in article.translations.get(language="bg").body
    listed = client.get(url).content.decode()
    assert "Withdraw my consent" in listed


def test_a_bad_answer_changes_nothing(client, agreed, lead_staff, ana_in_sofia):
    story = stories.ask_for_story(meeting=agreed, by=lead_staff)
    url = answer_url(story, ana_in_sofia)
    response = client.post(url, {"agree": "perhaps"}, follow=True)
    assert response.status_code == 200
    assert StoryConsent.objects.get(registration=ana_in_sofia).answer == "pending"
    tampered = url[:-3] + "xx/"
    refused = client.get(tampered)
    assert refused.status_code == 403
    assert "not valid" in refused.content.decode()
    assert client.post(tampered, {"agree": "yes"}).status_code == 403
    assert StoryConsent.objects.get(registration=ana_in_sofia).answer == "pending"


def test_withdrawing_on_the_consent_page_stops_the_story(
    client, agreed, lead_staff, ana_in_sofia, tia
):
    story = stories.ask_for_story(meeting=agreed, by=lead_staff)
    stories.answer_story(
        answer=StoryConsent.objects.get(story=story, registration=ana_in_sofia), agree=True
    )
    client.force_login(ana_in_sofia.user)
    consent_page = client.get(reverse("outcomes:consent")).content.decode()
    answer = StoryConsent.objects.get(story=story, registration=ana_in_sofia)
    withdraw = reverse("outcomes:story_withdraw", kwargs={"pk": answer.pk})
    assert f'action="{withdraw}"' in consent_page
    assert client.post(withdraw).status_code == 302
    assert SuccessStory.objects.get().status == SuccessStory.Status.WITHDRAWN
    other = StoryConsent.objects.get(story=story, registration=tia)
    client.force_login(tia.user)
    assert (
        client.post(reverse("outcomes:story_withdraw", kwargs={"pk": answer.pk})).status_code == 404
    )
    assert other.answer == "pending"


def test_the_consent_page_shows_expiry_and_renews(client, ana_in_sofia):
    user = ana_in_sofia.user
    consent = grant(user=user, scope="met", audience="public", by=user)
    Consent.objects.filter(pk=consent.pk).update(granted=timezone.now() - relativedelta(months=25))
    client.force_login(user)
    page = client.get(reverse("outcomes:consent")).content.decode()
    assert "Expired on" in page and "Renew" in page
    response = client.post(
        reverse("outcomes:consent_renew"), {"scope": "met", "audience": "public"}
    )
    assert response.status_code == 302
    assert "Shared until" in client.get(reverse("outcomes:consent")).content.decode()
    assert AuditEntry.objects.filter(action="consent.renewed", actor=user).count() == 1


def test_the_clusters_staff_set_the_retention(client, event, sofia, lead_staff, ana_in_sofia):
    url = reverse("outcomes:retention", kwargs={"pk": sofia.pk})
    client.force_login(ana_in_sofia.user)
    assert client.get(url).status_code == 403
    assert client.post(url, {"months": "6"}).status_code == 403
    client.force_login(lead_staff)
    assert "24 months" in client.get(url).content.decode()
    refused = client.post(url, {"months": "0"}, follow=True)
    assert not Retention.objects.exists()
    assert refused.status_code == 200
    assert client.post(url, {"months": "6"}).status_code == 302
    assert Retention.objects.get(cluster=sofia).months == 6
    knowledge = client.get(reverse("outcomes:knowledge", kwargs={"event": event.slug}))
    assert f'href="{url}"' in knowledge.content.decode()


def test_the_editor_sees_why_a_draft_is_held_back(client, agreed, lead_staff, ana_in_sofia, tia):
    story = stories.ask_for_story(meeting=agreed, by=lead_staff)
    for person in (ana_in_sofia, tia):
        stories.answer_story(
            answer=StoryConsent.objects.get(story=story, registration=person), agree=True
        )
    client.force_login(lead_staff)
    edit = reverse("newsroom:edit", kwargs={"pk": Article.objects.get().pk})
    assert "withdrew their consent" not in client.get(edit).content.decode()
    stories.withdraw_story_consent(
        answer=StoryConsent.objects.get(story=story, registration=tia), by=tia.user
    )
    assert "withdrew their consent" in client.get(edit).content.decode()
