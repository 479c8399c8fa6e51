"""Browser tests: Playwright drives Debian's Chromium; they skip with a reason where it is absent."""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import missing

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("MATCHFAIR_ARTIFACTS", Path.cwd() / "artifacts"))


@pytest.fixture(autouse=True, scope="module")
def _orm_beside_playwright():
    # Playwright's sync API keeps an event loop running in the test thread while a browser is
    # open; the ORM calls the test makes between page actions are ordinary synchronous calls.
    # The browser lives per module, and so does this switch, so no other test sees it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(django_db_setup, _orm_beside_playwright):
    if not CHROMIUM.exists():
        missing(
            "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context_options():
    """Options of the browser context; a module overrides this fixture to change them."""
    return {}


@pytest.fixture
def page(browser, live_server, request, context_options):
    context = browser.new_context(
        locale="en-GB",
        timezone_id="Europe/Sofia",
        viewport={"width": 1280, "height": 900},
        **context_options,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error"
            else None
        ),
    )
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    # A CSP violation or a broken script shows up as a console error.
    assert errors == []
