"""A consortium writes its joint application through the pages, from start to PDF."""

import contextlib
import datetime
import re
import zlib

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.selection import services
from netzwerkstatt.selection.models import Activity, Application, ApplicationRound, Attachment
from tests.factories import (
    ActivityFactory,
    ApplicationRoundFactory,
    CallFactory,
    ConsortiumFactory,
    GroupMemberFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class Cast:
    """An Italian and a German group in a consortium, a second German partner, a member of
    each, and a group of the same call that is not in the consortium."""

    def __init__(self, world):
        self.world = world
        self.call = CallFactory(
            programme=world.programme,
            slug="model-networks",
            title=LazyI18nString(
                {
                    "en": "Call to action",
                    "de": "Aufruf zur Teilnahme",
                    "it": "Invito a partecipare",
                }
            ),
        )
        self.consortium = ConsortiumFactory(call=self.call)
        self.it_org = self.consortium.left.lead
        self.de_org = self.consortium.right.lead
        self.de_partner = GroupMemberFactory(group=self.consortium.right).organisation
        self.italian = MembershipFactory(
            organisation=self.it_org, user=UserFactory(language="it")
        ).user
        self.german = MembershipFactory(
            organisation=self.de_org, user=UserFactory(language="")
        ).user
        self.round = ApplicationRoundFactory(call=self.call)
        other = ConsortiumFactory(call=self.call)
        self.other_member = MembershipFactory(organisation=other.left.lead).user

    def url(self, name="selection:workspace", **kwargs):
        return reverse(
            name,
            kwargs={
                "programme": self.call.programme.slug,
                "call": self.call.slug,
                "consortium_id": self.consortium.pk,
                **kwargs,
            },
        )

    def start(self) -> Application:
        return services.start_application(actor=self.italian, consortium=self.consortium)


@pytest.fixture
def cast(world):
    return Cast(world)


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _complete(cast, application):
    Application.objects.filter(pk=application.pk).update(
        summary="Gemeinsam ausbilden", objectives="Zwei Modellnetzwerke"
    )
    ActivityFactory(application=application, owner=cast.it_org)
    for organisation in (cast.it_org, cast.de_org, cast.de_partner):
        application.roles.create(organisation=organisation, role="Partner")


# Starting ---------------------------------------------------------------------------------------


def test_a_member_starts_the_application_once(client, cast):
    client.force_login(cast.german)

    first = client.post(cast.url())
    again = client.post(cast.url())

    assert first.status_code == again.status_code == 302
    application = Application.objects.get()
    assert application.consortium == cast.consortium
    assert application.title == f"{cast.consortium.left.name} – {cast.consortium.right.name}"
    assert list(AuditEntry.objects.filter(action="application.started")) != []
    assert AuditEntry.objects.filter(action="application.started").count() == 1


def test_the_matching_page_links_to_the_joint_application(client, cast):
    client.force_login(cast.italian)

    response = client.get(
        reverse(
            "matching:group",
            kwargs={
                "programme": cast.call.programme.slug,
                "call": cast.call.slug,
                "group_id": cast.consortium.left.pk,
            },
        )
    )

    assert "Scrivi la candidatura congiunta" in response.text  # the member reads Italian
    assert cast.url() in response.text


# Parts and concurrent edits ---------------------------------------------------------------------


def test_members_from_both_countries_edit_different_parts_without_conflict(cast):
    application = cast.start()
    italian = _client_for(cast.italian)
    german = _client_for(cast.german)
    italian.get(cast.url("selection:part", part="summary"))
    german.get(cast.url("selection:part", part="objectives"))

    first = italian.post(
        cast.url("selection:part", part="summary"),
        {"version": 1, "title": "Ponte duale", "summary": "Formazione duale insieme"},
    )
    second = german.post(
        cast.url("selection:part", part="objectives"),
        {"version": 1, "objectives": "Zwei Modellnetzwerke gründen"},
    )

    assert (first.status_code, second.status_code) == (302, 302)
    application.refresh_from_db()
    assert (application.title, application.summary, application.objectives) == (
        "Ponte duale",
        "Formazione duale insieme",
        "Zwei Modellnetzwerke gründen",
    )
    assert application.versions == {"summary": 2, "objectives": 2}


def test_the_same_part_saved_by_two_people_warns_the_second_and_overwrites_nothing(cast):
    application = cast.start()
    italian = _client_for(cast.italian)
    german = _client_for(cast.german)
    italian.post(
        cast.url("selection:part", part="summary"),
        {"version": 1, "title": "Ponte duale", "summary": "Testo italiano"},
    )

    response = german.post(
        cast.url("selection:part", part="summary"),
        {"version": 1, "title": "Duale Brücke", "summary": "Deutscher Text"},
    )

    assert response.status_code == 200
    assert "Not saved: someone in the consortium changed this part" in response.text
    assert "Reload the page" in response.text
    assert "Deutscher Text" in response.text  # the person's text is kept in the form
    assert "Testo italiano" in response.text  # and the colleague's version is shown
    application.refresh_from_db()
    assert (application.title, application.summary) == ("Ponte duale", "Testo italiano")


def test_the_thematic_focus_is_saved(client, cast, db):
    from netzwerkstatt.vocabularies.models import Theme

    application = cast.start()
    theme = Theme.objects.filter(is_active=True).first()
    client.force_login(cast.german)

    client.post(cast.url("selection:part", part="focus"), {"version": 1, "themes": [theme.pk]})

    assert list(application.themes.all()) == [theme]


# Work programme ---------------------------------------------------------------------------------


def _activity(cast, **overrides):
    return {
        "version": 1,
        "title": "Kick-off in Bologna",
        "owner": cast.it_org.pk,
        "start_month": 1,
        "end_month": 3,
        "description": "",
        "outputs": "Agreed work plan",
        **overrides,
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_month": 0}, "end_month", "Give a month from 1 to 36."),
        ({"start_month": 37, "end_month": 37}, "start_month", "Give a month from 1 to 36."),
        ({"start_month": 5, "end_month": 2}, "end_month", "cannot end before it starts"),
        ({"title": ""}, "title", "This field is required"),
    ],
)
def test_an_activity_with_wrong_months_or_no_title_is_refused(
    client, cast, overrides, field, message
):
    application = cast.start()
    client.force_login(cast.german)

    response = client.post(cast.url("selection:work_programme"), _activity(cast, **overrides))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert application.activities.count() == 0


def test_an_activity_owned_by_an_organisation_outside_the_consortium_is_refused(client, cast):
    application = cast.start()
    outsider = OrganisationFactory(country="DE")
    client.force_login(cast.german)

    response = client.post(cast.url("selection:work_programme"), _activity(cast, owner=outsider.pk))

    assert "owner" in response.context["form"].errors
    assert application.activities.count() == 0
    with pytest.raises(services.ValidationError) as refused:
        services.save_activity(
            actor=cast.german,
            application=application,
            data={**_activity(cast), "owner": outsider},
            expected_version=1,
        )
    assert refused.value.message_dict["owner"] == ["Choose an organisation of the consortium."]


def test_activities_are_added_moved_and_deleted_and_the_timeline_follows(client, cast):
    application = cast.start()
    client.force_login(cast.german)
    url = cast.url("selection:work_programme")

    client.post(url, _activity(cast))
    client.post(
        url,
        _activity(cast, version=2, title="Job shadowing", owner=cast.de_partner.pk,
                  start_month=4, end_month=9),
    )  # fmt: skip
    response = client.get(url)

    assert [a.title for a in application.activities.all()] == [
        "Kick-off in Bologna",
        "Job shadowing",
    ]
    timeline = response.context["timeline"]
    assert timeline.months == list(range(1, 13))
    assert [sum(row.cells) for row in timeline.rows] == [3, 6]
    assert response.text.count("timeline-on") == 9
    assert "1–3" in response.text and "4–9" in response.text
    second = application.activities.get(title="Job shadowing")

    client.post(url, {"version": 3, "move": second.pk, "direction": "up"})
    client.post(url, {"version": 4, "delete": application.activities.last().pk})

    assert [a.title for a in application.activities.all()] == ["Job shadowing"]
    assert application.activities.get().owner == cast.de_partner


def test_a_stale_work_programme_form_changes_nothing(client, cast):
    application = cast.start()
    client.force_login(cast.german)
    client.post(cast.url("selection:work_programme"), _activity(cast))

    response = client.post(
        cast.url("selection:work_programme"), _activity(cast, title="Zweite Fassung")
    )

    assert "Not saved: someone in the consortium changed this part" in response.text
    assert [a.title for a in application.activities.all()] == ["Kick-off in Bologna"]


# Roles and attachments --------------------------------------------------------------------------


def test_roles_are_saved_for_the_consortiums_organisations(client, cast):
    application = cast.start()
    client.force_login(cast.italian)

    response = client.post(
        cast.url("selection:roles"),
        {
            "version": 1,
            f"role_{cast.it_org.pk}": "Coordinates the Italian side",
            f"role_{cast.de_org.pk}": "Hosts job shadowing",
            f"role_{cast.de_partner.pk}": "",
        },
    )

    assert response.status_code == 302
    assert dict(application.roles.values_list("organisation_id", "role")) == {
        cast.it_org.pk: "Coordinates the Italian side",
        cast.de_org.pk: "Hosts job shadowing",
    }
    assert application.versions == {} or Application.objects.get().versions == {"roles": 2}


def test_a_pdf_attachment_is_accepted_and_other_files_are_refused(client, cast, monkeypatch):
    application = cast.start()
    client.force_login(cast.german)
    url = cast.url("selection:attachments")

    accepted = client.post(
        url, {"file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 budget", "application/pdf")}
    )
    renamed = client.post(
        url, {"file": SimpleUploadedFile("budget.pdf", b"MZ not a pdf", "application/pdf")}
    )
    wrong_type = client.post(url, {"file": SimpleUploadedFile("run.exe", b"MZ", "x")})
    monkeypatch.setattr(services, "ATTACHMENT_MAX_BYTES", 10)
    too_large = client.post(
        url, {"file": SimpleUploadedFile("big.pdf", b"%PDF-1.4 " + b"x" * 20, "x")}
    )

    assert accepted.status_code == 302
    assert renamed.context["form"].errors["file"] == ["The content of this file is not a PDF file."]
    assert wrong_type.context["form"].errors["file"] == [
        "Upload one of these file types: pdf, docx, xlsx."
    ]
    assert "the largest accepted is 10" in too_large.context["form"].errors["file"][0]
    assert [a.original_name for a in application.attachments.all()] == ["budget.pdf"]
    download = client.get(
        cast.url("selection:attachment", attachment_id=Attachment.objects.get().pk)
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 budget"


# Submission -------------------------------------------------------------------------------------


def test_an_incomplete_application_is_not_submitted_and_says_why(client, cast):
    application = cast.start()
    client.force_login(cast.german)

    response = client.post(cast.url("selection:submit"), follow=True)

    text = response.text
    assert "The application was not submitted." in text
    assert "Write the summary." in text
    assert "Add at least one activity to the work programme." in text
    assert (
        f"Describe the role of {cast.it_org.name}, {cast.de_org.name}"
        in text.replace("&#x27;", "'")
        or "Describe the role of" in text
    )
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert mail.outbox == []


def test_after_the_deadline_nothing_is_submitted_or_changed(client, cast):
    application = cast.start()
    _complete(cast, application)
    ApplicationRound.objects.update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(cast.german)

    response = client.post(cast.url("selection:submit"), follow=True)
    edit = client.get(cast.url("selection:part", part="summary"), follow=True)

    assert "The deadline passed on" in response.text
    assert "The deadline passed on" in edit.text
    assert edit.redirect_chain[-1][0] == cast.url()
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_without_a_deadline_the_application_cannot_be_submitted(client, cast):
    application = cast.start()
    _complete(cast, application)
    ApplicationRound.objects.all().delete()
    client.force_login(cast.german)

    response = client.post(cast.url("selection:submit"), follow=True)

    assert "have not set a deadline" in response.text
    assert Application.objects.get().status == Application.Status.DRAFT


def test_a_complete_application_is_submitted_and_everyone_is_told_in_their_language(
    client, cast, django_capture_on_commit_callbacks
):
    application = cast.start()
    _complete(cast, application)
    client.force_login(cast.german)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cast.url("selection:submit"), follow=True)

    assert "The application was submitted." in response.text
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_by == cast.german
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "Invito a partecipare" in subjects[cast.italian.email]
    assert "Aufruf zur Teilnahme" in subjects[cast.german.email]  # Germany's language
    assert len(mail.outbox) == 2
    entry = AuditEntry.objects.get(action="application.submitted")
    assert entry.programme == cast.call.programme
    assert entry.changes["status"] == {"old": "draft", "new": "submitted"}
    # Once submitted, nothing changes any more.
    edit = client.post(
        cast.url("selection:part", part="summary"), {"version": 1, "title": "x", "summary": "y"}
    )
    assert edit.status_code == 302
    assert Application.objects.get().title == application.title


def test_the_pdf_of_a_submitted_application(client, cast):
    application = cast.start()
    _complete(cast, application)
    services.submit_application(actor=cast.german, application=application)
    client.force_login(cast.world.coordinator)

    response = client.get(cast.url("selection:pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5000
    assert application.title in _pdf_strings(response.content)


def _pdf_strings(content: bytes) -> str:
    """The outline (bookmark) titles of a PDF: WeasyPrint makes one of every heading, so the
    application's title (its h1) is there as text, in the plain or the compressed objects."""
    chunks = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        with contextlib.suppress(zlib.error):
            chunks.append(zlib.decompress(match.group(1)))
    found = []
    for chunk in chunks:
        for hex_string in re.findall(rb"<[Ff][Ee][Ff][Ff]([0-9A-Fa-f]+)>", chunk):
            found.append(bytes.fromhex(hex_string.decode()).decode("utf-16-be"))
        found.extend(m.decode("latin-1") for m in re.findall(rb"/Title \((.*?)\)", chunk))
    return " | ".join(found)


# Who may do what --------------------------------------------------------------------------------


def test_coordinators_read_but_do_not_edit_and_others_do_not_find_it(cast):
    cast.start()
    coordinator = _client_for(cast.world.coordinator)
    other_group = _client_for(cast.other_member)
    outsider = _client_for(cast.world.outsider)

    assert coordinator.get(cast.url()).status_code == 200
    assert coordinator.get(cast.url("selection:part", part="summary")).status_code == 403
    assert coordinator.post(cast.url("selection:submit")).status_code == 403
    assert other_group.get(cast.url()).status_code == 404
    assert other_group.get(cast.url("selection:pdf")).status_code == 404
    assert outsider.get(cast.url()).status_code == 404
    assert outsider.get(cast.url("selection:part", part="summary")).status_code == 404


def test_an_unknown_part_does_not_exist(client, cast):
    cast.start()
    client.force_login(cast.german)

    assert client.get(cast.url("selection:part", part="budget")).status_code == 404


# Query counts -----------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_workspace_reads_a_fixed_number_of_queries(client, cast):
    application = cast.start()
    client.force_login(cast.german)
    ActivityFactory(application=application, owner=cast.it_org)
    one = _queries(client, cast.url())
    ActivityFactory.create_batch(2, application=application, owner=cast.de_partner)

    assert _queries(client, cast.url()) == one


def test_the_coordinators_list_reads_a_fixed_number_of_queries(client, cast):
    client.force_login(cast.world.coordinator)
    url = reverse(
        "selection:list", kwargs={"programme": cast.call.programme.slug, "call": cast.call.slug}
    )
    cast.start()
    one = _queries(client, url)
    for _ in range(2):
        services.start_application(
            actor=cast.world.coordinator, consortium=ConsortiumFactory(call=cast.call)
        )

    response = client.get(url)
    assert _queries(client, url) == one
    assert response.text.count("Not started") == 1  # the "other" consortium of the cast


def test_the_coordinators_set_the_deadline(client, cast):
    client.force_login(cast.world.coordinator)
    url = reverse(
        "selection:list", kwargs={"programme": cast.call.programme.slug, "call": cast.call.slug}
    )

    response = client.post(url, {"deadline": "2031-05-01T12:00"})

    assert response.status_code == 302
    assert timezone.localtime(ApplicationRound.objects.get().deadline).date() == datetime.date(
        2031, 5, 1
    )
    assert AuditEntry.objects.filter(action="selection.deadline_set").count() == 1


def test_activity_model_rejects_months_in_the_wrong_order(cast):
    application = cast.start()
    with pytest.raises(Exception):  # noqa: B017 - the database's check constraint
        Activity.objects.create(
            application=application, title="x", owner=cast.it_org, start_month=5, end_month=2
        )
