"""Pages of good practice: the programme's list, writing and editing a practice with its
attachments, the practice's page in the requested language, and its translations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation as translation_utils
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.programmes.rules import get_programme_for
from netzwerkstatt.vocabularies import regions

from . import queries, services
from .catalogue_views import public_context
from .forms import AttachmentForm, PracticeForm, TranslationForm
from .models import LONG_TEXT_FIELDS, TEXT_FIELDS, Practice, PracticeTranslation
from .rules import get_practice_for


@login_required
def practice_list(request: HttpRequest, programme: str) -> HttpResponse:
    """The programme's practices for its people: all they may see, or their organisations' own,
    filtered by status."""
    programme_ = get_programme_for(request.user, programme, "practices.view_practices")
    runs = request.user.has_perm("programmes.change_programme", programme_)
    practices = queries.visible_practices(request.user, programme_, runs_programme=runs)
    mine = request.GET.get("mine") == "1"
    if mine:
        practices = practices.filter(
            organisation__in=queries.own_organisations(request.user, programme_)
        )
    status = request.GET.get("status", "")
    if status in Practice.Status.values:
        practices = practices.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "practices/list.html",
        {
            "programme": programme_,
            "practices": list(practices),
            "mine": mine,
            "status": status,
            "statuses": Practice.Status.choices,
            "can_add": request.user.has_perm("practices.add_practice", programme_),
            "can_manage_criteria": runs,
        },
    )


@login_required
def practice_create(request: HttpRequest, programme: str) -> HttpResponse:
    programme_ = get_programme_for(request.user, programme, "practices.add_practice")
    organisations = list(queries.own_organisations(request.user, programme_))
    if not organisations:
        raise PermissionDenied
    form = PracticeForm(
        request.POST or None,
        programme=programme_,
        organisations=queries.own_organisations(request.user, programme_),
        initial={"language": (translation_utils.get_language() or "en")[:2]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.create_practice(
                actor=request.user,
                programme=programme_,
                organisation=form.cleaned_data["organisation"],
                data=form.data_for_service(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The practice was saved as a draft."))
            return redirect(practice.url("edit"))
    return render(
        request,
        "practices/form.html",
        {"programme": programme_, "form": form, "practice": None},
    )


@login_required
def practice_edit(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """The template in fieldsets, the attachments and the versions kept. Only drafts and
    practices sent back for revision change."""
    practice = get_practice_for(request.user, programme, slug, "practices.change_practice")
    action = request.POST.get("action", "save") if request.method == "POST" else ""
    if action and not practice.is_editable:
        raise PermissionDenied
    form = PracticeForm(
        request.POST if action == "save" else None,
        instance=practice,
        programme=practice.programme,
        organisations=None,
    )
    attachment_form = AttachmentForm(
        request.POST if action == "attachment" else None,
        request.FILES if action == "attachment" else None,
    )
    conflict, stored = False, None
    if action == "save" and form.is_valid():
        try:
            services.update_practice(
                actor=request.user,
                practice=practice,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            stored = Practice.objects.get(pk=practice.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The practice was saved."))
            return redirect(practice.url("edit"))
    if action == "attachment" and attachment_form.is_valid():
        try:
            services.add_attachment(
                actor=request.user, practice=practice, upload=attachment_form.cleaned_data["file"]
            )
        except ValidationError as error:
            attachment_form.add_error("file", error)
        else:
            messages.success(request, _("The document was added."))
            return redirect(practice.url("edit"))
    if action == "remove_attachment":
        item = get_object_or_404(practice.attachments, pk=request.POST.get("attachment"))
        services.remove_attachment(actor=request.user, practice=practice, attachment=item)
        messages.success(request, _("The document was removed."))
        return redirect(practice.url("edit"))
    return render(
        request,
        "practices/form.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "form": form,
            "attachment_form": attachment_form,
            "attachments": list(practice.attachments.all()),
            "versions": list(practice.versions.select_related("created_by")[:20]),
            "conflict": conflict,
            "stored": stored,
        },
    )


@require_POST
@login_required
def practice_submit(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """``draft | revision_requested -> in_assessment``."""
    practice = get_practice_for(request.user, programme, slug, "practices.change_practice")
    try:
        services.submit_practice(actor=request.user, practice=practice)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(practice.url("edit"))
    messages.success(request, _("The practice was submitted for assessment."))
    return redirect(practice.get_absolute_url())


def _sections(source) -> list[tuple[str, str, str]]:
    """(field, heading, text) of the long texts that are filled in."""
    return [
        (field, Practice._meta.get_field(field).verbose_name, getattr(source, field))
        for field in LONG_TEXT_FIELDS
        if getattr(source, field)
    ]


def _practice_or_none(request: HttpRequest, programme: str, slug: str) -> Practice | None:
    """The practice if this person may see it. A published practice of a public programme is
    public; for anything else a visitor gets None and is asked to sign in (the owners follow
    links from e-mails), as ``login_required`` did; signed-in people who may not see it, 404."""
    try:
        return get_practice_for(request.user, programme, slug, "practices.view_practice")
    except Http404:
        if request.user.is_authenticated:
            raise
        return None


def practice_detail(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """The practice in the requested language (``?lang=``, else the interface language) when a
    translation exists, marked as translated from the original language. A published practice
    carries its schema.org JSON-LD, share links and where it has been transferred."""
    practice = _practice_or_none(request, programme, slug)
    if practice is None:
        return redirect_to_login(request.get_full_path())
    translations = list(practice.translations.select_related("translator"))
    practice._prefetched_objects_cache = {"translations": translations}
    requested = request.GET.get("lang") or (translation_utils.get_language() or "")[:2]
    shown = queries.text_in(practice, requested)
    source = shown or practice
    user = request.user
    return render(
        request,
        "practices/detail.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "shown": shown,
            "text": source,
            "sections": _sections(source),
            "languages": [
                (practice.language, practice.language_name, shown is None),
                *((t.language, t.language_name, t == shown) for t in translations),
            ],
            "themes": list(practice.themes.all()),
            "attachments": list(practice.attachments.all()),
            "conclusions": list(practice.conclusions.all()[:1]),
            "can_edit": user.has_perm("practices.change_practice", practice)
            and practice.is_editable,
            "can_translate": user.has_perm("practices.translate_practice", practice),
            "can_assign": user.has_perm("practices.assign_assessors", practice),
            "can_answer": user.has_perm("practices.answer_assessments", practice),
            "my_assessment": practice.assessments.filter(assessor=user).first()
            if user.is_authenticated
            else None,
            **public_context(request, practice),
        },
    )


def attachment(request: HttpRequest, programme: str, slug: str, attachment_id: int) -> HttpResponse:
    practice = _practice_or_none(request, programme, slug)
    if practice is None:
        return redirect_to_login(request.get_full_path())
    item = get_object_or_404(practice.attachments, pk=attachment_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.original_name)


def _missing_languages(practice: Practice) -> list[str]:
    """The programme's working languages (and DE/IT/EN) without a translation yet."""
    taken = {practice.language, *practice.translations.values_list("language", flat=True)}
    wanted = [*practice.programme.working_languages, "de", "it", "en"]
    return [code for code in dict.fromkeys(wanted) if code not in taken]


@login_required
def translations(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """The practice's translations, and a form to add one into a missing language."""
    practice = get_practice_for(request.user, programme, slug, "practices.translate_practice")
    missing = _missing_languages(practice)
    form = TranslationForm(
        request.POST or None,
        languages=missing,
        initial={f: getattr(practice, f) for f in TEXT_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.add_translation(
                actor=request.user,
                practice=practice,
                language=form.cleaned_data["language"],
                data=form.data_for_service(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("The translation into %(language)s was saved.")
                % {"language": item.language_name},
            )
            return redirect(practice.url("translations"))
    return render(
        request,
        "practices/translations.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "items": list(practice.translations.select_related("translator")),
            "form": form if missing else None,
        },
    )


@login_required
def translation_edit(
    request: HttpRequest, programme: str, slug: str, language: str
) -> HttpResponse:
    practice = get_practice_for(request.user, programme, slug, "practices.translate_practice")
    item = get_object_or_404(PracticeTranslation, practice=practice, language=language)
    item.practice = practice
    form = TranslationForm(request.POST or None, instance=item, languages=[])
    conflict, stored = False, None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_translation(
                actor=request.user,
                translation=item,
                data=form.data_for_service(),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEdit:
            conflict = True
            stored = PracticeTranslation.objects.get(pk=item.pk)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The translation was saved."))
            return redirect(practice.url("translations"))
    return render(
        request,
        "practices/translation_form.html",
        {
            "programme": practice.programme,
            "practice": practice,
            "item": item,
            "form": form,
            "conflict": conflict,
            "stored": stored,
            "original_language": regions.language_name(practice.language),
        },
    )
