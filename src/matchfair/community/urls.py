from django.urls import path

from matchfair.community import views, views_organisations, views_pictures

app_name = "community"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup_sent"),
    path("confirm/", views.confirm_resend, name="confirm_resend"),
    path("confirm/<uidb64>/<token>/", views.confirm, name="confirm"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout, name="logout"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password_reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("reset/done/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("me/", views.account, name="account"),
    path("me/data.json", views.personal_data, name="personal_data"),
    path("me/erase/", views.erase, name="erase"),
    path("me/photo/", views_pictures.photo, name="photo"),
    path("me/photo/remove/", views_pictures.photo_remove, name="photo_remove"),
    path("organisations/<int:pk>/logo/", views_pictures.logo, name="logo"),
    path("organisations/<int:pk>/logo/remove/", views_pictures.logo_remove, name="logo_remove"),
    path("me/organisation/", views_organisations.membership, name="membership"),
    path(
        "me/organisation/<int:pk>/withdraw/",
        views_organisations.withdraw,
        name="membership_withdraw",
    ),
    path("organisations/requests/", views_organisations.requests, name="membership_requests"),
    path(
        "organisations/requests/<int:pk>/approve/",
        views_organisations.approve,
        name="membership_approve",
    ),
    path(
        "organisations/requests/<int:pk>/refuse/",
        views_organisations.refuse,
        name="membership_refuse",
    ),
    path(
        "organisations/<int:pk>/members/<int:person>/remove/",
        views_organisations.remove,
        name="member_remove",
    ),
]
