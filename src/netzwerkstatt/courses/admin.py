from django.contrib import admin
from i18nfield import fields as i18n_fields
from i18nfield import forms as i18n_forms
from i18nfield.admin import I18nModelAdmin

from . import models


@admin.register(models.DeclarationText)
class DeclarationTextAdmin(I18nModelAdmin):
    list_display = ["programme", "version", "requires_resigning", "published_at"]
    list_filter = ["programme"]


@admin.register(models.Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "programme", "signer_name", "signed_on", "revoked_at"]
    list_filter = ["programme"]
    search_fields = ["organisation__name", "signer_name"]


@admin.register(models.Certification)
class CertificationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "issuer", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["organisation__name", "issuer"]


class QualityCriterionInline(admin.StackedInline):
    model = models.QualityCriterion
    formfield_overrides = {
        i18n_fields.I18nTextField: {"widget": i18n_forms.I18nTextarea},
        i18n_fields.I18nCharField: {"widget": i18n_forms.I18nTextInput},
    }
    extra = 0


@admin.register(models.QualityStandard)
class QualityStandardAdmin(I18nModelAdmin):
    list_display = ["programme", "version", "published_at"]
    inlines = [QualityCriterionInline]


@admin.register(models.SelfAssessment)
class SelfAssessmentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "standard", "status", "label_valid_until"]
    list_filter = ["status"]


class CourseRunInline(admin.TabularInline):
    model = models.CourseRun
    extra = 0
    fields = ["start_date", "end_date", "schedule", "city", "price", "seats"]


@admin.register(models.Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "format", "language"]
    list_filter = ["status", "format"]
    search_fields = ["title", "organisation__name"]
    inlines = [CourseRunInline]


@admin.register(models.ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["original_name", "organisation", "status", "total_rows", "created"]
    list_filter = ["status"]
