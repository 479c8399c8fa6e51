"""Forms of the participant console: filters, validation decisions, upload and column mapping."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from matchfair.community.models import OrganisationType
from matchfair.console.domain.tabular import FIELDS, KINDS, MAX_BYTES
from matchfair.events.models import Organiser, Registration
from matchfair.uploads import UploadValidator


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"type": "search"})
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Registration.Status.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    organiser = forms.ModelChoiceField(
        label=_("Organiser"),
        required=False,
        queryset=Organiser.objects.none(),
        empty_label=_("Any organiser"),
    )

    def __init__(self, *args, event, show_organiser: bool, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        country: Any = self.fields["country"]
        present = set(country_codes)
        country.choices = [
            ("", _("Any country")),
            *[(code, name) for code, name in countries if code in present],
        ]
        if show_organiser:
            organiser: Any = self.fields["organiser"]
            organiser.queryset = event.organisers.select_related("cluster__organisation")
        else:
            del self.fields["organiser"]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[("validate", _("Validate")), ("reject", _("Reject"))],
    )
    reason = forms.CharField(
        label=_("Reason for a rejection (sent to the participant)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BulkDecisionForm(DecisionForm):
    ids = forms.TypedMultipleChoiceField(label=_("Participants"), coerce=int, choices=())

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(item.pk, str(item.user)) for item in registrations]
        self.fields["ids"].error_messages["required"] = _("Select at least one participant.")


class ValidationSettingForm(forms.Form):
    requires_validation = forms.BooleanField(
        label=_("Participants need validation"),
        required=False,
        help_text=_(
            "New registrations wait, unable to send or receive requests, until their "
            "organiser validates them."
        ),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One person per row, with a header row; at most 2 MB and 5000 people."),
        validators=[UploadValidator(max_bytes=MAX_BYTES, kinds=KINDS)],
    )
    organiser = forms.ModelChoiceField(
        label=_("Supporting organiser of the imported people"),
        queryset=Organiser.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = Organiser.objects.filter(
            pk__in=[organiser.pk for organiser in organisers]
        ).select_related("cluster__organisation")
        self.fields["organiser"].initial = organisers[0].pk if organisers else None


class MappingForm(forms.Form):
    """One choice per field: which column of the file holds it; then, for the fields a file
    often lacks, the value used where it has no column or an empty cell (`default_<key>`)."""

    def __init__(
        self,
        *args,
        headers: list[str],
        samples: list[list[str]],
        initial_mapping,
        initial_defaults: dict[str, str],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("— not in the file —"))]
        for index, header in enumerate(headers):
            example = next((row[index] for row in samples if row[index]), "")
            label = f"{header} ({example[:40]})" if example else header
            choices.append((str(index), label))
        for item in FIELDS:
            self.fields[item.key] = forms.ChoiceField(
                label=item.label,
                choices=choices,
                required=item.required,
                initial=str(initial_mapping[item.key]) if item.key in initial_mapping else "",
            )
        self.fields["default_organisation_type"] = forms.ChoiceField(
            label=_("Organisation type where the file gives none"),
            choices=[("", _("— none: such rows are refused —")), *OrganisationType.choices],
            required=False,
            initial=initial_defaults.get("organisation_type", ""),
            help_text=_("Needed for every organisation the import creates."),
        )
        self.fields["default_country"] = forms.ChoiceField(
            label=_("Country where the file gives none"),
            choices=[("", _("— none: such rows are refused —")), *countries],
            required=False,
            initial=initial_defaults.get("country", ""),
            help_text=_("Needed for every organisation the import creates."),
        )

    def column_fields(self) -> list[forms.BoundField]:
        return [self[item.key] for item in FIELDS]

    def default_fields(self) -> list[forms.BoundField]:
        return [self["default_organisation_type"], self["default_country"]]

    def mapping(self) -> dict[str, int]:
        return {
            item.key: int(self.cleaned_data[item.key])
            for item in FIELDS
            if self.cleaned_data.get(item.key) not in ("", None)
        }

    def defaults(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[f"default_{key}"]
            for key in ("organisation_type", "country")
            if self.cleaned_data.get(f"default_{key}")
        }


class ImportForm(forms.Form):
    only_valid = forms.BooleanField(
        label=_("Import only the valid rows and leave out the rows with problems"),
        required=False,
    )
