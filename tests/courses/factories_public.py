"""A small, known continuing-education database for the public search, comparison, pages,
exports and API: every count in the tests follows from this table.

run  course (provider)       field eqf cert       lang format    day  price schedule  place
r1   welding (Alpha, label)  07    3   chamber    de   in_person +10  0     full_time Schwerin
r2   welding (Alpha, label)  07    3   chamber    de   in_person +100 800   part_time Hamburg
r3   care (Alpha, label)     09    4   attendance it   online    +40  –     evenings  online
r4   management (Beta)       04    6   provider   de   blended   +200 6000  weekends  Rostock
r5   management (Beta)       04    6   provider   de   blended   +20  1490  part_time Wismar

Funding: r1 voucher; r2 voucher and employer; r3 educational leave; r4 upgrading grant; r5 none.
Schwerin, Rostock and Wismar are in DE-MV, Hamburg in DE-HH.

Not public: a run of the welding course that started five days ago, a draft course of Beta, and
a course of Gamma, which has not signed a participation declaration. Alpha carries the cluster's
quality label until day +100; Beta's label ran out yesterday.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from netzwerkstatt.core import search
from netzwerkstatt.courses import index
from netzwerkstatt.courses.models import (
    Certification,
    Course,
    CourseRun,
    QualityStandard,
    SelfAssessment,
)
from netzwerkstatt.vocabularies.models import IscedField
from tests.courses.factories import (
    CourseFactory,
    CourseRunFactory,
    DeclarationTextFactory,
    ProviderFactory,
    listed_provider,
)
from tests.factories import ProgrammeFactory


def days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


def give_label(provider, programme, until: datetime.date, name: str = "Qualität WM") -> None:
    standard = QualityStandard.objects.filter(programme=programme).first() or (
        QualityStandard.objects.create(
            programme=programme, version=1, label_name=name, published_at=timezone.now()
        )
    )
    SelfAssessment.objects.create(
        standard=standard,
        organisation=provider,
        status=SelfAssessment.Status.CONFIRMED,
        label_valid_until=until,
    )
    index.refresh_runs(index.runs_of_provider(provider))


def run(course, start: int, **data) -> CourseRun:
    return CourseRunFactory(
        course=course,
        start_date=days(start),
        end_date=days(start + 30),
        **{"funding_voucher": False, "hours": 40, **data},
    )


@dataclass
class Catalogue:
    cluster: object
    alpha: object
    beta: object
    gamma: object
    welding: Course
    care: Course
    management: Course
    r1: CourseRun
    r2: CourseRun
    r3: CourseRun
    r4: CourseRun
    r5: CourseRun
    past: CourseRun
    draft_run: CourseRun
    gamma_run: CourseRun


def catalogue() -> Catalogue:
    cluster = ProgrammeFactory(name="Bildungsnetzwerk Westmecklenburg", slug="westmecklenburg")
    DeclarationTextFactory(programme=cluster)
    alpha = listed_provider(
        cluster,
        name="Alpha Bildung",
        slug="alpha-bildung",
        description="Wir bilden **Schweißer** aus.",
        core_competencies="Schweißtechnik\nPflege",
        website="https://alpha.example.org",
    )
    beta = listed_provider(cluster, name="Beta Akademie", slug="beta-akademie", city="Rostock")
    gamma = ProviderFactory(name="Gamma Kolleg", slug="gamma-kolleg")
    welding = CourseFactory(
        organisation=alpha,
        slug="schweisskurs",
        title="Schweißkurs für Einsteiger",
        description="Grundlagen des Schweißens, Projektmanagement am Rande.",
        learning_outcomes="Nähte schweißen\nSicher arbeiten",
        field=IscedField.objects.get(code="0715"),
        eqf_level=3,
        certificate=Course.Certificate.CHAMBER,
        certificate_name="Schweißerpass",
        language="de",
        format=Course.Format.IN_PERSON,
        prerequisites="Keine",
        target_group="Quereinsteiger",
    )
    care = CourseFactory(
        organisation=alpha,
        slug="assistenza",
        title="Corso di formazione in assistenza",
        description="Una formazione per assistenti familiari.",
        field=IscedField.objects.get(code="0913"),
        eqf_level=4,
        certificate=Course.Certificate.ATTENDANCE,
        language="it",
        format=Course.Format.ONLINE,
    )
    management = CourseFactory(
        organisation=beta,
        slug="projektmanagement",
        title="Projektmanagement kompakt",
        description="Projekte planen und steuern.",
        field=IscedField.objects.get(code="0413"),
        eqf_level=6,
        certificate=Course.Certificate.PROVIDER,
        language="de",
        format=Course.Format.BLENDED,
    )
    r1 = run(
        welding,
        10,
        price=0,
        schedule="full_time",
        city="Schwerin",
        region="DE-MV",
        funding_voucher=True,
        seats=12,
        registration_url="https://alpha.example.org/anmelden",
        accessibility="Barrierefreier Zugang",
    )
    r2 = run(
        welding,
        100,
        price=800,
        schedule="part_time",
        city="Hamburg",
        region="DE-HH",
        funding_voucher=True,
        funding_employer=True,
    )
    r3 = run(
        care,
        40,
        price=None,
        schedule="evenings",
        city="",
        region="",
        online=True,
        funding_educational_leave=True,
    )
    r4 = run(
        management,
        200,
        price=6000,
        schedule="weekends",
        city="Rostock",
        region="DE-MV",
        funding_upgrading_grant=True,
    )
    r5 = run(management, 20, price=1490, schedule="part_time", city="Wismar", region="DE-MV")
    past = run(welding, -5, price=100, city="Schwerin", region="DE-MV")
    draft = CourseFactory(
        organisation=beta, slug="entwurf", title="Schweißen Entwurf", status=Course.Status.DRAFT
    )
    draft_run = run(draft, 15, city="Schwerin", region="DE-MV")
    hidden = CourseFactory(organisation=gamma, slug="geheim", title="Schweißen bei Gamma")
    gamma_run = run(hidden, 15, city="Schwerin", region="DE-MV")
    give_label(alpha, cluster, days(100))
    give_label(beta, cluster, days(-1))
    Certification.objects.create(
        organisation=alpha, kind="azav", issuer="CERTQUA", valid_until=days(400)
    )
    Certification.objects.create(
        organisation=alpha, kind="iso9001", issuer="TÜV Nord", valid_until=days(-1)
    )
    Certification.objects.create(
        organisation=alpha,
        kind="regional_seal",
        name="Qualitätssiegel MV",
        issuer="Land MV",
        valid_until=days(30),
    )
    search.index_objects(Course.objects.all())
    for item in (r1, r2, r3, r4, r5, past, draft_run, gamma_run):
        item.refresh_from_db()
    return Catalogue(
        cluster=cluster,
        alpha=alpha,
        beta=beta,
        gamma=gamma,
        welding=welding,
        care=care,
        management=management,
        r1=r1,
        r2=r2,
        r3=r3,
        r4=r4,
        r5=r5,
        past=past,
        draft_run=draft_run,
        gamma_run=gamma_run,
    )
