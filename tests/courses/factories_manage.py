"""Data for the tests of keeping courses and runs: the form data a provider sends."""

import datetime

from django.utils import timezone

from netzwerkstatt.vocabularies.models import IscedField


def course_data(**changes) -> dict:
    """What create_course / update_course take."""
    data = {
        "title": "Geprüfte Wirtschaftsfachwirtin (IHK)",
        "description": "Berufsbegleitende Aufstiegsfortbildung mit Prüfung vor der IHK.",
        "learning_outcomes": "Prozesse steuern\nMitarbeitende führen",
        "field": IscedField.objects.get(code="0413"),
        "eqf_level": 6,
        "target_group": "Kaufleute mit Berufserfahrung",
        "prerequisites": "Kaufmännische Ausbildung",
        "certificate": "chamber",
        "certificate_name": "Geprüfte Wirtschaftsfachwirtin (IHK)",
        "language": "de",
        "format": "blended",
    }
    data.update(changes)
    return data


def run_data(**changes) -> dict:
    """What add_run / update_run take: a part-time run in Schwerin in forty days."""
    start = timezone.localdate() + datetime.timedelta(days=40)
    data = {
        "start_date": start,
        "end_date": start + datetime.timedelta(days=300),
        "schedule": "part_time",
        "schedule_note": "Di und Do 18:00–21:15",
        "hours": 640,
        "online": False,
        "venue": "Akademie, Raum 2.14",
        "street": "Lübecker Straße 210",
        "postal_code": "19059",
        "city": "Schwerin",
        "region": "DE-MV",
        "price": 4290,
        "price_note": "",
        "seats": 18,
        "funding_voucher": False,
        "funding_upgrading_grant": True,
        "funding_educational_leave": False,
        "funding_employer": True,
        "registration_url": "https://akademie.example.org/anmeldung",
        "contact_email": "",
        "contact_phone": "",
        "accessibility": "Aufzug vorhanden",
    }
    data.update(changes)
    return data


def run_form(**changes) -> dict:
    """The run form as a browser posts it."""
    data = run_data()
    post = {
        key: ("" if value is None else str(value))
        for key, value in data.items()
        if not key.startswith("funding_") and key != "online"
    }
    post["funding"] = ["funding_upgrading_grant", "funding_employer"]
    post.update(changes)
    return post


def course_form(**changes) -> dict:
    data = course_data()
    post = {key: str(value) for key, value in data.items() if key != "field"}
    post["field"] = str(data["field"].pk)
    post.update(changes)
    return post
