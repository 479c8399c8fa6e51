"""Forms of the events app: registering, the profile, opportunities, availability and the directory."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from matchfair.bilingual import localised
from matchfair.community.models import OrganisationType
from matchfair.events.domain import directory
from matchfair.events.models import Domain, Opportunity, Organiser, Registration, Session


class RegisterForm(forms.Form):
    organiser = forms.ModelChoiceField(
        label=_("Supporting organiser"),
        queryset=Organiser.objects.none(),
        help_text=_("The cluster that supports you at this event and validates your registration."),
    )
    headline = forms.CharField(label=_("What do you come for?"), max_length=200, required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = event.organisers.select_related("cluster__organisation")
        self.fields["organiser"].queryset = queryset
        self.fields["organiser"].initial = queryset.filter(is_lead=True).first()


class ProfileForm(forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(
        label=_("Domains"),
        queryset=Domain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Registration
        fields = ["headline", "description", "domains", "share_contact", "max_meetings"]


class OpportunityForm(forms.ModelForm):
    domains = forms.ModelMultipleChoiceField(
        label=_("Domains"),
        queryset=Domain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Opportunity
        fields = ["kind", "title", "description", "domains"]


class AvailabilityForm(forms.Form):
    available = forms.ModelMultipleChoiceField(
        label=_("Sessions I can attend"),
        queryset=Session.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    max_in_a_row = forms.IntegerField(
        label=_("Meetings in a row at most"),
        min_value=1,
        max_value=50,
        required=False,
        help_text=_("After that many meetings in a row you get a free slot."),
    )
    max_per_day = forms.IntegerField(
        label=_("Meetings a day at most"), min_value=1, max_value=100, required=False
    )
    preferred_days = forms.MultipleChoiceField(
        label=_("Days I prefer"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The optimiser tries these days first; none ticked means any day."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = event.sessions.filter(is_b2b=True)
        self.fields["available"].queryset = sessions
        self.fields["available"].label_from_instance = self.session_label
        self.zone = event.zone
        days = sorted({s.starts_at.astimezone(self.zone).date() for s in sessions})
        self.fields["preferred_days"].choices = [
            (day.isoformat(), date_format(day, "l j F")) for day in days
        ]
        if event.default_max_in_a_row:
            self.fields["max_in_a_row"].widget.attrs["placeholder"] = event.default_max_in_a_row
        if event.default_max_per_day:
            self.fields["max_per_day"].widget.attrs["placeholder"] = event.default_max_per_day

    def session_label(self, session):
        """The session's name and when it is; the day only once, when the name has it already
        ("Tuesday 8 December, morning B2B meetings — 09:30–13:30")."""
        start = session.starts_at.astimezone(self.zone)
        end = session.ends_at.astimezone(self.zone)
        name = localised(session, "name")
        if date_format(start, "l j F").casefold() in name.casefold():
            return f"{name} — {start:%H:%M}–{end:%H:%M}"
        return f"{name} — {date_format(start, 'D j M, H:i')}–{end:%H:%M}"


def _with_blank(choices, label):
    return [("", label), *choices]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Organisation type"),
        required=False,
        choices=_with_blank(OrganisationType.choices, _("Any type")),
    )
    domain = forms.ModelChoiceField(
        label=_("Domain"),
        required=False,
        queryset=Domain.objects.all(),
        to_field_name="slug",
        empty_label=_("Any domain"),
    )
    looking = forms.ChoiceField(
        label=_("Opportunities"),
        required=False,
        choices=_with_blank(Opportunity.Kind.choices, _("Offers and requests")),
    )
    organiser = forms.ModelChoiceField(
        label=_("Co-organiser"),
        required=False,
        queryset=Organiser.objects.none(),
        empty_label=_("Any organiser"),
        help_text=_("The cluster that supports the participant."),
    )
    free = forms.BooleanField(label=_("Has free slots"), required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        present = directory.countries_present(event)
        self.fields["country"].choices = _with_blank(
            [(code, name) for code, name in countries if code in present], _("Any country")
        )
        organiser = self.fields["organiser"]
        organiser.queryset = event.organisers.select_related("cluster__organisation")
        organiser.label_from_instance = lambda choice: choice.cluster.organisation.name
