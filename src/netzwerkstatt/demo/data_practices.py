"""Good practice in Practice in Motion, in the language of the organisation that wrote it (seeds 000
and 002: partners present their practice and assess it together for future viability,
transferability and institutional anchoring). The Finnish and Dutch partners write in English, the
partnership's working language. Translations and the model networks' practice are in
``data_practices_more``; ``practices`` writes all of them through the services.

Scores follow the programme's default criteria, in their order: innovation, effectiveness, future
viability, transferability, institutional anchoring, sustainability. Dates lie in the first year of
the partnership (it started on 1 November 2025); the consensus meetings were held at the
transnational meetings in March, June and September 2026.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

D = datetime.date
# The transnational meetings where the partners concluded the assessments together.
BILBAO, KRAKOW, ROTTERDAM = D(2026, 3, 19), D(2026, 6, 11), D(2026, 9, 24)


@dataclass(frozen=True, kw_only=True)
class AssessmentSpec:
    organisation: str  # Org key of the assessor's organisation; its acting person assesses
    scores: tuple[int, ...] = ()  # one per criterion, in the criteria's order; () = not scored
    comment: str = ""  # in the assessor's language
    transfer_comment: str = ""  # on the transferability criterion
    submitted: datetime.date | None = None  # None: still a draft
    reply: str = ""  # the owner's answer
    replied: datetime.date | None = None


@dataclass(frozen=True, kw_only=True)
class PracticeSpec:
    organisation: str  # Org key of the owner
    language: str
    text: dict[str, str]  # the template's fields (models.TEXT_FIELDS)
    themes: tuple[str, ...]
    countries: tuple[str, ...]
    organisation_kinds: tuple[str, ...]
    target_groups: tuple[str, ...]
    media_links: tuple[str, ...]
    created: datetime.date
    changed: datetime.date  # the second save: facets and links added
    submitted: datetime.date | None = None
    assessments: tuple[AssessmentSpec, ...] = ()
    concluded: datetime.date | None = None
    outcome: str = ""  # "published" or "revision_requested" when concluded
    note: str = ""  # of the consensus meeting
    network: tuple[str, ...] = ()  # Org keys of the network's leads: a network's practice
    key: str = field(default="")

    @property
    def status(self) -> str:
        if self.outcome:
            return self.outcome
        return "in_assessment" if self.submitted else "draft"


def text(**fields: str) -> dict[str, str]:
    return {name: value.strip() for name, value in fields.items()}


PORTFOLIO = PracticeSpec(
    key="portfolio",
    organisation="lbs-ennstal",
    language="de",
    text=text(
        title="Digitales Lehrlingsportfolio: Betrieb, Schule und Lehrling führen es gemeinsam",
        summary="""
Jeder Lehrling der Landesberufsschule führt ab dem ersten Lehrjahr ein digitales Portfolio, in
dem er Arbeitsaufträge aus dem Betrieb, Lernergebnisse aus dem Berufsschullehrgang und Fotos oder
Videos eigener Werkstücke sammelt. Ausbilder:innen und Lehrkräfte kommentieren im selben
Portfolio, so dass beide Lernorte sehen, was der Lehrling schon kann.
""",
        context="""
Unsere Lehrlinge in Metalltechnik, Mechatronik und Kfz-Technik kommen für zehn Wochen im Jahr in
den lehrgangsmäßigen Unterricht, die übrige Zeit lernen sie in rund 400 Lehrbetrieben in ganz
Oberösterreich. Bis 2022 liefen die Informationen zwischen Betrieb und Schule über Zeugnisse und
gelegentliche Telefonate.
""",
        challenge="""
Lehrkräfte wussten zu Lehrgangsbeginn kaum, welche Arbeiten ein Lehrling im Betrieb schon gemacht
hatte; Ausbilder:innen erfuhren erst aus dem Zeugnis, wo es in der Schule hakte. Bei der
Lehrabschlussprüfung fehlte den Lehrlingen ein Nachweis über ihre praktischen Arbeiten.
""",
        approach="""
Das Portfolio läuft auf der Lernplattform der Schule und ist nach dem Berufsbild gegliedert.

- Der Lehrling legt zu jedem größeren Arbeitsauftrag einen Eintrag an: Aufgabe, Vorgehen, Foto
  oder Video, eigene Einschätzung.
- Die Ausbilderin oder der Ausbilder bestätigt den Eintrag und ordnet ihn einer Position des
  Berufsbilds zu.
- Zu Lehrgangsbeginn sieht die Klassenlehrkraft die Einträge und plant Projektarbeiten, die
  Lücken schließen.
- Zweimal im Jahr führen Lehrling, Betrieb und Schule ein kurzes Online-Gespräch über das
  Portfolio.
""",
        results="""
Seit dem Schuljahr 2022/23 führen 1.150 Lehrlinge ein Portfolio, 310 Lehrbetriebe kommentieren
regelmäßig. In einer Befragung 2025 gaben 78 % der Ausbilder:innen an, besser über den
Berufsschulunterricht informiert zu sein. Lehrlinge mit gepflegtem Portfolio bestanden die
Lehrabschlussprüfung in Mechatronik häufiger beim ersten Antritt (91 % gegenüber 83 %).
""",
        resources="""
Die Lernplattform war vorhanden; für Vorlagen und Schulungen wurden im ersten Jahr rund 120
Stunden Lehrkräftezeit und 8.000 € für Tablets in den Werkstätten eingesetzt. Laufend braucht
eine Koordinatorin zwei Wochenstunden.
""",
        success_factors="""
- Kurze Einträge: ein Foto und drei Sätze genügen.
- Die Lehrlingsstelle der Wirtschaftskammer hat das Portfolio als Nachweis anerkannt.
- Schulungen für Ausbilder:innen fanden im Betrieb statt, nicht in der Schule.
""",
        lessons_learnt="""
Kleine Betriebe kommentieren nur, wenn sie daran erinnert werden: eine monatliche
Sammel-E-Mail hat mehr bewirkt als jede Schulung. Videos sind beliebt, brauchen aber klare Regeln
zum Datenschutz im Betrieb.
""",
        transfer_conditions="""
Übertragbar auf jede Berufsschule mit Lernplattform und Blockunterricht. Wichtig sind eine
Ansprechperson in der Schule, die Zustimmung der Betriebe zur Nutzung von Fotos und eine Stelle,
die das Portfolio bei der Abschlussprüfung würdigt.
""",
        contact="Ing. Wolfgang Hager, Direktor – wolfgang.hager@lbs-ennstal.example.org",
    ),
    themes=("digital-learning", "learning-venue-cooperation", "work-based-learning"),
    countries=("AT",),
    organisation_kinds=("vocational_school", "training_company", "chamber"),
    target_groups=("apprentices", "vet_teachers", "in_company_trainers"),
    media_links=(
        "https://lbs-ennstal.example.org/lehrlingsportfolio",
        "https://media.example.org/practice-in-motion/portfolio-erklaerfilm",
    ),
    created=D(2026, 1, 19),
    changed=D(2026, 2, 3),
    submitted=D(2026, 2, 10),
    assessments=(
        AssessmentSpec(
            organisation="cfp-orobico",
            scores=(4, 5, 5, 5, 4, 4),
            comment=(
                "Pratica chiara e ben documentata. I dati sugli esami finali sono convincenti; "
                "sarebbe utile sapere quanto tempo dedicano in media i tutor aziendali."
            ),
            transfer_comment=(
                "Facilmente trasferibile ai nostri percorsi IeFP, che hanno già una piattaforma."
            ),
            submitted=D(2026, 3, 2),
        ),
        AssessmentSpec(
            organisation="zst-zawiszy",
            scores=(4, 4, 5, 4, 4, 4),
            comment=(
                "A simple tool with a real effect on cooperation between school and company. "
                "The monthly reminder e-mail is a detail other schools should copy."
            ),
            transfer_comment="Needs a learning platform and block teaching, both common.",
            submitted=D(2026, 3, 5),
        ),
        AssessmentSpec(
            organisation="gs-remstal",
            scores=(3, 4, 4, 5, 5, 4),
            comment=(
                "Überzeugend, weil die Kammer das Portfolio anerkennt. Die Idee ist nicht neu, "
                "die konsequente Umsetzung mit 310 Betrieben aber schon."
            ),
            transfer_comment="Für deutsche Berufsschulen mit Blockunterricht sofort nutzbar.",
            submitted=D(2026, 3, 9),
        ),
    ),
    concluded=BILBAO,
    outcome="published",
    note=(
        "Published. All three assessors see the portfolio as ready for transfer; the partners ask "
        "for the data-protection rules for videos as an attachment."
    ),
)

LEARNING_FACTORY = PracticeSpec(
    key="learning-factory",
    organisation="cifp-nervion",
    language="es",
    text=text(
        title="Fábrica de aprendizaje: retos reales de empresas en una línea de producción escolar",
        summary="""
En nuestra fábrica de aprendizaje, una línea de montaje automatizada a escala real dentro del
centro, equipos de alumnado de tres ciclos resuelven retos que plantean empresas de Bizkaia.
Cada reto dura seis semanas y termina con una presentación ante la empresa.
""",
        context="""
El CIFP Nervión forma a 1.900 personas en fabricación avanzada, automatización y mantenimiento.
Desde 2018 aplicamos el modelo vasco de aprendizaje colaborativo basado en retos (ETHAZI), pero los
retos eran ficticios y el equipamiento estaba repartido en talleres separados.
""",
        challenge="""
Las empresas de la comarca pedían técnicos que entiendan el proceso completo, no solo su máquina.
El alumnado de mecatrónica, de programación de la producción y de calidad apenas trabajaba junto,
y los retos inventados por el profesorado no motivaban como un problema real.
""",
        approach="""
Convertimos dos talleres en una pequeña fábrica: estación de mecanizado, robot colaborativo,
montaje, control de calidad con visión artificial y un sistema MES.

- Cada trimestre, tres empresas proponen un reto (por ejemplo, reducir el tiempo de cambio de
  formato o detectar piezas defectuosas).
- Equipos mixtos de cinco personas de tres ciclos trabajan el reto en horario lectivo.
- Un técnico de la empresa visita al equipo dos veces; el profesorado actúa como facilitador.
- La evaluación combina el producto, la presentación y una autoevaluación del equipo.
""",
        results="""
Entre 2023 y 2025 se resolvieron 27 retos de 19 empresas; ocho soluciones se aplican hoy en
planta. El 64 % del alumnado participante hizo después su formación dual en una de las empresas
del reto. El absentismo en los módulos implicados bajó del 9 % al 4 %.
""",
        resources="""
La inversión en equipamiento fue de 410.000 €, financiada por el Gobierno Vasco y dos empresas
tractoras. El mantenimiento cuesta unos 25.000 € al año; el profesorado dispone de tres horas
semanales de coordinación.
""",
        success_factors="""
- Retos con un interlocutor fijo en la empresa y un resultado medible.
- Horarios de los tres ciclos alineados por la dirección desde el principio del curso.
- Formación del profesorado en facilitación de equipos, no solo en la tecnología.
""",
        lessons_learnt="""
Los primeros retos eran demasiado amplios; hoy los acotamos en una reunión previa con la empresa.
La visión artificial exigió más formación docente de la prevista.
""",
        transfer_conditions="""
El modelo de retos se puede transferir sin la línea completa: basta con una estación real y una
empresa dispuesta a plantear un problema. Para la fábrica completa hace falta financiación
pública para la inversión y una red de empresas cercana.
""",
        contact=(
            "Itziar Etxeberria, Relaciones internacionales – "
            "itziar.etxeberria@cifp-nervion.example.org"
        ),
    ),
    themes=("ai-automation", "work-based-learning", "learning-venue-cooperation"),
    countries=("ES",),
    organisation_kinds=("vocational_school", "training_company"),
    target_groups=("apprentices", "vet_teachers", "companies"),
    media_links=(
        "https://cifp-nervion.example.org/fabrica-de-aprendizaje",
        "https://media.example.org/practice-in-motion/fabrica-video",
    ),
    created=D(2026, 1, 22),
    changed=D(2026, 2, 6),
    submitted=D(2026, 2, 12),
    assessments=(
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(5, 4, 5, 4, 4, 4),
            comment=(
                "Sehr überzeugende Verbindung von echter Technik und echten Aufträgen. Die Zahlen "
                "zur Übernahme in die duale Ausbildung sprechen für sich."
            ),
            transfer_comment=(
                "Das Challenge-Modell ist ohne die teure Anlage übertragbar, das sollte betont "
                "werden."
            ),
            submitted=D(2026, 3, 3),
        ),
        AssessmentSpec(
            organisation="its-brenta",
            scores=(5, 5, 4, 4, 4, 3),
            comment=(
                "Un'esperienza molto vicina ai nostri laboratori ITS. Interessante il ruolo del "
                "docente come facilitatore; i costi di manutenzione vanno considerati."
            ),
            transfer_comment="Trasferibile nella forma ridotta, con una sola stazione.",
            submitted=D(2026, 3, 6),
        ),
        AssessmentSpec(
            organisation="kaakko-college",
            scores=(4, 4, 5, 5, 4, 4),
            comment=(
                "Clear evidence and a well-described cooperation with companies. The scaled-down "
                "version makes it relevant for smaller colleges like ours."
            ),
            transfer_comment="Transferable wherever local companies can be won for challenges.",
            submitted=D(2026, 3, 10),
        ),
    ),
    concluded=BILBAO,
    outcome="published",
    note=(
        "Published after the site visit in Bilbao. The partners agree the challenge model is "
        "ready for transfer, also without the full production line."
    ),
)

MENTORING = PracticeSpec(
    key="mentoring",
    organisation="cfp-orobico",
    language="it",
    text=text(
        title="Mentori tra pari: gli apprendisti del secondo anno accompagnano i nuovi",
        summary="""
Ogni nuovo apprendista dei nostri percorsi duali viene affiancato da un apprendista del secondo
anno che lavora nello stesso settore. Per sei mesi si incontrano ogni due settimane, in azienda o
al CFP, e il mentore aiuta a orientarsi tra lavoro, scuola e primi problemi.
""",
        context="""
Il CFP Orobico forma 900 ragazzi e ragazze in percorsi IeFP e in apprendistato di primo livello,
soprattutto in meccanica, elettrico e ristorazione, con oltre 250 aziende delle valli bergamasche.
""",
        challenge="""
Nel primo anno di apprendistato perdevamo circa un ragazzo su sette, spesso nei primi tre mesi.
I tutor aziendali hanno poco tempo e i ragazzi esitavano a parlare dei problemi con un adulto.
""",
        approach="""
- A settembre selezioniamo i mentori tra gli apprendisti del secondo anno che si candidano; li
  formiamo in due giornate (ascolto, gestione dei conflitti, quando chiedere aiuto).
- Ogni coppia ha un incontro fisso ogni due settimane e una chat seguita dal tutor formativo.
- Il mentore riceve un attestato delle competenze trasversali e 20 ore riconosciute come
  formazione.
- Una volta al mese i mentori si confrontano con il tutor formativo del CFP.
""",
        results="""
Nei tre anni formativi dal 2022 al 2025 abbiamo formato 96 mentori e accompagnato 210 nuovi
apprendisti. Gli abbandoni nel primo anno sono scesi dal 14 % al 6 %. Le aziende riferiscono che
i mentori stessi diventano più responsabili sul lavoro.
""",
        resources="""
Circa 200 ore annue di un tutor formativo, la formazione dei mentori (due giornate, 1.500 €) e
piccoli rimborsi per gli spostamenti. Finanziamento tramite il sistema dote della Regione
Lombardia.
""",
        success_factors="""
- Mentore e apprendista dello stesso settore, ma non della stessa azienda.
- Un adulto di riferimento sempre raggiungibile per i casi difficili.
- Il riconoscimento formale del ruolo di mentore.
""",
        lessons_learnt="""
All'inizio alcune coppie non funzionavano per distanza geografica: oggi teniamo conto dei
trasporti. La chat va moderata, altrimenti si esaurisce dopo poche settimane.
""",
        transfer_conditions="""
Trasferibile a ogni ente con apprendisti su almeno due annualità. Serve un tutor formativo con
tempo dedicato e l'accordo delle aziende a liberare il mentore per gli incontri.
""",
        contact="Giulia Ferraro, Responsabile progetti – giulia.ferraro@cfp-orobico.example.org",
    ),
    themes=("early-leaving-prevention", "work-based-learning", "inclusion-diversity"),
    countries=("IT",),
    organisation_kinds=("training_provider", "training_company"),
    target_groups=("apprentices", "in_company_trainers", "career_guidance"),
    media_links=("https://cfp-orobico.example.org/mentori-tra-pari",),
    created=D(2026, 1, 26),
    changed=D(2026, 2, 9),
    submitted=D(2026, 2, 16),
    assessments=(
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(4, 4, 4, 5, 5, 5),
            comment=(
                "Einfach, günstig und wirksam. Die Halbierung der Abbrüche ist gut belegt; die "
                "Anerkennung der Mentor:innen ist ein wichtiger Baustein."
            ),
            transfer_comment="Lässt sich in jedem dualen System mit geringem Aufwand übernehmen.",
            submitted=D(2026, 3, 4),
        ),
        AssessmentSpec(
            organisation="roc-zuiderhaven",
            scores=(4, 4, 4, 4, 4, 5),
            comment=(
                "A low-cost practice with strong results on early leaving. We would like to know "
                "more about how mentors are selected when there are too many candidates."
            ),
            transfer_comment="Works in any apprenticeship system with two or more years.",
            submitted=D(2026, 3, 11),
        ),
    ),
    concluded=BILBAO,
    outcome="published",
    note=(
        "Published. Both assessors see the mentoring scheme as ready for transfer; CFP Orobico "
        "will add its selection criteria for mentors."
    ),
)

GREEN_SKILLS = PracticeSpec(
    key="green-skills",
    organisation="zst-zawiszy",
    language="pl",
    text=text(
        title="Warsztaty zielonych kompetencji w szkolnym laboratorium fotowoltaiki",
        summary="""
W laboratorium fotowoltaiki, zbudowanym razem z firmami instalacyjnymi z Małopolski, uczniowie
technikum elektrycznego i technikum OZE uczą się montażu, pomiarów i serwisu instalacji PV.
Zajęcia prowadzą wspólnie nauczyciel i instruktor z firmy.
""",
        context="""
Kraków i okolice przeżywają boom instalacji fotowoltaicznych i pomp ciepła. Firmy instalacyjne
szukają pracowników, a nasza szkoła miała do 2023 roku tylko pracownię teoretyczną i stare
stanowiska elektryczne.
""",
        challenge="""
Uczniowie znali przepisy i schematy, ale nie montowali prawdziwych instalacji na dachu.
Nauczyciele nie nadążali za szybkimi zmianami technologii, a firmy nie miały czasu na
przyjmowanie praktykantów bez przygotowania.
""",
        approach="""
- Na dachu warsztatów i na stelażach w hali powstało osiem stanowisk: moduły, falowniki,
  magazyn energii i pompa ciepła z monitoringiem.
- Cztery firmy instalacyjne wysyłają co tydzień instruktora, który prowadzi zajęcia razem z
  nauczycielem.
- Każdy blok warsztatów kończy się zadaniem zawodowym: uczniowie projektują, montują i odbierają
  małą instalację.
- Nauczyciele odbywają co roku tydzień stażu w jednej z firm.
""",
        results="""
Od 2023 roku przez warsztaty przeszło 240 uczniów. 38 absolwentów pracuje w firmach
partnerskich. Zdawalność egzaminu zawodowego w kwalifikacji ELE.10 wzrosła z 71 % do 86 %.
""",
        resources="""
Budowa laboratorium kosztowała około 560 000 zł (środki powiatu, Erasmus+ i sprzęt przekazany
przez firmy). Czas instruktorów firmy finansują same w zamian za możliwość rekrutacji.
""",
        success_factors="""
- Firmy są współwłaścicielami laboratorium, a nie tylko gośćmi.
- Zajęcia w tandemie nauczyciel i instruktor.
- Zadania zawodowe zgodne z wymaganiami egzaminu.
""",
        lessons_learnt="""
Bez stałego harmonogramu instruktorzy odwoływali zajęcia w sezonie montażowym; teraz planujemy
je na cały rok z wyprzedzeniem. Bezpieczeństwo pracy na wysokości wymagało osobnego szkolenia.
""",
        transfer_conditions="""
Potrzebne są lokalne firmy z branży OZE, przestrzeń na stanowiska montażowe i finansowanie
początkowe. Model tandemu nauczyciel–instruktor można przenieść także na inne technologie.
""",
        contact="Agnieszka Mazur, wicedyrektor – agnieszka.mazur@zst-zawiszy.example.org",
    ),
    themes=("green-skills", "teacher-trainer-training", "learning-venue-cooperation"),
    countries=("PL",),
    organisation_kinds=("vocational_school", "training_company"),
    target_groups=("apprentices", "vet_teachers", "in_company_trainers"),
    media_links=(
        "https://zst-zawiszy.example.org/laboratorium-pv",
        "https://media.example.org/practice-in-motion/pv-lab-galeria",
    ),
    created=D(2026, 4, 8),
    changed=D(2026, 4, 20),
    submitted=D(2026, 4, 27),
    assessments=(
        AssessmentSpec(
            organisation="gs-remstal",
            scores=(4, 4, 5, 3, 4, 5),
            comment=(
                "Ein starkes Beispiel für Green Skills mit echten Anlagen. Die Kooperation mit "
                "den Firmen ist vorbildlich, die Investition aber hoch."
            ),
            transfer_comment="Übertragbar nur mit Anschubfinanzierung und regionalen Firmen.",
            submitted=D(2026, 5, 18),
        ),
        AssessmentSpec(
            organisation="cifp-nervion",
            scores=(4, 4, 5, 4, 4, 4),
            comment=(
                "Very relevant for the energy transition. The teacher and trainer tandem is the "
                "part we would take over first."
            ),
            transfer_comment="The tandem model transfers easily; the lab needs funding.",
            submitted=D(2026, 5, 21),
        ),
        AssessmentSpec(
            organisation="its-brenta",
            scores=(3, 4, 4, 3, 4, 4),
            comment=(
                "Buona pratica, ben radicata sul territorio. Servirebbero dati sui costi annuali "
                "di gestione del laboratorio."
            ),
            transfer_comment="Dipende molto dalla presenza di imprese del settore.",
            submitted=D(2026, 5, 26),
        ),
    ),
    concluded=KRAKOW,
    outcome="published",
    note=(
        "Published. The assessors value the teacher and trainer tandem; transfer of the lab "
        "itself depends on start-up funding, so it is not labelled ready for transfer."
    ),
)

BILINGUAL = PracticeSpec(
    key="bilingual",
    organisation="its-brenta",
    language="it",
    text=text(
        title="Moduli bilingui italiano-tedesco per tecnici della meccatronica",
        summary="""
Sei moduli didattici di meccatronica, dalla pneumatica alla manutenzione predittiva, sono
disponibili in versione parallela italiana e tedesca. Gli studenti ITS li usano in aula e li
portano con sé nei tirocini presso aziende tedesche e altoatesine.
""",
        context="""
L'ITS Academy Brenta Tecnologie forma tecnici superiori per le imprese metalmeccaniche del Veneto,
molte delle quali lavorano con clienti e case madri tedesche. Ogni anno circa 30 studenti svolgono
un tirocinio in Germania o in Alto Adige.
""",
        challenge="""
Gli studenti arrivavano in azienda senza il lessico tecnico tedesco e passavano le prime
settimane a capire istruzioni e documentazione. I corsi di lingua generici non bastavano.
""",
        approach="""
- Docenti ITS e formatori di una scuola professionale tedesca partner hanno scritto insieme sei
  moduli con testi, schemi ed esercizi su due colonne, italiano e tedesco.
- Ogni modulo contiene un glossario di 150 termini e brevi video girati in officina.
- In aula si lavora sulla versione italiana; le verifiche pratiche includono un compito in
  tedesco.
- Prima del tirocinio gli studenti ripassano il modulo dell'area in cui lavoreranno.
""",
        results="""
Dal 2024 hanno usato i moduli 140 studenti. I tutor aziendali tedeschi valutano la comprensione
delle istruzioni tecniche con 4,1 su 5, contro 2,9 prima dei moduli. Due aziende utilizzano i
glossari anche per i propri operatori italiani.
""",
        resources="""
La stesura ha richiesto circa 600 ore di lavoro di docenti e formatori, finanziate in parte da un
progetto Erasmus+. I video sono stati girati con il laboratorio dell'ITS.
""",
        success_factors="""
- Moduli scritti da docenti di entrambi i paesi, non tradotti dopo.
- Contenuti legati alle macchine che gli studenti trovano in azienda.
""",
        lessons_learnt="""
Aggiornare sei moduli in due lingue richiede tempo: oggi prevediamo una revisione ogni due anni.
I video funzionano meglio se brevi, con sottotitoli in entrambe le lingue.
""",
        transfer_conditions="""
Trasferibile ad altre coppie di lingue e ad altri profili tecnici, a condizione di avere un
partner nell'altro paese con cui scrivere i moduli. I moduli sono disponibili con licenza
CC BY-SA.
""",
        contact="Elisa Zanon, Coordinamento didattico – elisa.zanon@its-brenta.example.org",
    ),
    themes=("languages-intercultural", "digital-learning", "apprentice-mobility"),
    countries=("IT",),
    organisation_kinds=("training_provider", "vocational_school", "training_company"),
    target_groups=("apprentices", "vet_teachers"),
    media_links=(
        "https://its-brenta.example.org/moduli-bilingui",
        "https://media.example.org/practice-in-motion/glossario-meccatronica.pdf",
    ),
    created=D(2026, 4, 2),
    changed=D(2026, 4, 15),
    submitted=D(2026, 4, 22),
    assessments=(
        AssessmentSpec(
            organisation="kaakko-college",
            scores=(4, 3, 4, 4, 3, 3),
            comment=(
                "Useful and well made materials. The effect on the traineeships is plausible, "
                "though the evidence rests on one survey of company tutors."
            ),
            transfer_comment="Transferable to other language pairs with a partner abroad.",
            submitted=D(2026, 5, 19),
        ),
        AssessmentSpec(
            organisation="gs-remstal",
            scores=(4, 4, 4, 3, 3, 3),
            comment=(
                "Gut gemachte Materialien, die wir in unserer Lernfabrik auch nutzen könnten. "
                "Offen ist, wer die Module nach dem Projekt pflegt."
            ),
            transfer_comment="Übertragbar, aber nur mit einem Partner für die zweite Sprache.",
            submitted=D(2026, 5, 27),
        ),
    ),
    concluded=KRAKOW,
    outcome="published",
    note=(
        "Published. The partners ask ITS Brenta to describe how the modules will be kept up to "
        "date after the Erasmus+ project."
    ),
)

ROTATION = PracticeSpec(
    key="rotation",
    organisation="gs-remstal",
    language="de",
    text=text(
        title="Rotationsmodell Schule–Betrieb: Lehrkräfte und Ausbilder tauschen die Lernorte",
        summary="""
Zweimal im Schuljahr tauschen Lehrkräfte der Gewerblichen Schule und Ausbilder:innen der
Partnerbetriebe für eine Woche die Rollen: Die Lehrkraft arbeitet in der Ausbildungswerkstatt
mit, der Ausbilder unterrichtet mit im Fachpraxisunterricht. So lernen beide den anderen Lernort
von innen kennen.
""",
        context="""
Die Gewerbliche Schule Remstal unterrichtet 1.400 Auszubildende in Metall-, Elektro- und
Fahrzeugberufen aus rund 180 Betrieben im Rems-Murr-Kreis, vom Familienbetrieb bis zum
Automobilzulieferer.
""",
        challenge="""
Lernortkooperation fand vor allem in Gremien statt. Lehrkräfte kannten die aktuellen Maschinen
und Abläufe in den Betrieben kaum, Ausbilder:innen wussten wenig über Lernfelder und
Prüfungsvorbereitung in der Schule.
""",
        approach="""
- Jede teilnehmende Lehrkraft bildet mit einer Ausbilderin oder einem Ausbilder ein festes Paar.
- Im Herbst verbringt die Lehrkraft eine Woche in der Ausbildungswerkstatt, im Frühjahr der
  Ausbilder eine Woche in der Schule.
- Beide planen vorab ein gemeinsames Lernfeldprojekt, das die Auszubildenden an beiden Lernorten
  bearbeiten.
- Das Regierungspräsidium rechnet die Woche im Betrieb als Fortbildung an.
""",
        results="""
Seit 2023 haben 34 Paare rotiert. 21 gemeinsame Lernfeldprojekte laufen inzwischen jedes Jahr.
In der Befragung der Auszubildenden stieg die Aussage „Schule und Betrieb sind gut abgestimmt“
von 41 % auf 67 % Zustimmung.
""",
        resources="""
Vertretungsstunden für die Lehrkräfte (rund 25 Stunden je Rotation) und die Freistellung der
Ausbilder:innen durch die Betriebe. Koordination: vier Anrechnungsstunden für eine Lehrkraft.
""",
        success_factors="""
- Feste Paare über mindestens zwei Jahre.
- Die Anerkennung als Fortbildung durch die Schulaufsicht.
- Ein gemeinsames Projekt als Ergebnis jeder Rotation.
""",
        lessons_learnt="""
Kleine Betriebe können ihre Ausbilder:innen selten eine ganze Woche freistellen; für sie bieten
wir inzwischen zwei einzelne Tage an. Die Vertretung in der Schule muss ein Halbjahr vorher
geplant werden.
""",
        transfer_conditions="""
Übertragbar auf Berufsschulen mit festen Partnerbetrieben. Voraussetzung sind Vertretungsmittel
und die Bereitschaft der Schulaufsicht, die Betriebswoche als Fortbildung anzuerkennen.
""",
        contact="Ulrike Haas, Abteilungsleiterin – ulrike.haas@gs-remstal.example.org",
    ),
    themes=("learning-venue-cooperation", "teacher-trainer-training"),
    countries=("DE",),
    organisation_kinds=("vocational_school", "training_company", "public_authority"),
    target_groups=("vet_teachers", "in_company_trainers", "school_leaders"),
    media_links=("https://gs-remstal.example.org/rotation",),
    created=D(2026, 6, 29),
    changed=D(2026, 7, 8),
    submitted=D(2026, 7, 14),
    assessments=(
        AssessmentSpec(
            organisation="its-brenta",
            scores=(4, 4, 4, 3, 4, 4),
            comment=(
                "Un modello semplice che rafforza davvero la cooperazione tra i luoghi di "
                "apprendimento. In Italia mancherebbe il riconoscimento come formazione docenti."
            ),
            transfer_comment="Trasferibile solo dove l'amministrazione scolastica lo riconosce.",
            submitted=D(2026, 9, 2),
        ),
        AssessmentSpec(
            organisation="zst-zawiszy",
            scores=(3, 4, 4, 4, 4, 4),
            comment=(
                "A strong practice for teacher development. We already send teachers to "
                "companies; the return visit of the trainers is the new element for us."
            ),
            transfer_comment="Transferable where substitute teaching can be funded.",
            submitted=D(2026, 9, 8),
        ),
        AssessmentSpec(
            organisation="roc-zuiderhaven",
            scores=(3, 4, 4, 3, 5, 4),
            comment=(
                "Well anchored in the school and the supervisory authority. The two single days "
                "for small companies are a good adaptation."
            ),
            transfer_comment="Depends on national rules for teacher training credits.",
            submitted=D(2026, 9, 11),
        ),
    ),
    concluded=ROTTERDAM,
    outcome="published",
    note=(
        "Published. Transfer depends on whether the school authorities recognise the week in "
        "the company as teacher training; the partners will collect the national rules."
    ),
)

HYBRID = PracticeSpec(
    key="hybrid",
    organisation="roc-zuiderhaven",
    language="en",
    text=text(
        title="Hybrid learning environments: classrooms inside companies in the port",
        summary="""
Three of our courses for logistics and process technicians are taught partly in classrooms on
company premises in the port of Rotterdam. Teachers and company practitioners share the timetable
and assess the learners together.
""",
        context="""
ROC Zuiderhaven trains 6,500 MBO learners, a fifth of them for the port and the process industry.
The sector changes fast through automation and the energy transition, faster than school
equipment can follow.
""",
        challenge="""
Learners spent their work placements in companies but learnt the theory in school, often on
outdated examples. Companies complained that newcomers could not connect the two.
""",
        approach="""
- Three companies host a classroom and a practice area; learners spend two days a week there in
  the second and third year.
- A teacher and a practitioner plan each period together and teach in the same room.
- Assignments come from the company's daily work, for example a tank cleaning plan or a
  container scheduling problem.
- Assessment is done by the teacher and the practitioner together, using the national
  qualification file.
""",
        results="""
Since 2022, 420 learners have studied in the hybrid classrooms. 85 % of them found a job in the
sector within three months of graduation, against 72 % in the regular courses. Learner
satisfaction with the relevance of the lessons rose from 3.2 to 4.0 out of 5.
""",
        resources="""
The companies provide the rooms and 0.2 FTE of practitioner time per classroom. The college pays
for a coordinator (0.5 FTE) and the teachers' travel time. Start-up costs were about 60,000 €.
""",
        success_factors="""
- A written agreement between college and company for at least three years.
- Practitioners who are trained in didactics in a short course.
- Shared assessment, so both sides own the result.
""",
        lessons_learnt="""
Safety rules on industrial sites limit where learners can go; this must be settled before the
first lesson. Teachers need time to build their network in the company.
""",
        transfer_conditions="""
Transferable where large companies are close to the college and willing to host learners for
years. The Dutch funding of practitioner time by companies may not exist elsewhere.
""",
        contact=(
            "Sanne Vermeulen, Programme manager international – "
            "sanne.vermeulen@roc-zuiderhaven.example.org"
        ),
    ),
    themes=("learning-venue-cooperation", "work-based-learning", "regional-development"),
    countries=("NL",),
    organisation_kinds=("vocational_school", "training_company"),
    target_groups=("apprentices", "vet_teachers", "companies"),
    media_links=(
        "https://roc-zuiderhaven.example.org/hybrid-learning",
        "https://media.example.org/practice-in-motion/port-classroom-tour",
    ),
    created=D(2026, 7, 1),
    changed=D(2026, 7, 13),
    submitted=D(2026, 7, 20),
    assessments=(
        AssessmentSpec(
            organisation="cfp-orobico",
            scores=(4, 4, 4, 3, 4, 3),
            comment=(
                "Un modello efficace, con buoni dati sull'occupazione. Nelle nostre valli non ci "
                "sono imprese di queste dimensioni: andrebbe pensata una versione per le PMI."
            ),
            transfer_comment="Trasferibile solo dove ci sono grandi imprese vicine alla scuola.",
            submitted=D(2026, 9, 4),
        ),
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(4, 5, 4, 3, 4, 4),
            comment=(
                "Beeindruckende Ergebnisse bei der Beschäftigung. Für Betriebe unserer Größe ist "
                "ein eigenes Klassenzimmer kaum denkbar."
            ),
            transfer_comment="Eher für Ballungsräume mit Großbetrieben geeignet.",
            submitted=D(2026, 9, 10),
        ),
    ),
    concluded=ROTTERDAM,
    outcome="published",
    note="Published after the visit to the port classrooms in Rotterdam.",
)

COMPETENCE_PLANS = PracticeSpec(
    key="competence-plans",
    organisation="kaakko-college",
    language="en",
    text=text(
        title="Personal competence development plans that start with what learners already know",
        summary="""
Every learner, young or adult, starts with a personal competence development plan. Teachers and
workplace instructors first identify and recognise the competences the learner already has, then
plan only the missing parts, mostly learnt at work.
""",
        context="""
Since the Finnish VET reform of 2018, qualifications are competence-based and learners can start
at any time of the year. At Kaakko Vocational College, almost half of the 4,000 learners are adults
with work experience.
""",
        challenge="""
Adults repeated content they already mastered and dropped out; young learners waited for a class
to start. Recognition of prior learning existed on paper but took weeks and was rarely used.
""",
        approach="""
- In the first two weeks a guidance counsellor and a teacher hold a recognition interview, based
  on a self-assessment and, where possible, a short demonstration at a workplace.
- Recognised competences are recorded against the qualification requirements.
- The plan lists the remaining units, where each is learnt (workplace, college, online) and who
  supports the learner.
- The plan is reviewed every two months with the workplace instructor.
""",
        results="""
In 2025, 1,380 learners had part of their qualification recognised, saving on average 4.5 months
of study. The drop-out rate of adult learners fell from 18 % to 11 % in two years.
""",
        resources="""
About six hours of staff time per learner for the first plan, then one hour per review. The
college developed an electronic planning form in its student information system.
""",
        success_factors="""
- Recognition done in the first two weeks, before learners lose motivation.
- Workplace instructors involved in every review.
""",
        lessons_learnt="""
Self-assessments alone overestimate competences; a short demonstration is worth the effort.
Teachers needed training in interviewing adults.
""",
        transfer_conditions="""
Needs a qualification system described in learning outcomes and rules that allow recognised
competences to count towards the qualification. The planning and review routine itself transfers
easily.
""",
        contact="Aino Lehtonen, Development manager – aino.lehtonen@kaakko-college.example.org",
    ),
    themes=("validation-non-formal-learning", "continuing-education", "career-guidance"),
    countries=("FI",),
    organisation_kinds=("vocational_school", "training_company"),
    target_groups=("adult_learners", "apprentices", "career_guidance"),
    media_links=("https://kaakko-college.example.org/competence-plans",),
    created=D(2026, 9, 14),
    changed=D(2026, 9, 28),
    submitted=D(2026, 10, 5),
    assessments=(
        AssessmentSpec(
            organisation="cifp-nervion",
            scores=(4, 4, 5, 3, 4, 4),
            comment=(
                "Strong evidence on time saved and drop-out. Transfer to Spain is limited by our "
                "accreditation procedure, which is separate from the training."
            ),
            transfer_comment="The planning routine transfers; recognition depends on national law.",
            submitted=D(2026, 10, 29),
        ),
        AssessmentSpec(organisation="lbs-ennstal"),
        AssessmentSpec(organisation="cfp-orobico"),
    ),
)

INCLUSION = PracticeSpec(
    key="inclusion",
    organisation="ffe-levante",
    language="es",
    text=text(
        title="Itinerario de inclusión en pymes para jóvenes sin título de la ESO",
        summary="""
Jóvenes de 16 a 24 años que dejaron la escuela sin título recorren un itinerario de nueve meses:
orientación, un módulo básico de logística o turismo y prácticas acompañadas en una pequeña
empresa, con un mentor de la fundación que visita la empresa cada semana.
""",
        context="""
En la Comunidad Valenciana, cerca del 15 % de los jóvenes abandona los estudios de forma temprana.
Las pymes de logística y turismo necesitan personal, pero no tienen estructuras para acoger a
jóvenes sin experiencia.
""",
        challenge="""
Los programas de empleo juvenil ofrecían cursos, pero pocas empresas pequeñas se atrevían a
acoger a estos jóvenes, y muchos abandonaban en las primeras semanas de prácticas.
""",
        approach="""
- Dos semanas de orientación con entrevistas, visitas a empresas y un plan personal.
- Un módulo básico de 200 horas, reconocido como parte de un certificado de profesionalidad.
- Prácticas de tres a cinco meses en una pyme, con un mentor de la fundación y una persona de
  referencia en la empresa.
- Las organizaciones empresariales y sindicales de la fundación seleccionan y acompañan a las
  empresas.
""",
        results="""
Desde 2023 han participado 186 jóvenes y 74 pymes. El 71 % terminó el itinerario y el 52 % tenía
contrato seis meses después. 23 jóvenes retomaron después un ciclo de grado medio.
""",
        resources="""
Tres mentores a tiempo completo y una coordinadora, financiados por el FSE+ y la Generalitat.
El coste es de unos 3.400 € por joven.
""",
        success_factors="""
- El acompañamiento semanal en la empresa, también para la persona de referencia.
- La confianza de las pymes en una fundación de sus propias organizaciones.
""",
        lessons_learnt="""
Las empresas valoran más una llamada rápida del mentor que cualquier formación. Algunos jóvenes
necesitan apoyo en vivienda o transporte antes de poder empezar.
""",
        transfer_conditions="""
Requiere una entidad de confianza para las empresas, financiación estable para los mentores y un
módulo formativo reconocido oficialmente.
""",
        contact="Marta Ferrer, Responsable de proyectos – marta.ferrer@ffe-levante.example.org",
    ),
    themes=("inclusion-diversity", "early-leaving-prevention", "smes"),
    countries=("ES",),
    organisation_kinds=("association", "training_company", "training_provider"),
    target_groups=("apprentices", "companies", "career_guidance"),
    media_links=("https://ffe-levante.example.org/itinerario-inclusion",),
    created=D(2026, 9, 21),
    changed=D(2026, 10, 7),
    submitted=D(2026, 10, 20),
    assessments=(
        AssessmentSpec(
            organisation="gs-remstal",
            scores=(4, 4, 4),
            comment="Entwurf: Wirkung gut belegt, Kosten pro Person noch mit unseren vergleichen.",
        ),
        AssessmentSpec(organisation="kaakko-college"),
    ),
)

TUTOR_CERTIFICATION = PracticeSpec(
    key="tutor-certification",
    organisation="cfp-orobico",
    language="it",
    text=text(
        title="Certificazione dei tutor aziendali dell'apprendistato duale",
        summary="""
Un percorso di 40 ore, con un colloquio finale davanti a una commissione mista, certifica le
competenze dei tutor aziendali che seguono apprendisti di primo livello. La certificazione è
rilasciata dal CFP e riconosciuta dalle associazioni di categoria della provincia.
""",
        context="""
In Lombardia ogni apprendista di primo livello ha un tutor aziendale, ma la legge chiede solo un
corso breve. Molti tutor delle piccole imprese non hanno mai ricevuto una formazione pedagogica.
""",
        challenge="""
La qualità della formazione in azienda varia molto. I tutor chiedevano un riconoscimento del loro
ruolo e le aziende volevano poterlo dimostrare nei bandi.
""",
        approach="""
- Quattro moduli: ruolo del tutor, progettazione del percorso in azienda, valutazione,
  comunicazione con il CFP.
- Ogni tutor porta un caso reale del proprio apprendista come progetto di lavoro.
- Il colloquio finale si svolge davanti a un docente del CFP e a un rappresentante delle
  associazioni di categoria.
""",
        results="""
Nel 2025 hanno concluso il percorso 46 tutor di 39 aziende. La valutazione dei partecipanti è
molto positiva (4,6 su 5).
""",
        resources="""
Due docenti per 40 ore per edizione, più le commissioni d'esame. Quota di iscrizione di 250 € per
azienda, coperta in parte dal fondo interprofessionale.
""",
        success_factors="""
- Il lavoro su casi reali dei partecipanti.
- Il coinvolgimento delle associazioni di categoria nella commissione.
""",
        lessons_learnt="""
Le serate sono l'unico orario possibile per i tutor delle microimprese; abbiamo spostato due
moduli online.
""",
        transfer_conditions="""
Trasferibile a enti che lavorano con molte piccole imprese, se le associazioni di categoria
riconoscono la certificazione.
""",
        contact="Giulia Ferraro, Responsabile progetti – giulia.ferraro@cfp-orobico.example.org",
    ),
    themes=("teacher-trainer-training", "quality-assurance", "smes"),
    countries=("IT",),
    organisation_kinds=("training_provider", "training_company", "association"),
    target_groups=("in_company_trainers", "companies"),
    media_links=("https://cfp-orobico.example.org/tutor-certificati",),
    created=D(2026, 5, 11),
    changed=D(2026, 6, 22),
    submitted=D(2026, 7, 6),
    assessments=(
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(3, 2, 3, 3, 2, 3),
            comment=(
                "Ein wichtiges Anliegen, aber die Praxis ist noch jung: Außer der Zufriedenheit "
                "der Teilnehmenden gibt es keine Belege für die Wirkung auf die Ausbildung. Wie "
                "sich die Zertifizierung finanziert, wenn der Fonds wegfällt, bleibt offen."
            ),
            transfer_comment=(
                "Vergleichbar mit der österreichischen Ausbilderprüfung; der Mehrwert gegenüber "
                "dieser müsste gezeigt werden."
            ),
            submitted=D(2026, 8, 31),
            reply=(
                "Grazie per le osservazioni. Stiamo raccogliendo i dati sui risultati degli "
                "apprendisti seguiti da tutor certificati e li aggiungeremo nella revisione; "
                "descriveremo anche il finanziamento dal 2027."
            ),
            replied=D(2026, 9, 15),
        ),
        AssessmentSpec(
            organisation="roc-zuiderhaven",
            scores=(3, 2, 3, 2, 3, 3),
            comment=(
                "A relevant idea for small companies. The description does not yet show what "
                "changes in the training of the apprentices, and the link to the national "
                "requirements for tutors is unclear."
            ),
            transfer_comment="Hard to judge before the effects and the recognition are described.",
            submitted=D(2026, 9, 7),
            reply=(
                "Grazie. Nella revisione spiegheremo il rapporto con i requisiti regionali per i "
                "tutor e aggiungeremo un confronto tra apprendisti con e senza tutor certificato."
            ),
            replied=D(2026, 9, 16),
        ),
    ),
    concluded=ROTTERDAM,
    outcome="revision_requested",
    note=(
        "Revision requested. The partners see the value of the certification, but ask CFP "
        "Orobico to:\n\n"
        "- show evidence of the effect on the apprentices' training (not only participants' "
        "satisfaction),\n"
        "- explain how the certification relates to the regional requirements for company "
        "tutors,\n"
        "- describe how it will be funded after the interprofessional fund's support ends.\n\n"
        "The revised practice will be discussed at the next meeting."
    ),
)

TRANSFER_CHECK = PracticeSpec(
    key="transfer-check",
    organisation="ibt-bremen",
    language="de",
    text=text(
        title="Transfer-Check: in drei Workshops prüfen, ob eine Good Practice passt",
        summary="""
Ein Leitfaden mit drei halbtägigen Workshops hilft einer Einrichtung zu prüfen, ob die Good
Practice eines Partners zu ihr passt, was sie anpassen muss und wer die Übernahme verantwortet.
""",
        context="""
In europäischen Partnerschaften sehen Einrichtungen viele gute Beispiele, übernehmen aber selten
eines. Das Institut begleitet seit 2008 solche Partnerschaften.
""",
        challenge="""
Übernahmen scheitern meist nicht an der Praxis selbst, sondern an Rahmenbedingungen, die
niemand vorher geprüft hat: Recht, Finanzierung, Zuständigkeiten.
""",
        approach="""
1. Workshop „Passung“: Ziele, Zielgruppen und Rahmenbedingungen beider Seiten vergleichen.
2. Workshop „Anpassung“: Bausteine der Praxis auswählen und anpassen.
3. Workshop „Verankerung“: Verantwortliche, Budget und Zeitplan festlegen.
""",
        results="""
Erprobt im Frühjahr 2026 mit zwei Partnern; die Auswertung läuft noch.
""",
        resources="""
Drei halbe Tage mit fünf bis acht Personen der übernehmenden Einrichtung, eine Moderation.
""",
        success_factors="""
- Die Leitung der übernehmenden Einrichtung nimmt am dritten Workshop teil.
""",
        lessons_learnt="""
In der Erprobung wurde der erste Workshop zu lang: Der Vergleich der Rahmenbedingungen gelingt
besser mit einer vorab ausgefüllten Checkliste.
""",
        transfer_conditions="""
Der Leitfaden ist für jede Partnerschaft gedacht; er wird nach der Erprobung auf Englisch
veröffentlicht.
""",
        contact="Dr. Svenja Harms, Projektkoordination – svenja.harms@ibt-bremen.example.org",
    ),
    themes=("transnational-cooperation", "quality-assurance"),
    countries=("DE",),
    organisation_kinds=("university", "vocational_school"),
    target_groups=("school_leaders", "policy_makers"),
    media_links=(),
    created=D(2026, 10, 12),
    changed=D(2026, 11, 3),
)

INCUBATOR = PracticeSpec(
    key="incubator",
    organisation="cifp-nervion",
    language="es",
    text=text(
        title="Incubadora de proyectos para titulados de FP",
        summary="""
Titulados recientes de FP desarrollan durante un año su idea de empresa en un espacio del centro,
con mentoría de profesorado y de empresarios de la comarca.
""",
        context="""
Cada año, unos 20 titulados del centro quieren crear su propia empresa, sobre todo en
mantenimiento industrial, automatización y diseño de producto.
""",
        challenge="""
Las incubadoras universitarias no se dirigen a titulados de FP y las ideas se quedaban sin
desarrollar.
""",
        approach="""
- Convocatoria anual con una presentación de la idea.
- Espacio de trabajo, acceso a los talleres y mentoría durante doce meses.
- Formación en gestión empresarial en colaboración con la cámara de comercio.
""",
        results="""
Desde 2021, 31 proyectos incubados y 14 empresas creadas (datos en revisión).
""",
        resources="""
Un espacio de 200 m², una coordinadora a media jornada y la red de mentores voluntarios.
""",
        success_factors="""
- Acceso a los talleres del centro para construir prototipos.
""",
        lessons_learnt="""
Un año es poco para algunos proyectos industriales; desde 2024 se puede prorrogar seis meses.
Los mentores empresariales necesitan un calendario fijo de reuniones.
""",
        transfer_conditions="""
Requiere un espacio propio, una red de empresarios dispuestos a ser mentores y un acuerdo con la
cámara de comercio para la formación en gestión.
""",
        contact=(
            "Itziar Etxeberria, Relaciones internacionales – "
            "itziar.etxeberria@cifp-nervion.example.org"
        ),
    ),
    themes=("entrepreneurship", "regional-development"),
    countries=("ES",),
    organisation_kinds=("vocational_school", "chamber"),
    target_groups=("apprentices", "adult_learners"),
    media_links=("https://cifp-nervion.example.org/incubadora",),
    created=D(2026, 10, 26),
    changed=D(2026, 11, 9),
)

PRACTICES = (
    PORTFOLIO,
    LEARNING_FACTORY,
    MENTORING,
    GREEN_SKILLS,
    BILINGUAL,
    ROTATION,
    HYBRID,
    COMPETENCE_PLANS,
    INCLUSION,
    TUTOR_CERTIFICATION,
    TRANSFER_CHECK,
    INCUBATOR,
)
