"""The ideas board and the work plan on a phone (390 px): a member proposes an idea, another
supports it, the secretariat takes it into the work plan, and its person reports progress."""

from playwright.sync_api import expect

from matchfair.assembly.models import Idea, IdeaSupport, Statute, WorkItem
from matchfair.community.models import Network
from tests import factories
from tests.browser.helpers import log_in

PHONE = {"width": 390, "height": 844}


def _scene():
    network = Network.objects.create(name="Smart City Tech Partnership", kind="partnership")
    sofia, lyon, porto = (
        factories.ClusterFactory(organisation__name=name)
        for name in ("Sofia Tech Cluster", "Lyon Urban Lab", "Porto Smart")
    )
    for cluster in (sofia, lyon, porto):
        cluster.networks.add(network)
    Statute.objects.create(network=network, secretariat=sofia)
    people = {
        name: factories.UserFactory(full_name=name.title(), organisation=cluster.organisation)
        for name, cluster in (("secretary", sofia), ("lea", lyon), ("rita", porto))
    }
    return network, people


def _fits(page):
    """Nothing wider than the phone: no sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_ideas_from_proposal_to_work_plan_on_a_phone(page, live_server, transactional_db):
    network, people = _scene()
    page.set_viewport_size(PHONE)
    log_in(page, live_server, people["lea"].email)
    page.goto(f"{live_server.url}/assembly/partnerships/")
    page.get_by_role("link", name="Ideas board").click()
    page.get_by_role("link", name="Propose an idea").click()
    page.get_by_label("Title").fill("Shared mobility data space")
    page.get_by_label("Description in English").fill("A **data space** for shared mobility.")
    page.get_by_label("Mobility").check()
    page.get_by_role("button", name="Propose").click()
    expect(page.locator("strong", has_text="data space")).to_be_visible()
    proposed = _fits(page)

    page.context.clear_cookies()
    log_in(page, live_server, people["rita"].email)
    page.goto(f"{live_server.url}/assembly/networks/{network.pk}/ideas/?domain=mobility")
    board_fits = _fits(page)
    page.get_by_role("link", name="Shared mobility data space").click()
    page.get_by_role("button", name="Support for Porto Smart").click()
    expect(page.locator(".messages")).to_contain_text("Porto Smart supports this idea.")

    page.context.clear_cookies()
    log_in(page, live_server, people["secretary"].email)
    page.goto(f"{live_server.url}/assembly/ideas/{Idea.objects.get().pk}/")
    page.get_by_role("button", name="Take into evaluation").click()
    page.get_by_label("Deadline of the new work plan item").fill("2027-06-30")
    page.get_by_role("button", name="Accept into the work plan").click()
    expect(page.locator(".messages")).to_contain_text("accepted into the work plan")
    page.get_by_role("link", name="Work plan", exact=True).click()
    expect(
        page.locator("h3").get_by_role("link", name="Shared mobility data space")
    ).to_be_visible()
    plan_fits = _fits(page)
    item = WorkItem.objects.get()
    assert (
        proposed,
        board_fits,
        plan_fits,
        Idea.objects.get().status,
        IdeaSupport.objects.count(),
        item.owner.organisation.name,
    ) == (True, True, True, "accepted", 1, "Lyon Urban Lab")
