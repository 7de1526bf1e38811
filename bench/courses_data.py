# ruff: noqa: E501  (a table of course types reads best one per line)
"""Realistic synthetic data for the course-search benchmark: a country's continuing-education
database.

``generate(runs=1_000_000)`` writes one public cluster with a participation declaration,
``runs / 400`` training providers spread over Germany's 16 states (95 % of them signed, so 5 %
are unlisted), ``runs / 4`` courses and ``runs`` course runs. Course titles and descriptions are
composed from some 120 real course types across the ISCED-F fields (welding, care, upgrading
training, languages, IT, agriculture ...) with level, format and audience variants, mostly in
German, some in English and Italian, so word frequencies look like a real catalogue: a few very
common words ("Kurs", "Weiterbildung"), many rare ones. Runs spread from two months ago to 18
months ahead (past runs are in the table but not in the search), with schedules, places, prices
and funding options in realistic proportions.

Rows are written with ``bulk_create`` in batches and the search copies are set directly (what
``courses.index.refresh_runs`` would compute), and the full-text index is built by
``core.search.index_objects`` as in production.
"""

from __future__ import annotations

import datetime
import random
import time

from django.db import connection, transaction
from django.utils import timezone

from netzwerkstatt.core import search
from netzwerkstatt.courses.models import Course, CourseRun, Declaration, DeclarationText
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.programmes.models import Programme
from netzwerkstatt.vocabularies.models import IscedField

STATES = [
    "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV",
    "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
]  # fmt: skip
# Rough population weights, so NRW has many more offers than Bremen.
STATE_WEIGHTS = [11, 13, 4, 2.5, 0.7, 1.9, 6.3, 1.6, 8, 18, 4.1, 1, 4, 2.2, 2.9, 2.1]
CITIES = {
    "DE-BW": ["Stuttgart", "Mannheim", "Karlsruhe", "Freiburg", "Ulm"],
    "DE-BY": ["München", "Nürnberg", "Augsburg", "Regensburg", "Würzburg"],
    "DE-BE": ["Berlin"],
    "DE-BB": ["Potsdam", "Cottbus", "Frankfurt (Oder)"],
    "DE-HB": ["Bremen", "Bremerhaven"],
    "DE-HH": ["Hamburg"],
    "DE-HE": ["Frankfurt am Main", "Kassel", "Darmstadt", "Wiesbaden", "Gießen"],
    "DE-MV": ["Schwerin", "Rostock", "Wismar", "Neubrandenburg", "Greifswald"],
    "DE-NI": ["Hannover", "Braunschweig", "Osnabrück", "Oldenburg", "Göttingen"],
    "DE-NW": ["Köln", "Düsseldorf", "Dortmund", "Essen", "Münster", "Bielefeld", "Aachen"],
    "DE-RP": ["Mainz", "Koblenz", "Trier", "Kaiserslautern"],
    "DE-SL": ["Saarbrücken", "Neunkirchen"],
    "DE-SN": ["Dresden", "Leipzig", "Chemnitz", "Zwickau"],
    "DE-ST": ["Magdeburg", "Halle (Saale)", "Dessau-Roßlau"],
    "DE-SH": ["Kiel", "Lübeck", "Flensburg", "Neumünster"],
    "DE-TH": ["Erfurt", "Jena", "Gera", "Weimar"],
}

# (ISCED-F detailed or narrow code, EQF level or None, certificate, title stem, topic words)
COURSE_TYPES = [
    (
        "0715",
        3,
        "vendor",
        "Schweißkurs MAG nach DIN EN ISO 9606-1",
        "Schweißen Stahl Blech Kehlnaht",
    ),
    ("0715", 3, "vendor", "Schweißkurs WIG Edelstahl", "Schweißen Edelstahl Rohr"),
    ("0715", 3, "provider", "CNC-Fräsen mit Heidenhain", "CNC Fräsen Zerspanung Programmierung"),
    ("0715", 6, "chamber", "Industriemeister/in Metall (IHK)", "Meister Metall Führung Produktion"),
    ("0713", 6, "chamber", "Elektrotechnikermeister/in", "Elektrotechnik Meister Installation"),
    (
        "0713",
        3,
        "provider",
        "Elektrofachkraft für festgelegte Tätigkeiten",
        "Elektro Sicherheit Prüfung",
    ),
    (
        "0713",
        4,
        "provider",
        "Photovoltaik-Anlagen planen und installieren",
        "Photovoltaik Solar Energie",
    ),
    ("0716", 4, "provider", "Kfz-Hochvolttechnik Stufe 2S", "Elektromobilität Hochvolt Fahrzeug"),
    (
        "0716",
        2,
        "vendor",
        "Gabelstaplerschein nach DGUV 308-001",
        "Gabelstapler Flurförderzeug Lager",
    ),
    ("0732", 3, "provider", "Trockenbau und Innenausbau", "Trockenbau Innenausbau Baustelle"),
    ("0732", 6, "chamber", "Geprüfte/r Polier/in Hochbau", "Bau Polier Baustelle Führung"),
    ("0731", 5, "provider", "BIM-Grundlagen mit Revit", "BIM Planung Revit Architektur"),
    (
        "0413",
        6,
        "chamber",
        "Geprüfte/r Wirtschaftsfachwirt/in (IHK)",
        "Fachwirt Betriebswirtschaft Führung",
    ),
    (
        "0413",
        6,
        "chamber",
        "Geprüfte/r Fachwirt/in im Gesundheits- und Sozialwesen",
        "Fachwirt Gesundheit Management",
    ),
    (
        "0413",
        7,
        "chamber",
        "Geprüfte/r Betriebswirt/in (IHK)",
        "Betriebswirt Strategie Unternehmensführung",
    ),
    (
        "0413",
        4,
        "chamber",
        "Umschulung Kaufmann/-frau für Büromanagement",
        "Umschulung Büro Verwaltung Kaufmann",
    ),
    ("0413", 5, "provider", "Projektmanagement kompakt", "Projektmanagement Planung Agil Scrum"),
    (
        "0413",
        5,
        "vendor",
        "Agiles Projektmanagement mit Scrum (PSM I)",
        "Scrum agil Projekt Zertifizierung",
    ),
    (
        "0411",
        4,
        "chamber",
        "Geprüfte/r Bilanzbuchhalter/in",
        "Buchhaltung Bilanz Steuern Abschluss",
    ),
    (
        "0411",
        3,
        "provider",
        "Lohn- und Gehaltsabrechnung mit DATEV",
        "DATEV Lohn Gehalt Abrechnung",
    ),
    ("0411", 3, "provider", "Finanzbuchhaltung Grundlagen", "Buchhaltung Konten Buchungssätze"),
    (
        "0414",
        4,
        "provider",
        "Online-Marketing und Social Media",
        "Marketing Social Media SEO Content",
    ),
    (
        "0416",
        4,
        "chamber",
        "Umschulung Kaufmann/-frau im Einzelhandel",
        "Einzelhandel Verkauf Kasse Warenwirtschaft",
    ),
    (
        "0417",
        4,
        "provider",
        "Personalwesen und Arbeitsrecht kompakt",
        "Personal Arbeitsrecht Recruiting",
    ),
    (
        "0417",
        6,
        "chamber",
        "Geprüfte/r Personalfachkaufmann/-frau",
        "Personal Fachkaufmann Entgelt",
    ),
    ("0421", 5, "provider", "Datenschutzbeauftragte/r (DSGVO)", "Datenschutz DSGVO Recht"),
    (
        "0612",
        4,
        "chamber",
        "Umschulung Fachinformatiker/in Systemintegration",
        "IT Netzwerk Server Administration",
    ),
    (
        "0613",
        4,
        "chamber",
        "Umschulung Fachinformatiker/in Anwendungsentwicklung",
        "Programmierung Java Software",
    ),
    ("0613", 5, "provider", "Python für Datenanalyse", "Python Daten Analyse Pandas"),
    (
        "0613",
        5,
        "provider",
        "Webentwicklung mit JavaScript und React",
        "JavaScript React Web Frontend",
    ),
    ("0612", 5, "vendor", "Cisco CCNA Vorbereitung", "Netzwerk Cisco Routing Switching"),
    ("0611", 2, "attendance", "Excel für Fortgeschrittene", "Excel Tabellen Formeln Pivot"),
    ("0611", 2, "attendance", "Microsoft 365 im Büroalltag", "Office Teams Outlook Word"),
    (
        "0611",
        3,
        "provider",
        "Künstliche Intelligenz im Arbeitsalltag",
        "KI ChatGPT Automatisierung",
    ),
    (
        "0612",
        5,
        "vendor",
        "IT-Sicherheit und Cyber Security Grundlagen",
        "Sicherheit Cyber Angriff Schutz",
    ),
    ("0913", 4, "state", "Pflegefachassistenz", "Pflege Assistenz Betreuung Senioren"),
    (
        "0913",
        3,
        "provider",
        "Betreuungskraft nach § 53b SGB XI",
        "Betreuung Demenz Alltagsbegleitung",
    ),
    ("0913", 5, "state", "Praxisanleitung in der Pflege", "Praxisanleitung Pflege Ausbildung"),
    ("0912", 3, "provider", "Hygienebeauftragte/r in Arztpraxen", "Hygiene Praxis Medizin"),
    (
        "0922",
        4,
        "state",
        "Staatlich anerkannte/r Erzieher/in berufsbegleitend",
        "Erzieher Kita Pädagogik Kinder",
    ),
    (
        "0922",
        3,
        "provider",
        "Tagespflegeperson Qualifizierung",
        "Kindertagespflege Betreuung Kinder",
    ),
    ("0923", 5, "provider", "Systemische Beratung", "Beratung systemisch Coaching"),
    ("0231", 2, "provider", "Deutsch für den Beruf B1", "Deutsch Sprache Beruf Kommunikation"),
    ("0231", 3, "provider", "Deutsch für den Beruf B2", "Deutsch Sprache Beruf Prüfung"),
    ("0231", 3, "provider", "Berufssprachkurs Deutsch Pflege B2", "Deutsch Pflege Fachsprache"),
    ("0231", 3, "provider", "Business English B2", "English business communication meetings"),
    ("0231", 2, "attendance", "Englisch für den Beruf A2", "Englisch Sprache Alltag Beruf"),
    (
        "0231",
        2,
        "attendance",
        "Italienisch für Gastronomie und Tourismus",
        "Italienisch Gastronomie Tourismus",
    ),
    ("0231", 2, "attendance", "Polnisch für Grenzpendler", "Polnisch Sprache Nachbarland"),
    ("0811", 3, "state", "Sachkunde Pflanzenschutz", "Pflanzenschutz Landwirtschaft Sachkunde"),
    ("0811", 6, "chamber", "Landwirtschaftsmeister/in", "Landwirtschaft Meister Betrieb"),
    ("0812", 4, "provider", "Baumpflege und Motorsägenschein", "Motorsäge Baum Forst Sicherheit"),
    ("0821", 3, "provider", "Waldarbeit und Holzernte", "Forst Holz Wald Ernte"),
    ("1013", 4, "chamber", "Küchenmeister/in", "Küche Koch Gastronomie Meister"),
    ("1013", 2, "attendance", "Barista-Grundkurs", "Kaffee Barista Gastronomie"),
    ("1015", 3, "provider", "Gästeführer/in Tourismus", "Tourismus Gästeführung Region"),
    ("1022", 2, "attendance", "Erste Hilfe im Betrieb", "Erste Hilfe Ersthelfer Notfall"),
    (
        "1022",
        4,
        "provider",
        "Fachkraft für Arbeitssicherheit",
        "Arbeitssicherheit Arbeitsschutz Gefährdung",
    ),
    ("1032", 2, "state", "Sachkunde § 34a GewO Bewachung", "Bewachung Sicherheit Prüfung"),
    (
        "1041",
        3,
        "chamber",
        "Berufskraftfahrer Weiterbildung Module 1-5",
        "Berufskraftfahrer LKW Fahrer",
    ),
    (
        "1041",
        4,
        "vendor",
        "Offshore-Sicherheitstraining GWO Basic Safety",
        "Offshore Wind GWO Sicherheit",
    ),
    (
        "0111",
        5,
        "provider",
        "Ausbildung der Ausbilder (AdA) nach AEVO",
        "Ausbilder AEVO Ausbildung Prüfung",
    ),
    (
        "0111",
        5,
        "provider",
        "Digitale Lehre und E-Learning gestalten",
        "E-Learning Didaktik digital Moodle",
    ),
    ("0311", 4, "provider", "Mediation und Konfliktmanagement", "Mediation Konflikt Kommunikation"),
    (
        "0031",
        2,
        "attendance",
        "Zeitmanagement und Selbstorganisation",
        "Zeitmanagement Stress Organisation",
    ),
    (
        "0031",
        3,
        "provider",
        "Führungskräftetraining für neue Teamleitungen",
        "Führung Team Kommunikation",
    ),
    ("0031", 3, "provider", "Resilienz und betriebliche Gesundheit", "Resilienz Gesundheit Stress"),
    (
        "0521",
        4,
        "provider",
        "Energieberater/in für Wohngebäude",
        "Energie Beratung Gebäude Sanierung",
    ),
    ("0521", 5, "provider", "Nachhaltigkeitsmanagement im Unternehmen", "Nachhaltigkeit CSR Klima"),
    ("0532", 4, "provider", "Umweltschutzbeauftragte/r", "Umwelt Abfall Immissionsschutz"),
]
ENGLISH_TITLES = {
    "Python für Datenanalyse": "Python for data analysis",
    "Projektmanagement kompakt": "Project management essentials",
    "IT-Sicherheit und Cyber Security Grundlagen": "IT security and cyber security basics",
    "Online-Marketing und Social Media": "Online marketing and social media",
    "Nachhaltigkeitsmanagement im Unternehmen": "Sustainability management in companies",
}
ITALIAN_TITLES = {
    "Italienisch für Gastronomie und Tourismus": "Italiano per la ristorazione e il turismo",
    "Barista-Grundkurs": "Corso base per baristi",
    "Projektmanagement kompakt": "Gestione dei progetti in breve",
}
VARIANTS = ["", "Grundkurs", "Aufbaukurs", "Intensivkurs", "berufsbegleitend", "kompakt", "Modul 1",
            "Modul 2", "für Quereinsteiger", "mit Praktikum", "Abendkurs", "Wochenendseminar"]  # fmt: skip
AUDIENCES = [
    "Arbeitsuchende und Berufsrückkehrende",
    "Beschäftigte in kleinen und mittleren Unternehmen",
    "Fachkräfte mit abgeschlossener Berufsausbildung",
    "Zugewanderte mit Berufserfahrung",
    "Führungskräfte und Nachwuchsführungskräfte",
    "Quereinsteigerinnen und Quereinsteiger",
]
SENTENCES = [
    "Der Kurs verbindet Theorie und Praxis in kleinen Gruppen.",
    "Sie lernen an modernen Maschinen und realen Aufgaben aus Betrieben der Region.",
    "Unsere Dozentinnen und Dozenten kommen aus der Praxis.",
    "Nach erfolgreichem Abschluss erhalten Sie ein aussagekräftiges Zertifikat.",
    "Die Weiterbildung bereitet gezielt auf die Prüfung vor.",
    "Ein Einstieg ist auch mit Bildungsgutschein der Agentur für Arbeit möglich.",
    "Lernmaterialien und Prüfungsgebühren sind im Preis enthalten.",
    "Praktische Übungen machen den größten Teil des Unterrichts aus.",
    "Wir beraten Sie vor Beginn kostenlos zu Voraussetzungen und Förderung.",
    "Der Unterricht findet in barrierefreien Räumen statt.",
    "Online-Phasen lassen sich flexibel neben dem Beruf bearbeiten.",
    "Die Teilnehmenden arbeiten an einem eigenen Projekt aus ihrem Arbeitsalltag.",
]
PROVIDER_WORDS = ["Bildungszentrum", "Akademie", "Bildungswerk", "Institut für Weiterbildung",
                  "Schulungszentrum", "Lernwerkstatt", "Technikum", "Fortbildungswerk"]  # fmt: skip


def _insert_runs(rows: list[dict]) -> None:
    """INSERT with ``executemany``: ``bulk_create`` spends most of its time compiling SQL for
    35 columns, which would make generating a million runs take minutes."""
    fields = [f for f in CourseRun._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields}
    defaults["created"] = timezone.now()
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = (
        f"INSERT INTO {CourseRun._meta.db_table} ({columns}) "  # noqa: S608 (our own names)
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    values = []
    for row in rows:
        values.append(
            tuple(
                f.get_db_prep_save(row.get(f.attname, defaults[f.attname]), connection)
                if f.attname in ("created", "start_date", "end_date", "label_until", "price")
                else row.get(f.attname, defaults[f.attname])
                for f in fields
            )
        )
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _weighted_state(rng: random.Random) -> str:
    return rng.choices(STATES, weights=STATE_WEIGHTS)[0]


@transaction.atomic
def generate(runs: int = 1_000_000, seed: int = 2026, progress=print) -> dict[str, int]:
    rng = random.Random(seed)
    today = timezone.localdate()
    started = time.perf_counter()
    fields = {f.code: f for f in IscedField.objects.all()}
    cluster = Programme.objects.create(
        name="Weiterbildungsdatenbank Deutschland", slug="bench-cluster", is_public=True
    )
    text = DeclarationText.objects.create(
        programme=cluster, version=1, title="Beteiligungserklärung", text="Wir machen mit."
    )
    n_providers = max(1, runs // 400)
    providers = []
    for n in range(n_providers):
        state = _weighted_state(rng)
        city = rng.choice(CITIES[state])
        providers.append(
            Organisation(
                name=f"{rng.choice(PROVIDER_WORDS)} {city} {n:05d}",
                slug=f"bench-provider-{n:05d}",
                kind=Organisation.Kind.TRAINING_PROVIDER,
                sector=rng.choice(["private", "private", "public"]),
                country="DE",
                region=state,
                city=city,
            )
        )
    Organisation.objects.bulk_create(providers, batch_size=2000)
    providers = list(Organisation.objects.filter(slug__startswith="bench-provider-").order_by("pk"))
    signed = {p.pk for p in providers if rng.random() < 0.95}
    Declaration.objects.bulk_create(
        [
            Declaration(programme=cluster, organisation_id=pk, text=text, signer_name="Leitung")
            for pk in signed
        ],
        batch_size=2000,
    )
    labelled = {pk: today + datetime.timedelta(days=rng.randint(-30, 700)) for pk in signed
                if rng.random() < 0.3}  # fmt: skip
    progress(
        f"  {n_providers} providers, {len(signed)} signed ({time.perf_counter() - started:.0f}s)"
    )

    n_courses = max(1, runs // 4)
    courses = []
    now = timezone.now()
    for n in range(n_courses):
        code, eqf, certificate, stem, topics = rng.choice(COURSE_TYPES)
        language = "de"
        title = stem
        roll = rng.random()
        if roll < 0.08 and stem in ENGLISH_TITLES:
            language, title = "en", ENGLISH_TITLES[stem]
        elif roll < 0.12 and stem in ITALIAN_TITLES:
            language, title = "it", ITALIAN_TITLES[stem]
        elif "English" in stem:
            language = "en"
        variant = rng.choice(VARIANTS)
        if variant and language == "de":
            title = f"{title} – {variant}"
        provider = rng.choice(providers)
        description = " ".join(
            [f"{title}: {topics}."] + rng.sample(SENTENCES, 3) + [rng.choice(AUDIENCES) + "."]
        )
        field = fields.get(code) or fields[code[:3]]
        courses.append(
            Course(
                organisation=provider,
                slug=f"course-{n:07d}",
                external_id=f"K{n:07d}",
                title=title[:200],
                description=description,
                learning_outcomes="\n".join(topics.split()),
                field=field,
                eqf_level=eqf,
                target_group=rng.choice(AUDIENCES),
                certificate=certificate,
                language=language,
                format=rng.choices(["in_person", "online", "blended"], weights=[6, 2, 2])[0],
                status="published" if rng.random() < 0.97 else "draft",
                published_at=now,
            )
        )
    Course.objects.bulk_create(courses, batch_size=5000)
    progress(f"  {n_courses} courses ({time.perf_counter() - started:.0f}s)")
    course_rows = list(
        Course.objects.filter(organisation__slug__startswith="bench-provider-")
        .order_by("pk")
        .values_list(
            "pk",
            "organisation_id",
            "status",
            "field__code",
            "eqf_level",
            "format",
            "language",
            "certificate",
        )
    )
    org_region = {p.pk: (p.region, p.city) for p in providers}
    batch: list[CourseRun] = []
    written = 0
    for n in range(runs):
        pk, org, status, code, eqf, fmt, language, certificate = course_rows[n % len(course_rows)]
        start = today + datetime.timedelta(days=rng.randint(-60, 540))
        weeks = rng.choice([1, 2, 4, 8, 12, 26, 52])
        online = fmt == "online"
        region, city = org_region[org]
        if rng.random() < 0.2:  # a branch in another city of the state
            city = rng.choice(CITIES[region])
        price = None if rng.random() < 0.08 else rng.choice(
            [0, 89, 190, 350, 490, 890, 1290, 1890, 2450, 3900, 5600, 8900]
        )  # fmt: skip
        batch.append(
            {
                "course_id": pk,
                "external_id": f"R{n:07d}",
                "start_date": start,
                "end_date": start + datetime.timedelta(weeks=weeks),
                "schedule": rng.choices(
                    ["full_time", "part_time", "evenings", "weekends"], weights=[4, 3, 2, 1]
                )[0],
                "hours": weeks * rng.choice([4, 8, 20, 38]),
                "online": online,
                "city": "" if online else city,
                "region": "" if online else region,
                "postal_code": "" if online else f"{rng.randint(1000, 99999):05d}",
                "street": "" if online else f"Hauptstraße {rng.randint(1, 200)}",
                "price": price,
                "seats": rng.choice([None, 8, 12, 16, 20, 25]),
                "funding_voucher": rng.random() < 0.35,
                "funding_upgrading_grant": eqf is not None and eqf >= 5 and rng.random() < 0.6,
                "funding_educational_leave": rng.random() < 0.2,
                "funding_employer": rng.random() < 0.15,
                "registration_url": f"https://anbieter-{org}.example.org/kurse/{pk}",
                "listed": status == "published" and org in signed,
                "provider_id": org,
                "field_broad": code[:2],
                "eqf": eqf,
                "format": fmt,
                "language": language,
                "certificate": certificate,
                "label_until": labelled.get(org),
            }
        )
        if len(batch) == 10_000:
            _insert_runs(batch)
            written += len(batch)
            batch = []
            if written % 200_000 == 0:
                progress(f"  {written} runs ({time.perf_counter() - started:.0f}s)")
    _insert_runs(batch)
    progress(f"  {runs} runs ({time.perf_counter() - started:.0f}s)")
    indexed = search.index_objects(
        Course.objects.filter(organisation__slug__startswith="bench-provider-").select_related(
            "field", "organisation"
        ),
        batch_size=5000,
    )
    progress(f"  {indexed} courses in the full-text index ({time.perf_counter() - started:.0f}s)")
    return {"providers": n_providers, "courses": n_courses, "runs": runs}
