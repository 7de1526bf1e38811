"""Expressions of interest: who sees and changes a group, a closed call, drafts saved while
people type (and a colleague's concurrent edit), uploaded files, query counts and the dashboard."""

import datetime
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.calls.models import Call, ExpressionOfInterest, GroupMember, Question
from netzwerkstatt.calls.services import expressions as services
from netzwerkstatt.core.models import AuditEntry
from tests.factories import (
    ActorGroupFactory,
    CallFactory,
    ExpressionFactory,
    GroupMemberFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def url(name: str, group, **kwargs) -> str:
    call = group.call
    return reverse(
        name,
        kwargs={
            "programme": call.programme.slug,
            "slug": call.slug,
            "group_id": group.pk,
            **kwargs,
        },
    )


def pdf(name="plan.pdf", body=b"%PDF-1.4 one") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


@pytest.fixture
def call(world):
    call = CallFactory(programme=world.programme)
    QuestionFactory(
        call=call,
        position=1,
        kind=Question.Kind.LONG_TEXT,
        label=LazyI18nString({"en": "Why this network?"}),
    )
    QuestionFactory(
        call=call,
        position=2,
        kind=Question.Kind.FILE,
        file_types=["pdf"],
        label=LazyI18nString({"en": "Letter of intent"}),
    )
    return call


@pytest.fixture
def group(world, call):
    """A draft led by the world's organisation (member and org_admin belong to it)."""
    expression = services.start_expression(
        actor=world.member, call=call, lead=world.organisation, name="Nordhessen dual"
    )
    return expression.group


def text_field(call) -> str:
    return f"q_{call.questions.get(kind='long_text').pk}"


def file_field(call) -> str:
    return f"q_{call.questions.get(kind='file').pk}"


def close(call) -> None:
    Call.objects.filter(pk=call.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )


# Who sees and changes a group -------------------------------------------------------------------

EDIT_PAGES = ("calls:group_profile", "calls:group_answers", "calls:group_partners")


@pytest.mark.parametrize("page", ["calls:group", *EDIT_PAGES])
def test_members_of_another_group_and_outsiders_do_not_find_the_group(client, world, group, page):
    other = ActorGroupFactory(call=group.call, country="DE")
    ExpressionFactory(group=other, status="draft")
    stranger = MembershipFactory(organisation=other.lead).user

    for person in (stranger, world.outsider, world.committee_member):
        client.force_login(person)
        assert client.get(url(page, group)).status_code == 404


def test_a_group_member_does_not_find_another_groups_pages_by_its_number(client, world, group):
    other = ActorGroupFactory(call=group.call, country="DE")
    ExpressionFactory(group=other, status="draft")
    client.force_login(world.member)

    assert client.get(url("calls:group", other)).status_code == 404
    assert client.post(url("calls:group_submit", other)).status_code == 404


def test_coordinators_view_a_group_but_do_not_change_it(client, world, group):
    client.force_login(world.coordinator)

    page = client.get(url("calls:group", group)).content.decode()
    edits = [client.get(url(name, group)).status_code for name in EDIT_PAGES]
    posts = [
        client.post(url(name, group), {"version": 1}).status_code
        for name in ("calls:group_answers", "calls:group_submit", "calls:group_withdraw")
    ]

    assert "Nordhessen dual" in page
    assert "Berufliche Schulen Kassel" in page
    assert url("calls:group_answers", group) not in page
    assert "Withdraw" not in page
    assert edits == [403, 403, 403]
    assert posts == [403, 403, 403]
    assert ExpressionOfInterest.objects.get(group=group).status == "draft"


def test_an_invited_organisation_sees_the_group_only_after_confirming(client, world, group):
    partner = GroupMemberFactory(group=group, status="invited")
    person = MembershipFactory(organisation=partner.organisation).user
    client.force_login(person)

    before = client.get(url("calls:group", group)).status_code
    invitation = client.get(
        reverse(
            "calls:partner_invitation",
            kwargs={
                "programme": group.call.programme.slug,
                "slug": group.call.slug,
                "member_id": partner.pk,
            },
        )
    )
    services.answer_partner_invitation(actor=person, member=partner, confirm=True)

    assert before == 404
    assert "Confirm: " in invitation.content.decode()
    assert client.get(url("calls:group", group)).status_code == 200


# A closed call ----------------------------------------------------------------------------------


def test_a_closed_call_leaves_everything_read_only(client, world, group, call):
    partner = GroupMemberFactory(group=group, status="invited")
    expression = group.expression
    close(call)
    client.force_login(world.member)

    overview = client.get(url("calls:group", group)).content.decode()
    edit_pages = [client.get(url(name, group), follow=True) for name in EDIT_PAGES]
    autosave = client.post(
        url("calls:group_autosave", group),
        {"version": expression.version, text_field(call): "zu spät"},
        headers=HTMX,
    )
    submitted = client.post(url("calls:group_submit", group), follow=True)
    withdrawn = client.post(url("calls:group_withdraw", group), follow=True)
    invited = client.post(
        url("calls:group_partners", group),
        {"organisation": OrganisationFactory(country="DE").pk, "email": "a@b.example.org"},
    )

    assert "The call closed on" in overview
    assert url("calls:group_answers", group) not in overview
    assert all(
        "the expression of interest can no longer be changed." in r.content.decode()
        and r.redirect_chain[-1][0] == url("calls:group", group)
        for r in edit_pages
    )
    assert autosave.status_code == 409
    assert "Not saved:" in autosave.content.decode()
    assert "The call closed on" in submitted.content.decode()
    assert "The call closed on" in withdrawn.content.decode()
    assert invited.status_code == 302
    expression.refresh_from_db()
    assert (expression.status, expression.answers) == ("draft", {})
    assert list(group.members.values_list("status", flat=True)) == ["confirmed", "invited"]
    partner_person = MembershipFactory(organisation=partner.organisation).user
    with pytest.raises(services.ValidationError, match="The call closed on"):
        services.answer_partner_invitation(actor=partner_person, member=partner, confirm=True)


def test_the_partner_link_says_the_call_has_closed(client, world, group, call):
    partner = GroupMemberFactory(group=group, status="invited", token_hash=services.token_hash("t"))
    person = MembershipFactory(organisation=partner.organisation).user
    close(call)
    client.force_login(person)
    link = reverse(
        "calls:partner_answer",
        kwargs={"programme": call.programme.slug, "slug": call.slug, "token": "t"},
    )

    page = client.get(link).content.decode()
    client.post(link, {"answer": "confirm"})

    assert "The call closed on" in page
    assert 'value="confirm"' not in page
    assert GroupMember.objects.get(pk=partner.pk).status == "invited"


# Drafts saved while people type ---------------------------------------------------------------


def test_the_answer_form_saves_itself_with_htmx_and_keeps_a_browser_draft(client, world, group):
    client.force_login(world.member)

    page = client.get(url("calls:group_answers", group)).content.decode()

    assert f'hx-post="{url("calls:group_autosave", group)}"' in page
    assert 'hx-trigger="input changed delay:1500ms, change delay:1500ms"' in page
    assert 'hx-target="#autosave-status"' in page
    assert 'id="autosave-status"' in page and 'aria-live="polite"' in page
    assert f'data-draft="expression-{group.expression.pk}"' in page
    assert "Save draft" in page


def test_autosave_keeps_partial_answers_without_requiring_the_rest(client, world, group, call):
    client.force_login(world.member)
    expression = group.expression

    response = client.post(
        url("calls:group_autosave", group),
        {"version": expression.version, text_field(call): "Ein Anfang"},
        headers=HTMX,
    )

    expression.refresh_from_db()
    assert response.status_code == 200
    assert "Draft saved at" in response.content.decode()
    assert expression.answers == {text_field(call)[2:]: "Ein Anfang"}
    assert AuditEntry.objects.get(action="expression.draft_saved").changes == {
        f"answer {text_field(call)[2:]}": {"old": None, "new": "Ein Anfang"}
    }


def test_autosave_without_changes_writes_nothing(client, world, group, call):
    client.force_login(world.member)
    version = group.expression.version

    client.post(url("calls:group_autosave", group), {"version": version}, headers=HTMX)

    assert ExpressionOfInterest.objects.get(group=group).version == version
    assert not AuditEntry.objects.filter(action="expression.draft_saved").exists()


def test_a_colleagues_concurrent_edit_is_detected_and_nothing_is_overwritten(
    client, world, group, call
):
    opened_at = group.expression.version
    # A colleague saves first.
    client.force_login(world.org_admin)
    client.post(
        url("calls:group_autosave", group),
        {"version": opened_at, text_field(call): "Version der Kollegin"},
        headers=HTMX,
    )
    client.force_login(world.member)

    autosave = client.post(
        url("calls:group_autosave", group),
        {"version": opened_at, text_field(call): "Meine Version"},
        headers=HTMX,
    )
    saved = client.post(
        url("calls:group_answers", group),
        {"version": opened_at, text_field(call): "Meine Version"},
    )

    assert autosave.status_code == 409
    assert "someone in your group changed these answers" in autosave.content.decode()
    assert f'href="{url("calls:group_answers", group)}"' in autosave.content.decode()
    assert '<div id="answer-alerts" hx-swap-oob="true">' in autosave.content.decode()
    assert saved.status_code == 200
    assert "Nothing of yours was saved" in saved.content.decode()
    assert "Reload the page" in saved.content.decode()
    assert ExpressionOfInterest.objects.get(group=group).answers == {
        text_field(call)[2:]: "Version der Kollegin"
    }


def test_a_draft_keeps_text_beyond_the_word_limit_and_marks_it(client, world, group, call):
    Question.objects.filter(call=call, kind="long_text").update(max_words=3)
    client.force_login(world.member)

    response = client.post(
        url("calls:group_answers", group),
        {"version": group.expression.version, text_field(call): "eins zwei drei vier"},
    )

    assert response.status_code == 200
    assert "At most 3 words, please; this text has 4." in response.content.decode()
    assert "The draft was saved." in response.content.decode()
    assert ExpressionOfInterest.objects.get(group=group).answers == {
        text_field(call)[2:]: "eins zwei drei vier"
    }


def test_a_plain_post_to_autosave_goes_back_to_the_overview(client, world, group, call):
    client.force_login(world.member)

    response = client.post(
        url("calls:group_autosave", group),
        {"version": group.expression.version, text_field(call): "ohne JavaScript"},
    )

    assert response.status_code == 302
    assert ExpressionOfInterest.objects.get(group=group).answers == {
        text_field(call)[2:]: "ohne JavaScript"
    }


# Uploaded files -----------------------------------------------------------------------------------


def test_an_uploaded_file_is_stored_and_a_new_one_replaces_it(
    client, world, group, call, django_capture_on_commit_callbacks
):
    client.force_login(world.member)
    expression = group.expression

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("calls:group_autosave", group),
            {"version": expression.version, file_field(call): pdf("erster.pdf")},
            headers=HTMX,
        )
    first = expression.files.get()
    first_path = first.file.name
    expression.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("calls:group_answers", group),
            {"version": expression.version, file_field(call): pdf("zweiter.pdf", b"%PDF-1.4 2")},
        )

    second = expression.files.get()
    assert response.status_code == 302
    assert second.pk == first.pk
    assert (second.original_name, second.uploaded_by) == ("zweiter.pdf", world.member)
    assert second.file.read() == b"%PDF-1.4 2"
    assert not default_storage.exists(first_path)
    assert Path(second.file.path).parent.name == str(expression.pk)
    assert AuditEntry.objects.filter(action="expression.draft_saved").first().changes == {
        f"file {file_field(call)[2:]}": {"old": "erster.pdf", "new": "zweiter.pdf"}
    }
    download = client.get(url("calls:group_file", group, file_id=second.pk))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 2"


def test_an_autosaved_file_comes_back_out_of_band_with_its_name(client, world, group, call):
    client.force_login(world.member)

    response = client.post(
        url("calls:group_autosave", group),
        {"version": group.expression.version, file_field(call): pdf("absicht.pdf")},
        headers=HTMX,
    )

    content = response.content.decode()
    question_id = file_field(call)[2:]
    assert f'id="answer-file-{question_id}" hx-swap-oob="true"' in content
    assert "Uploaded: absicht.pdf" in content


def test_a_file_of_the_wrong_type_is_refused_next_to_its_field(client, world, group, call):
    client.force_login(world.member)
    fake = SimpleUploadedFile("plan.pdf", b"not a pdf", content_type="application/pdf")

    response = client.post(
        url("calls:group_answers", group),
        {"version": group.expression.version, file_field(call): fake},
    )

    assert f'id="id_{file_field(call)}_error"' in response.content.decode()
    assert "The content of this file is not a PDF file." in response.content.decode()
    assert not group.expression.files.exists()


# Query counts -----------------------------------------------------------------------------------


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_group_page_query_count_does_not_grow_with_partners(client, world, group):
    client.force_login(world.member)

    def add_partner():
        partner = GroupMemberFactory(group=group, answered_by=UserFactory())
        MembershipFactory(organisation=partner.organisation)

    add_partner()
    client.get(url("calls:group", group))
    one = _queries(client, url("calls:group", group))
    add_partner()
    add_partner()

    assert _queries(client, url("calls:group", group)) == one


def test_dashboard_lists_groups_and_open_partner_invitations(client, world, group):
    other_call = CallFactory(programme=world.programme)
    inviting = ActorGroupFactory(call=other_call, country="DE", name="Kammergruppe")
    ExpressionFactory(group=inviting, status="draft")
    invitation = GroupMemberFactory(
        group=inviting, organisation=world.organisation, status="invited"
    )
    client.force_login(world.member)

    page = client.get(reverse("core:dashboard")).content.decode()

    assert "Your actor groups" in page
    assert url("calls:group", group) in page
    assert "Complete and submit the expression of interest of Nordhessen dual" in page
    assert f"invites {world.organisation.name} to its actor group" in page
    assert (
        reverse(
            "calls:partner_invitation",
            kwargs={
                "programme": other_call.programme.slug,
                "slug": other_call.slug,
                "member_id": invitation.pk,
            },
        )
        in page
    )
    assert "Kammergruppe" in page


def test_dashboard_query_count_does_not_grow_with_groups_and_invitations(client, world):
    client.force_login(world.member)

    def add_one():
        call = CallFactory(programme=world.programme)
        led = services.start_expression(actor=world.member, call=call, lead=world.organisation)
        assert led.status == "draft"
        inviting = ActorGroupFactory(call=call, country="DE")
        ExpressionFactory(group=inviting, status="draft")
        GroupMemberFactory(group=inviting, organisation=world.organisation, status="invited")

    add_one()
    client.get(reverse("core:dashboard"))
    one = _queries(client, reverse("core:dashboard"))
    add_one()
    add_one()

    assert _queries(client, reverse("core:dashboard")) == one
