from django.contrib import admin
from i18nfield.admin import I18nModelAdmin

from .models import EqfLevel, IscedField, Theme


@admin.register(Theme)
class ThemeAdmin(I18nModelAdmin):
    list_display = ["code", "name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


@admin.register(IscedField)
class IscedFieldAdmin(I18nModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]


@admin.register(EqfLevel)
class EqfLevelAdmin(I18nModelAdmin):
    list_display = ["level", "knowledge"]
    search_fields = ["knowledge", "skills", "responsibility"]
    list_filter = ["level"]
