"""The pages people use on the expo floor, on a phone 390 px wide, with the demo's data: none
scrolls sideways, none logs a browser console error (a CSP violation is one), no raw code
(`double_booked`) reaches the visible text, and a screenshot of each is kept to look at."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from matchfair.community.models import User
from matchfair.demo import scenario
from matchfair.demo.loader import load_demo
from matchfair.events.models import Registration
from matchfair.meetings.models import Placement, Plan
from matchfair.visits.models import DelegationMember, Pavilion, Stand
from tests import factories
from tests.visits.rows import one_of_each

PHONE = {"width": 390, "height": 844}
# The page's text without commands and formats in <code>, which are words to type.
VISIBLE_TEXT = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll("code, pre, script, style").forEach((element) => element.remove());
  return body.innerText;
}"""
# Words joined by underscores: a code that should have been a label. A {placeholder} that a
# mailing's author types is a word for them, not a code.
SNAKE_CASE = re.compile(r"(?<!\{)\b[a-z]+(?:_[a-z]+)+\b(?!\})")


def screenshots_directory(tmp_path: Path) -> Path:
    base = os.environ.get("MATCHFAIR_ARTIFACTS")
    directory = (Path(base) if base else tmp_path) / "phone"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def demo_pages():
    """Each role's pages on the day, as (role, e-mail, paths), resolved against the demo."""
    slug = scenario.EVENT_SLUG
    event_prefix = f"/e/{slug}"
    participant = Registration.objects.get(event__slug=slug, user__email=scenario.PARTICIPANT.email)
    someone = Registration.objects.filter(event__slug=slug).exclude(pk=participant.pk).first()
    member_user = User.objects.get(email=scenario.MEMBER.email)
    member = DelegationMember.objects.filter(registration__user=member_user).first()
    stand = Stand.objects.filter(event__slug=slug).order_by("pk").first()
    pavilion = Pavilion.objects.filter(event__slug=slug).order_by("pk").first()
    organisation = member_user.organisation
    placed = (
        Placement.objects.filter(
            plan__event__slug=slug, plan__kind=Plan.Kind.RELEASE, slot__isnull=False
        )
        .order_by("pk")
        .first()
    )
    attendee = [
        "/",
        f"{event_prefix}/",
        f"{event_prefix}/participants/",
        f"{event_prefix}/participants/{someone.pk}/",
        f"{event_prefix}/opportunities/",
        f"{event_prefix}/suggestions/",
        f"{event_prefix}/requests/",
        f"{event_prefix}/agenda/",
        f"{event_prefix}/profile/",
        f"{event_prefix}/contacts/",
        f"{event_prefix}/venue/",
        f"{event_prefix}/venue/stands/{stand.pk}/",
        f"{event_prefix}/venue/pavilions/{pavilion.pk}/",
        f"{event_prefix}/outcomes/",
        "/accounts/me/",
        "/accounts/me/consent/",
    ]
    member_pages = [
        f"{event_prefix}/my-day/",
        f"{event_prefix}/agenda/",
        f"{event_prefix}/requests/",
        f"{event_prefix}/contacts/",
        f"{event_prefix}/contacts/shared/",
        f"{event_prefix}/venue/",
        f"{event_prefix}/knowledge/",
        f"/funding/organisations/{organisation.pk}/calls/",
    ]
    if member is not None:
        member_pages.append(f"{event_prefix}/delegation/member/{member.pk}/wishes/")
    organiser = [
        f"{event_prefix}/console/",
        f"{event_prefix}/console/day/",
        f"{event_prefix}/console/meetings/{placed.meeting_id}/move/",
        f"{event_prefix}/console/venue/",
        f"{event_prefix}/console/participants/",
        f"{event_prefix}/console/participants/{someone.pk}/",
        f"{event_prefix}/console/stats/",
        f"{event_prefix}/console/mailings/",
        f"{event_prefix}/console/impact/",
        f"{event_prefix}/delegation/",
        f"{event_prefix}/knowledge/",
    ]
    return [
        ("participant", scenario.PARTICIPANT.email, attendee),
        ("member", scenario.MEMBER.email, member_pages),
        ("organiser", scenario.ORGANISER.email, organiser),
    ]


def log_in(page, live_server, email):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(scenario.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # A participant of a running or coming event lands on their home, the others on the front.
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server.url)}/(home/)?$"))


def check_page(page, directory, name):
    """What is wrong with the page now showing: its overflow and its raw codes."""
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(directory / f"{name}.png"), full_page=True)
    problems = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        problems.append(f"{width} px wide")
    codes = sorted(set(SNAKE_CASE.findall(page.evaluate(VISIBLE_TEXT))))
    if codes:
        problems.append(f"raw codes {codes}")
    return problems


def no_show(page, live_server, directory):
    """The day board after a no-show: the board the organiser reads next on the floor."""
    page.goto(f"{live_server.url}/e/{scenario.EVENT_SLUG}/console/day/")
    page.get_by_role("button", name="No-show").first.click()
    expect(page.locator("#day-board .messages")).to_be_visible()
    return check_page(page, directory, "organiser-day-after-a-no-show")


def test_every_day_page_fits_a_phone(browser, live_server, transactional_db, tmp_path):
    load_demo(time_limit=5)
    directory = screenshots_directory(tmp_path)
    print(f"Phone screenshots: {directory}")
    found: dict[str, list[str]] = {}
    for role, email, paths in demo_pages():
        context = browser.new_context(
            locale="en-GB", timezone_id="Europe/Madrid", viewport=PHONE, is_mobile=True
        )
        page = context.new_page()
        errors: list[str] = []
        page.on(
            "console",
            lambda message, errors=errors: (
                errors.append(f"{message.text} ({message.location.get('url')})")
                if message.type == "error"
                else None
            ),
        )
        log_in(page, live_server, email)
        for number, path in enumerate(paths):
            errors.clear()
            response = page.goto(live_server.url + path)
            name = f"{role}-{number:02d}-" + (path.strip("/").replace("/", "-") or "home")
            problems = check_page(page, directory, name)
            if response is None or response.status != 200:
                problems.append(f"status {response and response.status}")
            problems += errors
            if problems:
                found[f"{role} {path}"] = problems
        if role == "organiser":
            errors.clear()
            problems = no_show(page, live_server, directory) + errors
            if problems:
                found["organiser no-show on the day board"] = problems
        context.close()
    report = "".join(f"\n{where}: {'; '.join(problems)}" for where, problems in found.items())
    assert found == {}, f"screenshots in {directory}{report}"


def test_the_floor_plan_zooms_inside_its_frame_on_a_phone(browser, live_server, transactional_db):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    tia = factories.RegistrationFactory(event=event, user__full_name="Tia Third")
    one_of_each(event, ana, tia)  # a hall with a pavilion and stand 1A10
    context = browser.new_context(locale="en-GB", viewport=PHONE, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{live_server.url}/e/{event.slug}/venue/")
    frame = page.locator(".plan-frame")
    label = page.locator("svg.floor-plan a.stand text")

    def label_height():
        return label.bounding_box()["height"]

    expect(frame).to_have_attribute("data-zoom", "3")  # a phone starts zoomed in
    at_three = label_height()
    page.get_by_role("button", name="Whole plan").click()
    expect(frame).to_have_attribute("data-zoom", "1")
    whole = label_height()
    for _step in range(6):
        page.get_by_role("button", name="Zoom in").click()
    expect(frame).to_have_attribute("data-zoom", "12")
    # Text boxes are whole pixels, so the ratios are near, not exactly, 3 and 12.
    assert (at_three / whole, label_height() / whole) == pytest.approx((3, 12), rel=0.15)
    # The plan pans inside its frame; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    assert frame.evaluate("frame => frame.scrollWidth > frame.clientWidth") is True
    context.close()
    assert errors == []


def test_the_menu_folds_on_a_phone_and_marks_the_current_page(
    browser, live_server, transactional_db
):
    event = factories.b2b_event()
    ana = factories.RegistrationFactory(event=event, user__full_name="Ana Petrova")
    context = browser.new_context(locale="en-GB", viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mail address").fill(ana.user.email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/e/{event.slug}/requests/")
    toggle = page.get_by_role("button", name="Menu")
    requests = page.locator("#menu").get_by_role("link", name="Requests")
    expect(requests).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(requests).to_be_visible()
    expect(requests).to_have_attribute("aria-current", "page")
    assert page.locator('#menu [aria-current="page"]').count() == 1
    # On a wide screen the links are all there and the button is not.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(toggle).to_be_hidden()
    expect(page.locator("#menu").get_by_role("link", name="My agenda")).to_be_visible()
    context.close()
