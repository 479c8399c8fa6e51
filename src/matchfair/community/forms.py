"""Forms for accounts: sign-up with the organisation a person represents, asking to join one,
and resetting a forgotten password (Django's forms, mailed through our outbox)."""

import uuid

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from matchfair.audit.domain import record
from matchfair.community.domain.accounts import mark_verified
from matchfair.community.models import OrganisationType, User
from matchfair.outbox.domain import queue_message


def country_choices() -> list[tuple[str, str]]:
    """Every country after an empty first choice, so that nobody is signed up from Afghanistan
    (the first in the list) by not looking; the field is required, so the person chooses."""
    return [("", _("Choose a country")), *countries]


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    organisation_kind = forms.ChoiceField(
        label=_("Organisation type"), choices=OrganisationType.choices
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "phone", "language"]


class JoinOrganisationForm(forms.Form):
    organisation_name = forms.CharField(label=_("Organisation"), max_length=200)
    organisation_kind = forms.ChoiceField(
        label=_("Organisation type"),
        choices=OrganisationType.choices,
        help_text=_("Used only when the organisation is new here."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form; the link goes through the outbox like every other mail.

    It answers the same whether or not the address has an account: only the owner of an
    account gets a mail. Accounts not yet given a password (an organiser's import) may use it.
    """

    def get_users(self, email):
        return User.objects.filter(email__iexact=email.strip(), is_active=True)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        url = reverse(
            "community:password_reset_confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        queue_message(
            key=f"account.password_reset:{user.pk}:{uuid.uuid4().hex}",
            kind="account.password_reset",
            user=user,
            template="community/mail/password_reset",
            context={"url": url},
        )
        record(action="account.password_reset_sent", subject=user)


class SetPasswordForm(auth_forms.SetPasswordForm):
    """The new password of a reset; the link came to the address, so it is confirmed too."""

    def save(self, commit=True):
        with transaction.atomic():
            user = super().save(commit=commit)
            record(action="account.password_reset", actor=user, subject=user)
            mark_verified(user=user)
        return user


class PictureForm(forms.Form):
    """One picture (a photo or a logo); `community.domain.pictures` checks what it really is."""

    picture = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG or WebP, at most 5 MB; it is cut to a square."),
        error_messages={"required": _("Choose a picture to upload.")},
    )
