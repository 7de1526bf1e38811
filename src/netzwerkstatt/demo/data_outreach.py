"""Transfer and outreach in the demo, in the language of the organisation that records it.

Practice in Motion: four partners adopt a published practice of another partner (one transfer
completed, two under way, one planned); the partnership's working group "Transfer and capacity
building" holds one capacity-building plan per partner organisation for five of them; the
partners' stakeholder dialogue and dissemination logs. PonteDuale: the model networks' stakeholder
dialogue and dissemination. ``outreach`` writes all of it through ``outreach.services``.

Practice keys are those of ``data_practices``; a transfer starts after the practice was published
(Bilbao 19 March, Kraków 11 June, Rotterdam 24 September 2026). Every date lies before
21 November 2026; steps still open with an earlier due date are overdue on purpose.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

D = datetime.date

WORKING_GROUP = {
    "name": "Working group Transfer and capacity building",
    "description": (
        "The partners' working group for adopting each other's good practice: who takes over "
        "which practice, what each organisation needs to learn for it, and how we tell "
        "stakeholders about it. Meets online every second month and at the transnational "
        "meetings."
    ),
    "themes": ("transnational-cooperation", "quality-assurance"),
    "lead": "ibt-bremen",
    "created": D(2025, 11, 20),
}


@dataclass(frozen=True, kw_only=True)
class StepSpec:
    what: str
    due: datetime.date
    status: str = "to_do"  # to_do, in_progress, done, dropped
    done: datetime.date | None = None
    who: str = ""  # free text (a role or a person not on the platform)
    by_member: bool = False  # the organisation's acting person
    practices: tuple[str, ...] = ()  # practice keys


@dataclass(frozen=True, kw_only=True)
class TransferSpec:
    practice: str
    organisation: str
    created: datetime.date
    adaptation: str
    started: datetime.date | None = None
    completed: datetime.date | None = None
    outcome: str = ""
    lessons: str = ""
    steps: tuple[StepSpec, ...] = ()


TRANSFERS = (
    TransferSpec(
        practice="portfolio",
        organisation="gs-remstal",
        created=D(2026, 4, 2),
        started=D(2026, 4, 13),
        completed=D(2026, 10, 30),
        adaptation=(
            "Wir übernehmen das digitale Ausbildungsportfolio aus Steyr für unsere "
            "Mechatronik-Klassen. Statt der österreichischen Lehrberufsbilder legen wir die "
            "Lernfelder des Rahmenlehrplans zugrunde; die Ausbildungsbetriebe zeichnen ihre "
            "Einträge in unserer Moodle-Instanz ab."
        ),
        outcome=(
            "Zwei Mechatronik-Klassen (46 Auszubildende) und 19 Ausbildungsbetriebe führen das "
            "Portfolio seit dem Schuljahr 2026/27. 41 Portfolios sind vollständig gepflegt; die "
            "Betriebe nennen die Lernortabsprachen deutlich verbindlicher als vorher."
        ),
        lessons=(
            "Ohne eine feste Ansprechperson je Betrieb bleibt die Abzeichnung liegen. Die "
            "Einführungsschulung für Ausbilderinnen und Ausbilder sollte vor den Sommerferien "
            "liegen, nicht im September."
        ),
        steps=(
            StepSpec(
                what="Hospitation in Steyr: Portfolio im Unterricht und im Lehrbetrieb ansehen",
                due=D(2026, 5, 8),
                status="done",
                done=D(2026, 5, 7),
                by_member=True,
            ),
            StepSpec(
                what="Portfolio-Vorlage an die Lernfelder der Mechatronik anpassen",
                due=D(2026, 6, 30),
                status="done",
                done=D(2026, 7, 3),
                who="Fachgruppe Mechatronik",
            ),
            StepSpec(
                what="Schulung der Ausbildungsbetriebe (zwei Termine online)",
                due=D(2026, 9, 18),
                status="done",
                done=D(2026, 9, 17),
                who="Abteilungsleitung duale Ausbildung",
            ),
        ),
    ),
    TransferSpec(
        practice="mentoring",
        organisation="its-brenta",
        created=D(2026, 4, 20),
        started=D(2026, 5, 4),
        adaptation=(
            "Adattiamo il programma di mentoring tra pari del CFP Orobico ai nostri corsi ITS: "
            "i mentori sono studenti del secondo anno che hanno già svolto lo stage in azienda, "
            "gli abbinamenti seguono l'area tecnologica e non la classe."
        ),
        steps=(
            StepSpec(
                what="Selezione e formazione dei primi dodici mentori",
                due=D(2026, 9, 30),
                status="done",
                done=D(2026, 9, 25),
                who="Coordinamento didattico",
            ),
            StepSpec(
                what="Abbinamento mentori e studenti del primo anno",
                due=D(2026, 10, 23),
                status="done",
                done=D(2026, 10, 21),
                by_member=True,
            ),
            StepSpec(
                what="Primo monitoraggio con questionario a mentori e mentee",
                due=D(2026, 11, 13),
                status="in_progress",
                who="Ufficio qualità",
            ),
            StepSpec(
                what="Riconoscimento delle ore di mentoring come crediti formativi",
                due=D(2027, 2, 26),
                who="Comitato tecnico-scientifico",
            ),
        ),
    ),
    TransferSpec(
        practice="learning-factory",
        organisation="ffe-levante",
        created=D(2026, 4, 22),
        started=D(2026, 5, 11),
        adaptation=(
            "Llevamos la fábrica de aprendizaje de CIFP Nervión a una escala menor: una célula de "
            "montaje y mantenimiento en nuestro centro de Elche, pensada para jóvenes de los "
            "programas de segunda oportunidad y con retos planteados por empresas del calzado."
        ),
        steps=(
            StepSpec(
                what="Visita de estudio a Bilbao con dos formadores",
                due=D(2026, 6, 19),
                status="done",
                done=D(2026, 6, 18),
                by_member=True,
            ),
            StepSpec(
                what="Acuerdo con tres empresas del calzado para los primeros retos",
                due=D(2026, 10, 15),
                status="in_progress",
                who="Responsable de relaciones con empresas",
            ),
            StepSpec(
                what="Montaje de la célula de aprendizaje en el taller de Elche",
                due=D(2027, 1, 29),
                who="Equipo técnico del centro",
            ),
        ),
    ),
    TransferSpec(
        practice="green-skills",
        organisation="kaakko-college",
        created=D(2026, 10, 8),
        adaptation=(
            "We plan to take over the green skills modules from Kraków for our construction and "
            "HVAC programmes, linked to the Finnish qualification units on energy efficiency. "
            "Start after the spring term's planning in January 2027."
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class PlanSpec:
    organisation: str
    title: str
    goal: str
    starts: datetime.date
    ends: datetime.date
    created: datetime.date
    steps: tuple[StepSpec, ...]


PLANS = (
    PlanSpec(
        organisation="lbs-ennstal",
        title="Portfolio-Coaching für Partnerschulen",
        goal=(
            "Wir wollen andere Schulen bei der Einführung des digitalen Lehrlingsportfolios "
            "begleiten können: mit Schulungsunterlagen, einer Hospitation und einer Sprechstunde."
        ),
        starts=D(2026, 1, 12),
        ends=D(2027, 6, 30),
        created=D(2026, 1, 12),
        steps=(
            StepSpec(
                what="Schulungsunterlagen zum Portfolio auf Englisch übersetzen",
                due=D(2026, 4, 30),
                status="done",
                done=D(2026, 4, 28),
                who="Abteilung Mechatronik",
                practices=("portfolio",),
            ),
            StepSpec(
                what="Hospitationstag für die Gewerbliche Schule Remstal ausrichten",
                due=D(2026, 5, 8),
                status="done",
                done=D(2026, 5, 7),
                by_member=True,
                practices=("portfolio",),
            ),
            StepSpec(
                what="Monatliche Online-Sprechstunde für Schulen, die das Portfolio einführen",
                due=D(2026, 10, 31),
                status="in_progress",
                who="Ing. Wolfgang Hager",
            ),
            StepSpec(
                what="Erklärvideos für Ausbildungsbetriebe drehen",
                due=D(2027, 3, 31),
                who="Medienteam der Schule",
            ),
        ),
    ),
    PlanSpec(
        organisation="ffe-levante",
        title="Aprender de la fábrica de aprendizaje",
        goal=(
            "Queremos poder diseñar retos reales con empresas y acompañar a jóvenes con "
            "trayectorias interrumpidas en un entorno de taller."
        ),
        starts=D(2026, 2, 2),
        ends=D(2027, 7, 31),
        created=D(2026, 2, 2),
        steps=(
            StepSpec(
                what="Formación de dos formadores en aprendizaje basado en retos",
                due=D(2026, 6, 19),
                status="done",
                done=D(2026, 6, 18),
                who="Dirección pedagógica",
                practices=("learning-factory",),
            ),
            StepSpec(
                what="Guía interna para plantear retos con empresas",
                due=D(2026, 9, 30),
                status="in_progress",
                by_member=True,
                practices=("learning-factory",),
            ),
            StepSpec(
                what="Intercambio con ROC Zuiderhaven sobre aprendizaje híbrido",
                due=D(2027, 3, 19),
                who="Coordinación de proyectos europeos",
                practices=("hybrid",),
            ),
        ),
    ),
    PlanSpec(
        organisation="its-brenta",
        title="Mentoring e insegnamento bilingue",
        goal=(
            "Vogliamo formare i nostri docenti a guidare un programma di mentoring tra pari e a "
            "insegnare le materie tecniche in due lingue."
        ),
        starts=D(2026, 1, 19),
        ends=D(2027, 6, 30),
        created=D(2026, 1, 19),
        steps=(
            StepSpec(
                what="Workshop con il CFP Orobico sul mentoring tra pari",
                due=D(2026, 4, 17),
                status="done",
                done=D(2026, 4, 16),
                who="Coordinamento didattico",
                practices=("mentoring",),
            ),
            StepSpec(
                what="Corso di inglese tecnico per sei docenti",
                due=D(2026, 10, 30),
                status="in_progress",
                who="Docenti dell'area meccatronica",
                practices=("bilingual",),
            ),
            StepSpec(
                what="Linee guida per i moduli bilingui",
                due=D(2027, 1, 29),
                by_member=True,
                practices=("bilingual",),
            ),
        ),
    ),
    PlanSpec(
        organisation="kaakko-college",
        title="Green skills in construction programmes",
        goal=(
            "Our teachers of construction and HVAC want to be able to teach energy-efficient "
            "building with the green skills modules, and to assess them in the workplace."
        ),
        starts=D(2026, 3, 2),
        ends=D(2027, 8, 31),
        created=D(2026, 3, 2),
        steps=(
            StepSpec(
                what="Job shadowing at ZST Zawiszy in Kraków (two teachers)",
                due=D(2026, 6, 12),
                status="done",
                done=D(2026, 6, 10),
                who="Construction teachers' team",
                practices=("green-skills",),
            ),
            StepSpec(
                what="Map the green skills modules to the Finnish qualification units",
                due=D(2026, 11, 6),
                status="in_progress",
                by_member=True,
                practices=("green-skills",),
            ),
            StepSpec(
                what="Agree workplace assessment criteria with two construction companies",
                due=D(2027, 2, 26),
                who="Head of apprenticeship training",
            ),
            StepSpec(
                what="Pilot a competence-plan template with the green skills units",
                due=D(2026, 9, 30),
                status="dropped",
                who="Study counsellors",
            ),
        ),
    ),
    PlanSpec(
        organisation="zst-zawiszy",
        title="Rotacja praktyk i kształcenie hybrydowe",
        goal=(
            "Chcemy nauczyć się organizować rotację uczniów między firmami oraz łączyć naukę w "
            "szkole z nauką zdalną w okresie praktyk."
        ),
        starts=D(2026, 2, 9),
        ends=D(2027, 6, 30),
        created=D(2026, 2, 9),
        steps=(
            StepSpec(
                what="Wizyta studyjna w Gewerbliche Schule Remstal",
                due=D(2026, 10, 16),
                status="done",
                done=D(2026, 10, 15),
                who="Kierownik szkolenia praktycznego",
                practices=("rotation",),
            ),
            StepSpec(
                what="Porozumienie z trzema firmami budowlanymi o rotacji uczniów",
                due=D(2026, 10, 30),
                status="to_do",
                by_member=True,
                practices=("rotation",),
            ),
            StepSpec(
                what="Szkolenie nauczycieli z modelu hybrydowego ROC Zuiderhaven",
                due=D(2027, 4, 23),
                who="Zespół nauczycieli przedmiotów zawodowych",
                practices=("hybrid",),
            ),
        ),
    ),
)


@dataclass(frozen=True, kw_only=True)
class EngagementSpec:
    organisation: str
    stakeholder: str
    group: str
    level: str
    date: datetime.date
    topic: str
    outcome: str = ""
    follow_up: str = ""
    follow_up_due: datetime.date | None = None
    network: tuple[str, ...] = ()  # Org keys of a PonteDuale model network's leads


@dataclass(frozen=True, kw_only=True)
class ActivitySpec:
    organisation: str
    kind: str
    title: str
    date: datetime.date
    audience: str
    reach: int
    links: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()
    network: tuple[str, ...] = ()


ENGAGEMENTS = (
    EngagementSpec(
        organisation="ibt-bremen",
        stakeholder="Senatorin für Kinder und Bildung Bremen",
        group="authorities",
        level="regional",
        date=D(2025, 12, 9),
        topic="Vorstellung der Partnerschaft und des Peer-Review-Verfahrens",
        outcome="Das Referat Berufliche Bildung möchte die Ergebnisse für die Berufsschulen.",
        follow_up="Zwischenbericht mit den ersten veröffentlichten Praktiken schicken",
        follow_up_due=D(2026, 4, 30),
    ),
    EngagementSpec(
        organisation="ibt-bremen",
        stakeholder="Nationale Agentur Bildung für Europa beim BIBB",
        group="authorities",
        level="national",
        date=D(2026, 5, 20),
        topic="Transfer von Good Practice als Qualitätsmerkmal von KA220-Projekten",
        outcome="Einladung, das Transfer-Check-Verfahren beim Fachtag im Herbst vorzustellen.",
    ),
    EngagementSpec(
        organisation="lbs-ennstal",
        stakeholder="Wirtschaftskammer Oberösterreich, Sparte Industrie",
        group="chambers",
        level="regional",
        date=D(2026, 2, 24),
        topic="Digitales Lehrlingsportfolio als Nachweis für die Lehrabschlussprüfung",
        outcome="Die Kammer prüft, ob Portfolio-Einträge bei der Prüfung vorgelegt werden dürfen.",
        follow_up="Stellungnahme der Lehrlingsstelle nachfragen",
        follow_up_due=D(2026, 10, 15),
    ),
    EngagementSpec(
        organisation="gs-remstal",
        stakeholder="IHK Region Stuttgart, Bezirkskammer Rems-Murr",
        group="chambers",
        level="regional",
        date=D(2026, 6, 16),
        topic="Ausbildungsportfolio in der Mechatronik: Abstimmung mit den Prüfungsausschüssen",
        outcome="Zustimmung, das Portfolio im Prüfungsgespräch als Gesprächsgrundlage zu nutzen.",
    ),
    EngagementSpec(
        organisation="gs-remstal",
        stakeholder="Präzisionswerk Neckar GmbH und vier weitere Ausbildungsbetriebe",
        group="companies",
        level="local",
        date=D(2026, 9, 8),
        topic="Rotation der Auszubildenden zwischen Betrieben im zweiten Ausbildungsjahr",
        outcome="Drei Betriebe tauschen ab Februar je zwei Auszubildende für sechs Wochen.",
        follow_up="Rotationsvereinbarung unterschreiben lassen",
        follow_up_due=D(2027, 1, 15),
    ),
    EngagementSpec(
        organisation="cifp-nervion",
        stakeholder="Viceconsejería de Formación Profesional del Gobierno Vasco",
        group="authorities",
        level="regional",
        date=D(2026, 1, 27),
        topic="La fábrica de aprendizaje como modelo para otros centros integrados",
        outcome="Interés en financiar dos réplicas en Gipuzkoa y Álava a partir de 2027.",
        follow_up="Enviar ficha de costes y calendario de la réplica",
        follow_up_due=D(2026, 3, 31),
    ),
    EngagementSpec(
        organisation="ffe-levante",
        stakeholder="Asociación de Empresas del Calzado de Elche",
        group="trade_associations",
        level="local",
        date=D(2026, 7, 14),
        topic="Retos reales de empresas para jóvenes de segunda oportunidad",
        outcome="Tres empresas proponen retos de mantenimiento para el curso 2026-27.",
        follow_up="Firmar los acuerdos de colaboración",
        follow_up_due=D(2026, 10, 15),
    ),
    EngagementSpec(
        organisation="zst-zawiszy",
        stakeholder="Małopolska Izba Budownictwa",
        group="chambers",
        level="regional",
        date=D(2026, 3, 10),
        topic="Zielone kompetencje w kształceniu budowlanym",
        outcome="Izba włączy moduły do swojej oferty szkoleń dla pracodawców.",
    ),
    EngagementSpec(
        organisation="zst-zawiszy",
        stakeholder="OPZZ – Ogólnopolskie Porozumienie Związków Zawodowych, Kraków",
        group="social_partners",
        level="regional",
        date=D(2026, 10, 6),
        topic="Bezpieczeństwo uczniów w czasie rotacji między firmami",
        outcome="Wspólna lista kontrolna BHP dla firm przyjmujących uczniów.",
        follow_up="Przekazać listę kontrolną firmom partnerskim",
        follow_up_due=D(2026, 12, 4),
    ),
    EngagementSpec(
        organisation="roc-zuiderhaven",
        stakeholder="MBO Raad",
        group="vocational_schools",
        level="national",
        date=D(2026, 4, 21),
        topic="Hybrid learning during work placements: results of the first year",
        outcome="Invited to present at the MBO Raad's working group on flexible learning.",
    ),
    EngagementSpec(
        organisation="kaakko-college",
        stakeholder="LAB University of Applied Sciences",
        group="universities",
        level="regional",
        date=D(2026, 5, 12),
        topic="Evaluating individual competence plans with research support",
        outcome="A master's student evaluates the competence plans of 40 learners this autumn.",
        follow_up="Share anonymised competence plans with the researcher",
        follow_up_due=D(2026, 9, 1),
    ),
    EngagementSpec(
        organisation="cfp-orobico",
        stakeholder="Confartigianato Imprese Bergamo",
        group="trade_associations",
        level="local",
        date=D(2026, 2, 17),
        topic="Certificazione dei tutor aziendali nelle imprese artigiane",
        outcome="L'associazione chiede una versione breve del percorso per le microimprese.",
        follow_up="Proposta di percorso breve di 16 ore",
        follow_up_due=D(2026, 6, 30),
    ),
    EngagementSpec(
        organisation="its-brenta",
        stakeholder="Direzione Generale Istruzione e Formazione della Commissione europea",
        group="authorities",
        level="eu",
        date=D(2026, 10, 20),
        topic="Il trasferimento di buone pratiche tra ITS Academy e scuole professionali europee",
        outcome="Invito a presentare il caso nella VET Skills Week 2027.",
    ),
)

ACTIVITIES = (
    ActivitySpec(
        organisation="ibt-bremen",
        kind="publication",
        title="Practice in Motion – Katalog der geprüften Praktiken, Ausgabe 1",
        date=D(2026, 4, 15),
        audience="Berufsbildungseinrichtungen, Kammern, Nationale Agenturen",
        reach=1200,
        links=("https://practice-in-motion.example.org/katalog-2026.pdf",),
        practices=("portfolio", "learning-factory", "mentoring"),
    ),
    ActivitySpec(
        organisation="ibt-bremen",
        kind="conference",
        title="Transfer-Check für Good Practice – Fachtag der Nationalen Agentur",
        date=D(2026, 10, 1),
        audience="Koordinierende von Erasmus+-Partnerschaften",
        reach=180,
        links=("https://na-bibb.example.org/fachtag-2026",),
        practices=("portfolio",),
    ),
    ActivitySpec(
        organisation="lbs-ennstal",
        kind="press",
        title="„Das Portfolio geht nach Schwaben“ – Oberösterreichische Nachrichten",
        date=D(2026, 5, 22),
        audience="Regionale Öffentlichkeit, Lehrbetriebe",
        reach=25000,
        links=("https://nachrichten-ooe.example.org/steyr/portfolio",),
        practices=("portfolio",),
    ),
    ActivitySpec(
        organisation="cifp-nervion",
        kind="trade_fair",
        title="Stand de la fábrica de aprendizaje en la BIEMH, Bilbao",
        date=D(2026, 6, 3),
        audience="Empresas de fabricación avanzada, centros de FP",
        reach=2400,
        links=("https://biemh.example.org/expositores/cifp-nervion",),
        practices=("learning-factory",),
    ),
    ActivitySpec(
        organisation="zst-zawiszy",
        kind="social_media",
        title="Seria filmów „Zielone kompetencje w praktyce”",
        date=D(2026, 7, 1),
        audience="Uczniowie, rodzice, pracodawcy",
        reach=8700,
        links=(
            "https://video.example.org/zst-zawiszy/zielone-kompetencje",
            "https://social.example.org/@zstzawiszy",
        ),
        practices=("green-skills",),
    ),
    ActivitySpec(
        organisation="roc-zuiderhaven",
        kind="newsletter",
        title="Hybrid learning in placements – Zuiderhaven newsletter, autumn issue",
        date=D(2026, 10, 9),
        audience="Teachers, placement companies, partner colleges",
        reach=3100,
        links=("https://zuiderhaven.example.org/newsletter/2026-autumn",),
        practices=("hybrid",),
    ),
    ActivitySpec(
        organisation="its-brenta",
        kind="conference",
        title="Insegnare la meccatronica in due lingue – Didacta Italia, Firenze",
        date=D(2026, 3, 12),
        audience="Docenti di ITS e istituti tecnici",
        reach=150,
        links=("https://didacta-italia.example.org/programma/its-brenta",),
        practices=("bilingual",),
    ),
    ActivitySpec(
        organisation="cfp-orobico",
        kind="publication",
        title="Guida al mentoring tra pari nella formazione professionale",
        date=D(2026, 9, 10),
        audience="Centri di formazione professionale della Lombardia",
        reach=600,
        links=("https://cfp-orobico.example.org/guida-mentoring.pdf",),
        practices=("mentoring",),
    ),
    ActivitySpec(
        organisation="kaakko-college",
        kind="other",
        title="Open day: green building site for prospective learners",
        date=D(2026, 9, 26),
        audience="Prospective learners and their families",
        reach=340,
        links=("https://kaakko-college.example.org/open-day-2026",),
        practices=("green-skills",),
    ),
)

# PonteDuale: the model networks, recorded by one of their leads.
CERTIFIED = ("cciaa-alpi-langhe", "uv-fulda-werra")
CIRCULAR = ("leopold-hellmann-schule", "mobilificio-tagliamento")
LEARNING_FACTORY = ("gs-remstal", "its-brenta")
NAPLES_RUHR = ("itis-partenope", "bz-ruhr-lippe")

NETWORK_ENGAGEMENTS = (
    EngagementSpec(
        organisation="cciaa-alpi-langhe",
        network=CERTIFIED,
        stakeholder="Regione Piemonte – Direzione Istruzione, Formazione e Lavoro",
        group="authorities",
        level="regional",
        date=D(2026, 2, 11),
        topic="Riconoscimento delle competenze certificate in Germania",
        outcome="La Regione valuta una corrispondenza con il repertorio delle qualificazioni.",
        follow_up="Inviare le schede di competenza tradotte",
        follow_up_due=D(2026, 5, 29),
    ),
    EngagementSpec(
        organisation="uv-fulda-werra",
        network=CERTIFIED,
        stakeholder="IHK Fulda",
        group="chambers",
        level="regional",
        date=D(2026, 3, 4),
        topic="Anerkennung italienischer Kompetenznachweise in der Logistik",
        outcome="Die IHK bestätigt die Teilnahmebescheinigungen als Zusatzqualifikation.",
    ),
    EngagementSpec(
        organisation="leopold-hellmann-schule",
        network=CIRCULAR,
        stakeholder="Staatliches Schulamt Main-Kinzig-Kreis",
        group="authorities",
        level="regional",
        date=D(2026, 4, 23),
        topic="Kreislaufwirtschaft als Lernfeld im Holzhandwerk",
        outcome="Das Schulamt unterstützt eine Erprobung im Schuljahr 2026/27.",
    ),
    EngagementSpec(
        organisation="its-brenta",
        network=LEARNING_FACTORY,
        stakeholder="Confindustria Vicenza – Sezione Meccanica",
        group="trade_associations",
        level="regional",
        date=D(2026, 6, 9),
        topic="Tirocini incrociati tra Vicenza e il Rems-Murr-Kreis",
        outcome="Quattro imprese associate offrono posti di tirocinio per studenti tedeschi.",
        follow_up="Calendario dei tirocini 2027",
        follow_up_due=D(2026, 12, 18),
    ),
    EngagementSpec(
        organisation="gs-remstal",
        network=LEARNING_FACTORY,
        stakeholder="Kultusministerium Baden-Württemberg, Referat Berufliche Schulen",
        group="authorities",
        level="national",
        date=D(2026, 9, 29),
        topic="Lernfabrik 4.0 mit italienischen Partnern: Ergebnisse des ersten Jahres",
        outcome="Das Referat nimmt das Modell in die Handreichung zu Auslandspraktika auf.",
    ),
    EngagementSpec(
        organisation="bz-ruhr-lippe",
        network=NAPLES_RUHR,
        stakeholder="DGB-Jugend NRW",
        group="social_partners",
        level="regional",
        date=D(2026, 7, 7),
        topic="Begleitung abbruchgefährdeter Auszubildender",
        outcome="Gemeinsame Sprechstunde von Gewerkschaftsjugend und Ausbildungsbegleitung.",
        follow_up="Termine für das erste Halbjahr festlegen",
        follow_up_due=D(2026, 9, 30),
    ),
)

NETWORK_ACTIVITIES = (
    ActivitySpec(
        organisation="gs-remstal",
        network=LEARNING_FACTORY,
        kind="press",
        title="„Lernfabrik über die Alpen“ – Zeitungsbericht in der Waiblinger Kreiszeitung",
        date=D(2026, 5, 14),
        audience="Regionale Öffentlichkeit, Ausbildungsbetriebe",
        reach=18000,
        links=("https://kreiszeitung.example.org/lernfabrik-alpen",),
    ),
    ActivitySpec(
        organisation="its-brenta",
        network=LEARNING_FACTORY,
        kind="social_media",
        title="Diario dello scambio a Waiblingen su Instagram",
        date=D(2026, 10, 2),
        audience="Studenti e famiglie",
        reach=5200,
        links=("https://social.example.org/@itsbrenta",),
    ),
    ActivitySpec(
        organisation="itis-partenope",
        network=NAPLES_RUHR,
        kind="conference",
        title="Restare a scuola lavorando – convegno a Napoli",
        date=D(2026, 4, 17),
        audience="Dirigenti scolastici, servizi per l'impiego, imprese",
        reach=220,
        links=("https://itis-partenope.example.org/convegno-2026",),
    ),
    ActivitySpec(
        organisation="cciaa-alpi-langhe",
        network=CERTIFIED,
        kind="newsletter",
        title="Competenze certificate oltre confine – newsletter della Camera",
        date=D(2026, 6, 25),
        audience="Imprese iscritte",
        reach=9500,
        links=("https://cciaa-alpi-langhe.example.org/newsletter/giugno-2026",),
    ),
)
