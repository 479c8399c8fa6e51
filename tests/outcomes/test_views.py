"""The outcomes pages: answering on the phone, consent, the knowledge page and impact."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from matchfair.audit.models import AuditEntry
from matchfair.outbox.models import Message
from matchfair.outcomes.domain.consents import grant
from matchfair.outcomes.models import Consent, FollowUpStep, Outcome


def test_participant_answers_how_the_meeting_went(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    url = reverse("outcomes:meeting", kwargs={"event": met.event.slug, "pk": met.pk})
    response = client.post(
        url, {"took_place": "yes", "rating": "5", "next_steps": ["call", "visit"], "note": "Hi"}
    )
    assert (response.status_code, response["Location"]) == (302, url)
    assert Outcome.objects.values_list("took_place", "rating", "next_steps").get() == (
        True,
        5,
        ["call", "visit"],
    )


def test_answer_that_breaks_a_rule_is_refused_with_its_reason(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    url = reverse("outcomes:meeting", kwargs={"event": met.event.slug, "pk": met.pk})
    response = client.post(url, {"took_place": "no", "rating": "3"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "A meeting that did not take place has no rating and no next steps."
    ]
    assert Outcome.objects.count() == 0


def test_someone_elses_meeting_answers_404(client, met, jonas):
    client.force_login(jonas.user)
    url = reverse("outcomes:meeting", kwargs={"event": met.event.slug, "pk": met.pk})
    assert client.post(url, {"took_place": "yes"}).status_code == 404
    assert Outcome.objects.count() == 0


def test_my_outcomes_lists_the_meetings_that_began(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    response = client.get(reverse("outcomes:mine", kwargs={"event": met.event.slug}))
    assert [row[0].meeting for row in response.context["rows"]] == [met]


def test_agenda_links_a_meeting_that_began_to_its_outcome(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    response = client.get(reverse("meetings:agenda", kwargs={"event": met.event.slug}))
    url = reverse("outcomes:meeting", kwargs={"event": met.event.slug, "pk": met.pk})
    assert response.content.decode().count(f'href="{url}"') == 1


def test_follow_up_step_from_the_page(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    url = reverse("outcomes:follow_up", kwargs={"event": met.event.slug, "pk": met.pk})
    client.post(
        url,
        {
            "stage": "4",
            "on": "2026-11-30",
            "agreement_type": "eu_proposal_submitted",
            "call_identifier": "HORIZON-CL5-2026-D4-01",
        },
    )
    assert FollowUpStep.objects.values_list("stage", "call_identifier").get() == (
        4,
        "HORIZON-CL5-2026-D4-01",
    )


def test_consent_page_grants_and_withdraws(client, ana):
    client.force_login(ana.user)
    client.post(reverse("outcomes:consent_grant"), {"scope": "met", "audience": "public"})
    client.post(reverse("outcomes:consent_withdraw"), {"scope": "met", "audience": "public"})
    response = client.get(reverse("outcomes:consent"))
    assert [(c.scope, c.audience, c.withdrawn is None) for c in response.context["history"]] == [
        ("met", "public", False)
    ]
    assert Consent.objects.filter(withdrawn__isnull=True).count() == 0


def test_knowledge_page_shows_a_shared_meeting_and_asks_an_introduction(
    client, met, ana_in_sofia, tia, mia
):
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    for person in (ana_in_sofia.user, tia.user):
        grant(user=person, scope="met", audience="cluster_members", by=person)
    client.force_login(mia)
    page = client.get(reverse("outcomes:knowledge", kwargs={"event": met.event.slug}))
    assert [row.meeting for row in page.context["knowledge"].shared] == [met]
    client.post(
        reverse("outcomes:introduction", kwargs={"event": met.event.slug, "pk": met.pk}),
        {"member": ana_in_sofia.pk},
    )
    assert Message.objects.filter(kind="introduction_asked").count() == 1


def test_a_withdrawal_takes_the_meeting_off_the_knowledge_page_at_once(
    client, met, ana_in_sofia, tia, mia
):
    tia.user.organisation.clusters.add(met.event.organisers.get().cluster)
    for person in (ana_in_sofia.user, tia.user):
        grant(user=person, scope="met", audience="cluster_members", by=person)
    url = reverse("outcomes:knowledge", kwargs={"event": met.event.slug})
    client.force_login(mia)
    assert [row.meeting for row in client.get(url).context["rows"]] == [met]
    client.force_login(tia.user)
    client.post(
        reverse("outcomes:consent_withdraw"), {"scope": "met", "audience": "cluster_members"}
    )
    client.force_login(mia)
    page = client.get(url)
    assert (page.context["rows"], page.context["knowledge"].unshared) == ([], 1)
    assert "Tia Third" not in page.content.decode()


def test_impact_page_shows_the_funnel(client, met, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("outcomes:impact", kwargs={"event": met.event.slug}))
    assert [step.count for step in response.context["impact"].funnel] == [1, 1, 1, 0, 0, 0, 0]


def test_impact_xlsx_holds_the_funnel(client, met, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("outcomes:impact_xlsx", kwargs={"event": met.event.slug}))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [tuple(row) for row in sheet.iter_rows(max_row=4, values_only=True)] == [
        ("Step", "Meetings", "Of the step before"),
        ("Requested", 1, None),
        ("Accepted", 1, 1),
        ("Scheduled", 1, 1),
    ]
    assert AuditEntry.objects.filter(action="reports.impact_downloaded").count() == 1


def test_introduction_without_a_member_is_refused_with_a_message(client, met, mia):
    client.force_login(mia)
    url = reverse("outcomes:introduction", kwargs={"event": met.event.slug, "pk": met.pk})
    response = client.post(url, {"member": "x1"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Choose the member to ask."]
    assert Message.objects.filter(kind="introduction_asked").count() == 0


def test_impact_page_shows_the_breakdowns(client, met, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("outcomes:impact", kwargs={"event": met.event.slug}))
    assert [b.by for b in response.context["breakdowns"]] == [
        "country",
        "domain",
        "kind",
        "organiser",
    ]
    assert b"By supporting organiser" in response.content


def test_impact_xlsx_has_one_sheet_per_breakdown(client, met, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("outcomes:impact_xlsx", kwargs={"event": met.event.slug}))
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.sheetnames == [
        "Impact",
        "By country",
        "By domain",
        "By type of organisation",
        "By supporting organiser",
    ]
    rows = list(book["By country"].iter_rows(values_only=True))
    assert rows[0][:3] == ("By country", "Requested", "Accepted")
    assert rows[-1] == ("All sides", 2, 2, 2, 0, 0, 0, 0, 0, 0)


def test_impact_pdf_is_a_download_and_audited(client, met, lead_staff):
    client.force_login(lead_staff)
    response = client.get(reverse("outcomes:impact_pdf", kwargs={"event": met.event.slug}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    entry = AuditEntry.objects.get(action="reports.impact_downloaded")
    assert entry.details["format"] == "pdf"


def test_impact_pdf_is_for_organisers_only(client, met, ana_in_sofia):
    client.force_login(ana_in_sofia.user)
    response = client.get(reverse("outcomes:impact_pdf", kwargs={"event": met.event.slug}))
    assert response.status_code == 403
