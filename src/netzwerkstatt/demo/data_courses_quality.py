"""The quality standard of the Bildungsnetzwerk Elbe-Ostsee in three languages (eight criteria,
drawn up by the partners in the first half of 2026) and the providers' self-assessments against
it, one in each state: five confirmed (they carry the label), one waiting for review, one returned
with a note, one draft. Days are relative to the day of loading, so the labels stay valid."""

from __future__ import annotations

from dataclasses import dataclass

from .data_courses import Texts

# The cluster's quality standard -------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CriterionSpec:
    title: Texts
    description: Texts
    evidence_hint: Texts


@dataclass(frozen=True, kw_only=True)
class QualityStandardSpec:
    label_name: Texts
    introduction: Texts
    criteria: tuple[CriterionSpec, ...]
    created: int  # days relative to the day of loading
    published: int


QUALITY_STANDARD = QualityStandardSpec(
    label_name={
        "de": "Qualitätsgeprüft im Bildungsnetzwerk Elbe-Ostsee",
        "en": "Quality-checked in the Bildungsnetzwerk Elbe-Ostsee",
        "it": "Qualità verificata nel Bildungsnetzwerk Elbe-Ostsee",
    },
    introduction={
        "de": """\
Der **Qualitätsstandard Weiterbildung Elbe-Ostsee** beschreibt, worauf sich Kundinnen und Kunden \
bei allen Partnern verlassen können – unabhängig davon, welche Zertifizierung ein Anbieter sonst \
hat. Die Partner haben ihn im ersten Halbjahr 2026 in drei Werkstätten gemeinsam erarbeitet.

Jeder Anbieter bewertet sich selbst und belegt jedes Kriterium. Eine Gutachterin oder ein \
Gutachter des Netzwerks prüft die Selbstbewertung; bestätigte Anbieter tragen zwei Jahre lang das \
Label *Qualitätsgeprüft im Bildungsnetzwerk Elbe-Ostsee*.
""",
        "en": """\
The **Elbe-Ostsee quality standard for continuing education** describes what customers can rely \
on with every partner, whatever other certification a provider holds. The partners drew it up \
together in three workshops in the first half of 2026.

Each provider assesses itself and gives evidence for every criterion. A reviewer of the network \
checks the self-assessment; confirmed providers carry the label *Quality-checked in the \
Bildungsnetzwerk Elbe-Ostsee* for two years.
""",
        "it": """\
Lo **standard di qualità per la formazione continua Elbe-Ostsee** descrive ciò su cui i clienti \
possono contare presso tutti i partner, indipendentemente dalle altre certificazioni di un ente. \
I partner lo hanno elaborato insieme in tre laboratori nel primo semestre del 2026.

Ogni ente si autovaluta e documenta ciascun criterio. Un valutatore della rete esamina \
l'autovalutazione; gli enti confermati portano per due anni il marchio *Qualità verificata nel \
Bildungsnetzwerk Elbe-Ostsee*.
""",
    },
    created=-265,
    published=-235,
    criteria=(
        CriterionSpec(
            title={
                "de": "Transparente Angebotsbeschreibung",
                "en": "Transparent course descriptions",
                "it": "Descrizione trasparente dell'offerta",
            },
            description={
                "de": "Jedes Angebot nennt Lernziele, Zielgruppe, Voraussetzungen, Dauer, "
                "Gesamtpreis mit allen Nebenkosten, Abschluss und Fördermöglichkeiten.",
                "en": "Every course states its learning outcomes, target group, prerequisites, "
                "duration, total price including all extra costs, certificate and funding "
                "options.",
                "it": "Ogni offerta indica obiettivi di apprendimento, destinatari, prerequisiti, "
                "durata, prezzo complessivo con tutti i costi aggiuntivi, titolo rilasciato e "
                "possibilità di finanziamento.",
            },
            evidence_hint={
                "de": "Zwei aktuelle Kursbeschreibungen aus der Datenbank.",
                "en": "Two current course descriptions from the database.",
                "it": "Due descrizioni di corsi attuali tratte dalla banca dati.",
            },
        ),
        CriterionSpec(
            title={
                "de": "Qualifiziertes Lehrpersonal",
                "en": "Qualified teaching staff",
                "it": "Personale docente qualificato",
            },
            description={
                "de": "Lehrkräfte haben eine fachliche und eine erwachsenenpädagogische "
                "Qualifikation und bilden sich jedes Jahr fort.",
                "en": "Teachers hold a subject qualification and a qualification in adult "
                "education and undergo training every year.",
                "it": "I docenti possiedono una qualifica tecnica e una qualifica nella "
                "formazione degli adulti e si aggiornano ogni anno.",
            },
            evidence_hint={
                "de": "Übersicht der Qualifikationen (anonymisiert) und Fortbildungsplan.",
                "en": "Overview of qualifications (anonymised) and training plan.",
                "it": "Quadro delle qualifiche (anonimizzato) e piano di aggiornamento.",
            },
        ),
        CriterionSpec(
            title={
                "de": "Beratung vor der Anmeldung",
                "en": "Counselling before enrolment",
                "it": "Orientamento prima dell'iscrizione",
            },
            description={
                "de": "Interessierte werden vor der Anmeldung kostenfrei beraten, auch zu "
                "Förderung und Alternativen bei anderen Partnern.",
                "en": "People are counselled free of charge before they enrol, including on "
                "funding and on alternatives at other partners.",
                "it": "Gli interessati ricevono una consulenza gratuita prima dell'iscrizione, "
                "anche su finanziamenti e alternative presso altri partner.",
            },
            evidence_hint={
                "de": "Ablauf des Beratungsgesprächs und Zahl der Beratungen im letzten Jahr.",
                "en": "How a counselling session runs and how many took place last year.",
                "it": "Svolgimento del colloquio di orientamento e numero di colloqui "
                "nell'ultimo anno.",
            },
        ),
        CriterionSpec(
            title={
                "de": "Barrierearmes Lernen",
                "en": "Accessible learning",
                "it": "Apprendimento accessibile",
            },
            description={
                "de": "Lernorte und Lernmaterialien sind möglichst barrierefrei; Unterstützung "
                "bei Beeinträchtigungen wird vor Kursbeginn geklärt.",
                "en": "Venues and learning materials are as accessible as possible; support for "
                "impairments is agreed before the course starts.",
                "it": "Sedi e materiali didattici sono il più possibile accessibili; il supporto "
                "in caso di disabilità è concordato prima dell'inizio del corso.",
            },
            evidence_hint={
                "de": "Angaben zur Barrierefreiheit der Lernorte, Beispiel einer Absprache.",
                "en": "Accessibility information on the venues, an example of an agreement.",
                "it": "Informazioni sull'accessibilità delle sedi, un esempio di accordo.",
            },
        ),
        CriterionSpec(
            title={
                "de": "Evaluation und Beschwerden",
                "en": "Evaluation and complaints",
                "it": "Valutazione e reclami",
            },
            description={
                "de": "Jeder Kurs wird von den Teilnehmenden bewertet; Beschwerden werden "
                "innerhalb von zehn Arbeitstagen beantwortet und ausgewertet.",
                "en": "Participants evaluate every course; complaints are answered within ten "
                "working days and analysed.",
                "it": "I partecipanti valutano ogni corso; ai reclami si risponde entro dieci "
                "giorni lavorativi e vengono analizzati.",
            },
            evidence_hint={
                "de": "Fragebogen, Auswertung des letzten Jahres, Beschwerdeverfahren.",
                "en": "Questionnaire, last year's analysis, complaints procedure.",
                "it": "Questionario, analisi dell'ultimo anno, procedura di reclamo.",
            },
        ),
        CriterionSpec(
            title={
                "de": "Zusammenarbeit mit Betrieben",
                "en": "Cooperation with companies",
                "it": "Collaborazione con le imprese",
            },
            description={
                "de": "Angebote entstehen mit Betrieben der Region und werden mit ihnen "
                "weiterentwickelt; Praxisphasen sind verbindlich vereinbart.",
                "en": "Courses are developed with companies in the region and improved with "
                "them; work placements are agreed in writing.",
                "it": "Le offerte nascono con le imprese della regione e vengono sviluppate con "
                "loro; i periodi di pratica sono concordati per iscritto.",
            },
            evidence_hint={
                "de": "Liste der Partnerbetriebe, ein Kooperationsvertrag.",
                "en": "List of partner companies, one cooperation agreement.",
                "it": "Elenco delle imprese partner, un accordo di cooperazione.",
            },
        ),
        CriterionSpec(
            title={"de": "Datenschutz", "en": "Data protection", "it": "Protezione dei dati"},
            description={
                "de": "Daten der Teilnehmenden werden nach der DSGVO verarbeitet; es gibt eine "
                "benannte Ansprechperson für den Datenschutz.",
                "en": "Participants' data are processed according to the GDPR; there is a named "
                "contact person for data protection.",
                "it": "I dati dei partecipanti sono trattati secondo il GDPR; esiste un "
                "referente designato per la protezione dei dati.",
            },
            evidence_hint={
                "de": "Verzeichnis der Verarbeitungstätigkeiten (Auszug), Datenschutzhinweise.",
                "en": "Record of processing activities (extract), privacy notice.",
                "it": "Registro delle attività di trattamento (estratto), informativa privacy.",
            },
        ),
        CriterionSpec(
            title={"de": "Nachhaltigkeit", "en": "Sustainability", "it": "Sostenibilità"},
            description={
                "de": "Der Anbieter verringert Wege und Ressourcenverbrauch (Online-Anteile, "
                "ÖPNV-Anbindung, digitale Materialien) und vermittelt nachhaltiges Handeln im "
                "Beruf.",
                "en": "The provider reduces travel and resource use (online parts, public "
                "transport, digital materials) and teaches sustainable practice at work.",
                "it": "L'ente riduce spostamenti e consumo di risorse (parti online, trasporto "
                "pubblico, materiali digitali) e promuove comportamenti sostenibili nel lavoro.",
            },
            evidence_hint={
                "de": "Maßnahmen der letzten zwei Jahre.",
                "en": "Measures of the last two years.",
                "it": "Misure degli ultimi due anni.",
            },
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class SelfAssessmentSpec:
    """One provider's self-assessment against the standard; answers in the criteria's order,
    (fulfilment, evidence) each; fewer answers than criteria: the rest is still empty.
    ``status`` is "draft", "submitted", "returned" or "confirmed"; days are relative to the day of
    loading."""

    organisation: str
    status: str
    answers: tuple[tuple[str, str], ...]
    started: int
    submitted: int | None = None
    reviewed: int | None = None
    reviewer: str = ""  # a committee member's name, or the coordinator's
    note: str = ""


SELF_ASSESSMENTS = (
    SelfAssessmentSpec(
        organisation="schweriner-akademie",
        status="confirmed",
        started=-220,
        submitted=-190,
        reviewed=-171,
        reviewer="Dr. Birgit Thiele",
        note="Vorbildlich belegt, besonders die Auswertung der Beschwerden.",
        answers=(
            ("met", "Alle 34 Kurse in der Datenbank nennen Gesamtpreis und Förderung."),
            ("met", "37 von 40 Lehrkräften mit AdA-Schein oder pädagogischem Studium."),
            ("met", "Beratung im Bildungsbüro Mo–Fr, 2025: 1.140 Gespräche."),
            ("partly", "Haus B barrierefrei, Haus A nur Erdgeschoss; Umzug 2027 geplant."),
            ("met", "Online-Evaluation jedes Kurses, Beschwerden im QM-System erfasst."),
            ("met", "Beirat mit sechs Unternehmen der Region, jährliche Bedarfsrunde."),
            ("met", "Externer Datenschutzbeauftragter, Verzeichnis aktuell (03/2026)."),
            ("met", "40 % Online-Anteil in den Aufstiegsfortbildungen, Jobticket."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="hanse-bildungszentrum",
        status="confirmed",
        started=-205,
        submitted=-176,
        reviewed=-150,
        reviewer="Volker Reimers",
        answers=(
            ("met", "Kursblätter mit Prüfungsgebühren der Schweißprüfung ausgewiesen."),
            ("met", "Schweißfachleute (IWS) und DaF-Lehrkräfte mit BAMF-Zulassung."),
            ("met", "Probeschweißen und Einstufungstest vor jeder Anmeldung."),
            ("partly", "Werkstatthalle ebenerdig, Schulungsräume im 1. OG ohne Aufzug."),
            ("met", "Auswertung je Lehrgang, Beschwerden an die Geschäftsführung."),
            ("met", "Lehrgänge mit zwei Werften und drei Windpark-Servicefirmen entwickelt."),
            ("met", "Datenschutzbeauftragte benannt, Hinweise in drei Sprachen."),
            ("met", "Absaugung mit Wärmerückgewinnung, Schrott wird sortenrein verwertet."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="bildungswerk-ludwigslust",
        status="confirmed",
        started=-160,
        submitted=-128,
        reviewed=-102,
        reviewer="Dr. Birgit Thiele",
        answers=(
            ("met", "Kursbeschreibungen mit Praxisstunden und Förderung über Bildungsgutschein."),
            ("met", "Pflegepädagoginnen und Praxisanleitende mit jährlicher Fortbildung."),
            ("met", "Beratung auch in den Pflegeeinrichtungen vor Ort."),
            ("met", "Alle Räume barrierefrei, Hörschleife im Seminarraum 1."),
            ("met", "Evaluation nach jedem Modul, Beschwerden binnen fünf Arbeitstagen."),
            ("met", "Kooperationsverträge mit 25 Pflegeeinrichtungen."),
            ("met", "Datenschutzschulung für alle Beschäftigten, Verzeichnis vorhanden."),
            ("partly", "Digitale Lernmaterialien seit 2025, Fahrgemeinschaften noch nicht."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="weiterbildung-kluetzer-winkel",
        status="confirmed",
        started=-150,
        submitted=-118,
        reviewed=-90,
        reviewer="Volker Reimers",
        note="Bestätigt. Bitte die Evaluation der Inhouse-Schulungen wie besprochen ergänzen.",
        answers=(
            ("met", "Kursblätter mit Terminen außerhalb der Saison und Preisen."),
            ("met", "Küchen- und Restaurantmeister, Ausbilder mit AEVO."),
            ("met", "Beratung telefonisch und direkt im Betrieb."),
            ("partly", "Seminarraum barrierefrei, Schulungsküche nicht."),
            ("partly", "Offene Kurse bewertet, Inhouse-Schulungen bisher nicht."),
            ("met", "Gastgeberkreis mit 40 Betrieben zwischen Boltenhagen und Klütz."),
            ("met", "Datenschutzhinweise und Einwilligungen für Fotos."),
            ("met", "Regionale Produkte in der Schulungsküche, Kurse nahe am Wohnort."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="agrarbildung-gadebusch",
        status="confirmed",
        started=-130,
        submitted=-96,
        reviewed=-61,
        reviewer="Dr. Birgit Thiele",
        answers=(
            ("met", "Kursbeschreibungen mit Prüfungsgebühr und Anerkennung als Fortbildung."),
            ("met", "Agraringenieure und Landwirtschaftsmeister, Fortbildung jährlich."),
            ("met", "Beratung auch auf den Höfen und am Feldtag."),
            ("partly", "Lehrwerkstatt ebenerdig, Unterkunft nicht barrierefrei."),
            ("met", "Evaluation per Fragebogen, Beschwerden an die Leitung."),
            ("met", "Kurse mit dem Bauernverband und zwei Lohnunternehmen entwickelt."),
            ("met", "Verzeichnis der Verarbeitungstätigkeiten, Datenschutzhinweise."),
            ("met", "Versuchsfelder zur Reduktion von Pflanzenschutzmitteln."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="elbe-bildungsdienste",
        status="submitted",
        started=-45,
        submitted=-9,
        answers=(
            ("met", "Alle Kurse mit Preis, Förderung und Schichtplan-Hinweis."),
            ("met", "Staplertrainer nach DGUV 308-001, IT-Trainer mit Herstellerzertifikat."),
            ("met", "Beratung auch abends und telefonisch für Schichtarbeitende."),
            ("met", "Schulungsraum im Erdgeschoss, Lernplattform barrierearm."),
            ("met", "Kurzbefragung nach jedem Kurs, Beschwerden per Formular."),
            ("met", "Kurse mit drei Logistikbetrieben im Hafen Boizenburg abgestimmt."),
            ("met", "Datenschutzhinweise, Auftragsverarbeitung mit dem Plattformanbieter."),
            ("met", "Blended Learning spart Fahrten, 60 % Online-Anteil."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="lernwerkstatt-hagenow",
        status="returned",
        started=-120,
        submitted=-80,
        reviewed=-58,
        reviewer="Volker Reimers",
        note=(
            "Bitte zu Kriterium 5 (Evaluation und Beschwerden) das Verfahren beschreiben und eine "
            "Auswertung beilegen; zu Kriterium 2 fehlt der Fortbildungsplan."
        ),
        answers=(
            ("met", "Kursbeschreibungen in Einfacher Sprache, alle Kurse kostenfrei."),
            ("partly", "Lehrkräfte mit Grundbildungszertifikat, Fortbildung nach Bedarf."),
            ("met", "Aufsuchende Beratung in zwölf Dörfern, 2025: 310 Gespräche."),
            ("met", "Alle Lernorte barrierefrei, Material in Einfacher Sprache."),
            ("partly", "Mündliche Rückmeldung am Kursende."),
            ("met", "Teilqualifikationen mit vier Betrieben in Hagenow."),
            ("met", "Datenschutzhinweise in Einfacher Sprache."),
            ("met", "Kurse in den Dörfern statt Fahrten in die Stadt."),
        ),
    ),
    SelfAssessmentSpec(
        organisation="jugend-beruf-parchim",
        status="draft",
        started=-12,
        answers=(
            ("met", "Maßnahmebeschreibungen der Agentur für Arbeit liegen vor."),
            ("met", "Ausbilder mit Meisterbrief, Sozialpädagogen mit Zusatzqualifikation."),
            ("met", "Erstgespräch mit jeder und jedem Jugendlichen."),
        ),
    ),
)
