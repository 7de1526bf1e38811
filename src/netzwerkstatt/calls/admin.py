from django.contrib import admin
from i18nfield import fields, forms
from i18nfield.admin import I18nModelAdmin

from .models import (
    ActorGroup,
    AnswerFile,
    Call,
    ExpressionOfInterest,
    GroupMember,
    Question,
    RubricCriterion,
    ScreeningCriterion,
)

I18N_WIDGETS = {
    fields.I18nTextField: {"widget": forms.I18nTextarea},
    fields.I18nCharField: {"widget": forms.I18nTextInput},
}


class QuestionInline(admin.StackedInline):
    formfield_overrides = I18N_WIDGETS
    model = Question
    extra = 0


class ScreeningCriterionInline(admin.TabularInline):
    formfield_overrides = I18N_WIDGETS
    model = ScreeningCriterion
    extra = 0


class RubricCriterionInline(admin.TabularInline):
    formfield_overrides = I18N_WIDGETS
    model = RubricCriterion
    extra = 0


@admin.register(Call)
class CallAdmin(I18nModelAdmin):
    list_display = ["title", "programme", "status", "opens_at", "closes_at"]
    list_filter = ["status", "programme"]
    search_fields = ["title", "slug", "programme__name"]
    list_select_related = ["programme"]
    inlines = [QuestionInline, ScreeningCriterionInline, RubricCriterionInline]


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    autocomplete_fields = ["organisation"]
    readonly_fields = ["token_hash"]


@admin.register(ActorGroup)
class ActorGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "call", "country", "lead"]
    list_filter = ["country", "call"]
    search_fields = ["name", "lead__name"]
    list_select_related = ["call", "lead"]
    inlines = [GroupMemberInline]


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(admin.ModelAdmin):
    list_display = ["group", "status", "screening_decision", "submitted_at", "updated"]
    list_filter = ["status", "screening_decision", "group__call"]
    search_fields = ["group__name", "group__lead__name"]
    list_select_related = ["group"]


@admin.register(AnswerFile)
class AnswerFileAdmin(admin.ModelAdmin):
    list_display = ["original_name", "expression", "question", "size", "uploaded"]
    search_fields = ["original_name", "expression__group__name"]
    list_filter = ["uploaded"]
    list_select_related = ["expression__group", "question"]
