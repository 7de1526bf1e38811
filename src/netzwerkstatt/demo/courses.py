"""The continuing-education database in the demo: the Bildungsnetzwerk Elbe-Ostsee's
participation declaration and signatures, the providers' certifications and core competencies,
the cluster's quality standard with self-assessments in every state, and the providers' courses
and runs (``data_courses``, ``data_courses_offers``, ``data_courses_more``).

Everything goes through the services of the ``courses`` app with the person who would have done
it: the cluster's coordinator publishes the declaration and the standard, each provider's first
admin signs, records certifications and competencies, assesses and keeps the courses, and the
committee members review. Most courses arrive the way a provider with a course-management system
would bring them: as a CSV or XLSX file through the import (``courses.importing``; one first try
refused for a bad cell, then corrected; the project office imports for the two associations);
the others are typed into the forms (``courses.services``: created, runs added or copied with new
dates, published; one taken offline later). So the audit log, the search copies on the runs
(``courses.index``), the full-text index and the import history are what they would be on a real
platform.

Run dates are relative to the day of loading and fall on the weekday the course's times name
(``CourseSpec.weekday``).

The services date everything "now"; like ``practices``, each story step notes its moment, and at
the end the audit entries written during a step move to that moment, and the rows' own dates
(signed, published, submitted, reviewed, created) are set to the story's. Two things the services
decide from the current day are corrected afterwards as well: a replaced signature's end and the
quality label's end (two years after the review, not after the load).
"""

from __future__ import annotations

import bisect
import datetime
import io
import zoneinfo
from decimal import Decimal
from typing import TYPE_CHECKING

import openpyxl
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from netzwerkstatt.core.models import AuditEntry
from netzwerkstatt.courses import certifications as certification_services
from netzwerkstatt.courses import competencies as competency_services
from netzwerkstatt.courses import declarations as declaration_services
from netzwerkstatt.courses import import_columns, import_files, importing
from netzwerkstatt.courses import quality as quality_services
from netzwerkstatt.courses import services as course_services
from netzwerkstatt.courses.models import (
    LABEL_VALIDITY_DAYS,
    Certification,
    Course,
    CourseRun,
    Declaration,
    DeclarationText,
    ImportJob,
    QualityStandard,
    SelfAssessment,
)
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import IscedField

from . import files
from .data_courses import (
    CERTIFICATIONS,
    CLUSTER,
    DECLARATION_TEXTS,
    IMPORTS,
    PHONES,
    SIGNATURES,
    VENUES,
    CertificationSpec,
    CourseSpec,
    ImportSpec,
    RunSpec,
)
from .data_courses_more import MORE_OFFERS
from .data_courses_offers import OFFERS
from .data_courses_quality import QUALITY_STANDARD, SELF_ASSESSMENTS, SelfAssessmentSpec
from .data_mecklenburg import ELBE_OSTSEE
from .spec import host

if TYPE_CHECKING:
    from .loader import _Loader

ZONE = zoneinfo.ZoneInfo("Europe/Berlin")
COURSES = (*OFFERS, *MORE_OFFERS)
REGION = "DE-MV"
# An unpublished course was taken offline this many days before the load.
UNPUBLISHED_DAYS_AGO = 30
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def load_courses(loader: _Loader) -> None:
    writer = _Writer(loader)
    writer.declarations()
    writer.certifications()
    writer.competencies()
    writer.quality()
    writer.courses()
    writer.date_audit_entries()


class _Writer:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.today = timezone.localdate()
        self.programme = loader.programmes[CLUSTER]
        self.coordinator = loader.user(ELBE_OSTSEE.coordinators[0])
        self.reviewers = {
            person.name: loader.user(person)
            for person in (*ELBE_OSTSEE.coordinators, *ELBE_OSTSEE.committee)
        }
        self.since = timezone.now()
        # (when the service call began, the moment of the story it belongs to), in order.
        self.steps: list[tuple[datetime.datetime, datetime.datetime]] = []

    # Dates

    def on(self, day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZONE)

    def day(self, days: int) -> datetime.date:
        """The day ``days`` from the day of loading (negative: before)."""
        return self.today + datetime.timedelta(days=days)

    def ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
        return self.on(self.day(days), hour, minute)

    def start(self, days: int, weekday: int) -> datetime.date:
        """The first ``weekday`` on or after the day ``days`` from the loading day; before it,
        for a day in the past, so that a run that has started stays in the past."""
        day = self.day(days)
        shift = (weekday - day.weekday()) % 7
        return day + datetime.timedelta(days=shift - 7 if days < 0 and shift else shift)

    def step(self, moment: datetime.datetime) -> datetime.datetime:
        """What the next service calls write to the audit log belongs to ``moment``."""
        self.steps.append((timezone.now(), moment))
        return moment

    def date_audit_entries(self) -> None:
        """Move the audit entries written here to the moments of the steps that wrote them,
        with one read and one write."""
        began = [step[0] for step in self.steps]
        rows = list(AuditEntry.objects.filter(created__gte=self.since).only("pk", "created"))
        for row in rows:
            position = bisect.bisect_right(began, row.created) - 1
            if position >= 0:
                row.created = self.steps[position][1]
        AuditEntry.objects.bulk_update(rows, ["created"], batch_size=500)

    def organisation(self, key: str) -> Organisation:
        return self.loader.created[key]

    # Declarations

    def declarations(self) -> None:
        for text_spec in DECLARATION_TEXTS:
            published = self.step(self.on(text_spec.published, 9, 30))
            text = declaration_services.publish_text(
                actor=self.coordinator,
                programme=self.programme,
                title=text_spec.title,
                text=text_spec.text,
                requires_resigning=text_spec.requires_resigning,
                expected_version=text_spec.version - 1,
            )
            # Signing checks the date against the publication: date it first.
            DeclarationText.objects.filter(pk=text.pk).update(published_at=published)
            signatures = [s for s in SIGNATURES if s.version == text_spec.version]
            for signature in sorted(signatures, key=lambda s: s.signed_on):
                signed = self.step(self.on(signature.signed_on, 11, 15))
                declaration = declaration_services.sign_declaration(
                    actor=self.loader.member_of(signature.organisation),
                    organisation=self.organisation(signature.organisation),
                    programme=self.programme,
                    signer_name=signature.signer,
                    signer_position=signature.position,
                    signed_on=signature.signed_on,
                    text_version=text_spec.version,
                )
                Declaration.objects.filter(pk=declaration.pk).update(signed_at=signed)
                # The signature it replaced ended when this one was made.
                Declaration.objects.filter(replaced_by=declaration).update(revoked_at=signed)

    # Certifications and competencies

    def certifications(self) -> None:
        for number, spec in enumerate(CERTIFICATIONS):
            organisation = self.organisation(spec.organisation)
            # Recorded in the weeks the database opened, or when the certificate came later.
            created = self.step(self.ago(max(spec.valid_from + 3, -240 + 2 * number), 14, 10))
            certification = certification_services.add_certification(
                actor=self.loader.member_of(spec.organisation),
                organisation=organisation,
                data={
                    "kind": spec.kind,
                    "name": spec.name,
                    "issuer": spec.issuer,
                    "reference": spec.reference,
                    "valid_from": self.day(spec.valid_from),
                    "valid_until": self.day(spec.valid_until),
                },
                evidence=self._evidence(spec, organisation) if spec.evidence else None,
            )
            if certification.evidence:
                self.loader.stored_files.append(certification.evidence.name)
            Certification.objects.filter(pk=certification.pk).update(created=created)

    def _evidence(self, spec: CertificationSpec, organisation: Organisation) -> ContentFile:
        kind = Certification(kind=spec.kind, name=spec.name).display_name
        valid_from, valid_until = self.day(spec.valid_from), self.day(spec.valid_until)
        lines = [
            f"Zertifikat Nr. {spec.reference}",
            "",
            "Hiermit wird bestätigt, dass",
            "",
            organisation.name,
            f"{organisation.street}, {organisation.postal_code} {organisation.city}",
            "",
            f"die Anforderungen an {kind} erfüllt.",
            "",
            f"Gültig vom {valid_from:%d.%m.%Y} bis zum {valid_until:%d.%m.%Y}.",
            "",
            spec.issuer,
        ]
        name = f"zertifikat-{spec.kind}-{spec.reference.lower()}.pdf"
        return ContentFile(files.pdf(f"Zertifikat {kind}", lines), name=name)

    def competencies(self) -> None:
        """Each provider's fields of education and training: the narrow fields of its courses
        (the level the provider hub's form offers)."""
        fields = {field.code: field for field in IscedField.objects.all()}
        by_provider: dict[str, list[str]] = {}
        for spec in COURSES:
            codes = by_provider.setdefault(spec.organisation, [])
            if spec.field[:3] not in codes:
                codes.append(spec.field[:3])
        for number, (key, codes) in enumerate(by_provider.items()):
            organisation = Organisation.objects.get(pk=self.organisation(key).pk)
            self.step(self.ago(-239 + 2 * number, 15, 40))
            competency_services.update_competencies(
                actor=self.loader.member_of(key),
                organisation=organisation,
                fields=[fields[code] for code in codes],
                free_text=organisation.core_competencies,
                expected_version=organisation.version,
            )

    # The quality standard

    def quality(self) -> None:
        spec = QUALITY_STANDARD
        created = self.step(self.ago(spec.created, 16, 0))
        standard = quality_services.start_version(actor=self.coordinator, programme=self.programme)
        standard = quality_services.save_draft(
            actor=self.coordinator,
            standard=standard,
            label_name=spec.label_name,
            introduction=spec.introduction,
            criteria=[
                quality_services.CriterionInput(
                    title=criterion.title,
                    description=criterion.description,
                    evidence_hint=criterion.evidence_hint,
                )
                for criterion in spec.criteria
            ],
            expected_version=quality_services.draft_version(standard),
        )
        published = self.step(self.ago(spec.published, 10, 0))
        standard = quality_services.publish_standard(actor=self.coordinator, standard=standard)
        QualityStandard.objects.filter(pk=standard.pk).update(
            created=created, published_at=published
        )
        criteria = list(standard.criteria.order_by("position", "pk"))
        for assessment_spec in SELF_ASSESSMENTS:
            self._self_assessment(assessment_spec, criteria)

    def _self_assessment(self, spec: SelfAssessmentSpec, criteria) -> None:
        organisation = self.organisation(spec.organisation)
        member = self.loader.member_of(spec.organisation)
        started = self.step(self.ago(spec.started, 9, 45))
        assessment = quality_services.start_self_assessment(
            actor=member, organisation=organisation, programme=self.programme
        )
        # The answers were written down in the days before submitting.
        saved = spec.submitted - 2 if spec.submitted is not None else spec.started
        self.step(self.ago(saved, 15, 0))
        assessment = quality_services.save_answers(
            actor=member,
            assessment=assessment,
            answers={
                criterion.pk: {"fulfilment": fulfilment, "evidence": evidence}
                for criterion, (fulfilment, evidence) in zip(criteria, spec.answers, strict=False)
            },
            expected_version=assessment.version,
        )
        dates: dict[str, object] = {"created": started}
        if spec.submitted is not None:
            dates["submitted_at"] = self.step(self.ago(spec.submitted, 11, 30))
            assessment = quality_services.submit_self_assessment(
                actor=member, assessment=assessment
            )
        if spec.reviewed is not None:
            reviewer = self.reviewers[spec.reviewer]
            dates["reviewed_at"] = self.step(self.ago(spec.reviewed, 14, 0))
            if spec.status == SelfAssessment.Status.CONFIRMED:
                assessment = quality_services.confirm_self_assessment(
                    actor=reviewer, assessment=assessment, note=spec.note
                )
                dates["label_valid_until"] = self.day(spec.reviewed + LABEL_VALIDITY_DAYS)
            else:
                assessment = quality_services.return_self_assessment(
                    actor=reviewer, assessment=assessment, note=spec.note
                )
        SelfAssessment.objects.filter(pk=assessment.pk).update(**dates)
        if assessment.status != spec.status:
            raise ValueError(f"{spec.organisation}: self-assessment is {assessment.status}")

    # Courses and runs

    def courses(self) -> None:
        by_number = {spec.number: spec for spec in COURSES}
        imported = {number for spec in IMPORTS for number in spec.courses}
        for spec in IMPORTS:
            self._import(spec, [by_number[number] for number in spec.courses])
        fields = {field.code: field for field in IscedField.objects.all()}
        for spec in COURSES:
            if spec.number not in imported:
                self._course(spec, fields[spec.field])
        # Imported as published, taken offline by hand later.
        for spec in COURSES:
            if spec.number in imported and spec.status == Course.Status.UNPUBLISHED:
                self._unpublish(Course.objects.get(external_id=spec.number), spec)

    def _course(self, spec: CourseSpec, field: IscedField) -> None:
        """A course entered by hand: the form, one run after the other (a repeat of the first
        run as its copy with new dates), then published."""
        organisation = self.organisation(spec.organisation)
        keeper = self.loader.member_of(spec.organisation)
        created = self.step(self.ago(spec.created, 9, 20))
        course = course_services.create_course(
            actor=keeper,
            organisation=organisation,
            data={
                "external_id": spec.number,
                "title": spec.title,
                "description": spec.description,
                "learning_outcomes": "\n".join(spec.outcomes),
                "field": field,
                "eqf_level": spec.eqf,
                "target_group": spec.target_group,
                "prerequisites": spec.prerequisites,
                "certificate": spec.certificate,
                "certificate_name": spec.certificate_name,
                "language": spec.language,
                "format": spec.format,
            },
        )
        self.step(self.ago(spec.created, 9, 50))
        first = None
        for number, run in enumerate(_in_order(spec.runs), start=1):
            data = self._run_values(spec, run, number)
            if first is not None and run == RunSpec(start=run.start):
                course_services.duplicate_run(
                    actor=keeper,
                    run=first,
                    start_date=data["start_date"],
                    end_date=data["end_date"],
                    external_id=data["external_id"],
                )
            else:
                added = course_services.add_run(actor=keeper, course=course, data=data)
                first = first or added
        CourseRun.objects.filter(course=course).update(created=created)
        dates: dict[str, object] = {"created": created, "updated": created}
        if spec.status in (Course.Status.PUBLISHED, Course.Status.UNPUBLISHED):
            published = self.step(self.ago(spec.created + 1, 8, 40))
            course = course_services.publish_course(actor=keeper, course=course)
            dates.update(published_at=published, updated=published)
        Course.objects.filter(pk=course.pk).update(**dates)
        if spec.status == Course.Status.UNPUBLISHED:
            self._unpublish(course, spec)

    def _unpublish(self, course: Course, spec: CourseSpec) -> None:
        taken_offline = self.step(self.ago(-UNPUBLISHED_DAYS_AGO, 16, 5))
        course_services.unpublish_course(
            actor=self.loader.member_of(spec.organisation), course=course
        )
        Course.objects.filter(pk=course.pk).update(updated=taken_offline)

    def _run_values(self, spec: CourseSpec, run: RunSpec, number: int) -> dict:
        """The run's model fields, as the form would give them to the services."""
        online = spec.online if run.online is None else run.online
        venue = None if online else VENUES[run.venue or spec.venue]
        price = run.price or spec.price
        start = self.start(run.start, spec.weekday if run.weekday is None else run.weekday)
        org = self.loader.organisations[spec.organisation]
        accessibility = " ".join(
            text for text in ((venue.accessibility if venue else ""), spec.accessibility) if text
        )
        data = {
            "external_id": f"{spec.number}-{number:02d}",
            "start_date": start,
            "end_date": start + datetime.timedelta(days=spec.days),
            "schedule": run.schedule or spec.schedule,
            "schedule_note": run.times or spec.times,
            "hours": spec.hours,
            "online": online,
            "venue": venue.name if venue else "",
            "street": venue.street if venue else "",
            "postal_code": venue.postal_code if venue else "",
            "city": venue.city if venue else "",
            "region": REGION if venue else "",
            "price": Decimal(price) if price is not None else None,
            "price_note": spec.price_note,
            "seats": run.seats if run.seats is not None else spec.seats,
            "accessibility": accessibility,
            "registration_url": "",
            "contact_email": "",
            "contact_phone": "",
            **{
                name: name.removeprefix("funding_") in spec.funding
                for name in CourseRun.FUNDING_FIELDS
            },
        }
        if spec.contact:
            data["contact_email"] = org.email_of(org.contacts[0].name)
            data["contact_phone"] = PHONES[spec.organisation]
        else:
            data["registration_url"] = (
                f"https://{host(spec.organisation)}/weiterbildung/{spec.number.lower()}"
            )
        return data

    # Imports

    def _import(self, spec: ImportSpec, courses: list[CourseSpec]) -> None:
        cluster = not spec.organisation
        actor = self.coordinator if cluster else self.loader.member_of(spec.organisation)
        rows = [
            self._row(course, run, number, cluster=cluster)
            for course in courses
            for number, run in enumerate(_in_order(course.runs), start=1)
        ]
        moment = self.step(self.ago(spec.day, 10, 5))
        if spec.mistakes:
            wrong = {(run, key): cell for run, key, cell in spec.mistakes}
            first_try = [
                {key: wrong.get((row["run_number"], key), value) for key, value in row.items()}
                for row in rows
            ]
            refused = self._upload(spec, first_try, actor, moment)
            if refused.status != ImportJob.Status.INVALID:
                raise ValueError(f"{spec.file_name}: the mistakes were not found.")
            moment = self.step(self.ago(spec.day, 10, 40))
        job = self._upload(spec, rows, actor, moment)
        if job.status != ImportJob.Status.DONE:
            raise ValueError(f"{spec.file_name}: {job.get_status_display()} {job.errors}")
        imported = Course.objects.filter(
            organisation__in=[self.organisation(course.organisation) for course in courses],
            external_id__in=spec.courses,
        )
        imported.update(created=moment, updated=moment)
        imported.filter(published_at__isnull=False).update(published_at=moment)
        CourseRun.objects.filter(course__in=imported).update(created=moment)

    def _row(self, spec: CourseSpec, run: RunSpec, number: int, *, cluster: bool) -> dict:
        """One row of an import file: the course's columns and the run's, as cells."""
        values = self._run_values(spec, run, number)
        price = values["price"]
        return {
            "provider": self.organisation(spec.organisation).slug if cluster else "",
            "course_number": spec.number,
            "title": spec.title,
            "description": spec.description,
            "learning_outcomes": " | ".join(spec.outcomes),
            "field": spec.field,
            "eqf_level": spec.eqf or "",
            "target_group": spec.target_group,
            "prerequisites": spec.prerequisites,
            "certificate": spec.certificate,
            "certificate_name": spec.certificate_name,
            "language": spec.language,
            "format": spec.format,
            # A course to be taken offline later was published first.
            "status": "draft" if spec.status == Course.Status.DRAFT else "published",
            "run_number": values["external_id"],
            "start_date": values["start_date"],
            "end_date": values["end_date"],
            "schedule": values["schedule"],
            "times": values["schedule_note"],
            "hours": values["hours"] or "",
            "online": "ja" if values["online"] else "nein",
            "venue": values["venue"],
            "street": values["street"],
            "postal_code": values["postal_code"],
            "city": values["city"],
            "region": values["region"],
            # German spreadsheets write 1.490,00.
            "price": (
                f"{price:,.2f}".translate(str.maketrans(",.", ".,")) if price is not None else ""
            ),
            "price_note": values["price_note"],
            "seats": values["seats"] or "",
            "funding": ", ".join(
                name.removeprefix("funding_") for name in CourseRun.FUNDING_FIELDS if values[name]
            ),
            "registration_url": values["registration_url"],
            "contact_email": values["contact_email"],
            "contact_phone": values["contact_phone"],
            "accessibility": values["accessibility"],
        }

    def _upload(self, spec: ImportSpec, rows: list[dict], actor, moment) -> ImportJob:
        cluster = not spec.organisation
        keys = [
            c.key for c in import_columns.COLUMNS if cluster or c.level != import_columns.PROVIDER
        ]
        headers = import_columns.headers("de", cluster=cluster)
        table = [[row[key] for key in keys] for row in rows]
        if spec.file_name.endswith(".xlsx"):
            content, kind = _xlsx(headers, table), XLSX
        else:
            text = [[cell.isoformat() if hasattr(cell, "isoformat") else cell for cell in row]
                    for row in table]  # fmt: skip
            content, kind = files.csv_text(headers, text), "text/csv"
        upload = SimpleUploadedFile(spec.file_name, content, content_type=kind)
        import_files.check_upload(upload)
        job = importing.start_import(
            actor=actor,
            upload=upload,
            mode=ImportJob.Mode.ALL_OR_NOTHING,
            provider=None if cluster else self.organisation(spec.organisation),
            programme=self.programme if cluster else None,
        )
        self.loader.stored_files.append(job.file.name)
        ImportJob.objects.filter(pk=job.pk).update(
            created=moment, finished=moment + datetime.timedelta(seconds=4)
        )
        job.refresh_from_db()
        return job


def _in_order(runs: tuple[RunSpec, ...]) -> list[RunSpec]:
    return sorted(runs, key=lambda run: run.start)


def _xlsx(headers: list[str], rows: list[list]) -> bytes:
    """The first sheet as a course-management system would export it: dates as dates."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kurse"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
