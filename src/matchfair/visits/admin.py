from django.contrib import admin
from django.db import models

from matchfair.visits.models import (
    Delegation,
    DelegationMember,
    Hall,
    Invitation,
    ItineraryStop,
    JointVisit,
    Pavilion,
    SkippedStop,
    Stand,
    Wish,
)


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "x", "y", "width", "depth", "opens", "closes", "has_entrance"]
    list_filter = ["event"]
    search_fields = ["name"]


@admin.register(Pavilion)
class PavilionAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "hall", "event"]
    list_filter = ["event"]
    search_fields = ["name", "country"]


@admin.register(Stand)
class StandAdmin(admin.ModelAdmin):
    list_display = ["code", "exhibitor", "country", "hall", "pavilion", "event"]
    list_filter = ["event"]
    search_fields = ["code", "exhibitor", "organisation"]
    raw_id_fields = ["hall", "pavilion"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class MemberInline(admin.TabularInline):
    model = DelegationMember
    raw_id_fields = ["registration"]
    extra = 0


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    list_display = ["name", "event", "cluster", "planned"]
    list_filter = ["event"]
    search_fields = ["name"]
    inlines = [MemberInline]


@admin.register(DelegationMember)
class DelegationMemberAdmin(admin.ModelAdmin):
    list_display = ["registration", "delegation"]
    list_filter = ["delegation"]
    search_fields = ["registration__user__full_name", "delegation__name"]
    raw_id_fields = ["registration"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["registration", "delegation", "status", "asked", "answered"]
    list_filter = ["status", "delegation"]
    search_fields = ["registration__user__full_name", "delegation__name"]
    raw_id_fields = ["registration"]


@admin.register(Wish)
class WishAdmin(admin.ModelAdmin):
    list_display = ["member", "stand", "pavilion", "priority"]
    raw_id_fields = ["member", "stand", "pavilion"]


@admin.register(JointVisit)
class JointVisitAdmin(admin.ModelAdmin):
    list_display = ["delegation", "stand", "pavilion", "minutes", "priority", "day"]
    raw_id_fields = ["stand", "pavilion", "members"]


@admin.register(ItineraryStop)
class ItineraryStopAdmin(admin.ModelAdmin):
    list_display = ["member", "stand", "pavilion", "arrive", "leave", "joint_visit"]
    raw_id_fields = ["member", "stand", "pavilion", "joint_visit"]


@admin.register(SkippedStop)
class SkippedStopAdmin(admin.ModelAdmin):
    list_display = ["member", "stand", "pavilion", "priority", "reason"]
    raw_id_fields = ["member", "stand", "pavilion"]
