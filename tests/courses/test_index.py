"""The search copies on runs: what the public database shows follows declarations, the course's
state and the quality label."""

import datetime

from django.utils import timezone

from netzwerkstatt.courses import index
from netzwerkstatt.courses.models import Course, CourseRun, SelfAssessment
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationTextFactory,
    ProviderFactory,
    listed_provider,
)
from tests.factories import ProgrammeFactory


def test_a_run_of_a_published_course_of_a_declared_provider_is_listed(db):
    run = CourseRunFactory(course=CourseFactory(organisation=listed_provider()))
    assert run.listed
    assert (run.field_broad, run.eqf, run.format, run.language, run.certificate) == (
        "04",
        6,
        "blended",
        "de",
        "chamber",
    )
    assert list(index.public_runs()) == [run]


def test_without_a_declaration_or_unpublished_or_past_nothing_is_public(db):
    undeclared = CourseRunFactory(course=CourseFactory(organisation=ProviderFactory()))
    draft = CourseRunFactory(
        course=CourseFactory(organisation=listed_provider(), status=Course.Status.DRAFT)
    )
    past = CourseRunFactory(
        course=CourseFactory(organisation=listed_provider()),
        start_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert not undeclared.listed
    assert not draft.listed
    assert past.listed
    assert list(index.public_runs()) == []


def test_a_private_cluster_or_a_revoked_declaration_does_not_list(db):
    hidden = ProgrammeFactory(is_public=False)
    run = CourseRunFactory(course=CourseFactory(organisation=listed_provider(hidden)))
    assert not run.listed
    provider = listed_provider()
    run = CourseRunFactory(course=CourseFactory(organisation=provider))
    provider.declarations.update(revoked_at=timezone.now())
    index.refresh_runs(index.runs_of_provider(provider))
    run.refresh_from_db()
    assert not run.listed


def test_a_version_that_requires_resigning_invalidates_older_signatures(db):
    provider = listed_provider()
    run = CourseRunFactory(course=CourseFactory(organisation=provider))
    programme = provider.declarations.get().programme
    DeclarationTextFactory(programme=programme, version=2, requires_resigning=False)
    index.refresh_runs(index.runs_of_provider(provider))
    assert CourseRun.objects.get(pk=run.pk).listed
    DeclarationTextFactory(programme=programme, version=3, requires_resigning=True)
    index.refresh_runs(index.runs_of_provider(provider))
    assert not CourseRun.objects.get(pk=run.pk).listed


def test_the_label_date_is_copied_from_the_confirmed_self_assessment(db):
    from netzwerkstatt.courses.models import QualityStandard

    provider = listed_provider()
    programme = provider.declarations.get().programme
    standard = QualityStandard.objects.create(
        programme=programme, version=1, label_name="Qualität", published_at=timezone.now()
    )
    until = timezone.localdate() + datetime.timedelta(days=700)
    SelfAssessment.objects.create(
        standard=standard, organisation=provider, status="confirmed", label_valid_until=until
    )
    run = CourseRunFactory(course=CourseFactory(organisation=provider))
    assert run.label_until == until
