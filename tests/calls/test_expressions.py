"""Expressions of interest, the whole way through the pages: a group starts, describes itself,
invites a partner who confirms, saves drafts, is refused while something is missing, submits,
changes its answers and withdraws."""

import hashlib
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from i18nfield.strings import LazyI18nString

from netzwerkstatt.calls.models import ActorGroup, ExpressionOfInterest, GroupMember, Question
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    QuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def pdf(name="plan.pdf", body=b"%PDF-1.4 work programme") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def url(name: str, group: ActorGroup, **kwargs) -> str:
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


@pytest.fixture
def call(world):
    call = CallFactory(programme=world.programme, slug="connactions-2027")
    QuestionFactory(
        call=call,
        position=1,
        kind=Question.Kind.LONG_TEXT,
        max_words=12,
        label=LazyI18nString({"en": "Why this network?", "de": "Warum dieses Netzwerk?"}),
    )
    QuestionFactory(
        call=call,
        position=2,
        kind=Question.Kind.SINGLE_CHOICE,
        label=LazyI18nString({"en": "Main sector"}),
        choices=[
            {"value": "mechatronics", "label": {"en": "Mechatronics", "de": "Mechatronik"}},
            {"value": "tourism", "label": {"en": "Tourism", "de": "Tourismus"}},
        ],
    )
    QuestionFactory(
        call=call,
        position=3,
        kind=Question.Kind.FILE,
        file_types=["pdf"],
        label=LazyI18nString({"en": "Letter of intent"}),
    )
    return call


def fields(call) -> tuple[str, str, str]:
    text, choice, upload = (f"q_{q.pk}" for q in call.questions.all())
    return text, choice, upload


@pytest.fixture
def chamber(world):
    """A German chamber with one Italian-speaking and one German member (no saved language)."""
    chamber = OrganisationFactory(
        name="Handwerkskammer Kassel", kind="chamber", sector="public", country="DE"
    )
    italian = MembershipFactory(organisation=chamber, user=UserFactory(language="it")).user
    german = MembershipFactory(organisation=chamber, user=UserFactory(language="")).user
    return chamber, italian, german


def start(client, world, call) -> ActorGroup:
    client.force_login(world.member)
    response = client.post(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug}),
        {"lead": world.organisation.pk, "name": "Duale Ausbildung Nordhessen"},
    )
    group = ActorGroup.objects.get(call=call)
    assert response.status_code == 302
    assert response["Location"] == url("calls:group", group)
    return group


@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    def invite(group, organisation, email) -> str:
        """Invite through the partners page; returns the link from the e-mail."""
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url("calls:group_partners", group),
                {"organisation": organisation.pk, "email": email},
            )
        assert response.status_code == 302, response.content.decode()
        (message,) = mail.outbox
        return re.search(r"http://testserver(/\S+/join/\S+/)", message.body).group(1)

    return invite


# Starting ---------------------------------------------------------------------------------------


def test_start_lists_the_persons_organisations_and_creates_group_lead_and_draft(
    client, world, call
):
    client.force_login(world.member)
    start_url = reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug})

    page = client.get(start_url).content.decode()
    group = start(client, world, call)

    assert "Berufliche Schulen Kassel" in page
    assert "Can lead a group in this call." in page
    assert group.name == "Duale Ausbildung Nordhessen"
    assert group.country == "DE"
    assert group.created_by == world.member
    assert [(m.organisation, m.role, m.status) for m in group.members.all()] == [
        (world.organisation, "lead", "confirmed")
    ]
    assert group.expression.status == ExpressionOfInterest.Status.DRAFT
    entry = AuditEntry.objects.get(action="expression.started")
    assert entry.programme == world.programme
    assert entry.changes["status"] == {"old": None, "new": "draft"}


def test_start_explains_what_is_missing(client, world):
    call = CallFactory(
        programme=world.programme, eligible_countries=["IT"], eligible_kinds=["training_company"]
    )
    client.force_login(world.member)

    page = client.get(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug})
    ).content.decode()

    assert "Germany is not among the countries of this call (Italy)." in page
    assert "This call is open to training company; Berufliche Schulen Kassel is registered" in page
    assert "None of your organisations can start a new group in this call." in page
    assert 'name="lead"' not in page


def test_start_asks_people_without_an_organisation_to_register_one(client, world, call):
    client.force_login(world.outsider)

    page = client.get(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug})
    ).content.decode()

    assert "you need to belong to an organisation registered on the platform" in page
    assert reverse("organisations:create") in page


def test_an_organisation_starts_one_group_per_call(client, world, call):
    group = start(client, world, call)

    page = client.get(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug})
    ).content.decode()
    response = client.post(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug}),
        {"lead": world.organisation.pk},
    )

    assert "Takes part in the group Duale Ausbildung Nordhessen." in page
    assert url("calls:group", group) in page
    assert response.status_code == 200
    assert ActorGroup.objects.filter(call=call).count() == 1


# The whole flow -------------------------------------------------------------------------------


def test_a_group_goes_from_start_to_submission(
    invite, client, world, call, chamber, django_capture_on_commit_callbacks
):
    organisation, italian, german = chamber
    text, choice, upload = fields(call)
    world.member.language = ""  # falls back to the country's language: German
    world.member.save()
    world.org_admin.language = "en"
    world.org_admin.save()
    digital = Theme.objects.first()

    # The lead starts the group and describes it.
    group = start(client, world, call)
    response = client.post(
        url("calls:group_profile", group),
        {
            "version": 1,
            "name": "Duale Ausbildung Nordhessen",
            "themes": [digital.pk],
            "offers": "Training places in mechatronics",
            "seeks": "A school with tourism courses",
            "preferred_regions": ["IT-25"],
            "working_languages": ["de", "it"],
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.preferred_regions == ["IT-25"]
    assert list(group.themes.all()) == [digital]
    assert AuditEntry.objects.get(action="actor_group.profile_updated").changes["seeks"] == {
        "old": "",
        "new": "A school with tourism courses",
    }

    # It invites the chamber; the e-mail carries a link whose token is stored only as a hash.
    link = invite(group, organisation, "Bildung@HWK-Kassel.example.org")
    member = GroupMember.objects.get(group=group, organisation=organisation)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert member.status == "invited"
    assert member.invited_email == "bildung@hwk-kassel.example.org"
    assert member.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(GroupMember.objects.filter(pk=member.pk).values().get())

    # Submitting now is refused: the chamber has not answered and answers are missing.
    response = client.post(url("calls:group_submit", group))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting for Handwerkskammer Kassel to answer the invitation." in page
    assert f'id="id_{text}_error"' in page
    assert f'id="id_{upload}_error"' in page
    assert ExpressionOfInterest.objects.get(group=group).status == "draft"

    # A member of the chamber opens the link and confirms.
    client.force_login(italian)
    # The partner reads Italian, so the page speaks Italian.
    assert "Conferma: Handwerkskammer Kassel partecipa" in client.get(link).content.decode()
    response = client.post(link, {"answer": "confirm"})
    assert response.status_code == 302
    assert response["Location"] == url("calls:group", group)
    member.refresh_from_db()
    assert (member.status, member.answered_by) == ("confirmed", italian)

    # The chamber's member types part of the answers; the draft saves itself.
    version = ExpressionOfInterest.objects.get(group=group).version
    response = client.post(
        url("calls:group_autosave", group),
        {"version": version, text: "Wir bilden gemeinsam Fachkräfte aus"},
        headers={"HX-Request": "true"},
    )
    expression = ExpressionOfInterest.objects.get(group=group)
    assert response.status_code == 200
    assert "Bozza salvata alle" in response.content.decode()
    assert f'value="{expression.version}" hx-swap-oob="true"' in response.content.decode()
    assert expression.answers == {text[2:]: "Wir bilden gemeinsam Fachkräfte aus"}
    assert expression.version == version + 1

    # Still refused: the choice and the file are missing, and are marked next to their fields.
    client.force_login(world.member)
    page = client.post(url("calls:group_submit", group)).content.decode()
    assert "This field is required." in page
    assert f'id="id_{choice}_error"' in page
    assert f'id="id_{text}_error"' not in page
    assert "Waiting for" not in page

    # The lead completes the answers with "Save and submit" (no JavaScript needed).
    with django_capture_on_commit_callbacks(execute=True):
        mail.outbox.clear()
        response = client.post(
            url("calls:group_answers", group),
            {
                "version": expression.version,
                text: "Wir bilden gemeinsam Fachkräfte aus",
                choice: "mechatronics",
                upload: pdf(),
                "submit": "1",
            },
        )
    assert response.status_code == 302
    expression.refresh_from_db()
    assert expression.status == "submitted"
    assert expression.submitted_at is not None
    assert expression.files.get().original_name == "plan.pdf"
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert sorted(subjects) == sorted(
        [world.member.email, world.org_admin.email, italian.email, german.email]
    )
    assert subjects[world.org_admin.email] == "Expression of interest submitted: Call to action"
    assert "Aufruf zur Teilnahme" in subjects[world.member.email]
    assert "Aufruf zur Teilnahme" in subjects[german.email]
    assert "Invito a partecipare" in subjects[italian.email]
    submitted = AuditEntry.objects.get(action="expression.submitted")
    assert submitted.actor == world.member
    assert submitted.changes["status"] == {"old": "draft", "new": "submitted"}

    # After submission the answers can still change; the expression stays submitted.
    response = client.post(
        url("calls:group_answers", group),
        {"version": expression.version, text: "Wir bilden zu dritt aus", choice: "tourism"},
    )
    assert response.status_code == 302
    expression.refresh_from_db()
    assert expression.status == "submitted"
    assert expression.answers[choice[2:]] == "tourism"
    changed = AuditEntry.objects.get(action="expression.changed")
    assert changed.changes[f"answer {choice[2:]}"] == {"old": "mechatronics", "new": "tourism"}

    # The overview shows the group as the coordinators will see it.
    page = client.get(url("calls:group", group)).content.decode()
    assert "Submitted on" in page
    assert "Handwerkskammer Kassel" in page
    assert "Tourism" in page
    assert "plan.pdf" in page


def test_a_submitted_expression_must_stay_complete(client, world, call):
    text, choice, _upload = fields(call)
    group = start(client, world, call)
    expression = group.expression
    ExpressionOfInterest.objects.filter(pk=expression.pk).update(
        status="submitted", answers={text[2:]: "Gemeinsam", choice[2:]: "tourism"}
    )
    call.questions.filter(kind="file").update(required=False)

    response = client.post(
        url("calls:group_answers", group), {"version": expression.version, text: ""}
    )

    assert response.status_code == 200
    assert f'id="id_{text}_error"' in response.content.decode()
    expression.refresh_from_db()
    assert expression.answers[text[2:]] == "Gemeinsam"
    assert not AuditEntry.objects.filter(action="expression.changed").exists()


def test_withdrawing_ends_the_expression_and_tells_the_group(
    client, world, call, django_capture_on_commit_callbacks
):
    text, _choice, _upload = fields(call)
    group = start(client, world, call)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("calls:group_withdraw", group))

    assert response.status_code == 302
    expression = ExpressionOfInterest.objects.get(group=group)
    assert expression.status == "withdrawn"
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.member.email, world.org_admin.email]
    )
    # No saved language: the German organisation's members read German.
    assert all("Aufruf zur Teilnahme" in m.subject for m in mail.outbox)
    assert AuditEntry.objects.get(action="expression.withdrawn").changes["status"] == {
        "old": "draft",
        "new": "withdrawn",
    }
    # Nothing can change afterwards.
    response = client.get(url("calls:group_answers", group), follow=True)
    assert "This expression of interest was withdrawn." in response.content.decode()
    response = client.post(
        url("calls:group_autosave", group),
        {"version": expression.version, text: "Noch ein Versuch"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    assert ExpressionOfInterest.objects.get(group=group).answers == {}


def test_a_declined_invitation_does_not_hold_up_submission(invite, client, world, chamber):
    call = CallFactory(programme=world.programme)
    organisation, italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")

    client.force_login(italian)
    response = client.post(link, {"answer": "decline"})
    client.force_login(world.member)
    submitted = client.post(url("calls:group_submit", group))

    assert response.status_code == 302
    assert GroupMember.objects.get(organisation=organisation).status == "declined"
    assert submitted.status_code == 302
    assert ExpressionOfInterest.objects.get(group=group).status == "submitted"


def test_the_lead_withdraws_an_open_invitation_and_can_then_submit(invite, client, world, chamber):
    call = CallFactory(programme=world.programme)
    organisation, _italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")
    member = GroupMember.objects.get(organisation=organisation)

    client.post(url("calls:group_partners", group), {"remove": member.pk})
    client.post(url("calls:group_submit", group))

    assert not GroupMember.objects.filter(pk=member.pk).exists()
    assert ExpressionOfInterest.objects.get(group=group).status == "submitted"
    assert AuditEntry.objects.get(action="actor_group.partner_removed").changes["status"] == {
        "old": "invited",
        "new": None,
    }
    assert client.get(link).status_code == 410


def test_partner_link_asks_visitors_to_sign_in_and_come_back(invite, client, world, chamber):
    call = CallFactory(programme=world.programme)
    organisation, _italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")
    client.logout()

    page = client.get(link).content.decode()
    response = client.post(link, {"answer": "confirm"})

    assert f'href="/accounts/login/?next={link}"' in page
    assert "Sign in as a member of Handwerkskammer Kassel to answer." in page
    assert response.status_code == 302
    assert GroupMember.objects.get(organisation=organisation).status == "invited"


def test_only_a_member_of_the_invited_organisation_answers(invite, client, world, chamber):
    call = CallFactory(programme=world.programme)
    organisation, _italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")

    client.force_login(world.outsider)
    page = client.get(link).content.decode()
    client.post(link, {"answer": "confirm"})

    assert "who is not a member of Handwerkskammer Kassel" in page
    assert GroupMember.objects.get(organisation=organisation).status == "invited"


def test_partners_come_from_the_groups_country_and_are_invited_once(invite, client, world, call):
    group = start(client, world, call)
    italian_school = OrganisationFactory(country="IT", region="IT-25", name="ITS Lombardia")
    company = OrganisationFactory(country="DE", name="Bosch Ausbildung", kind="training_company")
    invite(group, company, "ausbildung@bosch.example.org")

    foreign = client.post(
        url("calls:group_partners", group),
        {"organisation": italian_school.pk, "email": "info@its.example.org"},
    )
    again = client.post(
        url("calls:group_partners", group),
        {"organisation": company.pk, "email": "other@bosch.example.org"},
    )
    listed = client.get(url("calls:group_partners", group)).content.decode()

    assert "Select a valid choice" in foreign.content.decode()
    assert "Select a valid choice" in again.content.decode()
    assert "ITS Lombardia" not in listed.split('id="organisation-choice"')[1]
    assert GroupMember.objects.filter(group=group).count() == 2


def test_a_partner_edits_answers_but_only_the_leads_members_invite_and_submit(
    invite, client, world, call, chamber
):
    organisation, italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")
    client.force_login(italian)
    client.post(link, {"answer": "confirm"})
    other = OrganisationFactory(country="DE")

    answers = client.get(url("calls:group_answers", group))
    invite_response = client.post(
        url("calls:group_partners", group), {"organisation": other.pk, "email": "a@b.example.org"}
    )
    submit_response = client.post(url("calls:group_submit", group))

    assert answers.status_code == 200
    assert "Save and submit" not in answers.content.decode()
    assert invite_response.status_code == 403
    assert submit_response.status_code == 403
    assert ExpressionOfInterest.objects.get(group=group).status == "draft"


def test_an_organisation_confirms_only_one_group_per_call(invite, client, world, call, chamber):
    organisation, italian, _german = chamber
    group = start(client, world, call)
    link = invite(group, organisation, "info@hwk.example.org")
    # The chamber leads its own group in the meantime.
    client.force_login(italian)
    client.post(
        reverse("calls:start", kwargs={"programme": call.programme.slug, "slug": call.slug}),
        {"lead": organisation.pk},
    )

    response = client.post(link, {"answer": "confirm"}, follow=True)

    assert "fa già parte del gruppo Handwerkskammer Kassel" in response.content.decode()
    assert GroupMember.objects.get(group=group, organisation=organisation).status == "invited"


def test_a_colleagues_profile_save_is_not_overwritten(client, world):
    call = CallFactory(programme=world.programme)
    group = start(client, world, call)
    data = {"version": 1, "name": "Erste Fassung", "offers": "", "seeks": ""}
    client.post(url("calls:group_profile", group), data)

    response = client.post(url("calls:group_profile", group), {**data, "name": "Zweite Fassung"})

    assert response.status_code == 200
    assert "Someone else changed this in the meantime" in response.content.decode()
    group.refresh_from_db()
    assert (group.name, group.version) == ("Erste Fassung", 2)
