"""Every change to organisations, memberships and contact persons goes through a service that
writes the audit log; these tests read both the new state and the log."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.organisations import services
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import (
    ContactPersonFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _profile(**overrides):
    data = {
        "name": "Istituto Tecnico Galilei",
        "kind": Organisation.Kind.VOCATIONAL_SCHOOL,
        "sector": Organisation.Sector.PUBLIC,
        "country": "IT",
        "region": "IT-25",
        "city": "Milano",
        "languages": ["it", "en"],
        "description": "Meccatronica",
    }
    data.update(overrides)
    return data


def test_create_makes_the_creator_admin_and_records_the_profile():
    creator = UserFactory()
    themes = list(Theme.objects.all()[:2])

    organisation = services.create_organisation(
        actor=creator, data=_profile(themes=themes, name="Istituto Tecnico Galilei")
    )

    assert organisation.slug == "istituto-tecnico-galilei"
    assert organisation.version == 1
    assert set(organisation.themes.all()) == set(themes)
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role) == (creator, Membership.Role.ADMIN)
    created = AuditEntry.objects.get(action="organisation.created")
    assert created.actor == creator
    assert created.organisation == organisation
    assert created.changes["name"] == {"old": None, "new": "Istituto Tecnico Galilei"}
    assert created.changes["region"] == {"old": None, "new": "IT-25"}
    assert created.changes["languages"] == {"old": None, "new": ["it", "en"]}
    assert created.changes["themes"]["new"] == sorted(t.code for t in themes)
    added = AuditEntry.objects.get(action="membership.added")
    assert added.changes["role"] == {"old": None, "new": "admin"}


def test_create_gives_a_second_organisation_with_the_same_name_its_own_slug():
    creator = UserFactory()
    first = services.create_organisation(actor=creator, data=_profile())
    second = services.create_organisation(actor=creator, data=_profile())

    assert (first.slug, second.slug) == ("istituto-tecnico-galilei", "istituto-tecnico-galilei-2")


def test_create_refuses_an_invalid_profile_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        services.create_organisation(actor=UserFactory(), data=_profile(kind="castle"))

    assert "kind" in error.value.message_dict
    assert Organisation.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_update_records_old_and_new_values_and_raises_the_version():
    organisation = OrganisationFactory(city="Kassel", description="")
    admin = MembershipFactory(organisation=organisation, role="admin").user

    updated = services.update_organisation(
        actor=admin,
        organisation=organisation,
        data={"city": "Fulda", "description": "Neu"},
        expected_version=1,
    )

    assert (updated.city, updated.description, updated.version) == ("Fulda", "Neu", 2)
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.actor == admin
    assert entry.changes == {
        "city": {"old": "Kassel", "new": "Fulda"},
        "description": {"old": "", "new": "Neu"},
    }


def test_update_without_a_change_writes_no_audit_entry():
    organisation = OrganisationFactory(city="Kassel")

    services.update_organisation(
        actor=None, organisation=organisation, data={"city": "Kassel"}, expected_version=1
    )

    assert not AuditEntry.objects.filter(action="organisation.updated").exists()


def test_update_from_an_outdated_version_is_refused_and_writes_nothing():
    organisation = OrganisationFactory(city="Kassel")
    services.update_organisation(
        actor=None, organisation=organisation, data={"city": "Fulda"}, expected_version=1
    )
    entries = AuditEntry.objects.count()

    with pytest.raises(ConcurrentEdit) as error:
        services.update_organisation(
            actor=None, organisation=organisation, data={"city": "Marburg"}, expected_version=1
        )

    assert error.value.code == "concurrent_edit"
    organisation.refresh_from_db()
    assert (organisation.city, organisation.version) == ("Fulda", 2)
    assert AuditEntry.objects.count() == entries


def test_update_changes_themes_and_records_them():
    organisation = OrganisationFactory()
    first, second = Theme.objects.all()[:2]
    organisation.themes.set([first])

    services.update_organisation(
        actor=None, organisation=organisation, data={"themes": [second]}, expected_version=1
    )

    assert list(organisation.themes.all()) == [second]
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.changes == {"themes": {"old": [first.code], "new": [second.code]}}


def test_add_member_records_the_person_and_role():
    organisation = OrganisationFactory()
    person = UserFactory(name="Paula Weber")

    membership = services.add_member(
        actor=None, organisation=organisation, user=person, role=Membership.Role.MEMBER
    )

    assert membership.role == Membership.Role.MEMBER
    entry = AuditEntry.objects.get(action="membership.added")
    assert entry.changes == {
        "role": {"old": None, "new": "member"},
        "person": {"old": None, "new": "Paula Weber"},
    }


def test_adding_an_admin_again_as_member_never_lowers_the_role():
    admin = MembershipFactory(role="admin")

    membership = services.add_member(
        actor=None, organisation=admin.organisation, user=admin.user, role="member"
    )

    assert membership.role == "admin"
    assert not AuditEntry.objects.exists()


def test_adding_a_member_again_as_admin_raises_the_role():
    member = MembershipFactory(role="member")

    services.add_member(
        actor=None, organisation=member.organisation, user=member.user, role="admin"
    )

    member.refresh_from_db()
    assert member.role == "admin"
    assert AuditEntry.objects.get().action == "membership.role_changed"


def test_the_last_admin_cannot_be_demoted():
    admin = MembershipFactory(role="admin")

    with pytest.raises(ValidationError) as error:
        services.change_member_role(actor=None, membership=admin, role="member")

    assert error.value.code == "last_admin"
    admin.refresh_from_db()
    assert admin.role == "admin"
    assert not AuditEntry.objects.exists()


def test_the_last_admin_cannot_be_removed():
    admin = MembershipFactory(role="admin")

    with pytest.raises(ValidationError) as error:
        services.remove_member(actor=None, membership=admin)

    assert error.value.code == "last_admin"
    assert Membership.objects.filter(pk=admin.pk).exists()
    assert not AuditEntry.objects.exists()


def test_an_admin_can_be_demoted_when_another_admin_remains():
    admin = MembershipFactory(role="admin")
    MembershipFactory(organisation=admin.organisation, role="admin")

    services.change_member_role(actor=admin.user, membership=admin, role="member")

    admin.refresh_from_db()
    assert admin.role == "member"
    entry = AuditEntry.objects.get(action="membership.role_changed")
    assert entry.changes == {"role": {"old": "admin", "new": "member"}}
    assert entry.organisation == admin.organisation


def test_changing_to_an_unknown_role_is_refused():
    member = MembershipFactory(role="member")

    with pytest.raises(ValidationError) as error:
        services.change_member_role(actor=None, membership=member, role="owner")

    assert error.value.code == "invalid_role"


def test_removing_a_member_deletes_the_membership_and_records_who_it_was():
    member = MembershipFactory(role="member", user__name="Paula Weber")

    services.remove_member(actor=None, membership=member)

    assert not Membership.objects.filter(pk=member.pk).exists()
    entry = AuditEntry.objects.get(action="membership.removed")
    assert entry.changes == {
        "role": {"old": "member", "new": None},
        "person": {"old": "Paula Weber", "new": None},
    }


def test_role_changes_take_effect_in_permissions_at_once():
    admin = MembershipFactory(role="admin")
    other = MembershipFactory(organisation=admin.organisation, role="admin")
    user = admin.user
    assert user.has_perm("organisations.change_organisation", admin.organisation)

    services.change_member_role(actor=other.user, membership=admin, role="member")

    assert not user.has_perm("organisations.change_organisation", admin.organisation)


def test_saving_a_new_contact_person_records_it():
    organisation = OrganisationFactory()
    data = {
        "name": "Maria Rossi",
        "function": "Koordination",
        "email": "rossi@example.org",
        "phone": "",
        "consent_date": datetime.date(2025, 3, 1),
        "is_public": False,
    }

    contact = services.save_contact_person(
        actor=None, organisation=organisation, contact=None, data=data
    )

    assert contact.organisation == organisation
    entry = AuditEntry.objects.get(action="contact_person.added")
    assert entry.changes["name"] == {"old": None, "new": "Maria Rossi"}
    assert entry.changes["consent_date"] == {"old": None, "new": "2025-03-01"}


def test_changing_a_contact_person_records_the_old_value():
    contact = ContactPersonFactory(name="Maria Rossi", phone="")

    services.save_contact_person(
        actor=None,
        organisation=contact.organisation,
        contact=contact,
        data={"phone": "+39 02 123", "is_public": True},
    )

    entry = AuditEntry.objects.get(action="contact_person.saved")
    assert entry.changes == {
        "phone": {"old": "", "new": "+39 02 123"},
        "is_public": {"old": False, "new": True},
    }


def test_a_contact_person_needs_a_consent_date():
    organisation = OrganisationFactory()

    with pytest.raises(ValidationError) as error:
        services.save_contact_person(
            actor=None, organisation=organisation, contact=None, data={"name": "Ohne Zustimmung"}
        )

    assert "consent_date" in error.value.message_dict
    assert not ContactPerson.objects.exists()


def test_deleting_a_contact_person_records_what_was_deleted():
    contact = ContactPersonFactory(name="Maria Rossi")

    services.delete_contact_person(actor=None, contact=contact)

    assert not ContactPerson.objects.exists()
    entry = AuditEntry.objects.get(action="contact_person.deleted")
    assert entry.changes["name"] == {"old": "Maria Rossi", "new": None}
    assert entry.organisation == contact.organisation


def test_services_refuse_a_region_of_another_country():
    organisation = OrganisationFactory(country="DE", region="DE-HE")

    with pytest.raises(ValidationError) as refused:
        services.update_organisation(
            actor=None, organisation=organisation, data={"region": "IT-25"}, expected_version=1
        )

    assert "region" in refused.value.message_dict
    organisation.refresh_from_db()
    assert (organisation.region, organisation.version) == ("DE-HE", 1)
    with pytest.raises(ValidationError):
        services.create_organisation(
            actor=None,
            data={
                "name": "X",
                "kind": "other",
                "sector": "private",
                "country": "IT",
                "region": "DE-BY",
            },
        )
