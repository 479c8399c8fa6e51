import uuid

from django.core import mail

from matchfair.mailings.models import Mailing


def url(event, path=""):
    return f"/e/{event.slug}/console/mailings/{path}"


def compose_data(**extra):
    return {
        "token": str(uuid.uuid4()),
        "audience": "all",
        "organiser": "",
        "subject": "Welcome",
        "body": "Dear {name}",
        **extra,
    }


def test_preview_shows_the_mail_for_a_sample_recipient(client, event, ana, lead_staff):
    client.force_login(lead_staff)
    response = client.post(url(event, "new/"), compose_data(action="preview"))
    assert (response.status_code, response.context["preview"].count) == (200, 1)
    assert "Dear Ana Petrova" in response.content.decode()
    assert Mailing.objects.count() == 0


def test_send_twice_with_one_form_sends_once(
    client, event, ana, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    data = compose_data(action="send")
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url(event, "new/"), data)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url(event, "new/"), data)
    mailing = Mailing.objects.get()
    assert first["Location"] == second["Location"] == url(event, f"{mailing.pk}/")
    assert len(mail.outbox) == 1


def test_participant_gets_403_on_mailings(client, event, ana):
    client.force_login(ana.user)
    assert client.get(url(event)).status_code == 403


def test_co_organiser_cannot_open_the_lead_mailing(client, event, ana, lead_staff, co_staff):
    client.force_login(lead_staff)
    client.post(url(event, "new/"), compose_data(action="send"))
    mailing = Mailing.objects.get()
    client.force_login(co_staff)
    assert client.get(url(event, f"{mailing.pk}/")).status_code == 404
    assert client.get(url(event)).context["mailings"].count() == 0


def test_co_organiser_form_offers_only_its_own_organiser(client, event, co_staff):
    client.force_login(co_staff)
    form = client.get(url(event, "new/")).context["form"]
    assert list(form.fields["organiser"].queryset) == [event.organisers.get(is_lead=False)]


def test_lead_sees_the_outbox_on_the_index(client, event, ana, lead_staff):
    client.force_login(lead_staff)
    client.post(url(event, "new/"), compose_data(action="send"))
    response = client.get(url(event))
    assert (response.status_code, response.context["stuck"]) == (200, 0)


def test_booking_announcement_from_the_console(
    client, event, ana, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(event, "booking/"), {"moment": "opened"})
    assert (response.status_code, len(mail.outbox)) == (302, 1)


def test_mailing_page_shows_delivery_counts(
    client, event, ana, lead_staff, django_capture_on_commit_callbacks
):
    client.force_login(lead_staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(event, "new/"), compose_data(action="send"))
    mailing = Mailing.objects.get()
    response = client.get(url(event, f"{mailing.pk}/"))
    assert (response.status_code, response.context["statuses"]) == (200, {"sent": 1})
