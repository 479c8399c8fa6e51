"""What the admin site of every app shares: a read-only view of records that only domain
functions may write, because writing them is audited, mailed or consented to."""

from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    """Lists and shows rows; adding and changing happen on the site, through the domain."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
