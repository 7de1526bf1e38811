"""The programme pages: list, home page, editing, people, participating organisations and the
programme's audit log."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.accounts.models import Invitation
from netzwerkstatt.core import audit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.programmes import services
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole
from tests.factories import (
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeFactory,
    ProgrammeRoleFactory,
)

pytestmark = pytest.mark.django_db


def _url(name, programme, **kwargs):
    return reverse(f"programmes:{name}", kwargs={"slug": programme.slug, **kwargs})


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def programme_post(programme=None, **overrides):
    data = {
        "name": "ConnActions",
        "tagline": "German-Italian dual VET",
        "description_0": "Die Partner lernen voneinander.",  # de
        "description_1": "I partner imparano l'uno dall'altro.",  # it
        "description_2": "Partners learn from each other.",  # en
        "funder": "BMBF",
        "funding_scheme": "",
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "countries": ["DE", "IT"],
        "working_languages": ["de", "it"],
        "website": "",
        "is_public": "on",
    }
    if programme is not None:
        data["version"] = programme.version
    data.update(overrides)
    return data


# List and detail ------------------------------------------------------------------------------


def test_list_shows_public_programmes_to_visitors(client, world):
    ProgrammeFactory(name="Hidden Network", is_public=False)

    response = client.get(reverse("programmes:list"))

    assert [p.name for p in response.context["programmes"]] == ["ConnActions"]
    assert "Hidden Network" not in response.content.decode()
    assert "New programme" not in response.content.decode()


def test_list_shows_a_private_programme_to_its_people(client, world):
    hidden = ProgrammeFactory(name="Hidden Network", is_public=False)
    ParticipationFactory(programme=hidden, organisation=world.organisation)
    client.force_login(world.member)

    response = client.get(reverse("programmes:list"))

    assert [p.name for p in response.context["programmes"]] == ["ConnActions", "Hidden Network"]


def test_list_shows_everything_and_the_create_button_to_platform_admins(client, world):
    ProgrammeFactory(name="Hidden Network", is_public=False)
    client.force_login(world.platform_admin)

    response = client.get(reverse("programmes:list"))

    assert [p.name for p in response.context["programmes"]] == ["ConnActions", "Hidden Network"]
    assert reverse("programmes:create") in response.content.decode()


def test_list_says_so_when_there_is_no_programme(client, db):
    response = client.get(reverse("programmes:list"))

    assert "No programme has been published yet." in response.content.decode()


def test_list_query_count_does_not_grow_with_programmes(client, db):
    url = reverse("programmes:list")
    ProgrammeFactory()
    client.get(url)
    one = _query_count(client, url)
    ProgrammeFactory()
    ProgrammeFactory()

    assert _query_count(client, url) == one


def test_detail_shows_facts_coordinators_and_participants(client, world):
    programme = world.programme
    programme.description = {"en": "# Goals\n\nPartners **learn**.", "de": "Partner lernen."}
    programme.save()

    response = client.get(programme.get_absolute_url())

    content = response.content.decode()
    assert "<h2>Goals</h2>" in content
    assert "<strong>learn</strong>" in content
    assert "Germany, Italy" in content
    assert world.coordinator.display_name in content
    assert "1 member" in content
    assert world.organisation.name in content
    assert "Audit log" not in content


def test_detail_shows_the_description_in_the_current_language(client, world):
    world.programme.description = {"en": "In English", "de": "Auf Deutsch"}
    world.programme.save()
    client.cookies["netzwerkstatt_language"] = "de"

    response = client.get(world.programme.get_absolute_url())

    assert "Auf Deutsch" in response.content.decode()


def test_detail_offers_management_to_coordinators(client, world):
    client.force_login(world.coordinator)

    content = client.get(world.programme.get_absolute_url()).content.decode()

    for name in ("edit", "people", "participants", "audit_log"):
        assert _url(name, world.programme) in content


def test_a_private_programme_is_hidden_from_outsiders(client, world):
    Programme.objects.filter(pk=world.programme.pk).update(is_public=False)
    client.force_login(world.outsider)

    response = client.get(world.programme.get_absolute_url())

    assert response.status_code == 404
    assert "ConnActions" not in response.content.decode()


def test_a_private_programme_is_shown_to_members_of_participating_organisations(client, world):
    Programme.objects.filter(pk=world.programme.pk).update(is_public=False)
    client.force_login(world.member)

    response = client.get(world.programme.get_absolute_url())

    assert response.status_code == 200
    assert "Not public" in response.content.decode()


# Create and edit ------------------------------------------------------------------------------


def test_platform_admin_creates_a_programme_and_is_sent_to_invite_coordinators(client, world):
    client.force_login(world.platform_admin)

    response = client.post(reverse("programmes:create"), programme_post(name="Neues Programm"))

    programme = Programme.objects.get(name="Neues Programm")
    assert response.status_code == 302
    assert response["Location"] == _url("people", programme)
    assert programme.description.localize("it") == "I partner imparano l'uno dall'altro."
    assert programme.countries == ["DE", "IT"]
    assert AuditEntry.objects.get(action="programme.created").actor == world.platform_admin


def test_a_coordinator_cannot_create_programmes(client, world):
    client.force_login(world.coordinator)

    response = client.post(reverse("programmes:create"), programme_post(name="Neues Programm"))

    assert response.status_code == 403
    assert not Programme.objects.filter(name="Neues Programm").exists()


def test_coordinator_edits_the_programme(client, world):
    client.force_login(world.coordinator)

    response = client.post(
        _url("edit", world.programme), programme_post(world.programme, funder="Erasmus+")
    )

    assert response.status_code == 302
    world.programme.refresh_from_db()
    assert (world.programme.funder, world.programme.version) == ("Erasmus+", 2)
    entry = AuditEntry.objects.get(action="programme.updated")
    assert entry.actor == world.coordinator
    assert entry.changes["funder"]["new"] == "Erasmus+"


def test_edit_refuses_an_end_before_the_start(client, world):
    client.force_login(world.coordinator)

    response = client.post(
        _url("edit", world.programme),
        programme_post(world.programme, starts_on="2026-01-01", ends_on="2025-01-01"),
    )

    assert response.context["form"].errors["ends_on"] == [
        "The end date must not be before the start date."
    ]
    world.programme.refresh_from_db()
    assert world.programme.version == 1


def test_concurrent_programme_edit_shows_the_message_and_keeps_the_data(client, world):
    client.force_login(world.coordinator)
    services.update_programme(
        actor=world.platform_admin,
        programme=world.programme,
        data={"funder": "ESF Plus"},
        expected_version=1,
    )

    response = client.post(
        _url("edit", world.programme), programme_post(version=1, funder="Erasmus+")
    )

    content = response.content.decode()
    assert "Someone else changed this in the meantime." in content
    assert 'value="Erasmus+"' in content
    world.programme.refresh_from_db()
    assert world.programme.funder == "ESF Plus"


@pytest.mark.parametrize("role", ["committee_member", "member", "org_admin", "outsider"])
def test_only_coordinators_edit_the_programme(client, world, role):
    client.force_login(getattr(world, role))

    response = client.post(
        _url("edit", world.programme), programme_post(world.programme, funder="Gehackt")
    )

    assert response.status_code == 403
    world.programme.refresh_from_db()
    assert world.programme.funder != "Gehackt"


# People ---------------------------------------------------------------------------------------


def test_people_page_invites_a_committee_member(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("people", world.programme),
            {"email": "review@example.org", "role": "committee_member"},
            follow=True,
        )

    invitation = Invitation.objects.get(email="review@example.org")
    assert (invitation.programme, invitation.role) == (world.programme, "committee_member")
    assert [m.to for m in mail.outbox] == [["review@example.org"]]
    assert mail.outbox[0].subject == "Invitation to ConnActions on Netzwerkstatt"
    content = response.content.decode()
    assert "Invitation sent to review@example.org." in content
    assert "review@example.org · Committee member" in content


def test_people_page_lists_coordinators_and_committee(client, world):
    client.force_login(world.coordinator)

    response = client.get(_url("people", world.programme))

    assert {(r.user, r.role) for r in response.context["roles"]} == {
        (world.coordinator, "coordinator"),
        (world.committee_member, "committee_member"),
    }


def test_people_page_refuses_an_organisation_role(client, world):
    client.force_login(world.coordinator)

    response = client.post(
        _url("people", world.programme), {"email": "x@example.org", "role": "organisation_admin"}
    )

    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_coordinator_revokes_a_committee_role(client, world):
    role = ProgrammeRole.objects.get(user=world.committee_member)
    client.force_login(world.coordinator)

    response = client.post(_url("revoke_role", world.programme, role_id=role.pk), follow=True)

    assert not ProgrammeRole.objects.filter(pk=role.pk).exists()
    assert (
        f"{world.committee_member.display_name} no longer has this role."
        in response.content.decode()
    )


def test_the_last_coordinator_is_kept_with_a_message(client, world):
    role = ProgrammeRole.objects.get(user=world.coordinator)
    client.force_login(world.coordinator)

    response = client.post(_url("revoke_role", world.programme, role_id=role.pk), follow=True)

    assert ProgrammeRole.objects.filter(pk=role.pk).exists()
    assert "A programme needs at least one coordinator." in response.content.decode()


def test_coordinator_withdraws_a_programme_invitation(client, world):
    client.force_login(world.coordinator)
    client.post(_url("people", world.programme), {"email": "x@example.org", "role": "coordinator"})
    invitation = Invitation.objects.get()

    response = client.post(
        _url("revoke_invitation", world.programme, invitation_id=invitation.pk), follow=True
    )

    invitation.refresh_from_db()
    assert invitation.status == "revoked"
    assert list(response.context["invitations"]) == []


def test_committee_members_cannot_manage_people(client, world):
    role = ProgrammeRole.objects.get(user=world.coordinator)
    client.force_login(world.committee_member)

    response = client.post(_url("revoke_role", world.programme, role_id=role.pk))

    assert response.status_code == 403
    assert ProgrammeRole.objects.filter(pk=role.pk).exists()


def test_people_page_query_count_does_not_grow_with_people(client, world):
    client.force_login(world.coordinator)
    url = _url("people", world.programme)
    client.post(url, {"email": "a@example.org", "role": "committee_member"})
    client.get(url)
    one = _query_count(client, url)
    for n in range(2):
        ProgrammeRoleFactory(programme=world.programme, role="committee_member")
        client.post(url, {"email": f"b{n}@example.org", "role": "committee_member"})

    assert _query_count(client, url) == one


# Participants ---------------------------------------------------------------------------------


def test_coordinator_adds_a_participating_organisation(client, world):
    newcomer = OrganisationFactory(name="Camera di Commercio")
    client.force_login(world.coordinator)

    response = client.post(
        _url("participants", world.programme), {"organisation": newcomer.pk}, follow=True
    )

    assert set(world.programme.organisations.all()) == {world.organisation, newcomer}
    assert "Camera di Commercio now takes part." in response.content.decode()
    assert AuditEntry.objects.get(action="participation.added").organisation == newcomer


def test_participant_form_offers_only_organisations_not_yet_taking_part(client, world):
    newcomer = OrganisationFactory(name="Camera di Commercio")
    client.force_login(world.coordinator)

    response = client.get(_url("participants", world.programme))

    offered = list(response.context["form"].fields["organisation"].queryset)
    assert offered == [newcomer]


def test_coordinator_removes_a_participating_organisation(client, world):
    participation = Participation.objects.get(programme=world.programme)
    client.force_login(world.coordinator)

    response = client.post(
        _url("remove_participant", world.programme, participation_id=participation.pk),
        follow=True,
    )

    assert not world.programme.organisations.exists()
    assert f"{world.organisation.name} was removed." in response.content.decode()
    assert "No organisation takes part yet." in response.content.decode()


def test_org_admin_cannot_add_participants(client, world):
    newcomer = OrganisationFactory()
    client.force_login(world.org_admin)

    response = client.post(_url("participants", world.programme), {"organisation": newcomer.pk})

    assert response.status_code == 403
    assert not Participation.objects.filter(organisation=newcomer).exists()


def test_participants_page_query_count_does_not_grow_with_organisations(client, world):
    client.force_login(world.coordinator)
    url = _url("participants", world.programme)
    client.get(url)
    one = _query_count(client, url)
    ParticipationFactory(programme=world.programme)
    ParticipationFactory(programme=world.programme)

    assert _query_count(client, url) == one


def test_detail_query_count_does_not_grow_with_participants(client, world):
    url = world.programme.get_absolute_url()
    client.get(url)
    one = _query_count(client, url)
    ParticipationFactory(programme=world.programme)
    ProgrammeRoleFactory(programme=world.programme, role="coordinator")

    assert _query_count(client, url) == one


# Audit log ------------------------------------------------------------------------------------


def test_programme_audit_log_shows_only_this_programmes_entries(client, world):
    other = ProgrammeFactory(name="Other")
    services.update_programme(
        actor=world.coordinator,
        programme=world.programme,
        data={"funder": "Erasmus+"},
        expected_version=1,
    )
    services.update_programme(
        actor=world.platform_admin, programme=other, data={"funder": "Secret"}, expected_version=1
    )
    client.force_login(world.coordinator)

    response = client.get(_url("audit_log", world.programme))

    entries = list(response.context["page"].object_list)
    assert [(e.action, e.programme) for e in entries] == [("programme.updated", world.programme)]
    content = response.content.decode()
    assert "Erasmus+" in content
    assert "Secret" not in content
    assert world.coordinator.display_name in content


def test_programme_audit_log_filters_by_action(client, world):
    audit.record(actor=None, action="programme.updated", programme=world.programme)
    audit.record(actor=None, action="participation.added", programme=world.programme)
    client.force_login(world.coordinator)

    response = client.get(_url("audit_log", world.programme), {"action": "participation"})

    assert [e.action for e in response.context["page"].object_list] == ["participation.added"]
    assert "system" in response.content.decode()


@pytest.mark.parametrize("role", ["committee_member", "member", "org_admin", "outsider"])
def test_programme_audit_log_is_for_coordinators_only(client, world, role):
    audit.record(actor=None, action="programme.secret", programme=world.programme)
    client.force_login(getattr(world, role))

    response = client.get(_url("audit_log", world.programme))

    assert response.status_code == 403
    assert "programme.secret" not in response.content.decode()


def test_programme_audit_log_query_count_does_not_grow_with_entries(client, world):
    client.force_login(world.coordinator)
    url = _url("audit_log", world.programme)
    org = world.organisation

    def entry():
        audit.record(
            actor=world.coordinator,
            action="programme.updated",
            obj=world.programme,
            programme=world.programme,
            organisation=org,
            changes={"funder": {"old": "a", "new": "b"}},
        )

    entry()
    client.get(url)
    one = _query_count(client, url)
    entry()
    entry()

    assert _query_count(client, url) == one
