"""Forms for accounts: sign-up with the organisation a person represents."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from matchfair.community.models import OrganisationType, User


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
    country = forms.ChoiceField(label=_("Country"), choices=countries)
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
