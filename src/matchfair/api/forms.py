"""The one form of the token page: naming a new token."""

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What uses this token, such as “CRM sync”."),
    )
