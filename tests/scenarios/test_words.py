"""No page shows a code: every page of the page matrix's scene, opened by a role that may see it,
has no snake_case word (`double_booked`, `request_reminder`) in its text. Commands and file
formats in <code> are words for the reader to type, and are left out."""

import html
import re

from django.db import transaction
from django.test import Client

from matchfair.outbox.models import Message
from tests.responses import close_quietly
from tests.scenarios.test_page_matrix import MATRIX, PAGES, ROLES, _scene, url_of

# Words joined by underscores: a code that should have been a label. A {placeholder} that a
# mailing's author types is a word for them, not a code.
SNAKE_CASE = re.compile(r"(?<!\{)\b[a-z]+(?:_[a-z]+)+\b(?!\})")
HIDDEN = re.compile(r"<(script|style|code|pre|title)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


def text_of(page: str) -> str:
    """What a reader sees of an HTML page: its body without tags, attributes and scripts."""
    body = page.split("<body", 1)[-1].split(">", 1)[-1]
    return html.unescape(TAG.sub(" ", HIDDEN.sub(" ", body)))


def test_no_page_shows_a_snake_case_code(db):
    event, users, pk, extra = _scene()
    # A failed mail, so the mailings page lists one with its kind.
    Message.objects.create(
        event=event,
        to="tia@example.org",
        subject="Requests wait for you",
        body="…",
        kind="request_reminder",
        key="words-test",
        status=Message.Status.FAILED,
        error="Connection refused",
    )
    found = {}
    for name, (method, statuses) in sorted(MATRIX.items()):
        if method != "GET" or 200 not in statuses:
            continue
        role = ROLES[statuses.index(200)]
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        with transaction.atomic():
            response = client.get(url_of(name, PAGES[name], event, pk, extra))
            if response.get("Content-Type", "").startswith("text/html"):
                codes = sorted(set(SNAKE_CASE.findall(text_of(response.content.decode()))))
                if codes:
                    found[f"{name} ({role})"] = codes
            close_quietly(response)
            transaction.set_rollback(True)
    assert found == {}


def test_the_scan_finds_a_code_in_text_but_not_in_code_attributes_or_placeholders():
    page = (
        '<html><body class="x_y"><p data-k="a_b">Kind: double_booked</p>'
        "<code>resend_messages</code> Write {agenda_url}.</body></html>"
    )
    assert SNAKE_CASE.findall(text_of(page)) == ["double_booked"]
