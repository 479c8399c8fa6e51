"""The forms that set an assembly up: a session and its documents, the agenda, who attends for
each member, elections, and nominations with the candidate's statement. The domain functions
check the rules; these only shape the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.assembly.domain.setup import MAX_DOCUMENT_BYTES
from matchfair.assembly.models import Attendee, Election
from matchfair.community.models import Cluster
from matchfair.events.models import Event
from matchfair.uploads import UploadValidator


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(
        label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}), initial="09:00"
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online meeting link"), required=False, assume_scheme="https"
    )
    event = forms.ModelChoiceField(
        label=_("Expo event"),
        queryset=Event.objects.order_by("-starts_on"),
        required=False,
        help_text=_("The session then appears in the My day page and calendar of its attendees."),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Document title"), max_length=200)
    file = forms.FileField(
        label=_("PDF"),
        required=False,
        validators=[UploadValidator(max_bytes=MAX_DOCUMENT_BYTES, kinds=("pdf",))],
    )
    url = forms.URLField(label=_("Or a link"), required=False, assume_scheme="https")


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), max_length=200)
    minutes = forms.IntegerField(label=_("Time box (minutes)"), min_value=1, max_value=600)
    presenter = forms.CharField(label=_("Presenter"), max_length=150, required=False)


class AttendeeForm(forms.Form):
    cluster = forms.ModelChoiceField(label=_("Member"), queryset=Cluster.objects.none())
    email = forms.EmailField(label=_("Person (e-mail)"))
    role = forms.ChoiceField(label=_("Role"), choices=Attendee.Role.choices)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = network.clusters.select_related("organisation")


class ElectionForm(forms.Form):
    position = forms.ChoiceField(label=_("Position"), choices=Election.Position.choices)
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=99, initial=1)
    method = forms.ChoiceField(
        label=_("Counting method"), choices=[(m, m) for m in Election.BALLOT_METHODS]
    )
    seed = forms.IntegerField(
        label=_("Seed for drawing lots"),
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        help_text=_("Leave empty to draw one when voting opens; it is published with the result."),
    )


class NominationForm(forms.Form):
    nominated_by = forms.ModelChoiceField(label=_("Nominated by"), queryset=Cluster.objects.none())
    cluster = forms.ModelChoiceField(label=_("Candidate's member"), queryset=Cluster.objects.none())
    email = forms.EmailField(
        label=_("Candidate (e-mail)"), help_text=_("One of the people of the candidate's member.")
    )

    def __init__(self, *args, session, nominating, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominated_by"].queryset = Cluster.objects.filter(
            pk__in=[c.pk for c in nominating]
        ).select_related("organisation")
        if len(nominating) == 1:
            self.fields["nominated_by"].initial = nominating[0]
        self.fields["cluster"].queryset = session.network.clusters.select_related("organisation")


class StatementForm(forms.Form):
    statement_en = forms.CharField(
        label=_("Statement in English"), widget=forms.Textarea(attrs={"rows": 5})
    )
    statement_bg = forms.CharField(
        label=_("Statement in Bulgarian"), widget=forms.Textarea(attrs={"rows": 5})
    )
