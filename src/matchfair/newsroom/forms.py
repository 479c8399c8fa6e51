"""The newsroom's forms: an article in both languages, an image, a PDF, a review request and a
publication moment. They validate input; the domain decides."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from matchfair.community.models import Cluster, User
from matchfair.events.models import Event
from matchfair.events.taxonomy import DOMAINS
from matchfair.newsroom.domain.articles import WORD_FIELDS
from matchfair.newsroom.domain.media import IMAGE_KINDS, MAX_IMAGE_BYTES, MAX_PDF_BYTES
from matchfair.newsroom.models import LANGUAGES, Article, Editor, Kind
from matchfair.uploads import UploadValidator
from matchfair.visits.models import Delegation

LANGUAGE_NAMES = {"en": _("English"), "bg": _("Bulgarian")}
WORD_LABELS = {
    "title": _("Title"),
    "slug": _("Slug (empty: made from the title)"),
    "summary": _("Summary"),
    "body": _("Text (Markdown)"),
    "sector": _("Sector (case study)"),
    "what_they_did": _("What they did (case study, Markdown)"),
    "lessons": _("Lessons (case study, Markdown)"),
}
LONG = {"summary", "body", "what_they_did", "lessons"}


class ArticleForm(forms.Form):
    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=Cluster.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    source_language = forms.ChoiceField(
        label=_("Written first in"), choices=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]
    )
    tags = forms.CharField(
        label=_("Tags"), required=False, help_text=_("Separated by commas."), max_length=500
    )
    domains = forms.MultipleChoiceField(
        label=_("Domains"),
        choices=[(code, _(label)) for code, label in DOMAINS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    event = forms.ModelChoiceField(
        label=_("Event (trip report)"),
        queryset=Event.objects.order_by("-starts_on"),
        required=False,
    )
    delegation = forms.ModelChoiceField(
        label=_("Delegation (trip report)"),
        queryset=Delegation.objects.select_related("event").order_by("-id"),
        required=False,
    )
    studied_organisation = forms.CharField(
        label=_("Organisation studied (case study)"), required=False, max_length=200
    )
    sources = forms.CharField(
        label=_("Sources (case study, one link a line)"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, clusters: Any, article: Article | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters  # type: ignore[attr-defined]
        if article is not None:
            del self.fields["cluster"]
        for language in LANGUAGES:
            for name in WORD_FIELDS:
                field: forms.Field
                label = f"{WORD_LABELS[name]} · {LANGUAGE_NAMES[language]}"
                if name in LONG:
                    field = forms.CharField(label=label, required=False, widget=forms.Textarea)
                else:
                    field = forms.CharField(label=label, required=False, max_length=200)
                self.fields[f"{name}_{language}"] = field

    @classmethod
    def initial_of(cls, article: Article) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": article.kind,
            "source_language": article.source_language,
            "tags": ", ".join(tag.name_en for tag in article.tags.all()),
            "domains": article.domain_codes,
            "event": article.event_id,
            "delegation": article.delegation_id,
            "studied_organisation": article.studied_organisation,
            "sources": article.sources,
        }
        for translation in article.translations.all():
            for name in WORD_FIELDS:
                initial[f"{name}_{translation.language}"] = getattr(translation, name)
        return initial

    def words(self) -> dict[str, dict[str, str]]:
        return {
            language: {name: self.cleaned_data[f"{name}_{language}"] for name in WORD_FIELDS}
            for language in LANGUAGES
        }

    def settings(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "source_language": data["source_language"],
            "domains": data["domains"],
            "event": data["event"],
            "delegation": data["delegation"],
            "studied_organisation": data["studied_organisation"],
            "sources": data["sources"],
        }

    def tag_names(self) -> list[str]:
        return [name for name in self.cleaned_data["tags"].split(",") if name.strip()]


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image (JPEG, PNG or WebP)"),
        validators=[UploadValidator(max_bytes=MAX_IMAGE_BYTES, kinds=IMAGE_KINDS)],
    )
    alt_en = forms.CharField(label=_("Alt text · English"), max_length=250)
    alt_bg = forms.CharField(label=_("Alt text · Bulgarian"), max_length=250)


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("PDF"), validators=[UploadValidator(max_bytes=MAX_PDF_BYTES, kinds=("pdf",))]
    )
    title_en = forms.CharField(label=_("Title · English"), max_length=200)
    title_bg = forms.CharField(label=_("Title · Bulgarian"), max_length=200)


class ReviewerForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=User.objects.none())

    def __init__(self, *args: Any, article: Article, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=Editor.objects.filter(cluster=article.cluster_id).values("user_id")
        )


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class DigestForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of article"), choices=Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[(code, name) for code, name in settings.LANGUAGES if code in LANGUAGES],
        widget=forms.RadioSelect,
    )
