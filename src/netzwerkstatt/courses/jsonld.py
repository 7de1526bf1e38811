"""The continuing-education database as schema.org JSON-LD: for the course and provider pages (in
a ``<script type="application/ld+json">`` block) and the JSON-LD export.

The three levels of EN 15982 map onto schema.org as the issue asks: a provider is an
``EducationalOrganization``, a course a ``Course`` and a course run a ``CourseInstance`` in the
course's ``hasCourseInstance``. A run's place is a ``Place`` with a ``PostalAddress`` or, online, a
``VirtualLocation``; its price an ``Offer`` in euros (no price when it is on request). The EQF
level is the course's ``educationalLevel`` and the ISCED-F field its ``about``, both as
``DefinedTerm``s; the learning outcomes are what it ``teaches``. Certifications and the cluster's
quality label are the provider's ``hasCertification``. Funding options have no schema.org
property on an offer or a course instance and stay out (they are in the CSV and the API).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.practices.catalogue_data import plain, script_json

from .models import Certification, Course, CourseRun

SCHEMA_ORG = "https://schema.org"
EQF_TERMS = "https://europa.eu/europass/en/description-eight-eqf-levels"
ISCED_F_TERMS = (
    "https://uis.unesco.org/en/topic/international-standard-classification-education-isced"
)
COURSE_MODES = {
    Course.Format.IN_PERSON: "Onsite",
    Course.Format.ONLINE: "Online",
    Course.Format.BLENDED: "Blended",
}
ATTENDANCE_MODES = {
    Course.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Course.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Course.Format.BLENDED: "https://schema.org/MixedEventAttendanceMode",
}
WEEKEND = ["https://schema.org/Saturday", "https://schema.org/Sunday"]

BuildUri = Callable[[str], str]

__all__ = ["course", "course_instance", "document", "provider", "script_json"]


def _compact(item: dict) -> dict:
    return {key: value for key, value in item.items() if value not in (None, [], "", {})}


def provider_url(organisation: Organisation, build_uri: BuildUri) -> str:
    return build_uri(reverse("courses:provider", kwargs={"slug": organisation.slug}))


def provider_reference(organisation: Organisation, build_uri: BuildUri) -> dict:
    url = provider_url(organisation, build_uri)
    return _compact(
        {
            "@type": "EducationalOrganization",
            "@id": url,
            "name": organisation.name,
            "url": url,
            "sameAs": organisation.website,
        }
    )


def _address(*, street="", postal_code="", city="", region="", country="") -> dict:
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postal_code,
            "addressLocality": city,
            "addressRegion": region,
            "addressCountry": country or (region[:2] if region else ""),
        }
    )


def _place(run: CourseRun, country: str) -> dict | None:
    if not (run.venue or run.street or run.city or run.region):
        return None
    return _compact(
        {
            "@type": "Place",
            "name": run.venue or run.city,
            "address": _address(
                street=run.street,
                postal_code=run.postal_code,
                city=run.city,
                region=run.region,
                country=run.region[:2] if run.region else country,
            ),
        }
    )


def _offer(run: CourseRun) -> dict:
    offer = {
        "@type": "Offer",
        "priceCurrency": "EUR",
        "url": run.registration_url,
        "description": run.price_note,
    }
    if run.price is None:
        offer["description"] = run.price_note or _("Price on request")
    else:
        offer["price"] = f"{run.price:.2f}"
        offer["category"] = "Free" if run.price == 0 else "Paid"
    if run.seats is not None:
        offer["inventoryLevel"] = {"@type": "QuantitativeValue", "value": run.seats}
    return _compact(offer)


def _date(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def course_instance(run: CourseRun, course: Course, url: str) -> dict:
    """One run as a ``CourseInstance`` (``url``: the course page's absolute address)."""
    locations = []
    if place := _place(run, course.organisation.country):
        locations.append(place)
    if run.online or course.format == Course.Format.ONLINE:
        locations.append({"@type": "VirtualLocation", "url": run.registration_url or url})
    schedule = {
        "@type": "Schedule",
        "name": str(run.get_schedule_display()),
        "description": run.schedule_note,
        "startDate": _date(run.start_date),
        "endDate": _date(run.end_date),
        "byDay": WEEKEND if run.schedule == CourseRun.Schedule.WEEKENDS else None,
    }
    return _compact(
        {
            "@type": "CourseInstance",
            "@id": f"{url}#run-{run.pk}",
            "name": course.title,
            "courseMode": COURSE_MODES.get(course.format),
            "eventAttendanceMode": ATTENDANCE_MODES.get(course.format),
            "startDate": _date(run.start_date),
            "endDate": _date(run.end_date),
            "courseSchedule": _compact(schedule),
            "courseWorkload": f"PT{run.hours}H" if run.hours else None,
            "location": locations[0] if len(locations) == 1 else locations,
            "offers": _offer(run),
            "maximumAttendeeCapacity": run.seats,
            "inLanguage": course.language,
        }
    )


def course(course: Course, runs: Iterable[CourseRun], build_uri: BuildUri) -> dict:
    """The course as a schema.org ``Course`` with its runs (without ``@context``). Expects
    ``organisation`` and ``field`` loaded."""
    url = build_uri(course.get_absolute_url())
    certificate = course.certificate_name or (
        ""
        if course.certificate == Course.Certificate.NONE
        else str(course.get_certificate_display())
    )
    item = {
        "@type": "Course",
        "@id": url,
        "url": url,
        "name": course.title,
        "description": plain(course.description),
        "courseCode": course.external_id,
        "provider": provider_reference(course.organisation, build_uri),
        "about": _compact(
            {
                "@type": "DefinedTerm",
                "termCode": course.field.code,
                "name": str(course.field.name),
                "inDefinedTermSet": ISCED_F_TERMS,
            }
        ),
        "educationalLevel": {
            "@type": "DefinedTerm",
            "termCode": str(course.eqf_level),
            "name": _("EQF level %(level)s") % {"level": course.eqf_level},
            "inDefinedTermSet": EQF_TERMS,
        }
        if course.eqf_level
        else None,
        "educationalCredentialAwarded": certificate,
        "occupationalCredentialAwarded": _compact(
            {
                "@type": "EducationalOccupationalCredential",
                "name": certificate,
                "credentialCategory": str(course.get_certificate_display()),
            }
        )
        if certificate
        else None,
        "inLanguage": course.language,
        "teaches": course.outcome_list,
        "coursePrerequisites": course.prerequisites,
        "audience": {"@type": "Audience", "audienceType": course.target_group}
        if course.target_group
        else None,
        "hasCourseInstance": [course_instance(run, course, url) for run in runs],
    }
    return _compact(item)


def _certification(certification: Certification) -> dict:
    return _compact(
        {
            "@type": "Certification",
            "name": certification.display_name,
            "issuedBy": {"@type": "Organization", "name": certification.issuer},
            "certificationIdentification": certification.reference,
            "validFrom": _date(certification.valid_from),
            "expires": _date(certification.valid_until),
        }
    )


def provider(
    organisation: Organisation,
    build_uri: BuildUri,
    *,
    fields: Iterable = (),
    certifications: Iterable[Certification] = (),
    labels: Iterable = (),
) -> dict:
    """The provider as an ``EducationalOrganization`` (without ``@context``): address, core
    competencies (``knowsAbout``), valid certifications and quality labels
    (``hasCertification``)."""
    item = provider_reference(organisation, build_uri)
    item.update(
        {
            "description": plain(organisation.description),
            "address": _address(
                street=organisation.street,
                postal_code=organisation.postal_code,
                city=organisation.city,
                region=organisation.region,
                country=organisation.country,
            ),
            "knowsAbout": [
                {
                    "@type": "DefinedTerm",
                    "termCode": isced.code,
                    "name": str(isced.name),
                    "inDefinedTermSet": ISCED_F_TERMS,
                }
                for isced in fields
            ]
            + organisation.competency_list,
            "hasCertification": [_certification(c) for c in certifications]
            + [
                {
                    "@type": "Certification",
                    "name": label.name,
                    "issuedBy": {"@type": "Organization", "name": label.cluster},
                    "expires": _date(label.valid_until),
                }
                for label in labels
            ],
        }
    )
    return _compact(item)


def document(items: Iterable[dict]) -> dict:
    return {"@context": SCHEMA_ORG, "@graph": list(items)}
