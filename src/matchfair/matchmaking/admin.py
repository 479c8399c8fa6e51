"""The admin shows stored suggestions read-only: only a refresh writes them."""

from django.contrib import admin

from matchfair.admin_views import ReadOnlyAdmin
from matchfair.matchmaking.models import Suggestion, TextEmbedding


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdmin):
    list_display = ["registration", "rank", "suggested", "score", "computed"]
    list_filter = ["registration__event"]
    search_fields = ["registration__user__full_name", "suggested__user__full_name"]
    list_select_related = ["registration__user", "registration__event", "suggested__user"]
    raw_id_fields = ["registration", "suggested"]


@admin.register(TextEmbedding)
class TextEmbeddingAdmin(ReadOnlyAdmin):
    """Vectors the semantic extra computed; a refresh writes them, nobody edits them."""

    list_display = ["model", "key", "created"]
    list_filter = ["model"]
    search_fields = ["key"]
    readonly_fields = ["model", "key", "created"]
    exclude = ["vector"]
