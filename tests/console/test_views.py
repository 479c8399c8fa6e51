"""The participant console, role by role: lead staff, co-organiser staff, another co-organiser's
staff, a participant and an anonymous visitor."""

import pytest
from django.urls import reverse

from matchfair.contacts.models import ContactView
from matchfair.events.models import Registration


def url(name, event, **kwargs):
    return reverse(f"console:{name}", kwargs={"event": event.slug, **kwargs})


PAGES = ["participants", "import"]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_login(client, event, name):
    response = client.get(url(name, event))
    assert response.status_code == 302
    assert reverse("community:login") in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_participant_is_refused(client, event, ana, name):
    client.force_login(ana.user)
    assert client.get(url(name, event)).status_code == 403


def test_participant_cannot_export_or_decide(client, event, ana, carla):
    client.force_login(ana.user)
    assert client.get(url("export", event, fmt="csv")).status_code == 403
    assert client.get(url("participant", event, pk=carla.pk)).status_code == 403
    response = client.post(url("decide", event, pk=carla.pk), {"action": "validate"})
    assert response.status_code == 403
    carla.refresh_from_db()
    assert carla.status == Registration.Status.PENDING


def test_lead_lists_everyone_with_their_organiser(client, event, lead_staff, everyone):
    client.force_login(lead_staff)
    response = client.get(url("participants", event))
    assert response.status_code == 200
    names = {item.user.full_name for item in response.context["page"]}
    assert names == {"Ana Petrova", "Carla Costa", "Dmitri Ivanov"}
    assert "organiser" in response.context["form"].fields


def test_co_organiser_lists_only_its_own(client, event, co_staff, everyone):
    client.force_login(co_staff)
    response = client.get(url("participants", event))
    assert response.status_code == 200
    names = {item.user.full_name for item in response.context["page"]}
    assert names == {"Carla Costa"}
    assert "organiser" not in response.context["form"].fields
    assert b"dmitri@example.org" not in response.content
    # event-wide figures only as totals
    assert response.context["totals"]["all"] == 3
    assert response.context["totals"]["pending"] == 2


def test_other_co_organiser_lists_only_its_own(client, event, other_staff, everyone):
    client.force_login(other_staff)
    response = client.get(url("participants", event))
    names = {item.user.full_name for item in response.context["page"]}
    assert names == {"Dmitri Ivanov"}


def test_filters_search_status_country_and_organiser(client, event, lead_staff, co, everyone):
    client.force_login(lead_staff)
    by = lambda **params: {  # noqa: E731
        item.user.full_name
        for item in client.get(url("participants", event), params).context["page"]
    }
    assert by(q="carla") == {"Carla Costa"}
    assert by(status="validated") == {"Ana Petrova"}
    assert by(country="BG") >= {"Dmitri Ivanov"}
    assert "Carla Costa" not in by(country="BG")
    assert by(organiser=co.pk) == {"Carla Costa"}


def test_detail_per_role(client, event, lead_staff, co_staff, other_staff, carla):
    page = url("participant", event, pk=carla.pk)
    client.force_login(lead_staff)
    assert client.get(page).status_code == 200
    client.force_login(co_staff)
    response = client.get(page)
    assert response.status_code == 200
    assert b"carla@example.org" in response.content
    client.force_login(other_staff)
    assert client.get(page).status_code == 404


def test_co_organiser_validates_its_own(
    client, event, co_staff, carla, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(co_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("decide", event, pk=carla.pk), {"action": "validate"})
    assert response.status_code == 302
    carla.refresh_from_db()
    assert carla.status == Registration.Status.VALIDATED
    assert [mail.to for mail in mailoutbox] == [["carla@example.org"]]


def test_other_co_organiser_cannot_validate_or_reject(client, event, other_staff, carla):
    client.force_login(other_staff)
    for action in ("validate", "reject"):
        response = client.post(url("decide", event, pk=carla.pk), {"action": action})
        assert response.status_code == 404
    carla.refresh_from_db()
    assert carla.status == Registration.Status.PENDING


def test_lead_rejects_anyone_with_a_reason(
    client, event, lead_staff, dmitri, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("decide", event, pk=dmitri.pk), {"action": "reject", "reason": "Wrong sector"}
        )
    dmitri.refresh_from_db()
    assert dmitri.status == Registration.Status.REJECTED
    assert "Wrong sector" in mailoutbox[0].body


def test_bulk_validation_of_own_participants(client, event, co_staff, co, carla):
    from tests import factories

    second = factories.RegistrationFactory(
        event=event, organiser=co, status=Registration.Status.PENDING
    )
    client.force_login(co_staff)
    response = client.post(
        url("bulk_decide", event), {"action": "validate", "ids": [carla.pk, second.pk]}
    )
    assert response.status_code == 302
    assert set(
        Registration.objects.filter(pk__in=[carla.pk, second.pk]).values_list("status", flat=True)
    ) == {Registration.Status.VALIDATED}


def test_bulk_refuses_someone_elses_participant(client, event, co_staff, carla, dmitri):
    client.force_login(co_staff)
    response = client.post(
        url("bulk_decide", event), {"action": "validate", "ids": [carla.pk, dmitri.pk]}, follow=True
    )
    dmitri.refresh_from_db()
    carla.refresh_from_db()
    assert dmitri.status == Registration.Status.PENDING
    assert carla.status == Registration.Status.PENDING  # the whole form is refused
    assert any("Participants" in str(message) for message in response.context["messages"])


def test_only_the_lead_changes_the_validation_setting(client, event, lead_staff, co_staff):
    client.force_login(co_staff)
    assert (
        client.post(url("validation_setting", event), {"requires_validation": "on"}).status_code
        == 403
    )
    event.refresh_from_db()
    assert not event.requires_validation
    client.force_login(lead_staff)
    client.post(url("validation_setting", event), {"requires_validation": "on"})
    event.refresh_from_db()
    assert event.requires_validation


def test_nav_links_to_the_console_for_co_organisers(client, event, co_staff, lead_staff, ana):
    client.force_login(co_staff)
    content = client.get(reverse("events:detail", kwargs={"event": event.slug})).content.decode()
    assert url("participants", event) in content
    assert f'href="{reverse("meetings:console", kwargs={"event": event.slug})}"' not in content
    client.force_login(ana.user)
    content = client.get(reverse("events:detail", kwargs={"event": event.slug})).content.decode()
    assert url("participants", event) not in content
    client.force_login(lead_staff)
    content = client.get(reverse("events:detail", kwargs={"event": event.slug})).content.decode()
    assert url("participants", event) in content
    assert reverse("meetings:console", kwargs={"event": event.slug}) in content


def test_the_list_and_the_page_log_whose_details_the_organiser_saw(
    client, event, co_staff, other_staff, carla, everyone
):
    client.force_login(co_staff)
    client.get(url("participants", event))
    client.get(url("participant", event, pk=carla.pk))
    client.force_login(other_staff)
    client.get(url("participant", event, pk=carla.pk))  # 404: nothing shown, nothing logged
    assert [(v.person, v.viewer, v.where) for v in ContactView.objects.all()] == [
        (carla.user, co_staff, "console")
    ]
