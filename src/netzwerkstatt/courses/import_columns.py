"""The columns of a course import: their names in English and German, what each holds, which
values it accepts and how a cell becomes a value.

This list is the one source for the import's checks (``importing.py``), the API's field names
(``api_push.py``), the template files, the column page (``courses:import_help``) and the table in
docs/course-import.md (``markdown_table``; a test keeps the document in step).

One row of a file is one course run; the course's columns are repeated on each of its rows (or
left empty on the later ones). Rows with the same ``course_number`` belong to one course.
"""

from __future__ import annotations

import datetime
import decimal
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pycountry
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Course, CourseRun

PROVIDER, COURSE, RUN = "provider", "course", "run"


class CellError(Exception):
    """A cell that cannot become a value; ``message`` says why, translated."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# Cells to values -------------------------------------------------------------------------------


@lru_cache(maxsize=4096)  # the same few values (headers, codes, yes/no) come on every row
def normalise(text: str) -> str:
    """Case-folded, German umlauts spelled out, accents dropped, runs of anything but letters and
    digits as one "_": "Straße" -> "strasse", "EQR-Niveau" -> "eqr_niveau"."""
    text = str(text).strip().casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def as_text(value: Any) -> str:
    """A cell as text: spreadsheet numbers without a trailing ".0", dates in ISO form."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def is_empty(value: Any) -> bool:
    if type(value) is str:
        return not value or value.isspace()
    if isinstance(value, list | tuple):
        return not any(as_text(item) for item in value)
    return as_text(value) == ""


def text(max_length: int | None = None) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        result = as_text(value)
        if max_length is not None and len(result) > max_length:
            raise CellError(
                _("At most %(max)d characters; this has %(length)d.")
                % {"max": max_length, "length": len(result)}
            )
        return result

    return parse


def _length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def outcomes(value: Any) -> str:
    """Learning outcomes, one per line in the database; in a cell separated by " | " or line
    breaks, in the API also a list."""
    items = value if isinstance(value, list | tuple) else re.split(r"\s*\|\s*|\n", as_text(value))
    return "\n".join(line for item in items if (line := as_text(item).strip()))


def field_code(value: Any) -> str | tuple[str, ...]:
    """An ISCED-F code. A spreadsheet that read "0413" as a number left 413: the importer tries
    the zero-padded forms (returned as a tuple of candidates)."""
    code = as_text(value)
    if not code.isdigit():
        raise CellError(_("Not an ISCED-F code: use digits such as 0413."))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return tuple(dict.fromkeys(code.zfill(width) for width in (4, 3, 2)))
    return code


def eqf_level(value: Any) -> int:
    match = re.fullmatch(r"(?:eqf|eqr|qeq|level|niveau|livello)?\s*([1-8])", as_text(value).lower())
    if not match:
        raise CellError(_("An EQF level is a number from 1 to 8."))
    return int(match.group(1))


def choice(codes: dict[str, str]) -> Callable[[Any], str]:
    """One of ``codes`` (normalised alias -> code); the message lists the codes."""
    allowed = list(dict.fromkeys(codes.values()))

    def parse(value: Any) -> str:
        result = codes.get(normalise(as_text(value)))
        if result is None:
            raise CellError(_("Use one of: %(values)s.") % {"values": ", ".join(allowed)})
        return result

    return parse


def _aliases(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{code: (aliases...)} -> {normalised code or alias: code}."""
    result = {}
    for code, names in mapping.items():
        for name in (code, *names):
            result[normalise(name)] = str(code)
    return result


LANGUAGE_NAMES = {
    "de": ("Deutsch", "German", "tedesco"),
    "it": ("Italienisch", "Italian", "italiano"),
    "en": ("Englisch", "English", "inglese"),
}
_LANGUAGE_ALIASES = _aliases(LANGUAGE_NAMES)


def language(value: Any) -> str:
    code = as_text(value).lower()
    code = _LANGUAGE_ALIASES.get(normalise(code), code)
    if not _is_language(code):
        raise CellError(_("Not an ISO 639-1 language code (such as de, it or en)."))
    return code


@lru_cache(maxsize=512)
def _is_language(code: str) -> bool:
    return len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    cell = as_text(value).split("T")[0].split(" ")[0]
    try:
        if match := _ISO_DATE.fullmatch(cell):
            year, month, day = match.groups()
        elif match := _GERMAN_DATE.fullmatch(cell):
            day, month, year = match.groups()
        else:
            raise ValueError
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise CellError(_("Not a date: write 2026-03-01 or 01.03.2026.")) from None


def whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError(_("A whole number, such as 40."))
    if isinstance(value, int):
        result = value
    elif isinstance(value, float) and value.is_integer():
        result = int(value)
    else:
        cell = as_text(value).replace("\u00a0", "").replace(" ", "")
        if not cell.isdigit():
            raise CellError(_("A whole number, such as 40."))
        result = int(cell)
    if not 0 <= result <= 1_000_000:
        raise CellError(_("A whole number, such as 40."))
    return result


_YES = {"yes", "y", "ja", "j", "si", "true", "wahr", "vero", "1", "x"}
_NO = {"no", "n", "nein", "false", "falsch", "falso", "0"}


def yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    cell = normalise(as_text(value))
    if cell in _YES:
        return True
    if cell in _NO:
        return False
    raise CellError(_("Write yes or no (ja/nein, sì/no, 1/0)."))


_MONEY = decimal.Decimal("0.01")
_PRICE_LIMIT = decimal.Decimal("10000000")


def price(value: Any) -> decimal.Decimal:
    """Euros: 1.490,00 and 1490.00 and 1490 alike. "1.490" and "1,490" are refused: one reads
    them as 1490, another as 1.49."""
    if isinstance(value, bool):
        raise CellError(_("Not a price: write 1490.00 or 1.490,00."))
    if isinstance(value, int | float | decimal.Decimal):
        amount = decimal.Decimal(str(value))
    else:
        cell = re.sub(r"(?i)eur|€|\s", "", as_text(value))
        if not re.fullmatch(r"[\d.,]+", cell) or not re.search(r"\d", cell):
            raise CellError(_("Not a price: write 1490.00 or 1.490,00."))
        if "," in cell and "." in cell:
            decimal_mark = "," if cell.rfind(",") > cell.rfind(".") else "."
        elif cell.count(",") == 1 or cell.count(".") == 1:
            decimal_mark = "," if "," in cell else "."
            if len(cell.split(decimal_mark)[1]) == 3:
                raise CellError(
                    _("“%(value)s” is ambiguous: write 1490, 1490.00 or 1.490,00.")
                    % {"value": as_text(value)}
                )
        else:
            decimal_mark = None  # only thousands separators, or none at all
        thousands = {",": ".", ".": ",", None: ",."}[decimal_mark]
        for mark in thousands:
            cell = cell.replace(mark, "")
        if decimal_mark:
            cell = cell.replace(decimal_mark, ".")
        try:
            amount = decimal.Decimal(cell)
        except decimal.InvalidOperation:
            raise CellError(_("Not a price: write 1490.00 or 1.490,00.")) from None
    if amount < 0 or amount >= _PRICE_LIMIT:
        raise CellError(_("Not a price: write 1490.00 or 1.490,00."))
    return amount.quantize(_MONEY, rounding=decimal.ROUND_HALF_UP)


FUNDING = {
    "voucher": ("funding_voucher", ("Bildungsgutschein", "education voucher", "AZAV")),
    "upgrading_grant": (
        "funding_upgrading_grant",
        ("Aufstiegs-BAföG", "Aufstiegsbafoeg", "Meister-BAföG", "upgrading training grant"),
    ),
    "educational_leave": (
        "funding_educational_leave",
        ("Bildungsurlaub", "Bildungszeit", "educational leave"),
    ),
    "employer": ("funding_employer", ("Arbeitgeber", "employer-funded")),
}
_FUNDING_ALIASES = _aliases({code: names for code, (_field, names) in FUNDING.items()})


def funding(value: Any) -> tuple[str, ...]:
    """Funding option codes, separated by "," (or ";" or "|"); in the API also a list."""
    items = value if isinstance(value, list | tuple) else re.split(r"[,;|]", as_text(value))
    codes = []
    for item in items:
        if not (cell := as_text(item)):
            continue
        code = _FUNDING_ALIASES.get(normalise(cell))
        if code is None:
            raise CellError(
                _("Unknown funding option “%(value)s”: use %(values)s.")
                % {"value": cell, "values": ", ".join(FUNDING)}
            )
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def region(value: Any) -> str:
    code = as_text(value).upper()
    if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", code):
        raise CellError(_("An ISO 3166-2 region code, such as DE-MV or IT-21."))
    return code


def postal_code(value: Any) -> str:
    """A spreadsheet that read 01067 as a number left 1067: numbers get their leading zeros back
    (five digits, as in Germany and Italy)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return as_text(value).zfill(5)
    return text(_length(CourseRun, "postal_code"))(value)


def web_address(value: Any) -> str:
    cell = text(_length(CourseRun, "registration_url"))(value)
    if cell.lower().startswith("www."):
        cell = "https://" + cell
    return cell


# The columns ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # the English header, also the API's field name
    german: str  # the German header
    level: str  # PROVIDER, COURSE or RUN
    parse: Callable[[Any], Any]
    help: Promise  # what it holds and which values it takes
    example: str
    required: bool = False  # for a new course (course columns) or a new run (run columns)
    aliases: tuple[str, ...] = field(default=())


CERTIFICATES = {
    Course.Certificate.NONE: ("No certificate", "kein Abschluss", "kein Zertifikat", "ohne"),
    Course.Certificate.ATTENDANCE: (
        "Certificate of attendance",
        "Teilnahmebescheinigung",
        "Teilnahmebestätigung",
    ),
    Course.Certificate.PROVIDER: (
        "Provider's certificate with assessment",
        "Provider's certificate",
        "Zertifikat des Anbieters",
        "Trägerzertifikat",
        "Zertifikat des Bildungsträgers",
    ),
    Course.Certificate.CHAMBER: (
        "Chamber examination (IHK, HWK)",
        "Chamber examination",
        "Kammerprüfung",
        "Kammerprüfung (IHK, HWK)",
        "IHK-Prüfung",
        "HWK-Prüfung",
    ),
    Course.Certificate.STATE: (
        "State-recognised qualification",
        "staatlich anerkannter Abschluss",
        "staatliche Prüfung",
    ),
    Course.Certificate.VENDOR: (
        "Vendor or industry certification",
        "Herstellerzertifikat",
        "Hersteller- oder Branchenzertifikat",
        "Branchenzertifikat",
    ),
}
FORMATS = {
    Course.Format.IN_PERSON: ("in person", "Präsenz", "vor Ort", "in presenza"),
    Course.Format.ONLINE: ("online", "in linea"),
    Course.Format.BLENDED: ("blended", "blended learning", "hybrid", "gemischt", "misto"),
}
SCHEDULES = {
    CourseRun.Schedule.FULL_TIME: ("full-time", "Vollzeit", "tempo pieno"),
    CourseRun.Schedule.PART_TIME: ("part-time", "Teilzeit", "berufsbegleitend", "tempo parziale"),
    CourseRun.Schedule.EVENINGS: ("evenings", "abends", "Abendkurs", "serale", "sera"),
    CourseRun.Schedule.WEEKENDS: ("weekends", "Wochenende", "am Wochenende", "fine settimana"),
}
STATUSES = {
    Course.Status.DRAFT: ("Entwurf", "bozza"),
    Course.Status.PUBLISHED: ("veröffentlicht", "pubblicato"),
    Course.Status.UNPUBLISHED: ("nicht mehr veröffentlicht", "zurückgezogen", "ritirato"),
}


def _codes(mapping) -> str:
    return ", ".join(str(code) for code in mapping)


COLUMNS: tuple[Column, ...] = (
    Column(
        "provider",
        "anbieter",
        PROVIDER,
        text(80),
        gettext_lazy(
            "Only in a cluster's import: the provider's address in the platform (its slug, as in "
            "/organisations/<slug>/). The provider must have signed the cluster's participation "
            "declaration. A provider's own import may leave it out."
        ),
        "bildungswerk-schwerin",
        aliases=("provider_slug", "anbieter_slug", "bildungstraeger"),
    ),
    Column(
        "course_number",
        "kursnummer",
        COURSE,
        text(_length(Course, "external_id")),
        gettext_lazy(
            "Your number for the course. Rows with the same number are runs of one course; a "
            "course with this number is updated, otherwise it is created. Always required."
        ),
        "WB-2026-014",
        required=True,
        aliases=("course_id", "kurs_nr", "kursnr"),
    ),
    Column(
        "title",
        "titel",
        COURSE,
        text(_length(Course, "title")),
        gettext_lazy("The course's title, at most 200 characters."),
        "Geprüfte Fachwirtin für Büro- und Projektorganisation",
        required=True,
        aliases=("kurstitel",),
    ),
    Column(
        "description",
        "beschreibung",
        COURSE,
        text(),
        gettext_lazy("What the course is about; Markdown is allowed."),
        "Berufsbegleitende Aufstiegsfortbildung mit IHK-Prüfung.",
        required=True,
    ),
    Column(
        "learning_outcomes",
        "lernergebnisse",
        COURSE,
        outcomes,
        gettext_lazy(
            "What participants can do afterwards: several separated by “ | ” or by "
            "line breaks within the cell."
        ),
        "Projekte planen | Budgets überwachen",
        aliases=("lernziele",),
    ),
    Column(
        "field",
        "bildungsfeld",
        COURSE,
        field_code,
        gettext_lazy(
            "Field of education and training: a narrow or detailed ISCED-F 2013 code (3 or 4 "
            "digits). Format the column as text so that leading zeros stay."
        ),
        "0413",
        required=True,
        aliases=("isced", "isced_f", "fachgebiet"),
    ),
    Column(
        "eqf_level",
        "eqr_niveau",
        COURSE,
        eqf_level,
        gettext_lazy("EQF level of the course, 1 to 8; may be empty."),
        "6",
        aliases=("eqf", "eqr", "dqr_niveau", "niveau"),
    ),
    Column(
        "target_group",
        "zielgruppe",
        COURSE,
        text(),
        gettext_lazy("Who the course is for."),
        "Kaufleute mit Berufserfahrung",
    ),
    Column(
        "prerequisites",
        "voraussetzungen",
        COURSE,
        text(),
        gettext_lazy("What participants need before they start."),
        "Abgeschlossene kaufmännische Ausbildung",
        aliases=("zugangsvoraussetzungen",),
    ),
    Column(
        "certificate",
        "abschluss",
        COURSE,
        choice(_aliases(CERTIFICATES)),
        gettext_lazy(
            "The kind of certificate: none, attendance, provider, chamber, state or vendor "
            "(their English or German names are understood too). Empty: none."
        ),
        "chamber",
        aliases=("abschlussart", "zertifikat"),
    ),
    Column(
        "certificate_name",
        "abschlussbezeichnung",
        COURSE,
        text(_length(Course, "certificate_name")),
        gettext_lazy("The certificate or qualification awarded, by name."),
        "Geprüfte Fachwirtin (IHK)",
        aliases=("qualification",),
    ),
    Column(
        "language",
        "sprache",
        COURSE,
        language,
        gettext_lazy("Language of instruction: an ISO 639-1 code such as de, it, en."),
        "de",
        required=True,
        aliases=("unterrichtssprache",),
    ),
    Column(
        "format",
        "lernform",
        COURSE,
        choice(_aliases(FORMATS)),
        gettext_lazy("in_person, online or blended."),
        "blended",
        required=True,
        aliases=("durchfuehrungsform", "form"),
    ),
    Column(
        "status",
        "status",
        COURSE,
        choice(_aliases(STATUSES)),
        gettext_lazy(
            "draft, published or unpublished. Empty: a new course becomes a draft, an existing "
            "one keeps its status. Only published courses of providers with a valid "
            "participation declaration appear in the public database."
        ),
        "published",
        aliases=("veroeffentlichung",),
    ),
    Column(
        "run_number",
        "terminnummer",
        RUN,
        text(_length(CourseRun, "external_id")),
        gettext_lazy(
            "Your number for the run. A run of the course with this number is updated, otherwise "
            "it is created. Without a number, the course's run (without a number) that starts on "
            "the same day is updated."
        ),
        "WB-2026-014-H",
        aliases=("run_id", "durchfuehrungsnummer", "termin_nr"),
    ),
    Column(
        "start_date",
        "beginn",
        RUN,
        date,
        gettext_lazy("First day: 2026-03-01 or 01.03.2026."),
        "2027-09-06",
        required=True,
        aliases=("start", "startdatum", "beginnt_am"),
    ),
    Column(
        "end_date",
        "ende",
        RUN,
        date,
        gettext_lazy("Last day, not before the first: 2026-03-01 or 01.03.2026."),
        "2028-06-23",
        required=True,
        aliases=("end", "enddatum", "endet_am"),
    ),
    Column(
        "schedule",
        "zeitmodell",
        RUN,
        choice(_aliases(SCHEDULES)),
        gettext_lazy("full_time, part_time, evenings or weekends."),
        "part_time",
        required=True,
        aliases=("unterrichtsform",),
    ),
    Column(
        "times",
        "zeiten",
        RUN,
        text(_length(CourseRun, "schedule_note")),
        gettext_lazy("When it takes place, in words."),
        "Mo und Mi 18:00–21:15",
        aliases=("unterrichtszeiten",),
    ),
    Column(
        "hours",
        "stunden",
        RUN,
        whole_number,
        gettext_lazy("Hours of instruction, a whole number."),
        "480",
        aliases=("unterrichtsstunden", "ue"),
    ),
    Column(
        "online",
        "online",
        RUN,
        yes_no,
        gettext_lazy(
            "Whether the run takes place online: yes or no (ja/nein, sì/no, 1/0). Empty: yes "
            "for online courses, no otherwise."
        ),
        "no",
    ),
    Column(
        "venue",
        "veranstaltungsort",
        RUN,
        text(_length(CourseRun, "venue")),
        gettext_lazy("Name of the place."),
        "Bildungszentrum am Pfaffenteich",
        aliases=("lernort",),
    ),
    Column(
        "street",
        "strasse",
        RUN,
        text(_length(CourseRun, "street")),
        gettext_lazy("Street and number."),
        "Arsenalstraße 12",
    ),
    Column(
        "postal_code",
        "plz",
        RUN,
        postal_code,
        gettext_lazy("Postal code."),
        "19053",
        aliases=("postleitzahl",),
    ),
    Column(
        "city",
        "ort",
        RUN,
        text(_length(CourseRun, "city")),
        gettext_lazy("City; required unless the run takes place online."),
        "Schwerin",
        aliases=("stadt",),
    ),
    Column(
        "region",
        "region",
        RUN,
        region,
        gettext_lazy(
            "The region as an ISO 3166-2 code of the provider's country, such as DE-MV or IT-21; "
            "required unless the run takes place online."
        ),
        "DE-MV",
        aliases=("bundesland",),
    ),
    Column(
        "price",
        "preis",
        RUN,
        price,
        gettext_lazy(
            "Price in euros: 1490.00 or 1.490,00. Empty: the price is on request. Write 0 for a "
            "free run."
        ),
        "1.490,00",
        aliases=("preis_eur", "kosten"),
    ),
    Column(
        "price_note",
        "preishinweis",
        RUN,
        text(_length(CourseRun, "price_note")),
        gettext_lazy("About the price: instalments, what is included."),
        "zzgl. IHK-Prüfungsgebühr",
    ),
    Column(
        "seats",
        "plaetze",
        RUN,
        whole_number,
        gettext_lazy("Number of seats, a whole number."),
        "18",
        aliases=("teilnehmerzahl",),
    ),
    Column(
        "funding",
        "foerderung",
        RUN,
        funding,
        gettext_lazy(
            "Funding options, separated by commas: voucher (education voucher, AZAV), "
            "upgrading_grant (Aufstiegs-BAföG), educational_leave (recognised for educational "
            "leave), employer (employer-funded)."
        ),
        "upgrading_grant, educational_leave",
        aliases=("foerdermoeglichkeiten",),
    ),
    Column(
        "registration_url",
        "anmeldelink",
        RUN,
        web_address,
        gettext_lazy(
            "Web address of the registration. Each run needs a registration link, a contact "
            "e-mail address or a telephone number."
        ),
        "https://bildungswerk-schwerin.example.org/anmeldung/wb-2026-014",
        aliases=("anmeldung", "link"),
    ),
    Column(
        "contact_email",
        "kontakt_email",
        RUN,
        text(254),
        gettext_lazy("E-mail address for questions and registration."),
        "weiterbildung@bildungswerk-schwerin.example.org",
        aliases=("kontakt_e_mail", "email", "e_mail"),
    ),
    Column(
        "contact_phone",
        "kontakt_telefon",
        RUN,
        text(_length(CourseRun, "contact_phone")),
        gettext_lazy("Telephone number for questions and registration."),
        "+49 385 555 0140",
        aliases=("telefon",),
    ),
    Column(
        "accessibility",
        "barrierefreiheit",
        RUN,
        text(),
        gettext_lazy("Notes on accessibility: step-free access, induction loop, sign language."),
        "Stufenloser Zugang, Aufzug",
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}
COURSE_COLUMNS = tuple(c.key for c in COLUMNS if c.level == COURSE)
RUN_COLUMNS = tuple(c.key for c in COLUMNS if c.level == RUN)
_HEADERS = {
    normalise(name): column.key
    for column in COLUMNS
    for name in (column.key, column.german, *column.aliases)
}

# Columns to model fields (the funding column sets four fields; see FUNDING).
COURSE_FIELDS = {"course_number": "external_id"} | {
    key: key for key in COURSE_COLUMNS if key != "course_number"
}
RUN_FIELDS = {"run_number": "external_id", "times": "schedule_note"} | {
    key: key for key in RUN_COLUMNS if key not in ("run_number", "times", "funding")
}
# A model field's error goes to the column it came from.
COLUMN_OF_FIELD = {
    COURSE: {name: key for key, name in COURSE_FIELDS.items()},
    RUN: {name: key for key, name in RUN_FIELDS.items()}
    | {name: "funding" for name, _labels in FUNDING.values()},
}


# The attributes the columns set (the status apart), compared to tell whether a row changes them.
COURSE_ATTRS = tuple(
    "field_id" if name == "field" else name
    for key, name in COURSE_FIELDS.items()
    if key != "status"
)
RUN_ATTRS = (*RUN_FIELDS.values(), *(name for name, _l in FUNDING.values()))


def column_for_header(header: str) -> str | None:
    """The column key a header names, in English or German (any case, spaces or hyphens)."""
    return _HEADERS.get(normalise(header))


def headers(language: str, *, cluster: bool) -> list[str]:
    """The header row of a template: German names for German, English otherwise."""
    return [
        column.german if language == "de" else column.key
        for column in COLUMNS
        if cluster or column.level != PROVIDER
    ]


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown_table() -> str:
    """The column table of docs/course-import.md (in the active language)."""
    lines = [
        "| Column | German header | Belongs to | Required | What it holds | Example |",
        "|---|---|---|---|---|---|",
    ]
    for column in COLUMNS:
        cells = [
            f"`{column.key}`",
            f"`{column.german}`",
            column.level,
            "yes" if column.required else "",
            _markdown_cell(str(column.help)),
            f"`{_markdown_cell(column.example)}`" if column.example else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


DOCS = "docs/course-import.md"


def write_docs(path: str = DOCS) -> None:
    """Replace the column table in docs/course-import.md with the one this list makes."""
    from pathlib import Path

    from django.conf import settings
    from django.utils import translation

    document = Path(settings.PROJECT_DIR) / path
    text = document.read_text()
    start, end = "<!-- columns:start -->\n", "<!-- columns:end -->"
    before, rest = text.split(start, 1)
    with translation.override("en"):
        table = markdown_table()
    document.write_text(before + start + table + end + rest.split(end, 1)[1])
