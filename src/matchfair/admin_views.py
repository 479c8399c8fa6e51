"""What the admin site of every app shares: a read-only view of records that only domain
functions may write, because writing them is audited, mailed or consented to."""

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and shows rows; adding and changing happen on the site, through the domain.

    Rows may still be deleted where a person's data may go; a model whose rows must never be
    removed by hand (the ballot box, the voter roll) sets ``deletable = False``.
    """

    deletable = True

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self.deletable and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        # Every field is shown as text, so no form field (nor its deprecation warnings) is built.
        if self.readonly_fields:
            return list(self.readonly_fields)
        hidden = set(self.exclude or ())
        return [field.name for field in self.model._meta.fields if field.name not in hidden]
