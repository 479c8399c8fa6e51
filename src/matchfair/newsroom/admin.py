"""The newsroom in the admin: superusers grant the editor role here (Editor rows)."""

from django.contrib import admin

from matchfair.newsroom.models import (
    Article,
    ArticleAttachment,
    ArticleImage,
    ArticleRevision,
    ArticleTranslation,
    Digest,
    DigestSubscription,
    Editor,
    Tag,
)


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


@admin.register(ArticleTranslation)
class ArticleTranslationAdmin(admin.ModelAdmin):
    list_display = ["article", "language", "state", "title"]
    list_filter = ["language", "state"]


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "by", "created"]
    readonly_fields = ["article", "number", "by", "snapshot"]


@admin.register(ArticleImage)
class ArticleImageAdmin(admin.ModelAdmin):
    list_display = ["article", "alt_en", "width", "height"]


@admin.register(ArticleAttachment)
class ArticleAttachmentAdmin(admin.ModelAdmin):
    list_display = ["article", "title_en", "size"]


@admin.register(DigestSubscription)
class DigestSubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "kinds", "language", "created"]
    list_filter = ["language"]
    autocomplete_fields = ["user"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["week", "made"]
    readonly_fields = ["week", "articles"]
