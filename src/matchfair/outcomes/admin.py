"""Outcomes, follow-up steps, consents and introductions in the admin: read only, because each
is one person's answer or grant, written by them on the site (and consent is audited)."""

from django.contrib import admin

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.outcomes.models import (
    Campaign,
    CampaignMail,
    Consent,
    FollowUpStep,
    IntroductionRequest,
    MeetingSummary,
    Outcome,
    Retention,
    StoryConsent,
    SuccessStory,
)


@admin.register(Outcome)
class OutcomeAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "registration", "took_place", "rating", "updated"]
    list_filter = ["took_place", "rating"]
    list_select_related = ["meeting__event", "registration__user", "registration__event"]
    raw_id_fields = ["meeting", "registration"]


@admin.register(FollowUpStep)
class FollowUpStepAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "registration", "stage", "on", "agreement_type"]
    list_filter = ["stage", "agreement_type"]
    list_select_related = ["meeting__event", "registration__user", "registration__event"]
    raw_id_fields = ["meeting", "registration"]


@admin.register(MeetingSummary)
class MeetingSummaryAdmin(ReadOnlyAdmin):
    """Derived from the meeting's outcomes and steps on every write; never edited by hand."""

    list_display = ["meeting", "event", "said_held", "said_not_held", "top_stage", "agreement"]
    list_filter = ["said_held", "said_not_held", "agreement"]
    list_select_related = ["meeting__event", "event"]
    raw_id_fields = ["meeting", "event"]


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = [
        "user",
        "scope",
        "audience",
        "notice_version",
        "granted",
        "renewed",
        "withdrawn",
    ]
    list_filter = ["scope", "audience"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__full_name"]


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(ReadOnlyAdmin):
    list_display = ["asked_by", "member", "meeting", "created"]
    list_select_related = ["asked_by", "member__user", "member__event", "meeting__event"]
    raw_id_fields = ["meeting", "asked_by", "member"]


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    """Set on the console's follow-up page, which audits each change."""

    list_display = ["event", "days_after", "reminder_days", "sent", "reminded"]
    list_select_related = ["event"]
    list_filter = ["event"]


@admin.register(CampaignMail)
class CampaignMailAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "registration", "sent", "reminded", "answered"]
    list_select_related = ["campaign__event", "registration__user"]
    raw_id_fields = ["campaign", "registration"]


@admin.register(Retention)
class RetentionAdmin(ReadOnlyAdmin):
    """Set by the cluster's staff on its retention page, which audits each change."""

    list_display = ["cluster", "months", "changed", "changed_by"]
    list_select_related = ["cluster__organisation", "changed_by"]


class StoryConsentInline(admin.TabularInline):
    model = StoryConsent
    fields = ("registration", "answer", "quote", "answered")
    readonly_fields = ("registration", "answer", "quote", "answered")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SuccessStory)
class SuccessStoryAdmin(ReadOnlyAdmin):
    """Asked and answered on the site (each step audited); the admin shows them."""

    list_display = ["meeting", "cluster", "requested_by", "status", "article", "created"]
    list_filter = ["status"]
    list_select_related = ["meeting__event", "cluster__organisation", "requested_by", "article"]
    raw_id_fields = ["meeting", "requested_by", "article"]
    inlines = [StoryConsentInline]


@admin.register(StoryConsent)
class StoryConsentAdmin(ReadOnlyAdmin):
    list_display = ["story", "registration", "answer", "answered"]
    list_filter = ["answer"]
    list_select_related = ["story__meeting__event", "story__cluster", "registration__user"]
    raw_id_fields = ["story", "registration"]
