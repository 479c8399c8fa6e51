"""Absolute links for everything that leaves the site: mails, calendar files, QR codes.

A mail client has no page to resolve a relative path against, so every link a message carries is
built here, from the one configured `settings.SITE_URL`.
"""

from django.conf import settings


def site_url() -> str:
    """The configured site address without a trailing slash, such as `https://matchfair.example`."""
    return settings.SITE_URL.rstrip("/")


def site_host() -> str:
    """The host name of the site, without scheme, port or path."""
    return site_url().split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def absolute_url(path: str) -> str:
    """`path` (such as `/e/expo/agenda/`) on the configured site; a full URL stays as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{site_url()}/{path.lstrip('/')}"
