"""axe-core, installed from npm, finds no serious or critical violation on the main pages."""

import json
from pathlib import Path

import pytest

from matchfair.funding.domain.pipeline import invite, link_for
from matchfair.funding.domain.proposals import propose_consortium
from matchfair.funding.models import ConsortiumInvitation, Topic
from tests import factories
from tests.browser.helpers import log_in, missing, release_meeting
from tests.funding.conftest import make_barcelona, make_scene
from tests.visits.rows import one_of_each

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture
def context_options():
    # axe is injected as a script the page did not ship; the CSP would rightly refuse it.
    return {"bypass_csp": True}


def violations(page, url):
    if not AXE.exists():
        missing(f"axe-core is not installed ({AXE}): run `make test-tools`, as .ci/run does")
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + json.dumps([node["target"] for node in v["nodes"][:3]])
        for v in result
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def scene(transactional_db):
    event = factories.b2b_event()
    lead = factories.UserFactory(full_name="Lena Lead")
    event.organisers.get(is_lead=True).staff.add(lead)
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    jonas = factories.RegistrationFactory(event=event, user__full_name="Jonas Berg")
    factories.OpportunityFactory(registration=jonas, kind="offer", title="Parking sensors")
    release_meeting(event, ana, jonas)
    one_of_each(event, ana, jonas)  # a venue, and a delegation with Ana as a member
    member = ana.delegation_memberships.get()
    return {"event": event, "ana": ana, "jonas": jonas, "lead": lead, "member": member}


PUBLIC = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/signup/sent/",
    "/accounts/password_reset/",
    "/e/{slug}/",
    "/e/{slug}/participants/",
    "/e/{slug}/venue/",
]
PARTICIPANT = [
    "/e/{slug}/participants/{jonas}/",
    "/e/{slug}/opportunities/",
    "/e/{slug}/requests/",
    "/e/{slug}/agenda/",
    "/e/{slug}/profile/",
    "/e/{slug}/suggestions/",
    "/accounts/me/",
    "/accounts/me/organisation/",
    "/accounts/organisations/requests/",
    "/api/tokens/",
    "/e/{slug}/contacts/",
    "/e/{slug}/contacts/add/",
    "/e/{slug}/my-day/",
    "/e/{slug}/delegation/member/{member}/wishes/",
    "/e/{slug}/outcomes/",
    "/accounts/me/consent/",
]
ORGANISER = [
    "/e/{slug}/console/",
    "/e/{slug}/console/participants/",
    "/e/{slug}/console/participants/{jonas}/",
    "/e/{slug}/console/import/",
    "/e/{slug}/console/stats/",
    "/e/{slug}/console/mailings/",
    "/e/{slug}/console/mailings/new/",
    "/e/{slug}/console/day/",
    "/e/{slug}/console/venue/",
    "/e/{slug}/delegation/",
    "/e/{slug}/venue/import/",
    "/e/{slug}/console/impact/",
]


def _check(page, live_server, scene, paths):
    found = {}
    for path in paths:
        url = live_server.url + path.format(
            slug=scene["event"].slug, jonas=scene["jonas"].pk, member=scene["member"].pk
        )
        problems = violations(page, url)
        if problems:
            found[path] = problems
    return found


def test_public_pages_have_no_serious_violations(page, live_server, scene):
    assert _check(page, live_server, scene, PUBLIC) == {}


def test_participant_pages_have_no_serious_violations(page, live_server, scene):
    log_in(page, live_server, scene["ana"].user.email)
    assert _check(page, live_server, scene, PARTICIPANT) == {}


def test_organiser_pages_have_no_serious_violations(page, live_server, scene):
    log_in(page, live_server, scene["lead"].email)
    assert _check(page, live_server, scene, ORGANISER) == {}


def test_the_check_finds_a_known_violation(page, live_server, tmp_path):
    # Proves axe really runs: an image without alternative text is a critical violation.
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="en"><title>x</title><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></html>'
    )
    assert [v.split(" ")[0] for v in violations(page, broken.as_uri())] == ["image-alt"]


def test_pages_on_a_phone_have_no_serious_violations(page, live_server, scene):
    # At 390 px the menu folds, tables become cards and wide tables scroll in their own region.
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, scene["lead"].email)
    phone_pages = ["/e/{slug}/venue/", "/e/{slug}/console/participants/", "/e/{slug}/console/day/"]
    assert _check(page, live_server, scene, phone_pages) == {}
    page.context.clear_cookies()
    log_in(page, live_server, scene["ana"].user.email)
    assert _check(page, live_server, scene, PARTICIPANT) == {}


def test_funding_pages_have_no_serious_violations(page, live_server, transactional_db):
    lead, staff = make_scene()
    make_barcelona(lead)
    topic = Topic.objects.get(identifier="HORIZON-CL5-2027-D5-02")
    proposal = propose_consortium(topic=topic, lead=lead, by=staff)
    invite(proposal, by=staff)
    answer_url = link_for(ConsortiumInvitation.objects.get())
    found = {"invitation": violations(page, live_server.url + answer_url)}
    log_in(page, live_server, staff.email)
    for name, path in [
        ("topic", f"/funding/topics/{topic.pk}/"),
        ("consortium", f"/funding/consortia/{proposal.pk}/"),
    ]:
        found[name] = violations(page, live_server.url + path)
    assert found == {"invitation": [], "topic": [], "consortium": []}
