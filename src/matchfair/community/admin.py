from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.community.models import (
    Cluster,
    Delegate,
    Membership,
    MembershipRequest,
    Network,
    Organisation,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["email", "full_name", "organisation", "email_verified", "is_staff", "is_active"]
    list_select_related = ["organisation"]
    search_fields = ["email", "full_name", "organisation__name"]
    autocomplete_fields = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "email_verified", "password"]}),
        (_("Person"), {"fields": ["full_name", "job_title", "phone", "organisation", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "country", "city"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city"]
    autocomplete_fields = ["admins"]


@admin.register(MembershipRequest)
class MembershipRequestAdmin(ReadOnlyAdmin):
    """Read only: decisions are taken on the site, where they are audited and the person told."""

    list_display = ["user", "organisation", "status", "created", "decided", "decided_by"]
    list_filter = ["status"]
    search_fields = ["user__email", "user__full_name", "organisation__name"]
    list_select_related = ["user", "organisation", "decided_by"]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["__str__"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["networks"]
    inlines = [MembershipInline]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind"]
    search_fields = ["name"]


@admin.register(Delegate)
class DelegateAdmin(admin.ModelAdmin):
    list_display = ["user", "cluster", "network"]
    list_select_related = ["user", "cluster__organisation", "network"]
    autocomplete_fields = ["user", "cluster"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cluster", "since"]
    list_select_related = ["organisation", "cluster__organisation"]
    autocomplete_fields = ["organisation", "cluster"]
