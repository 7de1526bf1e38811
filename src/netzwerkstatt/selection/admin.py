"""Read-mostly: applications change through the workspace, whose services keep the audit log and
the per-part versions. No model here has multilingual (I18n) fields: a consortium writes its
application in the language it chooses."""

from django.contrib import admin

from .models import Activity, Application, ApplicationRound, Attachment, PartnerRole


@admin.register(ApplicationRound)
class ApplicationRoundAdmin(admin.ModelAdmin):
    list_display = ["call", "deadline", "updated"]
    list_filter = ["call__programme"]
    list_select_related = ["call"]
    search_fields = ["call__slug", "call__programme__slug"]
    readonly_fields = ["updated"]


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0
    fields = ["position", "title", "owner", "start_month", "end_month"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class PartnerRoleInline(admin.TabularInline):
    model = PartnerRole
    extra = 0
    fields = ["organisation", "role"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "call", "status", "submitted_at", "updated"]
    list_filter = ["status", "call__programme", "call"]
    list_select_related = ["call"]
    search_fields = ["title", "summary", "consortium__left__name", "consortium__right__name"]
    readonly_fields = [
        "consortium", "call", "title", "summary", "objectives", "themes", "status",
        "submitted_at", "submitted_by", "created", "updated", "versions",
    ]  # fmt: skip
    inlines = [ActivityInline, PartnerRoleInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "application", "owner", "start_month", "end_month"]
    list_filter = ["application__call", "application__status"]
    list_select_related = ["application", "owner"]
    search_fields = ["title", "description", "outputs", "owner__name", "application__title"]
    readonly_fields = ["application", "owner"]


@admin.register(PartnerRole)
class PartnerRoleAdmin(admin.ModelAdmin):
    list_display = ["organisation", "application"]
    list_filter = ["application__call", "application__status"]
    list_select_related = ["application", "organisation"]
    search_fields = ["role", "organisation__name", "application__title"]
    readonly_fields = ["application", "organisation"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "application", "size", "uploaded_by", "uploaded"]
    list_filter = ["application__call", "uploaded"]
    list_select_related = ["application", "uploaded_by"]
    search_fields = ["original_name", "application__title"]
    readonly_fields = ["application", "file", "original_name", "size", "uploaded_by", "uploaded"]

    def has_add_permission(self, request) -> bool:
        return False
