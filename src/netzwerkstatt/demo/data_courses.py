"""The continuing-education database of the Bildungsnetzwerk Elbe-Ostsee (seed 004): the cluster's
participation declaration in two versions, the providers' signatures and certifications, the
venues, the shapes of courses and runs, and the imports. The quality standard and the
self-assessments are in ``data_courses_quality``, the courses and their runs in
``data_courses_offers`` and ``data_courses_more``; ``courses`` writes all of it through the
services of the ``courses`` app.

The story: the project office published the declaration in November 2024, at the end of the
market analysis; all eight providers signed it by June 2025 (the seed's "acht
Einwilligungserklärungen"). Version 2 (October 2025) adds the passing on of course data to the
state's database and the machine-readable publication; it does not require signing again, and
the Schweriner Akademie signed it anyway. A ninth provider, the Bildungsforum Crivitz, registered
on the platform but has not signed: its courses stay out of the public database.

Dates of the declarations are fixed (they lie well in the past). Everything that must still hold
on the day the demo is loaded (certificates about to expire, quality labels, course runs) is given
in days relative to that day.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .data_mecklenburg import ELBE_OSTSEE
from .data_mecklenburg import NEW_PROVIDER as _NEW_PROVIDER

D = datetime.date
Texts = dict[str, str]  # language -> text

CLUSTER = ELBE_OSTSEE.name
NEW_PROVIDER = _NEW_PROVIDER.key  # registered, no declaration yet


# Participation declaration ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class DeclarationTextSpec:
    version: int
    published: datetime.date
    title: Texts
    text: Texts
    requires_resigning: bool = False


@dataclass(frozen=True, kw_only=True)
class SignatureSpec:
    organisation: str  # Org key; its first admin records the signature
    version: int
    signed_on: datetime.date
    signer: str
    position: str


_TITLE = {
    "de": "Beteiligungserklärung zum Bildungsnetzwerk Elbe-Ostsee",
    "en": "Participation declaration for the Bildungsnetzwerk Elbe-Ostsee",
    "it": "Dichiarazione di partecipazione al Bildungsnetzwerk Elbe-Ostsee",
}

# The sections of version 1; version 2 changes sections 4 and 6 and adds a note on top.
_INTRO = {
    "de": (
        "Die unterzeichnende Einrichtung beteiligt sich am **Bildungsnetzwerk Elbe-Ostsee**, dem "
        "Weiterbildungscluster Westmecklenburg."
    ),
    "en": (
        "The signing organisation takes part in the **Bildungsnetzwerk Elbe-Ostsee**, the "
        "continuing-education cluster of Western Mecklenburg."
    ),
    "it": (
        "L'organizzazione firmataria partecipa al **Bildungsnetzwerk Elbe-Ostsee**, il cluster "
        "della formazione continua del Meclemburgo occidentale."
    ),
}
_GOAL = {
    "de": """\
## 1. Ziel

Gemeinsam mit den anderen Partnern wollen wir die berufliche Weiterbildung in Westmecklenburg \
nachhaltig weiterentwickeln – wirtschaftlich, ökologisch und sozial – und Menschen und Betrieben \
in der Region ein gut erreichbares und vergleichbares Angebot machen.""",
    "en": """\
## 1. Purpose

Together with the other partners we want to develop continuing vocational education in Western \
Mecklenburg sustainably – economically, ecologically and socially – and give people and companies \
in the region offers that are easy to reach and to compare.""",
    "it": """\
## 1. Obiettivo

Insieme agli altri partner intendiamo sviluppare in modo sostenibile la formazione professionale \
continua nel Meclemburgo occidentale – dal punto di vista economico, ecologico e sociale – e \
offrire alle persone e alle imprese della regione proposte facilmente raggiungibili e \
confrontabili.""",
}
_PROMISES = {
    "de": """\
## 2. Was wir zusagen

- Wir arbeiten nach dem gemeinsam vereinbarten **Zusammenarbeitsmodell** und nehmen an den \
Netzwerktreffen teil (mindestens zwei im Jahr).
- Wir erfassen unsere **Kernkompetenzen** und unsere Weiterbildungsangebote in der regionalen \
Weiterbildungsdatenbank und halten sie aktuell.
- Wir wirken an den **Qualitätsstandards** des Netzwerks mit und legen eine Selbstbewertung vor, \
sobald der Standard beschlossen ist.
- Wir verweisen Interessierte an einen Partner, wenn wir selbst kein passendes Angebot haben.""",
    "en": """\
## 2. What we commit to

- We work according to the jointly agreed **cooperation model** and take part in the network \
meetings (at least two a year).
- We record our **core competencies** and our courses in the regional continuing-education \
database and keep them up to date.
- We help shape the network's **quality standards** and submit a self-assessment once the standard \
has been adopted.
- We refer people to a partner when we have no suitable offer ourselves.""",
    "it": """\
## 2. I nostri impegni

- Lavoriamo secondo il **modello di cooperazione** concordato e partecipiamo agli incontri della \
rete (almeno due all'anno).
- Registriamo le nostre **competenze chiave** e i nostri corsi nella banca dati regionale della \
formazione continua e li teniamo aggiornati.
- Contribuiamo agli **standard di qualità** della rete e presentiamo un'autovalutazione non appena \
lo standard è adottato.
- Indirizziamo le persone interessate a un partner quando non abbiamo un'offerta adatta.""",
}
_FAIRNESS = {
    "de": """\
## 3. Fairer Umgang

Die Partner bleiben eigenständige Unternehmen und Wettbewerber. Was im Netzwerk über Preise, \
Kalkulationen oder Kunden bekannt wird, behandeln wir vertraulich; Absprachen über Preise oder \
die Aufteilung von Märkten gibt es nicht.""",
    "en": """\
## 3. Fair dealing

The partners remain independent businesses and competitors. Whatever we learn in the network \
about prices, calculations or customers we treat as confidential; there are no agreements on \
prices or on dividing markets.""",
    "it": """\
## 3. Correttezza

I partner restano imprese autonome e concorrenti. Quanto apprendiamo nella rete su prezzi, \
calcoli o clienti è trattato in modo riservato; non esistono accordi sui prezzi né sulla \
ripartizione dei mercati.""",
}
_DATA_V1 = {
    "de": """\
## 4. Unsere Angaben in der Datenbank

Wir erlauben der Projektleitung, unsere Angaben zu Einrichtung, Zertifizierungen und Kursen in \
der öffentlichen Weiterbildungsdatenbank zu zeigen. Für die Richtigkeit unserer Kursangaben sind \
wir selbst verantwortlich.""",
    "en": """\
## 4. Our information in the database

We allow the project office to show our information on our organisation, certifications and \
courses in the public continuing-education database. We are responsible for the accuracy of our \
course information.""",
    "it": """\
## 4. I nostri dati nella banca dati

Autorizziamo la direzione del progetto a mostrare nella banca dati pubblica della formazione \
continua i dati sulla nostra organizzazione, sulle certificazioni e sui corsi. La correttezza dei \
dati sui corsi è di nostra responsabilità.""",
}
_DATA_V2_ADDITION = {
    "de": (
        "Die Projektleitung darf die Kursangaben außerdem an die Weiterbildungsdatenbank "
        "Mecklenburg-Vorpommern weitergeben und maschinenlesbar (schema.org) veröffentlichen, "
        "damit Suchmaschinen und Beratungsstellen sie finden."
    ),
    "en": (
        "The project office may also pass the course information on to the continuing-education "
        "database of Mecklenburg-Vorpommern and publish it in machine-readable form (schema.org), "
        "so that search engines and guidance services find it."
    ),
    "it": (
        "La direzione del progetto può inoltre trasmettere i dati sui corsi alla banca dati "
        "della formazione continua del Meclemburgo-Pomerania Anteriore e pubblicarli in formato "
        "leggibile dalle macchine (schema.org), affinché motori di ricerca e servizi di "
        "orientamento li trovino."
    ),
}
_COSTS = {
    "de": """\
## 5. Kosten

Die Beteiligung ist während der Projektlaufzeit kostenfrei. Über eine spätere Finanzierung des \
Netzwerks entscheiden die Partner gemeinsam.""",
    "en": """\
## 5. Costs

Taking part is free of charge while the project runs. The partners decide together how the \
network is financed afterwards.""",
    "it": """\
## 5. Costi

La partecipazione è gratuita per la durata del progetto. I partner decidono insieme come \
finanziare la rete in seguito.""",
}
_TERM_V1 = {
    "de": """\
## 6. Laufzeit und Widerruf

Die Erklärung gilt ab ihrer Unterzeichnung bis zum Ende des Projekts. Sie kann jederzeit ohne \
Angabe von Gründen widerrufen werden; unsere Angebote werden dann nicht mehr in der öffentlichen \
Datenbank gezeigt.""",
    "en": """\
## 6. Term and revocation

The declaration applies from its signature until the end of the project. It can be revoked at \
any time without giving reasons; our offers are then no longer shown in the public database.""",
    "it": """\
## 6. Durata e revoca

La dichiarazione vale dalla firma fino alla fine del progetto. Può essere revocata in qualsiasi \
momento senza indicarne i motivi; le nostre offerte non saranno più mostrate nella banca dati \
pubblica.""",
}
_TERM_V2 = {
    "de": """\
## 6. Laufzeit und Widerruf

Die Erklärung gilt ab ihrer Unterzeichnung, über das Ende des Projekts hinaus, solange das \
Netzwerk besteht. Sie kann jederzeit ohne Angabe von Gründen widerrufen werden; unsere Angebote \
werden dann nicht mehr in der öffentlichen Datenbank gezeigt.""",
    "en": """\
## 6. Term and revocation

The declaration applies from its signature and beyond the end of the project, for as long as the \
network exists. It can be revoked at any time without giving reasons; our offers are then no \
longer shown in the public database.""",
    "it": """\
## 6. Durata e revoca

La dichiarazione vale dalla firma e anche oltre la fine del progetto, finché la rete esiste. Può \
essere revocata in qualsiasi momento senza indicarne i motivi; le nostre offerte non saranno più \
mostrate nella banca dati pubblica.""",
}
_CHANGED_IN_V2 = {
    "de": (
        "*Geändert gegenüber Version 1 (November 2024): Abschnitt 4 (Weitergabe an die "
        "Landesdatenbank, maschinenlesbare Veröffentlichung) und Abschnitt 6 (Geltung über das "
        "Projektende hinaus). Bestehende Unterschriften bleiben gültig.*"
    ),
    "en": (
        "*Changed from version 1 (November 2024): section 4 (passing data on to the state's "
        "database, machine-readable publication) and section 6 (validity beyond the end of the "
        "project). Existing signatures remain valid.*"
    ),
    "it": (
        "*Modifiche rispetto alla versione 1 (novembre 2024): sezione 4 (trasmissione alla banca "
        "dati regionale, pubblicazione in formato leggibile dalle macchine) e sezione 6 (validità "
        "oltre la fine del progetto). Le firme esistenti restano valide.*"
    ),
}


def _declaration(*parts: Texts) -> Texts:
    return {code: "\n\n".join(part[code] for part in parts) + "\n" for code in ("de", "en", "it")}


_DATA_V2 = {code: f"{_DATA_V1[code]} {_DATA_V2_ADDITION[code]}" for code in _DATA_V1}

DECLARATION_TEXTS = (
    DeclarationTextSpec(
        version=1,
        published=D(2024, 11, 18),
        title=_TITLE,
        text=_declaration(_INTRO, _GOAL, _PROMISES, _FAIRNESS, _DATA_V1, _COSTS, _TERM_V1),
    ),
    DeclarationTextSpec(
        version=2,
        published=D(2025, 10, 6),
        title=_TITLE,
        text=_declaration(
            _CHANGED_IN_V2, _INTRO, _GOAL, _PROMISES, _FAIRNESS, _DATA_V2, _COSTS, _TERM_V2
        ),
    ),
)

SIGNATURES = (
    SignatureSpec(
        organisation="schweriner-akademie",
        version=1,
        signed_on=D(2024, 12, 3),
        signer="Kristin Behrens",
        position="Geschäftsführerin",
    ),
    SignatureSpec(
        organisation="lernwerkstatt-hagenow",
        version=1,
        signed_on=D(2024, 12, 11),
        signer="Sandra Wulff",
        position="Vorsitzende des Vorstands",
    ),
    SignatureSpec(
        organisation="hanse-bildungszentrum",
        version=1,
        signed_on=D(2025, 1, 20),
        signer="Dr. Ulrike Hamann",
        position="Geschäftsführerin",
    ),
    SignatureSpec(
        organisation="elbe-bildungsdienste",
        version=1,
        signed_on=D(2025, 2, 4),
        signer="Carsten Möller",
        position="Inhaber",
    ),
    SignatureSpec(
        organisation="agrarbildung-gadebusch",
        version=1,
        signed_on=D(2025, 2, 27),
        signer="Heiko Brandt",
        position="Leiter der Bildungsstätte",
    ),
    SignatureSpec(
        organisation="bildungswerk-ludwigslust",
        version=1,
        signed_on=D(2025, 3, 14),
        signer="Thomas Wendt",
        position="Geschäftsführer",
    ),
    SignatureSpec(
        organisation="jugend-beruf-parchim",
        version=1,
        signed_on=D(2025, 4, 9),
        signer="Martina Lüdtke",
        position="Geschäftsführerin",
    ),
    SignatureSpec(
        organisation="weiterbildung-kluetzer-winkel",
        version=1,
        signed_on=D(2025, 6, 2),
        signer="Björn Evers",
        position="Geschäftsführer",
    ),
    # Not required, but the Akademie's lawyers wanted the amended text on file.
    SignatureSpec(
        organisation="schweriner-akademie",
        version=2,
        signed_on=D(2025, 10, 20),
        signer="Kristin Behrens",
        position="Geschäftsführerin",
    ),
)


# Certifications -----------------------------------------------------------------------------------

# Invented certification bodies (no real company names).
NZB = "Norddeutsche Zertifizierungsgesellschaft für Bildung mbH"
HPZ = "Hanseatische Prüf- und Zertifizierungsstelle GmbH"
QBW = "QualiBild Zertifizierung Weiterbildung GmbH"
LQI = "Institut für lernerorientierte Qualitätsentwicklung e. V."
SPN = "Schweißtechnische Prüfstelle Nord e. V."
LAG = "Landesarbeitsgemeinschaft Weiterbildungsqualität Mecklenburg-Vorpommern e. V."


@dataclass(frozen=True, kw_only=True)
class CertificationSpec:
    organisation: str
    kind: str  # Certification.Kind value
    issuer: str
    reference: str
    valid_from: int  # days relative to the day of loading
    valid_until: int
    name: str = ""  # for a regional seal or another certification
    evidence: bool = True  # a PDF of the certificate is uploaded


CERTIFICATIONS = (
    CertificationSpec(
        organisation="schweriner-akademie",
        kind="azav",
        issuer=NZB,
        reference="NZB-AZAV-2024-1187",
        valid_from=-640,
        valid_until=455,
    ),
    CertificationSpec(
        organisation="schweriner-akademie",
        kind="iso9001",
        issuer=HPZ,
        reference="HPZ-QM-44817",
        valid_from=-280,
        valid_until=815,
    ),
    CertificationSpec(
        organisation="hanse-bildungszentrum",
        kind="azav",
        issuer=NZB,
        reference="NZB-AZAV-2025-0342",
        valid_from=-420,
        valid_until=675,
    ),
    CertificationSpec(
        organisation="hanse-bildungszentrum",
        kind="other",
        name="Anerkannte Schweißkursstätte",
        issuer=SPN,
        reference="SPN-KS-118",
        valid_from=-500,
        valid_until=595,
    ),
    CertificationSpec(
        organisation="lernwerkstatt-hagenow",
        kind="lqw",
        issuer=LQI,
        reference="LQW-MV-0217",
        valid_from=-700,
        valid_until=395,
    ),
    CertificationSpec(
        organisation="lernwerkstatt-hagenow",
        kind="azav",
        issuer=QBW,
        reference="QBW-T-20931",
        valid_from=-910,
        valid_until=185,
    ),
    CertificationSpec(
        organisation="bildungswerk-ludwigslust",
        kind="azav",
        issuer=QBW,
        reference="QBW-T-21402",
        valid_from=-850,
        valid_until=245,
    ),
    CertificationSpec(
        organisation="bildungswerk-ludwigslust",
        kind="iso9001",
        issuer=HPZ,
        reference="HPZ-QM-45120",
        valid_from=-600,
        valid_until=495,
    ),
    CertificationSpec(
        organisation="weiterbildung-kluetzer-winkel",
        kind="regional_seal",
        name="Gütesiegel Gute Weiterbildung MV",
        issuer=LAG,
        reference="GW-MV-2025-031",
        valid_from=-330,
        valid_until=765,
    ),
    # The switch from the withdrawn ISO 29990 to ISO 21001: the old certificate has just expired.
    CertificationSpec(
        organisation="agrarbildung-gadebusch",
        kind="iso29990",
        issuer=HPZ,
        reference="HPZ-LS-3307",
        valid_from=-1115,
        valid_until=-20,
    ),
    CertificationSpec(
        organisation="agrarbildung-gadebusch",
        kind="iso21001",
        issuer=HPZ,
        reference="HPZ-EO-0058",
        valid_from=-25,
        valid_until=1070,
    ),
    CertificationSpec(
        organisation="agrarbildung-gadebusch",
        kind="azav",
        issuer=NZB,
        reference="NZB-AZAV-2024-0921",
        valid_from=-560,
        valid_until=535,
    ),
    CertificationSpec(
        organisation="jugend-beruf-parchim",
        kind="azav",
        issuer=QBW,
        reference="QBW-T-19877",
        valid_from=-945,
        valid_until=150,
    ),
    CertificationSpec(
        organisation="elbe-bildungsdienste",
        kind="azav",
        issuer=NZB,
        reference="NZB-AZAV-2025-0610",
        valid_from=-300,
        valid_until=795,
    ),
    # Runs out in a few weeks: the provider gets the warning and the audit is booked.
    CertificationSpec(
        organisation="elbe-bildungsdienste",
        kind="iso9001",
        issuer=HPZ,
        reference="HPZ-QM-40263",
        valid_from=-1057,
        valid_until=38,
    ),
    CertificationSpec(
        organisation=NEW_PROVIDER,
        kind="azav",
        issuer=QBW,
        reference="QBW-T-22815",
        valid_from=-90,
        valid_until=1005,
        evidence=False,
    ),
)


# Venues -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    name: str
    street: str
    postal_code: str
    city: str
    accessibility: str = ""


VENUES = {
    "schwerin": Venue(
        "Schweriner Akademie, Haus B",
        "Lübecker Straße 210",
        "19059",
        "Schwerin",
        "Barrierefreier Eingang, Aufzug in alle Etagen, rollstuhlgerechtes WC.",
    ),
    "schwerin-a": Venue("Schweriner Akademie, Haus A", "Lübecker Straße 208", "19059", "Schwerin"),
    "wismar": Venue(
        "Hanse-Bildungszentrum, Werkstatthalle",
        "Am Alten Hafen 8",
        "23966",
        "Wismar",
        "Werkstatthalle ebenerdig; Schulungsräume im 1. OG ohne Aufzug.",
    ),
    "wismar-sprache": Venue(
        "Hanse-Bildungszentrum, Sprachenzentrum", "Dankwartstraße 22", "23966", "Wismar"
    ),
    "wismar-training": Venue("Offshore-Trainingszentrum Wismar", "Am Haffeld 3", "23970", "Wismar"),
    "hagenow": Venue(
        "Lernwerkstatt Hagenow",
        "Lange Straße 61",
        "19230",
        "Hagenow",
        "Alle Räume ebenerdig, Material in Einfacher Sprache, Kinderbetreuung auf Anfrage.",
    ),
    "wittenburg": Venue(
        "Lernwerkstatt, Außenstelle Wittenburg", "Molkereistraße 4", "19243", "Wittenburg"
    ),
    "ludwigslust": Venue(
        "Bildungswerk Ludwigsluster Land",
        "Schweriner Straße 27",
        "19288",
        "Ludwigslust",
        "Barrierefrei, Hörschleife im Seminarraum 1.",
    ),
    "parchim-pflege": Venue(
        "Bildungswerk, Lernort Parchim", "Putlitzer Straße 10", "19370", "Parchim"
    ),
    "grevesmuehlen": Venue(
        "Weiterbildung Klützer Winkel",
        "August-Bebel-Straße 15",
        "23936",
        "Grevesmühlen",
        "Seminarraum barrierefrei; Schulungsküche über drei Stufen.",
    ),
    "boltenhagen": Venue(
        "Schulungsküche im Kurhaus Boltenhagen", "Ostseeallee 30", "23946", "Boltenhagen"
    ),
    "kluetz": Venue("Seminarhaus am Schloss Bothmer", "Schloßstraße 1", "23948", "Klütz"),
    "gadebusch": Venue(
        "Agrarbildungszentrum Gadebusch, Lehrwerkstatt",
        "Mühlenstraße 4",
        "19205",
        "Gadebusch",
        "Lehrwerkstatt ebenerdig; Unterkunft nicht barrierefrei.",
    ),
    "parchim": Venue(
        "Produktionsschule Parchim",
        "Lindenstraße 12",
        "19370",
        "Parchim",
        "Werkstätten ebenerdig, Sozialpädagogische Begleitung.",
    ),
    "luebz": Venue("Jugend und Beruf, Werkstatt Lübz", "Am Markt 9", "19386", "Lübz"),
    "boizenburg": Venue(
        "Elbe-Bildungsdienste, Schulungszentrum",
        "Hafenstraße 5",
        "19258",
        "Boizenburg/Elbe",
        "Schulungsraum im Erdgeschoss, Staplerhalle ebenerdig.",
    ),
    "hagenow-logistik": Venue(
        "Logistikzentrum Hagenow, Schulungsraum", "Gewerbering 7", "19230", "Hagenow"
    ),
    "crivitz": Venue("Bildungsforum Crivitz", "Amtsstraße 3", "19089", "Crivitz"),
}


# Courses and runs (the data is in data_courses_offers and data_courses_more) ----------------------


@dataclass(frozen=True, kw_only=True)
class RunSpec:
    """A run of a course: ``start`` in days relative to the day of loading; everything not given
    is the course's (``CourseSpec``)."""

    start: int  # moved to the next ``weekday`` (to the one before, for a run in the past)
    weekday: int | None = None  # 0 = Monday; None: the course's
    venue: str = ""  # VENUES key; "" = the course's
    online: bool | None = None
    schedule: str = ""
    times: str = ""
    price: str = ""  # "" = the course's price
    seats: int | None = None


@dataclass(frozen=True, kw_only=True)
class CourseSpec:
    organisation: str  # Org key
    number: str  # the provider's course number (external_id); runs are numbered after it
    title: str
    description: str  # Markdown
    outcomes: tuple[str, ...]
    field: str  # ISCED-F 2013 code, narrow or detailed
    eqf: int | None
    target_group: str
    prerequisites: str
    certificate: str  # Course.Certificate value
    certificate_name: str
    language: str
    format: str  # Course.Format value
    runs: tuple[RunSpec, ...]
    # What the runs share unless a RunSpec says otherwise.
    days: int  # from the first to the last day
    schedule: str  # CourseRun.Schedule value
    times: str
    hours: int | None
    weekday: int = 0  # the runs start on this day of the week (0 = Monday), as ``times`` says
    venue: str = ""  # VENUES key; "" for online courses
    online: bool = False
    price: str | None = None  # euros; None: on request
    price_note: str = ""
    seats: int | None = None
    funding: tuple[str, ...] = ()  # voucher, upgrading_grant, educational_leave, employer
    contact: bool = False  # registration by e-mail and telephone instead of a link
    accessibility: str = ""  # added to the venue's
    status: str = "published"  # or "draft", "unpublished"
    created: int = -200  # days relative to the day of loading


# For runs with registration by contact (``CourseSpec.contact``): the provider's office.
PHONES = {
    "schweriner-akademie": "0385 7 58 21-0",
    "hanse-bildungszentrum": "03841 22 61-40",
    "lernwerkstatt-hagenow": "03883 61 27 90",
    "bildungswerk-ludwigslust": "03874 4 19 85-0",
    "weiterbildung-kluetzer-winkel": "03881 75 88 30",
    "agrarbildung-gadebusch": "03886 71 22-0",
    "jugend-beruf-parchim": "03871 62 40 15",
    "elbe-bildungsdienste": "038847 5 39 70",
    NEW_PROVIDER: "03863 5 22 18",
}


# Imports ------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ImportSpec:
    """A file of courses and runs (CSV or XLSX by ``file_name``) uploaded ``day`` days before the
    loading day: by a provider's first admin, or by the cluster's coordinator for several
    providers (``organisation`` empty; the file has a provider column). With ``mistakes``
    ((run number, column key, wrong cell), ...) the first upload had bad cells and was refused,
    and the corrected file went in half an hour later. Courses of no import were entered by hand
    through the forms."""

    organisation: str
    file_name: str
    day: int
    courses: tuple[str, ...]  # course numbers (CourseSpec.number)
    mistakes: tuple[tuple[str, str, str], ...] = ()


IMPORTS = (
    ImportSpec(
        organisation="schweriner-akademie",
        file_name="kursexport-schweriner-akademie.xlsx",
        day=-300,
        courses=("SA-WFW", "SA-BW", "SA-UBM", "SA-BE", "SA-FIBU"),
    ),
    ImportSpec(
        organisation="hanse-bildungszentrum",
        file_name="hbz-lehrgaenge-2026.csv",
        day=-285,
        courses=("HBZ-MAG", "HBZ-WIG", "HBZ-GWO", "HBZ-IMM", "HBZ-DEU", "HBZ-ASB"),
    ),
    ImportSpec(
        organisation="bildungswerk-ludwigslust",
        file_name="BWL_Kursangebot.csv",
        day=-255,
        courses=("BWL-BK", "BWL-PH", "BWL-PA", "BWL-PAF", "BWL-EH", "BWL-DEM"),
    ),
    # The project office entered the courses of the two associations, which have no staff for it.
    ImportSpec(
        organisation="",
        file_name="kurse-hagenow-parchim.csv",
        day=-230,
        courses=(
            "LWH-LS",
            "LWH-RE",
            "LWH-TQL",
            "LWH-TQV",
            "LWH-DIG",
            "LWH-KOMP",
            "JBP-BVB",
            "JBP-PS",
            "JBP-BEW",
            "JBP-FIT",
            "JBP-HOLZ",
        ),
    ),
    ImportSpec(
        organisation="elbe-bildungsdienste",
        file_name="ebd-kurse.csv",
        day=-205,
        courses=("EBD-GS", "EBD-LS", "EBD-FISI", "EBD-XLS", "EBD-DBS", "EBD-BKF"),
        mistakes=(("EBD-LS-02", "price", "auf Anfrage"),),
    ),
)
