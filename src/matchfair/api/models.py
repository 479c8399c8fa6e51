"""Personal API tokens (kept only as a SHA-256 hash) and the secret URLs of iCal feeds."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token acting as its user; the plain key is shown once, at creation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the key, so a person can tell their tokens apart.
    prefix = models.CharField(max_length=12, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked is None


class CalendarFeed(models.Model):
    """A secret URL that calendar apps subscribe to; one live feed per registration."""

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    # Only a fingerprint of the secret is kept, as for API tokens: the URL is shown once, when
    # it is made, and a lost one is replaced.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the secret, so a person can tell their URLs apart.
    prefix = models.CharField(max_length=12, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=models.Q(revoked__isnull=True),
                name="calendar_feed_one_live_per_registration",
            )
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.registration}"

    @property
    def is_active(self) -> bool:
        return self.revoked is None


def feed_url(token: str) -> str:
    """The path of the calendar feed whose secret is `token`."""
    return reverse("api_pages:feed", kwargs={"token": token})
