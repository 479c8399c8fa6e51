from django.urls import path

from matchfair.outcomes import views, views_campaigns, views_stories

app_name = "outcomes"
urlpatterns = [
    path("accounts/me/consent/", views.consent, name="consent"),
    path("accounts/me/consent/grant/", views.consent_grant, name="consent_grant"),
    path("accounts/me/consent/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("accounts/me/consent/renew/", views.consent_renew, name="consent_renew"),
    path(
        "accounts/me/consent/stories/<int:pk>/withdraw/",
        views_stories.story_withdraw,
        name="story_withdraw",
    ),
    path("clusters/<int:pk>/retention/", views_stories.retention_page, name="retention"),
    path("e/<slug:event>/console/success-stories/", views_stories.story_list, name="stories"),
    path(
        "e/<slug:event>/console/success-stories/<int:pk>/ask/",
        views_stories.story_ask,
        name="story_ask",
    ),
    path("success-story/<str:token>/", views_stories.story_answer, name="story_answer"),
    path("e/<slug:event>/outcomes/", views.my_outcomes, name="mine"),
    path("e/<slug:event>/outcomes/<int:pk>/", views.meeting_outcome, name="meeting"),
    path("e/<slug:event>/outcomes/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("e/<slug:event>/knowledge/", views.knowledge_page, name="knowledge"),
    path(
        "e/<slug:event>/knowledge/<int:pk>/introduction/",
        views.introduction,
        name="introduction",
    ),
    path("e/<slug:event>/console/impact/", views.impact, name="impact"),
    path("e/<slug:event>/console/follow-up/", views_campaigns.campaign_list, name="campaigns"),
    path(
        "e/<slug:event>/console/follow-up/add/",
        views_campaigns.campaign_add,
        name="campaign_add",
    ),
    path(
        "e/<slug:event>/console/follow-up/<int:pk>/",
        views_campaigns.campaign_change,
        name="campaign_change",
    ),
    path(
        "e/<slug:event>/console/follow-up/<int:pk>/remove/",
        views_campaigns.campaign_remove,
        name="campaign_remove",
    ),
    path("follow-up/<str:token>/", views_campaigns.campaign_answer, name="campaign_answer"),
    path("e/<slug:event>/console/impact.xlsx", views.impact_xlsx, name="impact_xlsx"),
    path("e/<slug:event>/console/impact.pdf", views.impact_pdf_view, name="impact_pdf"),
]
