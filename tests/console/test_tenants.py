"""A co-organiser cannot read another co-organiser's participants through any page, export or API.

Carla is supported by `co` (whose staff is `co_staff`); Dmitri, pending, and Erik, validated,
by the other co-organiser. Reading them as `co_staff` shows neither their contact details nor,
while pending, that they exist.
"""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from matchfair.events.models import Registration
from tests import factories
from tests.api.conftest import ApiClient


@pytest.fixture
def erik(event, other_co):
    return factories.RegistrationFactory(
        event=event,
        organiser=other_co,
        status=Registration.Status.VALIDATED,
        user__full_name="Erik Lund",
        user__email="erik@example.org",
        user__phone="+46 555 0123",
    )


SECRETS = ("dmitri@example.org", "+359 555 0199", "erik@example.org", "+46 555 0123")


def assert_no_secrets(content: bytes) -> None:
    text = content.decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret not in text


def console(name, event, **kwargs):
    return reverse(f"console:{name}", kwargs={"event": event.slug, **kwargs})


def test_console_pages(client, event, co_staff, carla, dmitri, erik):
    client.force_login(co_staff)
    listing = client.get(console("participants", event))
    assert listing.status_code == 200
    assert_no_secrets(listing.content)
    assert b"Dmitri" not in listing.content and b"Erik" not in listing.content
    # not even the countries of other organisers' participants are offered as a filter
    assert [code for code, _name in listing.context["form"].fields["country"].choices] == [
        "",
        "PT",
    ]
    for params in ({"q": "dmitri"}, {"q": "erik"}, {"organiser": erik.organiser_id}):
        response = client.get(console("participants", event), params)
        assert [item.pk for item in response.context["page"]] in ([], [carla.pk])
    for other in (dmitri, erik):
        assert client.get(console("participant", event, pk=other.pk)).status_code == 404


def test_exports(client, event, co_staff, carla, dmitri, erik):
    client.force_login(co_staff)
    csv = client.get(console("export", event, fmt="csv"), {"organiser": erik.organiser_id})
    assert csv.status_code == 200
    assert b"carla@example.org" in csv.content
    assert_no_secrets(csv.content)
    xlsx = client.get(console("export", event, fmt="xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    emails = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert emails == {"carla@example.org"}


def test_public_pages_show_no_contact_and_no_pending(client, event, co_staff, carla, dmitri, erik):
    client.force_login(co_staff)
    directory = client.get(reverse("events:directory", kwargs={"event": event.slug}))
    assert b"Dmitri" not in directory.content
    assert_no_secrets(directory.content)
    pending = reverse("events:participant", kwargs={"event": event.slug, "pk": dmitri.pk})
    assert client.get(pending).status_code == 404
    profile = client.get(reverse("events:participant", kwargs={"event": event.slug, "pk": erik.pk}))
    assert profile.status_code == 200
    assert_no_secrets(profile.content)
    for other in (dmitri, erik):
        agenda = reverse(
            "meetings:participant_agenda", kwargs={"event": event.slug, "pk": other.pk}
        )
        assert client.get(agenda).status_code in (403, 404)


def test_printed_agenda_and_badge(client, event, co_staff, dmitri, erik):
    client.force_login(co_staff)
    for other in (dmitri, erik):
        for name in ("participant_agenda", "participant_badge"):
            page = reverse(f"reports:{name}", kwargs={"event": event.slug, "pk": other.pk})
            assert client.get(page).status_code in (403, 404)


def test_import_batches_of_another_organiser(client, event, co_staff, other_staff, other_co):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from matchfair.console.domain import importing

    batch = importing.create_batch(
        event=event,
        organiser=other_co,
        by=other_staff,
        upload=SimpleUploadedFile("p.csv", b"email,name\nzoe@example.org,Zoe Secret\n"),
    )
    client.force_login(co_staff)
    for name in ("import_mapping", "import_review"):
        assert client.get(console(name, event, pk=batch.pk)).status_code == 404
    assert client.post(console("import_cancel", event, pk=batch.pk)).status_code == 404
    listing = client.get(console("import", event))
    assert b"p.csv" not in listing.content


def test_api(event, co_staff, carla, dmitri, erik):
    api = ApiClient(co_staff)
    listing = api.get(f"/events/{event.slug}/participants")
    assert listing.status_code == 200
    by_id = {item["id"]: item for item in listing.json()["items"]}
    assert dmitri.pk not in by_id
    assert by_id[erik.pk]["contact"] is None
    assert_no_secrets(listing.content)
    assert api.get(f"/events/{event.slug}/participants/{dmitri.pk}").status_code == 404
    detail = api.get(f"/events/{event.slug}/participants/{erik.pk}")
    assert detail.json()["contact"] is None
    for other in (dmitri, erik):
        agenda = api.get(f"/events/{event.slug}/participants/{other.pk}/agenda")
        assert agenda.status_code in (403, 404)
    searched = api.get(f"/events/{event.slug}/participants", q="erik")
    assert_no_secrets(searched.content)


def test_the_lead_and_the_own_co_organiser_do_see_them(
    client, event, lead_staff, other_staff, dmitri, erik
):
    """The same reads succeed for those allowed, so the refusals above are not accidents."""
    for user in (lead_staff, other_staff):
        client.force_login(user)
        assert client.get(console("participant", event, pk=dmitri.pk)).status_code == 200
        csv = client.get(console("export", event, fmt="csv"))
        assert b"dmitri@example.org" in csv.content and b"erik@example.org" in csv.content
        detail = ApiClient(user).get(f"/events/{event.slug}/participants/{erik.pk}")
        assert detail.json()["contact"]["email"] == "erik@example.org"


def test_reports_and_their_exports(client, event, co_staff, carla, dmitri, erik, ana):
    """The reports app's own tests (tests/reports) check what the lead sees there; here only
    that a co-organiser's view of them names none of the other organiser's people."""
    from matchfair.meetings.domain.requests import accept_request, send_request

    accept_request(
        send_request(sender=ana, recipient=erik, message="Meet?", by=ana.user), by=erik.user
    )
    client.force_login(co_staff)
    pages = [
        reverse("reports:dashboard", kwargs={"event": event.slug}),
        reverse("reports:statistics_export", kwargs={"event": event.slug, "fmt": "csv"}),
        reverse("reports:meetings_export", kwargs={"event": event.slug, "fmt": "csv"}),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_secrets(body)
        assert b"Dmitri Ivanov" not in body and b"Erik Lund" not in body, page
