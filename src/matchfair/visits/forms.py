"""Forms of the visits app: the exhibitor import, the delegation, wishes and joint visits."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from matchfair.community.models import Cluster
from matchfair.events.models import Event
from matchfair.uploads import UploadValidator
from matchfair.visits.domain.venue import MAX_BYTES
from matchfair.visits.models import Delegation, DelegationMember, Pavilion, Stand

PRIORITIES = [(3, _("3 — must see")), (2, _("2 — important")), (1, _("1 — if there is time"))]


class ExhibitorImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma- or semicolon-separated, with a header row; at most 1 MB."),
        validators=[UploadValidator(max_bytes=MAX_BYTES, kinds=("csv", "txt"))],
    )


class DelegationForm(forms.Form):
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none())
    name = forms.CharField(label=_("Name"), max_length=120)
    first_day = forms.DateField(
        label=_("First day of visits"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    last_day = forms.DateField(
        label=_("Last day of visits"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, clusters: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["cluster"].queryset = clusters  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("first_day", "last_day"):
            day = data.get(name)
            if day and not self.event.starts_on <= day <= self.event.ends_on:
                self.add_error(name, _("Choose a day of the event."))
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day comes after the first."))
        return data


class RegistrationChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.user.full_name} — {obj.user.organisation}"


class MembersForm(forms.Form):
    members = RegistrationChoices(
        label=_("Members"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, eligible: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = eligible  # type: ignore[attr-defined]


def target_choices(event: Event) -> list[tuple[Any, Any]]:
    pavilions = [
        (f"pavilion-{p.pk}", f"{p.name} ({p.hall})") for p in Pavilion.objects.filter(event=event)
    ]
    stands = [
        (f"stand-{s.pk}", f"{s.exhibitor} — {s.code}")
        for s in Stand.objects.filter(event=event).order_by("exhibitor")
    ]
    return [("", "—"), (_("Pavilions"), pavilions), (_("Stands"), stands)]


class TargetForm(forms.Form):
    target = forms.ChoiceField(label=_("Stand or pavilion"))
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=PRIORITIES, coerce=int, initial=2
    )

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["target"].choices = target_choices(event)  # type: ignore[attr-defined]

    def clean_target(self) -> dict[str, Any]:
        kind, _sep, pk = self.cleaned_data["target"].partition("-")
        found: Stand | Pavilion | None = None
        if kind == "stand" and pk.isdigit():
            found = Stand.objects.filter(event=self.event, pk=pk).first()
        elif kind == "pavilion" and pk.isdigit():
            found = Pavilion.objects.filter(event=self.event, pk=pk).first()
        if found is None:
            raise forms.ValidationError(_("Choose a stand or a pavilion."))
        return {kind: found}


class WishForm(TargetForm):
    pass


class MemberChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.registration.user.full_name


class JointVisitForm(TargetForm):
    members = MemberChoices(
        label=_("Members who go together"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    minutes = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=240, initial=30)
    day = forms.TypedChoiceField(label=_("Preferred day"), required=False, empty_value=None)

    def __init__(self, *args: Any, delegation: Delegation, **kwargs: Any) -> None:
        super().__init__(*args, event=delegation.event, **kwargs)
        self.fields["members"].queryset = DelegationMember.objects.filter(  # type: ignore[attr-defined]
            delegation=delegation
        ).select_related("registration__user")
        self.fields["day"].choices = [("", _("Any day"))] + [  # type: ignore[attr-defined]
            (day.isoformat(), date_format(day, "D j M")) for day in delegation.days()
        ]
        self.fields["day"].coerce = _date  # type: ignore[attr-defined]


def _date(value: str) -> Any:
    return dt.date.fromisoformat(value)
