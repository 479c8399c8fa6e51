"""The newsroom in the admin: superusers grant the editor role here (Editor rows)."""

from django.contrib import admin

from matchfair.newsroom.models import Article, Editor, Tag


@admin.register(Editor)
class EditorAdmin(admin.ModelAdmin):
    list_display = ["user", "cluster", "created"]
    autocomplete_fields = ["user"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_bg"]
    search_fields = ["slug", "name_en", "name_bg"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "status", "cluster", "published_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["author", "reviewer", "published_at"]
