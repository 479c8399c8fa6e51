"""The assembly's forms: proposing, discussing and deciding ideas, and the work plan's items,
milestones, progress reports and CSV import. The domain functions check the rules; these only
shape the input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matchfair.assembly.domain.workplan_csv import MAX_BYTES
from matchfair.assembly.models import Idea, Motion, WorkItem
from matchfair.community.models import Cluster
from matchfair.events.taxonomy import DOMAINS
from matchfair.uploads import UploadValidator

DOMAIN_CHOICES = [(code, _(label)) for code, label in DOMAINS]


class IdeaForm(forms.Form):
    cluster = forms.ModelChoiceField(label=_("For the member"), queryset=Cluster.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: **bold**, lists, links. English, Bulgarian or both."),
    )
    description_bg = forms.CharField(
        label=_("Description in Bulgarian"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        choices=DOMAIN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners_sought = forms.CharField(
        label=_("Partners sought"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Which kinds of organisation, skills or countries the idea needs."),
    )

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters
        if len(clusters) == 1:
            self.fields["cluster"].initial = clusters[0]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class AcceptForm(forms.Form):
    deadline = forms.DateField(
        label=_("Deadline of the new work plan item"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    work_item = forms.ModelChoiceField(
        label=_("Or add it to an existing item"), queryset=WorkItem.objects.none(), required=False
    )

    def __init__(self, *args, idea: Idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_item"].queryset = WorkItem.objects.filter(  # type: ignore[attr-defined]
            network=idea.network_id
        )


class WorkItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner = forms.ModelChoiceField(label=_("Owner member"), queryset=Cluster.objects.none())
    person_email = forms.EmailField(label=_("Person responsible (e-mail)"), required=False)
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    adopted_by = forms.ModelChoiceField(
        label=_("Adopted by (motion)"),
        required=False,
        queryset=Motion.objects.none(),
        help_text=_("The motion of the assembly that adopted the item."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = network.clusters.select_related("organisation")
        self.fields["adopted_by"].queryset = Motion.objects.filter(  # type: ignore[attr-defined]
            session__network=network
        ).select_related("session")


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=2000)
    due = forms.DateField(
        label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=WorkItem.Status.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)


class WorkPlanImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma- or semicolon-separated, with a header row; at most 1 MB."),
        validators=[UploadValidator(max_bytes=MAX_BYTES, kinds=("csv", "txt"))],
    )
