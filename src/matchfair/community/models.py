"""People, organisations, clusters and the partner networks that join clusters together."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.files.storage import default_storage
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class OrganisationType(models.TextChoices):
    COMPANY = "company", _("Company")
    STARTUP = "startup", _("Start-up")
    CITY = "city", _("City or public authority")
    RESEARCH = "research", _("University or research body")
    INSTITUTION = "institution", _("Institution or association")
    CLUSTER = "cluster", _("Cluster")
    INVESTOR = "investor", _("Investor")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    # The storage name of the logo (community.domain.pictures writes it), unguessable.
    logo = models.CharField(_("logo"), max_length=200, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    admins = models.ManyToManyField(
        "community.User",
        blank=True,
        related_name="administered_organisations",
        verbose_name=_("admins"),
        help_text=_("People who approve or refuse those asking to join the organisation."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="organisation_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def logo_url(self) -> str:
        return default_storage.url(self.logo) if self.logo else ""


class Network(models.Model):
    """A partner network of clusters, such as a European alliance or a partnership."""

    class Kind(models.TextChoices):
        ALLIANCE = "alliance", _("Cluster alliance")
        PARTNERSHIP = "partnership", _("Partnership")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner network")
        verbose_name_plural = _("partner networks")

    def __str__(self) -> str:
        return self.name


class Cluster(models.Model):
    """A cluster is an organisation whose members are other organisations."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="cluster"
    )
    networks = models.ManyToManyField(
        Network, blank=True, related_name="clusters", verbose_name=_("partner networks")
    )
    members = models.ManyToManyField(
        Organisation,
        through="Membership",
        related_name="clusters",
        blank=True,
        verbose_name=_("member organisations"),
    )

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return self.organisation.name


class Membership(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    since = models.DateField(_("member since"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "organisation"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.cluster}"


class Delegate(models.Model):
    """The one person who speaks and votes for a member cluster in a partnership."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="delegates")
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="delegates")
    user = models.ForeignKey("community.User", on_delete=models.CASCADE, related_name="delegations")

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["network", "cluster"], name="delegate_one_per_cluster")
        ]

    def __str__(self) -> str:
        return f"{self.user} for {self.cluster} in {self.network}"


class EmailUserManager(UserManager):
    def _create_user(self, username, email, password, **extra_fields):  # type: ignore[override]
        email = self.normalize_email(email or username)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        # An account made without a password (an organiser's import) is entered only through a
        # link mailed to its address, which proves the address; one given a password is not.
        extra_fields.setdefault("email_verified", password is None)
        return self._create_user(None, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("email_verified", True)  # made by the operator
        return self._create_user(None, email, password, **extra_fields)


class User(AbstractUser):
    """An account; people sign in with their e-mail address."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    # The storage name of the photo (community.domain.pictures writes it), unguessable.
    photo = models.CharField(_("photo"), max_length=200, blank=True, editable=False)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
    )
    language = models.CharField(
        _("language"), max_length=5, default="en", choices=[("en", "English"), ("bg", "Български")]
    )
    email_verified = models.BooleanField(
        _("e-mail address confirmed"),
        default=False,
        help_text=_("The person opened the confirmation link sent to this address."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = EmailUserManager()  # type: ignore[misc]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def photo_url(self) -> str:
        return default_storage.url(self.photo) if self.photo else ""

    @property
    def initials(self) -> str:
        """Up to two letters for a card without a photo: first and last name ("Ana Petrova" → "AP")."""
        words = (self.full_name or self.email).split()
        letters = [words[0][0], words[-1][0]] if len(words) > 1 else [words[0][0]] if words else []
        return "".join(letters).upper()


class MembershipRequest(models.Model):
    """A person asking to belong to an existing organisation; its admins decide.

    Until a request is approved the person's account names no organisation, so they have none
    of its rights nor those of its clusters (`permissions.clusters_of`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    user = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="membership_requests"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="membership_requests"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    founder = models.BooleanField(
        default=False, help_text=_("The person created the organisation when signing up.")
    )
    created = models.DateTimeField(auto_now_add=True)
    decided = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "community.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="membership_request_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.status})"
