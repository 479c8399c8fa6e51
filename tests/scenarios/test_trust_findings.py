"""The six findings of the trust review, each replayed the way the attacker did it.

Each test goes through the pages, the API or the import as a person would, with nothing but the
fixtures and factories, so the same file runs against the code before the fixes: there every test
here fails (the attack works), and here every one passes. Finding 6 is five small findings; two
are here, the calendar feed, the demo and the exhibitor upload have their own tests
(tests/api/domain/test_tokens.py, tests/test_cli.py, tests/visits/test_views.py).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from matchfair.api.domain.tokens import create_token
from matchfair.community.models import Membership, User
from matchfair.console.domain import importing, tabular
from matchfair.events.models import Registration
from matchfair.visits.models import Delegation, DelegationMember
from tests import factories
from tests.browser.helpers import release_meeting

SIGNUP = {
    "full_name": "Eve Claimant",
    "email": "eve@claimant.example",
    "password": "a-long-and-unusual-passphrase",
    "job_title": "CEO",
    "organisation_name": "mobility lab",  # an existing organisation's name, in another case
    "organisation_kind": "company",
    "country": "BG",
    "website": "",
}


def test_finding_1_a_sign_up_does_not_claim_an_organisation_nor_its_shared_contacts(client, event):
    cluster = event.organisers.get(is_lead=True).cluster
    victim = factories.OrganisationFactory(name="Mobility Lab", country="BG")
    Membership.objects.create(cluster=cluster, organisation=victim)
    client.post("/accounts/signup/", SIGNUP)
    client.post("/accounts/login/", {"username": SIGNUP["email"], "password": SIGNUP["password"]})
    eve = User.objects.get(email=SIGNUP["email"])
    shared = client.get(f"/e/{event.slug}/contacts/shared/")
    assert (eve.organisation_id, shared.status_code) == (None, 404)


def test_finding_2_a_co_organisers_delegation_does_not_show_a_lead_participants_meetings(
    client, event, ana, jonas, co_staff
):
    """Ana is the lead's participant; the co-organiser, refused her agenda, puts her in its own
    delegation and opens her day page: the meeting is there, but not with whom."""
    release_meeting(event, ana, jonas)
    co = event.organisers.get(is_lead=False)
    delegation = Delegation.objects.create(event=event, cluster=co.cluster, name="Co trip")
    member = DelegationMember.objects.create(delegation=delegation, registration=ana)
    client.force_login(co_staff)
    agenda = client.get(f"/e/{event.slug}/participants/{ana.pk}/agenda/")
    day = client.get(f"/e/{event.slug}/delegation/member/{member.pk}/day/")
    assert (agenda.status_code in (403, 404), day.status_code) == (True, 200)
    assert jonas.user.full_name not in day.content.decode()


def test_finding_3_an_import_does_not_enrol_an_existing_account(event, lead_staff):
    owner = factories.UserFactory(
        email="owner@example.org", full_name="Owner Person", phone="+359 2 555 0100"
    )
    upload = SimpleUploadedFile(
        "people.csv",
        b"E-mail;Name;Company;Type;Country;Position;Phone;Interests;Topics\n"
        b"owner@example.org;Owner Person;;;;;;Sensors;\n",
    )
    organiser = event.organisers.get(is_lead=True)
    batch = importing.create_batch(event=event, organiser=organiser, by=lead_staff, upload=upload)
    importing.set_mapping(batch=batch, by=lead_staff, mapping=tabular.guess_mapping(batch.headers))
    importing.import_batch(batch=batch, by=lead_staff)
    assert Registration.objects.filter(event=event, user=owner).exists() is False


def test_finding_4_a_throwaway_account_reads_no_consented_contact_through_the_api(
    client, event, jonas
):
    jonas.share_contact = True
    jonas.save()
    throwaway = factories.UserFactory()
    _token, key = create_token(user=throwaway, name="scraper", by=throwaway)
    listing = client.get(
        f"/api/events/{event.slug}/participants", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert (listing.status_code, jonas.user.email in listing.content.decode()) == (200, False)


def test_finding_5_a_strangers_wrong_passwords_behind_the_proxy_do_not_lock_the_owner_out(
    client, db, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    owner = factories.UserFactory(email="owner@example.org")

    def log_in(password, address):
        return client.post(
            "/accounts/login/",
            {"username": owner.email, "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(6):
        log_in("wrong", "203.0.113.66")
    assert log_in(factories.PASSWORD, "198.51.100.20").status_code == 302


def test_finding_6_unknown_and_forbidden_agendas_answer_alike(client, event, ana, jonas):
    client.force_login(jonas.user)
    forbidden = client.get(f"/e/{event.slug}/participants/{ana.pk}/agenda/")
    missing = client.get(f"/e/{event.slug}/participants/999999/agenda/")
    assert forbidden.status_code == missing.status_code == 404


def test_finding_6_a_forgotten_password_can_be_reset_from_the_log_in_page(client, db):
    login = client.get("/accounts/login/")
    reset = client.get("/accounts/password_reset/")
    assert ('href="/accounts/password_reset/"' in login.content.decode(), reset.status_code) == (
        True,
        200,
    )
