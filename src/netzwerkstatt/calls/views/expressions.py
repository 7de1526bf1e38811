"""Actor groups and their expressions of interest: starting one, the group's overview, its
profile, the answers (saved as people type), partners, submission and withdrawal, and a partner
organisation's answer to its invitation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.forms import VersionedForm
from netzwerkstatt.organisations.models import Membership, Organisation
from netzwerkstatt.organisations.rules import is_organisation_member
from netzwerkstatt.vocabularies import regions

from ..forms.answers import answer_form, choice_label, field_name
from ..forms.expressions import (
    GroupProfileForm,
    PartnerInviteForm,
    StartForm,
    draft_answers,
    mark_required,
    stored_answers_form,
)
from ..models import ActorGroup, AnswerFile, Call, ExpressionOfInterest, GroupMember, Question
from ..rules import get_call_for, get_group_for, may
from ..services import expressions as services

# Helpers ----------------------------------------------------------------------------------------


def _group_url(group: ActorGroup, name: str = "calls:group") -> str:
    call = group.call
    return reverse(
        name, kwargs={"programme": call.programme.slug, "slug": call.slug, "group_id": group.pk}
    )


def _group(request: HttpRequest, programme: str, slug: str, group_id: int, perm: str):
    call = get_call_for(request.user, programme, slug, "calls.view_call")
    group = get_group_for(request.user, call, group_id, perm)
    group.call = call  # keeps the programme fetched with the call
    expression = get_object_or_404(ExpressionOfInterest, group=group)
    expression.group = group
    return call, group, expression


def _locked(group: ActorGroup, expression) -> HttpResponse | None:
    """Pages that change the group send people back to the overview once nothing can change;
    the overview says why."""
    if services.why_locked(expression):
        return redirect(_group_url(group))
    return None


def _answer_rows(expression, questions, files: dict) -> list[dict]:
    """The stored answers ready to read: choice labels instead of values, files as rows."""
    rows = []
    for question in questions:
        value = expression.answers.get(str(question.pk))
        if question.kind in (Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE):
            labels = {c["value"]: choice_label(c) for c in question.choices}
            values = value if isinstance(value, list) else [value] if value else []
            value = ", ".join(str(labels.get(v, v)) for v in values)
        rows.append({"question": question, "value": value, "file": files.get(question.pk)})
    return rows


def _field_rows(form, files: dict) -> list[dict]:
    mark_required(form)
    return [
        {"field": form[field_name(q)], "question": q, "file": files.get(q.pk)}
        for q in form.questions
    ]


def _files(expression) -> dict:
    return {f.question_id: f for f in expression.files.all()}


def _non_field(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for e in error.error_dict.get(NON_FIELD_ERRORS, []) for m in e.messages]
    return list(error.messages)


# Starting -------------------------------------------------------------------------------------


@login_required
def start(request: HttpRequest, programme: str, slug: str) -> HttpResponse:
    """Choose the lead organisation among one's own; say what is missing when none qualifies."""
    call = get_call_for(request.user, programme, slug, "calls.apply_to_call")
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    organisations = [m.organisation for m in memberships]
    places: dict[int, list[GroupMember]] = {}
    for place in GroupMember.objects.filter(
        group__call=call, organisation__in=organisations
    ).select_related("group__expression"):
        places.setdefault(place.organisation_id, []).append(place)
    rows = []
    for organisation in organisations:
        taken = [
            p
            for p in places.get(organisation.pk, [])
            if p.role == GroupMember.Role.LEAD
            or (
                p.status == GroupMember.Status.CONFIRMED
                and p.group.expression.status != ExpressionOfInterest.Status.WITHDRAWN
            )
        ]
        rows.append(
            {
                "organisation": organisation,
                "group": taken[0] if taken else None,
                "invitations": [
                    p
                    for p in places.get(organisation.pk, [])
                    if p.status == GroupMember.Status.INVITED
                ],
                "problems": services.eligibility_problems(call, organisation, lead=True),
            }
        )
    eligible = [r["organisation"].pk for r in rows if not r["problems"] and r["group"] is None]
    form = StartForm(
        request.POST or None,
        organisations=Organisation.objects.filter(pk__in=eligible).order_by("name"),
    )
    if request.method == "POST" and call.is_open and form.is_valid():
        try:
            expression = services.start_expression(
                actor=request.user,
                call=call,
                lead=form.cleaned_data["lead"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Your actor group was created. Invite partners, describe the group and "
                    "answer the questions; then submit before the call closes."
                ),
            )
            return redirect(_group_url(expression.group))
    return render(
        request,
        "calls/expressions/start.html",
        {"call": call, "rows": rows, "form": form, "can_start": bool(eligible)},
    )


# The group --------------------------------------------------------------------------------------


@login_required
def group(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    call, group, expression = _group(request, programme, slug, group_id, "calls.view_group")
    can_edit = may(request.user, "calls.edit_group", group)
    leads = can_edit and services.leads_the_group(request.user, group)
    locked = services.why_locked(expression)
    files = _files(expression)
    questions = list(call.questions.all())
    problems: dict = {}
    if can_edit and not locked and expression.status == ExpressionOfInterest.Status.DRAFT:
        problems = services.submission_errors(expression)
    answer_problems = [q for q in questions if field_name(q) in problems]
    return render(
        request,
        "calls/expressions/group.html",
        {
            "call": call,
            "group": group,
            "expression": expression,
            "members": group.members.select_related("organisation", "answered_by"),
            "themes": group.themes.all(),
            "preferred_regions": [regions.region_name(r) for r in group.preferred_regions],
            "working_languages": [regions.language_name(c) for c in group.working_languages],
            "answers": _answer_rows(expression, questions, files),
            "can_edit": can_edit and not locked,
            "leads": leads and not locked,
            "locked": locked,
            "answer_problems": answer_problems,
            "other_problems": problems.get(NON_FIELD_ERRORS, []),
            "can_submit": not problems,
            "screening": request.user.has_perm("calls.screen_call", call)
            and expression.status
            not in (
                ExpressionOfInterest.Status.DRAFT,
                ExpressionOfInterest.Status.WITHDRAWN,
            ),
        },
    )


@login_required
def profile(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if response := _locked(group, expression):
        return response
    form = GroupProfileForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(
                actor=request.user,
                group=group,
                data=form.profile_data(),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect(_group_url(group))
    return render(
        request,
        "calls/expressions/profile.html",
        {"call": call, "group": group, "expression": expression, "form": form},
    )


@login_required
def group_file(
    request: HttpRequest, programme: str, slug: str, group_id: int, file_id: int
) -> FileResponse:
    """A file the group uploaded, for the people who may view the group."""
    *_, expression = _group(request, programme, slug, group_id, "calls.view_group")
    answer = get_object_or_404(AnswerFile, expression=expression, pk=file_id)
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=answer.original_name)


# Answers ----------------------------------------------------------------------------------------


def _render_answers(request, call, group, expression, form, **extra) -> HttpResponse:
    return render(
        request,
        "calls/expressions/answers.html",
        {
            "call": call,
            "group": group,
            "expression": expression,
            "form": form,
            "rows": _field_rows(form, _files(expression)),
            "version": expression.version,
            "leads": services.leads_the_group(request.user, group),
            "is_draft": expression.status == ExpressionOfInterest.Status.DRAFT,
            **extra,
        },
    )


def _submission_refused(request, call, group, expression, error: ValidationError):
    """Show why a submission was refused: answer problems next to their fields, the rest above."""
    form = stored_answers_form(expression, require=True)
    form.is_valid()
    for message in _non_field(error):
        form.add_error(None, message)
    messages.error(request, _("The expression of interest was not submitted."))
    return _render_answers(request, call, group, expression, form)


@login_required
def answers(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    """The answer form. Without JavaScript, "Save draft" saves; with it, the form also saves
    itself while people type (``autosave``)."""
    call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if response := _locked(group, expression):
        return response
    submitted = expression.status == ExpressionOfInterest.Status.SUBMITTED
    if request.method != "POST":
        form = answer_form(call, expression=expression, require=submitted)
        return _render_answers(request, call, group, expression, form)

    form = answer_form(
        call, data=request.POST, files=request.FILES, expression=expression, require=submitted
    )
    valid = form.is_valid()
    version = VersionedForm(request.POST)
    if not version.is_valid():
        form.add_error(None, _("This form is out of date. Reload the page, please."))
        return _render_answers(request, call, group, expression, form)
    if submitted and not valid:
        # A submitted expression stays complete: nothing is saved until every answer fits.
        return _render_answers(request, call, group, expression, form)
    answers_ = form.answers() if submitted else draft_answers(form, expression.answers)
    try:
        expression = services.save_draft_answers(
            actor=request.user,
            expression=expression,
            answers=answers_,
            files=form.uploads(),
            expected_version=version.cleaned_data["version"],
        )
    except ConcurrentEdit as error:
        form.add_error(None, error)
        return _render_answers(
            request,
            call,
            group,
            expression,
            form,
            conflict=True,
            version=version.cleaned_data["version"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_answers(request, call, group, expression, form)
    expression.group = group
    if not valid:
        messages.warning(
            request,
            _(
                "The draft was saved. Some answers do not meet the rules yet: see the marked "
                "fields."
            ),
        )
        return _render_answers(request, call, group, expression, form)
    if "submit" in request.POST and not submitted:
        try:
            services.submit_expression(actor=request.user, expression=expression)
        except ValidationError as error:
            return _submission_refused(request, call, group, expression, error)
        messages.success(request, _("The expression of interest was submitted."))
        return redirect(_group_url(group))
    messages.success(
        request, _("Your changes were saved.") if submitted else _("The draft was saved.")
    )
    return redirect(_group_url(group))


@require_POST
@login_required
def autosave(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    """Save the draft while people type (htmx). Answers the status line shown next to the
    buttons, and swaps in the new version and any uploaded file out of band."""
    call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if not request.htmx:
        # Only the page's script posts here; a plain form post goes back to the form.
        return answers(request, programme, slug, group_id)
    context = {"call": call, "group": group, "expression": expression}
    reason = services.why_locked(expression)
    if reason:
        return render(
            request, "calls/expressions/_autosave.html", {**context, "locked": reason}, status=409
        )
    submitted = expression.status == ExpressionOfInterest.Status.SUBMITTED
    form = answer_form(
        call, data=request.POST, files=request.FILES, expression=expression, require=submitted
    )
    valid = form.is_valid()
    version = VersionedForm(request.POST)
    if not version.is_valid():
        return render(
            request, "calls/expressions/_autosave.html", {**context, "conflict": True}, status=409
        )
    invalid = [str(q.label) for q in form.questions if field_name(q) in form.errors]
    if submitted and not valid:
        return render(
            request,
            "calls/expressions/_autosave.html",
            {**context, "not_saved": invalid},
            status=422,
        )
    answers_ = form.answers() if submitted else draft_answers(form, expression.answers)
    try:
        expression = services.save_draft_answers(
            actor=request.user,
            expression=expression,
            answers=answers_,
            files=form.uploads(),
            expected_version=version.cleaned_data["version"],
        )
    except ConcurrentEdit:
        return render(
            request, "calls/expressions/_autosave.html", {**context, "conflict": True}, status=409
        )
    except ValidationError as error:
        return render(
            request,
            "calls/expressions/_autosave.html",
            {**context, "not_saved": error.messages},
            status=422,
        )
    expression.group = group
    file_rows = []
    if request.FILES:
        files = _files(expression)
        file_rows = [
            row for row in _field_rows(form, files) if row["question"].kind == Question.Kind.FILE
        ]
    return render(
        request,
        "calls/expressions/_autosave.html",
        {
            **context,
            "expression": expression,
            "saved_at": timezone.localtime(expression.updated),
            "invalid": invalid,
            "file_rows": file_rows,
        },
    )


# Partners ---------------------------------------------------------------------------------------


@login_required
def partners(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    """The lead's members invite organisations of the same country from the directory."""
    call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if response := _locked(group, expression):
        return response
    leads = services.leads_the_group(request.user, group)
    search = request.GET.get("q", "").strip()[:100]
    form = PartnerInviteForm(
        request.POST if request.method == "POST" and "remove" not in request.POST else None,
        group=group,
        search="" if request.method == "POST" else search,
    )
    if request.method == "POST":
        if not leads:
            raise PermissionDenied
        if "remove" in request.POST:
            member = get_object_or_404(
                group.members.select_related("organisation"),
                pk=request.POST["remove"] if request.POST["remove"].isdigit() else 0,
                role=GroupMember.Role.PARTNER,
            )
            try:
                services.remove_partner(actor=request.user, member=member)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("%(name)s is no longer in the group.") % {"name": member.organisation.name},
                )
            return redirect(_group_url(group, "calls:group_partners"))
        if form.is_valid():
            try:
                services.invite_partner(
                    actor=request.user,
                    group=group,
                    organisation=form.cleaned_data["organisation"],
                    email=form.cleaned_data["email"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Invitation for %(name)s sent to %(email)s.")
                    % {
                        "name": form.cleaned_data["organisation"].name,
                        "email": form.cleaned_data["email"],
                    },
                )
                return redirect(_group_url(group, "calls:group_partners"))
    return render(
        request,
        "calls/expressions/partners.html",
        {
            "call": call,
            "group": group,
            "expression": expression,
            "members": group.members.select_related("organisation", "answered_by"),
            "form": form,
            "leads": leads,
            "search": search,
        },
    )


# Submission and withdrawal ----------------------------------------------------------------------


@require_POST
@login_required
def submit(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if not services.leads_the_group(request.user, group):
        raise PermissionDenied
    if response := _locked(group, expression):
        return response
    if expression.status != ExpressionOfInterest.Status.DRAFT:
        messages.info(request, _("This expression of interest was submitted already."))
        return redirect(_group_url(group))
    try:
        services.submit_expression(actor=request.user, expression=expression)
    except ValidationError as error:
        return _submission_refused(request, call, group, expression, error)
    messages.success(
        request,
        _(
            "The expression of interest was submitted. Everyone in the group receives a "
            "confirmation by e-mail. You can still change it until the call closes."
        ),
    )
    return redirect(_group_url(group))


@require_POST
@login_required
def withdraw(request: HttpRequest, programme: str, slug: str, group_id: int) -> HttpResponse:
    _call, group, expression = _group(request, programme, slug, group_id, "calls.edit_group")
    if not services.leads_the_group(request.user, group):
        raise PermissionDenied
    if response := _locked(group, expression):
        return response
    try:
        services.withdraw_expression(actor=request.user, expression=expression)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The expression of interest was withdrawn."))
    return redirect(_group_url(group))


# A partner's answer ---------------------------------------------------------------------------


def _call(programme: str, slug: str) -> Call:
    return get_object_or_404(
        Call.objects.select_related("programme"), programme__slug=programme, slug=slug
    )


def partner_answer(request: HttpRequest, programme: str, slug: str, token: str) -> HttpResponse:
    """The link in the invitation e-mail. Whoever holds it sees the invitation; a signed-in
    member of the invited organisation answers it."""
    call = _call(programme, slug)
    member = services.find_partner_invitation(call, token)
    if member is None:
        return render(
            request,
            "calls/expressions/partner_answer.html",
            {"call": call, "state": "invalid"},
            status=410,
        )
    return _invitation_page(request, call, member)


@login_required
def partner_invitation(
    request: HttpRequest, programme: str, slug: str, member_id: int
) -> HttpResponse:
    """The same invitation, reached from the dashboard by a member of the invited organisation
    (the link itself exists only in the e-mail)."""
    call = _call(programme, slug)
    member = get_object_or_404(
        GroupMember.objects.select_related("group__lead", "group__expression", "organisation"),
        pk=member_id,
        group__call=call,
        role=GroupMember.Role.PARTNER,
    )
    if not is_organisation_member(request.user, member.organisation):
        raise Http404
    return _invitation_page(request, call, member)


def _invitation_page(request: HttpRequest, call: Call, member: GroupMember) -> HttpResponse:
    group = member.group
    group.call = call
    expression = group.expression
    expression.group = group
    user = request.user
    if services.why_locked(expression):
        state = "closed"
    elif member.status != GroupMember.Status.INVITED:
        state = "answered"
    elif not user.is_authenticated:
        state = "sign_in"
    elif not is_organisation_member(user, member.organisation):
        state = "not_member"
    else:
        state = "open"
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        answer = request.POST.get("answer")
        if state != "open" or answer not in ("confirm", "decline"):
            return redirect(request.path)
        try:
            services.answer_partner_invitation(
                actor=user, member=member, confirm=answer == "confirm"
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        if answer == "confirm":
            messages.success(
                request,
                _("%(name)s now belongs to the group %(group)s.")
                % {"name": member.organisation.name, "group": group.name},
            )
            return redirect(_group_url(group))
        messages.info(
            request,
            _("You declined the invitation for %(name)s.") % {"name": member.organisation.name},
        )
        return redirect("core:dashboard")
    return render(
        request,
        "calls/expressions/partner_answer.html",
        {
            "call": call,
            "group": group,
            "member": member,
            "state": state,
            "locked": services.why_locked(expression),
            "confirmed_partners": [
                m
                for m in group.members.select_related("organisation")
                if m.status == GroupMember.Status.CONFIRMED
            ],
        },
    )
