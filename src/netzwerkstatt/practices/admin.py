from django.contrib import admin
from i18nfield.admin import I18nModelAdmin

from .models import (
    Assessment,
    AssessmentCriterion,
    AssessmentSettings,
    Conclusion,
    Practice,
    PracticeTranslation,
)


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "programme",
        "organisation",
        "status",
        "language",
        "ready_for_transfer",
    ]
    list_filter = ["status", "programme", "ready_for_transfer"]
    search_fields = ["title", "summary"]
    raw_id_fields = ["organisation", "network", "created_by"]


admin.site.register(PracticeTranslation)
admin.site.register(AssessmentSettings)


@admin.register(AssessmentCriterion)
class AssessmentCriterionAdmin(I18nModelAdmin):
    list_display = ["title", "programme", "code", "weight"]
    list_filter = ["programme"]


admin.site.register(Assessment)
admin.site.register(Conclusion)
