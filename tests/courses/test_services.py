"""Keeping courses and runs: the rows each service writes, its audit entry, the version, and what
the public database and the full-text search see afterwards."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from netzwerkstatt.core import search
from netzwerkstatt.core.exceptions import ConcurrentEdit
from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import index, services
from netzwerkstatt.courses.models import Course, CourseRun
from netzwerkstatt.vocabularies.models import IscedField
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    ProviderFactory,
    listed_provider,
)
from tests.courses.factories_manage import course_data, run_data
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return UserFactory(name="Kristin Behrens")


@pytest.fixture
def provider():
    return listed_provider(name="Akademie Westmecklenburg")


def _found(text: str) -> list[str]:
    return [course.title for course in search.search(Course.objects.all(), text)]


def _actions(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(
            object_id=str(obj.pk), content_type=ContentType.objects.get_for_model(obj)
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )


# Courses --------------------------------------------------------------------------------------


def test_a_new_course_is_a_draft_with_an_address_from_its_title(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())

    assert (course.status, course.slug, course.version) == (
        "draft",
        "geprufte-wirtschaftsfachwirtin-ihk",
        1,
    )
    assert course.organisation == provider
    assert course.outcome_list == ["Prozesse steuern", "Mitarbeitende führen"]
    entry = AuditEntry.objects.get(action="courses.course_created")
    assert (entry.actor, entry.organisation, entry.object_id) == (actor, provider, str(course.pk))
    assert entry.changes == {"status": {"old": None, "new": "draft"}}


def test_the_address_is_unique_per_provider_only(actor, provider):
    first = services.create_course(actor=actor, organisation=provider, data=course_data())
    second = services.create_course(actor=actor, organisation=provider, data=course_data())
    elsewhere = services.create_course(
        actor=actor, organisation=listed_provider(), data=course_data()
    )
    new = services.create_course(actor=actor, organisation=provider, data=course_data(title="New"))

    assert [first.slug, second.slug, elsewhere.slug] == [
        "geprufte-wirtschaftsfachwirtin-ihk",
        "geprufte-wirtschaftsfachwirtin-ihk-2",
        "geprufte-wirtschaftsfachwirtin-ihk",
    ]
    assert new.slug == "new-2"


def test_the_full_text_index_finds_a_new_course_in_other_word_forms(actor, provider):
    services.create_course(actor=actor, organisation=provider, data=course_data())

    assert _found("Aufstiegsfortbildungen") == ["Geprüfte Wirtschaftsfachwirtin (IHK)"]
    assert _found("Akademie Westmecklenburg") == ["Geprüfte Wirtschaftsfachwirtin (IHK)"]


def test_only_training_providers_offer_courses(actor):
    school = OrganisationFactory(kind="vocational_school")

    with pytest.raises(ValidationError):
        services.create_course(actor=actor, organisation=school, data=course_data())

    assert not Course.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "title", "Give the course a title."),
        ({"description": ""}, "description", "Describe the course."),
        ({"field": None}, "field", "Choose the field of education and training."),
        ({"language": "xx"}, "language", "Choose the language the course is taught in."),
        ({"eqf_level": 9}, "eqf_level", "Ensure this value is less than or equal to 8."),
        ({"format": "radio"}, "format", "Value 'radio' is not a valid choice."),
    ],
)
def test_a_course_with_a_wrong_value_is_refused_by_field(actor, provider, changes, field, message):
    with pytest.raises(ValidationError) as refused:
        services.create_course(actor=actor, organisation=provider, data=course_data(**changes))

    assert refused.value.message_dict[field] == [message]
    assert not Course.objects.exists()


def test_a_broad_field_is_too_coarse(actor, provider):
    broad = IscedField.objects.get(code="04")

    with pytest.raises(ValidationError) as refused:
        services.create_course(actor=actor, organisation=provider, data=course_data(field=broad))

    assert refused.value.message_dict == {
        "field": ["Choose a narrow or a detailed field, not a broad one."]
    }


def test_a_narrow_field_is_accepted(actor, provider):
    narrow = IscedField.objects.get(code="041")

    course = services.create_course(
        actor=actor, organisation=provider, data=course_data(field=narrow)
    )

    assert course.field == narrow


def test_a_course_number_is_unique_per_provider(actor, provider):
    services.create_course(actor=actor, organisation=provider, data=course_data(external_id="7"))

    with pytest.raises(ValidationError) as refused:
        services.create_course(
            actor=actor, organisation=provider, data=course_data(external_id="7")
        )

    assert refused.value.message_dict == {
        "external_id": ["Another of your courses has this number."]
    }


def test_saving_a_course_raises_its_version_records_the_change_and_reindexes(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())

    saved = services.update_course(
        actor=actor,
        course=course,
        data={"title": "Geprüfte Betriebswirtin (IHK)", "eqf_level": 7},
        expected_version=1,
    )

    assert (saved.version, saved.title, saved.eqf_level) == (2, "Geprüfte Betriebswirtin (IHK)", 7)
    assert saved.slug == "geprufte-wirtschaftsfachwirtin-ihk"  # the address stays
    entry = AuditEntry.objects.get(action="courses.course_changed")
    assert entry.changes == {
        "title": {
            "old": "Geprüfte Wirtschaftsfachwirtin (IHK)",
            "new": "Geprüfte Betriebswirtin (IHK)",
        },
        "eqf_level": {"old": 6, "new": 7},
    }
    assert _found("betriebswirtin") == ["Geprüfte Betriebswirtin (IHK)"]


def test_a_save_without_changes_keeps_the_version(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())

    saved = services.update_course(
        actor=actor, course=course, data=course_data(), expected_version=1
    )

    assert saved.version == 1
    assert _actions(course) == ["courses.course_created"]


def test_a_stale_save_is_refused_and_writes_nothing(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    services.update_course(actor=actor, course=course, data={"eqf_level": 5}, expected_version=1)

    with pytest.raises(ConcurrentEdit):
        services.update_course(
            actor=actor, course=course, data={"title": "Veraltet"}, expected_version=1
        )

    stored = Course.objects.get(pk=course.pk)
    assert (stored.title, stored.eqf_level, stored.version) == (
        "Geprüfte Wirtschaftsfachwirtin (IHK)",
        5,
        2,
    )


def test_publishing_lists_the_upcoming_runs_with_the_courses_facets(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    run = services.add_run(actor=actor, course=course, data=run_data())
    assert not run.listed

    services.publish_course(actor=actor, course=course)

    run.refresh_from_db()
    assert run.listed
    assert (run.provider, run.field_broad, run.eqf, run.format, run.language) == (
        provider,
        "04",
        6,
        "blended",
        "de",
    )
    assert list(index.public_runs()) == [run]
    course.refresh_from_db()
    assert (course.status, course.version) == ("published", 2)
    assert course.published_at is not None
    entry = AuditEntry.objects.get(action="courses.course_published")
    assert entry.changes == {"status": {"old": "draft", "new": "published"}}


def test_a_course_without_runs_can_be_published_but_shows_no_run(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())

    services.publish_course(actor=actor, course=course)

    assert list(index.public_courses()) == [course]
    assert list(index.public_runs()) == []


def test_a_change_to_the_course_reaches_the_copies_on_its_runs(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    run = services.add_run(actor=actor, course=course, data=run_data())

    services.update_course(
        actor=actor,
        course=course,
        data={"format": "online", "field": IscedField.objects.get(code="0613"), "eqf_level": None},
        expected_version=1,
    )

    run.refresh_from_db()
    assert (run.format, run.field_broad, run.eqf) == ("online", "06", None)


def test_unpublishing_takes_the_runs_out_of_the_public_database(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    run = services.add_run(actor=actor, course=course, data=run_data())
    services.publish_course(actor=actor, course=course)

    services.unpublish_course(actor=actor, course=course)

    run.refresh_from_db()
    assert not run.listed
    assert list(index.public_courses()) == []
    assert Course.objects.get(pk=course.pk).status == "unpublished"
    assert _actions(course) == [
        "courses.course_created",
        "courses.course_published",
        "courses.course_unpublished",
    ]


def test_a_published_course_of_a_provider_without_declaration_is_not_listed(actor):
    provider = ProviderFactory()
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    run = services.add_run(actor=actor, course=course, data=run_data())

    services.publish_course(actor=actor, course=course)

    run.refresh_from_db()
    assert not run.listed
    assert not services.provider_is_listed(provider)


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.publish_course, "published"),
        (services.unpublish_course, "draft"),
        (services.unpublish_course, "unpublished"),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(actor, provider, service, status):
    course = CourseFactory(organisation=provider, status=status)

    with pytest.raises(ValidationError):
        service(actor=actor, course=course)

    assert Course.objects.get(pk=course.pk).status == status
    assert not AuditEntry.objects.exists()


def test_a_draft_never_published_is_deleted_with_its_runs_and_index_entry(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    services.add_run(actor=actor, course=course, data=run_data())

    services.delete_course(actor=actor, course=course)

    assert not Course.objects.exists()
    assert not CourseRun.objects.exists()
    assert _found("Wirtschaftsfachwirtin") == []
    entry = AuditEntry.objects.get(action="courses.course_deleted")
    assert entry.changes["title"] == {"old": "Geprüfte Wirtschaftsfachwirtin (IHK)", "new": None}
    assert entry.changes["runs"] == {"old": 1, "new": None}


def test_a_course_that_was_published_is_not_deleted(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    services.publish_course(actor=actor, course=course)
    services.unpublish_course(actor=actor, course=course)

    with pytest.raises(ValidationError) as refused:
        services.delete_course(actor=actor, course=course)

    assert refused.value.messages == [
        "A course that was published cannot be deleted. Unpublish it instead."
    ]
    assert Course.objects.filter(pk=course.pk).exists()


# Runs -----------------------------------------------------------------------------------------


def test_a_new_run_carries_the_provider_and_the_courses_copies(actor, provider):
    course = CourseFactory(organisation=provider)

    run = services.add_run(actor=actor, course=course, data=run_data())

    assert (run.provider, run.listed, run.field_broad, run.version) == (provider, True, "04", 1)
    assert run.price == Decimal("4290.00")
    assert (run.funding_upgrading_grant, run.funding_voucher) == (True, False)
    entry = AuditEntry.objects.get(action="courses.run_added")
    assert entry.organisation == provider
    assert entry.changes["city"] == {"old": None, "new": "Schwerin"}


def test_the_cities_of_the_runs_are_searchable(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    services.add_run(actor=actor, course=course, data=run_data(city="Wismar"))

    assert _found("Wismar") == ["Geprüfte Wirtschaftsfachwirtin (IHK)"]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"end_date": timezone.localdate()},
            {"end_date": ["The run cannot end before it starts."]},
        ),
        (
            {"city": "", "region": ""},
            {
                "city": ["Give the city, or mark the run as online."],
                "region": ["Choose the region, or mark the run as online."],
            },
        ),
        ({"region": "IT-25"}, {"region": ["Choose a region of Germany."]}),
        ({"price": -1}, {"price": ["Ensure this value is greater than or equal to 0."]}),
        ({"registration_url": "anmeldung"}, {"registration_url": ["Enter a valid URL."]}),
        (
            {"registration_url": ""},
            {
                "registration_url": [
                    "Give a registration link, a contact e-mail address or a telephone number."
                ]
            },
        ),
        (
            {"registration_url": "", "contact_email": "kurse(at)akademie"},
            {"contact_email": ["Enter a valid email address."]},
        ),
    ],
)
def test_a_run_with_wrong_values_is_refused_by_field(actor, provider, changes, errors):
    course = CourseFactory(organisation=provider)

    with pytest.raises(ValidationError) as refused:
        services.add_run(actor=actor, course=course, data=run_data(**changes))

    assert refused.value.message_dict == errors
    assert not CourseRun.objects.exists()


def test_an_online_run_needs_no_place_and_a_telephone_number_is_enough(actor, provider):
    course = CourseFactory(organisation=provider, format="online")

    run = services.add_run(
        actor=actor,
        course=course,
        data=run_data(
            online=True,
            venue="",
            street="",
            postal_code="",
            city="",
            region="",
            price=None,
            price_note="auf Anfrage",
            registration_url="",
            contact_phone="0385 555 210",
        ),
    )

    assert (run.online, run.city, run.price, run.price_note) == (True, "", None, "auf Anfrage")


def test_a_run_number_is_unique_per_course(actor, provider):
    course = CourseFactory(organisation=provider)
    services.add_run(actor=actor, course=course, data=run_data(external_id="R1"))

    with pytest.raises(ValidationError) as refused:
        services.add_run(actor=actor, course=course, data=run_data(external_id="R1"))

    assert refused.value.message_dict == {
        "external_id": ["Another run of this course has this number."]
    }
    services.add_run(actor=actor, course=CourseFactory(organisation=provider),
                     data=run_data(external_id="R1"))  # fmt: skip


def test_saving_a_run_raises_its_version_and_records_the_change(actor, provider):
    course = services.create_course(actor=actor, organisation=provider, data=course_data())
    run = services.add_run(actor=actor, course=course, data=run_data())

    saved = services.update_run(
        actor=actor, run=run, data={"city": "Wismar", "seats": 12}, expected_version=1
    )

    assert (saved.version, saved.city, saved.seats) == (2, "Wismar", 12)
    entry = AuditEntry.objects.get(action="courses.run_changed")
    assert entry.changes == {
        "city": {"old": "Schwerin", "new": "Wismar"},
        "seats": {"old": 18, "new": 12},
    }
    assert _found("Wismar") == ["Geprüfte Wirtschaftsfachwirtin (IHK)"]
    assert _found("Schwerin") == []


def test_a_stale_run_save_is_refused_and_writes_nothing(actor, provider):
    run = services.add_run(
        actor=actor, course=CourseFactory(organisation=provider), data=run_data()
    )
    services.update_run(actor=actor, run=run, data={"seats": 10}, expected_version=1)

    with pytest.raises(ConcurrentEdit):
        services.update_run(actor=actor, run=run, data={"seats": 99}, expected_version=1)

    assert CourseRun.objects.get(pk=run.pk).seats == 10


def test_a_deleted_run_leaves_the_public_database(actor, provider):
    run = CourseRunFactory(course=CourseFactory(organisation=provider))
    assert list(index.public_runs()) == [run]

    services.delete_run(actor=actor, run=run)

    assert list(index.public_runs()) == []
    entry = AuditEntry.objects.get(action="courses.run_deleted")
    assert entry.changes["start_date"]["old"] == str(run.start_date)


def test_a_duplicated_run_takes_everything_but_the_dates_and_number(actor, provider):
    course = CourseFactory(organisation=provider)
    original = services.add_run(actor=actor, course=course, data=run_data(external_id="R1"))
    start = original.start_date + datetime.timedelta(days=365)

    copy = services.duplicate_run(actor=actor, run=original, start_date=start)

    assert copy.pk != original.pk
    assert (copy.start_date, copy.end_date - copy.start_date) == (
        start,
        original.end_date - original.start_date,
    )
    assert copy.external_id == ""
    same = ("city", "region", "venue", "price", "seats", "schedule", "hours", "accessibility")
    assert [getattr(copy, name) for name in same] == [getattr(original, name) for name in same]
    assert (copy.funding_upgrading_grant, copy.funding_employer) == (True, True)
    assert (copy.listed, copy.provider) == (True, provider)
    assert sorted(run.pk for run in index.public_runs()) == [original.pk, copy.pk]
    entry = AuditEntry.objects.get(action="courses.run_duplicated")
    assert entry.changes["copy_of"]["new"] == str(original)


def test_a_duplicate_with_an_end_before_its_start_is_refused(actor, provider):
    course = CourseFactory(organisation=provider)
    original = services.add_run(actor=actor, course=course, data=run_data())
    start = original.start_date + datetime.timedelta(days=365)

    with pytest.raises(ValidationError) as refused:
        services.duplicate_run(
            actor=actor, run=original, start_date=start, end_date=start - datetime.timedelta(1)
        )

    assert refused.value.message_dict == {"end_date": ["The run cannot end before it starts."]}
    assert CourseRun.objects.count() == 1


def test_the_checks_need_no_query_for_an_import(provider, django_assert_num_queries):
    field = IscedField.objects.get(code="0413")
    course = Course(organisation=provider, field=field, **{
        k: v for k, v in course_data().items() if k != "field"
    })  # fmt: skip
    run = CourseRun(course=course, provider=provider, **run_data(external_id="R1"))

    with django_assert_num_queries(0):
        assert services.check_course(course, check_unique=False) == {}
        assert services.check_run(run, course, check_unique=False) == {}
