"""Contacts: people a participant met at a stand or a meeting, as a scanned badge or a business card."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Contact(models.Model):
    """One person in a participant's contact book for an event.

    A contact either links to the person's registration (their badge was scanned) or holds a
    typed-in business card. A linked contact copies only what the public profile shows (name,
    organisation, job title, country); e-mail and phone are read from the registration when
    shown, and only as `permissions.can_see_contact` allows.
    """

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="contacts")
    owner = models.ForeignKey(
        "events.Registration",
        on_delete=models.CASCADE,
        related_name="contacts_made",
        verbose_name=_("recorded by"),
    )
    registration = models.ForeignKey(
        "events.Registration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts_of",
        verbose_name=_("participant"),
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    country = CountryField(_("country"), blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name=_("met at the meeting"),
    )
    place = models.CharField(
        _("met at the stand"),
        max_length=200,
        blank=True,
        help_text=_("The stand, pavilion or place where you met."),
    )
    note = models.TextField(_("note"), blank=True, max_length=4000)
    follow_up = models.BooleanField(_("follow up"), default=False)
    follow_up_due = models.DateField(_("follow up by"), null=True, blank=True)
    done = models.BooleanField(_("followed up"), default=False)
    shared_with_cluster = models.BooleanField(
        _("shared with my cluster's members"),
        default=False,
        help_text=_("Only when the person agreed that the members of your cluster may see them."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "registration"],
                condition=models.Q(registration__isnull=False),
                name="contact_once_per_participant",
            ),
            models.CheckConstraint(
                condition=~models.Q(owner=models.F("registration")), name="contact_not_self"
            ),
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=True) | models.Q(place=""),
                name="contact_met_in_one_place",
            ),
        ]
        indexes = [models.Index(fields=["event", "shared_with_cluster"])]

    def __str__(self) -> str:
        return self.name

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up and not self.done


class ContactView(models.Model):
    """Someone was shown another person's contact details (e-mail, phone): once a day per
    viewer and person, at the first place they were shown, so the person can see who looked."""

    class Where(models.TextChoices):
        PROFILE = "profile", _("Participant page")
        API = "api", _("API")
        CONTACTS = "contacts", _("Contact book")
        SHARED = "shared", _("Contacts shared with a cluster")
        EXPORT = "export", _("Contact book download")
        CONSOLE = "console", _("Organiser console")

    person = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="contact_views"
    )
    viewer = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="contact_views_made"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="contact_views"
    )
    day = models.DateField(_("day"))
    at = models.DateTimeField(_("when"))
    where = models.CharField(_("where"), max_length=20, choices=Where.choices)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("view of contact details")
        verbose_name_plural = _("views of contact details")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "viewer", "day"], name="contact_view_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.viewer} saw {self.person}'s details on {self.day}"
