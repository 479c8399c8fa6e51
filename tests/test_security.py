"""The defences every page relies on: CSP without inline script, CSRF, Argon2, a clean deploy check."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import matchfair
from tests import factories

TEMPLATE_ROOT = Path(matchfair.__file__).parent
TEMPLATES = sorted(TEMPLATE_ROOT.glob("**/templates/**/*.html"))
# A <script> element with anything but whitespace between its tags.
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(?!\s*</script>)", re.IGNORECASE)
# An on...= attribute inside a tag, such as onclick= or onload=.
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {words[0]: words[1:] for words in directives if words}


def production_env(tmp_path) -> dict[str, str]:
    # Nothing of the test process leaks in: other suites set DJANGO_ALLOW_ASYNC_UNSAFE, for one.
    inherited = ("MATCHFAIR_", "DJANGO_", "DATABASE_URL")
    return {
        **{key: value for key, value in os.environ.items() if not key.startswith(inherited)},
        "DJANGO_SETTINGS_MODULE": "matchfair.settings",
        "MATCHFAIR_PRODUCTION": "1",
        "MATCHFAIR_SECRET_KEY": secrets.token_urlsafe(60),
        "MATCHFAIR_ALLOWED_HOSTS": "matchfair.example.org",
        "MATCHFAIR_DATA_DIR": str(tmp_path),
        "MATCHFAIR_CACHE_URL": "redis://127.0.0.1:6379/1",
        "MATCHFAIR_TRUSTED_PROXIES": "127.0.0.1,::1",
    }


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/no/such/page/"])
def test_csp_allows_scripts_from_the_site_only(client, db, path):
    directives = policy(client.get(path))
    assert (directives["script-src"], directives["object-src"], directives["default-src"]) == (
        ["'self'"],
        ["'none'"],
        ["'self'"],
    )


def test_csp_allows_no_inline_script_or_style(client, event):
    header = client.get(f"/e/{event.slug}/")["Content-Security-Policy"]
    assert ("'unsafe-inline'" in header, "'unsafe-eval'" in header) == (False, False)


def test_csp_forbids_framing_and_foreign_forms(client, db):
    directives = policy(client.get("/"))
    assert (directives["frame-ancestors"], directives["form-action"], directives["base-uri"]) == (
        ["'none'"],
        ["'self'"],
        ["'self'"],
    )


def test_responses_carry_the_other_security_headers(client, db):
    response = client.get("/")
    assert (
        response["X-Frame-Options"],
        response["X-Content-Type-Options"],
        response["Referrer-Policy"],
    ) == ("DENY", "nosniff", "same-origin")


def test_session_cookie_is_http_only(client, db):
    user = factories.UserFactory()
    client.post("/accounts/login/", {"username": user.email, "password": factories.PASSWORD})
    assert client.cookies["sessionid"]["httponly"] is True


def test_templates_are_found_for_the_scan():
    names = {path.name for path in TEMPLATES}
    assert {"base.html", "participant.html", "console.html", "signup.html"} <= names


@pytest.mark.parametrize(
    "template", TEMPLATES, ids=lambda path: str(path.relative_to(TEMPLATE_ROOT))
)
def test_template_has_no_inline_script_or_event_handler(template):
    text = template.read_text()
    assert (INLINE_SCRIPT.findall(text), EVENT_HANDLER.findall(text)) == ([], [])


def test_csrf_is_enforced_on_sign_up(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/signup/", {"email": "ana@example.org"})
    assert response.status_code == 403


def test_csrf_is_enforced_on_a_signed_in_post(ana, jonas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana.user)
    response = client.post(
        f"/e/{ana.event.slug}/participants/{jonas.pk}/request/", {"message": "Hi"}
    )
    assert (response.status_code, jonas.received_requests.count()) == (403, 0)


def test_csrf_token_from_the_page_is_accepted(db):
    user = factories.UserFactory(email="ana@example.org")
    client = Client(enforce_csrf_checks=True)
    page = client.get("/accounts/login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        "/accounts/login/",
        {"username": user.email, "password": factories.PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_argon2_is_the_first_password_hasher_in_production(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from django.contrib.auth.hashers import get_hasher; "
            "from django.conf import settings; "
            "print(settings.PASSWORD_HASHERS[0], get_hasher().algorithm)",
        ],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout.split()) == (
        0,
        ["django.contrib.auth.hashers.Argon2PasswordHasher", "argon2"],
    ), result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_without_a_shared_cache_for_the_limits(tmp_path):
    env = {k: v for k, v in production_env(tmp_path).items() if k != "MATCHFAIR_CACHE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, "matchfair.W001" in result.stderr) == (1, True), result.stderr
