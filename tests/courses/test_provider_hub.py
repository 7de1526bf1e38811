"""The provider hub: declarations, certifications with warnings, quality label, courses and the
core competencies on one page; the links to it from the organisation's page and the warnings on
the dashboard."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import competencies
from netzwerkstatt.courses.models import Course, ProviderProfile
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import IscedField
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationFactory,
    DeclarationTextFactory,
    ProviderFactory,
)
from tests.courses.factories_providers import CertificationFactory, in_days, provider_world
from tests.factories import MembershipFactory, ProgrammeFactory


@pytest.fixture
def provider(world):
    return provider_world(world)


def _hub(world):
    return reverse("courses:provider_hub", kwargs={"slug": world.organisation.slug})


def _text(response) -> str:
    return response.content.decode()


def test_the_hub_shows_everything_the_provider_keeps(client, provider):
    text = DeclarationTextFactory(programme=provider.programme)
    DeclarationFactory(text=text, organisation=provider.organisation, signer_name="Kristin Behrens")
    CourseRunFactory(course=CourseFactory(organisation=provider.organisation))
    CourseFactory(organisation=provider.organisation, status=Course.Status.DRAFT)
    CertificationFactory(organisation=provider.organisation, kind="azav", valid_until=in_days(20))
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(400))
    client.force_login(provider.member)

    content = _text(client.get(_hub(provider)))

    assert "Your published courses appear in the public continuing-education database." in content
    assert provider.programme.name in content and "signed by Kristin Behrens" in content
    assert "Certifications need your attention" in content
    assert "AZAV (approval for funded training)</a>: expires on" in content
    assert "ISO 9001" in content
    assert "Upcoming runs in the public search" in content
    assert "No self-assessment yet." in content
    counts = client.get(_hub(provider)).context["course_counts"]
    assert counts == {"published": 1, "draft": 1, "unpublished": 0, "total": 2}


def test_a_provider_without_a_declaration_is_told_how_to_get_listed(client, provider):
    client.force_login(provider.member)

    content = _text(client.get(_hub(provider)))

    assert "Your courses are not in the public database yet" in content
    assert "No cluster has published a participation declaration yet." in content
    assert "Certifications need your attention" not in content


def test_an_expired_certification_is_warned_about_and_not_valid(client, provider):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(-3))
    client.force_login(provider.member)

    content = _text(client.get(_hub(provider)))

    assert "ISO 9001</a>: expired on" in content
    assert "Expired on" in content


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("member", 200),
        ("org_admin", 200),
        ("platform_admin", 200),
        ("outsider", 403),
        ("coordinator", 403),
        ("committee_member", 403),
    ],
)
def test_only_the_providers_people_open_the_hub(client, provider, role, status):
    client.force_login(getattr(provider, role))

    assert client.get(_hub(provider)).status_code == status


def test_the_hub_of_an_organisation_that_is_not_a_provider_is_refused(client, world):
    client.force_login(world.member)

    assert client.get(_hub(world)).status_code == 403


# Core competencies -----------------------------------------------------------------------------


def _competencies(world, codes, text, version=None):
    return {
        "version": version or world.organisation.version,
        "competency_fields": codes,
        "core_competencies": text,
    }


def test_the_form_groups_narrow_fields_under_their_broad_field(client, provider):
    client.force_login(provider.member)

    form = client.get(_hub(provider)).context["form"]

    groups = {g["code"]: g for g in form.field_groups()}
    business = groups["04"]
    assert business["label"] == str(IscedField.objects.get(code="04").name)
    assert [o["code"] for o in business["options"]] == list(
        IscedField.objects.filter(level=IscedField.Level.NARROW, parent__code="04")
        .order_by("code")
        .values_list("code", flat=True)
    )
    assert "041" in [o["code"] for o in business["options"]]


def test_a_member_saves_the_core_competencies(client, provider):
    client.force_login(provider.member)

    response = client.post(
        _hub(provider),
        _competencies(provider, ["041", "061"], "  Aufstiegsfortbildungen IHK \n\nUmschulungen  "),
        follow=True,
    )

    assert "The core competencies were saved." in _text(response)
    profile = ProviderProfile.objects.get(organisation=provider.organisation)
    assert sorted(f.code for f in profile.competency_fields.all()) == ["041", "061"]
    organisation = Organisation.objects.get(pk=provider.organisation.pk)
    assert organisation.competency_list == ["Aufstiegsfortbildungen IHK", "Umschulungen"]
    assert organisation.version == provider.organisation.version + 1
    entry = AuditEntry.objects.get(action="courses.competencies_changed")
    assert entry.changes["competency_fields"] == {"old": [], "new": ["041", "061"]}
    content = _text(client.get(_hub(provider)))
    assert 'value="041" id="field-041" checked' in content
    detail = _text(client.get(provider.organisation.get_absolute_url()))
    assert "Aufstiegsfortbildungen IHK" in detail


def test_saving_the_same_competencies_changes_nothing(provider):
    competencies.update_competencies(
        actor=provider.member,
        organisation=provider.organisation,
        fields=[],
        free_text="",
        expected_version=provider.organisation.version,
    )

    assert not AuditEntry.objects.filter(action="courses.competencies_changed").exists()
    assert not ProviderProfile.objects.exists()


def test_a_stale_competency_form_is_refused_and_keeps_the_input(client, provider):
    Organisation.objects.filter(pk=provider.organisation.pk).update(version=5)
    client.force_login(provider.member)

    response = client.post(
        _hub(provider), _competencies(provider, ["041"], "Mein Entwurf", version=4)
    )

    content = _text(response)
    assert "Not saved: someone else changed the organisation" in content
    assert "Mein Entwurf" in content
    assert 'value="041" id="field-041" checked' in content
    assert not ProviderProfile.objects.exists()
    with pytest.raises(ConcurrentEdit):
        competencies.update_competencies(
            actor=provider.member,
            organisation=provider.organisation,
            fields=[],
            free_text="x",
            expected_version=4,
        )


def test_an_unknown_field_is_named_next_to_the_list(client, provider):
    client.force_login(provider.member)

    response = client.post(_hub(provider), _competencies(provider, ["9999"], ""))

    assert response.context["form"].errors["competency_fields"]
    assert not ProviderProfile.objects.exists()


def test_outsiders_cannot_save_competencies(client, provider):
    client.force_login(provider.outsider)

    assert client.post(_hub(provider), _competencies(provider, ["041"], "x")).status_code == 403
    assert not ProviderProfile.objects.exists()


# Links and warnings elsewhere ------------------------------------------------------------------


def test_the_organisation_page_links_its_people_to_the_hub(client, provider):
    url = provider.organisation.get_absolute_url()
    client.force_login(provider.member)
    assert _hub(provider) in _text(client.get(url))
    client.force_login(provider.outsider)
    assert _hub(provider) not in _text(client.get(url))
    client.logout()
    assert _hub(provider) not in _text(client.get(url))


def test_the_organisation_page_of_a_school_has_no_hub_link(client, world):
    client.force_login(world.member)

    assert "/continuing-education/" not in _text(client.get(world.organisation.get_absolute_url()))


def test_the_dashboard_warns_the_providers_people_of_expiring_certifications(client, provider):
    soon = CertificationFactory(organisation=provider.organisation, valid_until=in_days(10))
    CertificationFactory(organisation=provider.organisation, kind="azav", valid_until=in_days(300))
    client.force_login(provider.member)

    content = _text(client.get(reverse("core:dashboard")))

    edit = reverse(
        "courses:certification_edit", kwargs={"slug": provider.organisation.slug, "pk": soon.pk}
    )
    assert edit in content
    assert "ISO 9001 expires on" in content
    assert "AZAV" not in content
    client.force_login(provider.outsider)
    assert edit not in _text(client.get(reverse("core:dashboard")))


def test_the_dashboard_says_an_expired_certification_expired(client, provider):
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(-5))
    client.force_login(provider.org_admin)

    assert "ISO 9001 expired on" in _text(client.get(reverse("core:dashboard")))


# Query counts ----------------------------------------------------------------------------------


def test_the_hub_queries_do_not_grow_with_clusters_certifications_and_courses(client, provider):
    client.force_login(provider.member)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_hub(provider)).status_code == 200
        return len(queries)

    def add_one():
        programme = ProgrammeFactory()
        DeclarationFactory(
            text=DeclarationTextFactory(programme=programme), organisation=provider.organisation
        )
        CertificationFactory(organisation=provider.organisation, valid_until=in_days(20))
        CourseRunFactory(course=CourseFactory(organisation=provider.organisation))

    add_one()
    client.get(_hub(provider))
    one = count()
    add_one()
    add_one()

    assert count() == one


def test_the_dashboard_queries_do_not_grow_with_certifications(client, provider):
    client.force_login(provider.member)
    MembershipFactory(user=provider.member, organisation=ProviderFactory())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("core:dashboard")).status_code == 200
        return len(queries)

    CertificationFactory(organisation=provider.organisation, valid_until=in_days(5))
    client.get(reverse("core:dashboard"))
    one = count()
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(6))
    CertificationFactory(organisation=provider.organisation, valid_until=in_days(-6))

    assert count() == one
