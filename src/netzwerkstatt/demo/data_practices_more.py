"""Translations of published practice (by the owning organisation's people, after publication) and
the good practice two of PonteDuale's model networks documented (``data_practices`` has the
shape). The networks are found by their two lead organisations."""

from __future__ import annotations

import datetime

from .data_practices import (
    BILINGUAL,
    LEARNING_FACTORY,
    MENTORING,
    PORTFOLIO,
    ROTATION,
    AssessmentSpec,
    PracticeSpec,
    text,
)

D = datetime.date

PORTFOLIO_EN = text(
    title="Digital apprentice portfolio, kept jointly by company, school and apprentice",
    summary="""
From the first year, every apprentice of the vocational school keeps a digital portfolio with work
orders from the company, learning results from the school blocks and photos or videos of their own
work pieces. Company trainers and teachers comment in the same portfolio, so both learning venues
see what the apprentice can already do.
""",
    context="""
Our apprentices in metal technology, mechatronics and automotive technology attend school in
blocks of ten weeks a year and spend the rest of the time in about 400 training companies across
Upper Austria. Until 2022, school and company exchanged little more than report cards and the odd
phone call.
""",
    challenge="""
At the start of a block, teachers hardly knew what an apprentice had already done at work;
trainers only learnt from the report card where the apprentice struggled at school. At the final
apprenticeship exam, apprentices had no record of their practical work.
""",
    approach="""
The portfolio runs on the school's learning platform and follows the occupational profile.

- The apprentice creates an entry for every larger work order: task, procedure, photo or video,
  self-assessment.
- The trainer confirms the entry and links it to an item of the occupational profile.
- At the start of a block, the class teacher reads the entries and plans projects that close gaps.
- Twice a year, apprentice, company and school talk briefly online about the portfolio.
""",
    results="""
Since 2022/23, 1,150 apprentices have kept a portfolio and 310 companies comment regularly. In a
2025 survey, 78 % of trainers said they were better informed about school teaching. Apprentices
with a well-kept portfolio passed the mechatronics exam at the first attempt more often (91 %
against 83 %).
""",
    resources="""
The learning platform already existed; templates and training took about 120 hours of teachers'
time in the first year, and 8,000 € went into tablets for the workshops. Running it takes a
coordinator two hours a week.
""",
    success_factors="""
- Short entries: a photo and three sentences are enough.
- The apprenticeship office of the Chamber of Commerce accepts the portfolio as evidence.
- Trainers were trained in their companies, not at school.
""",
    lessons_learnt="""
Small companies only comment when reminded: a monthly digest e-mail did more than any training.
Videos are popular but need clear data-protection rules in the company.
""",
    transfer_conditions="""
Transferable to any vocational school with a learning platform and block teaching. It needs a
contact person at school, the companies' consent to the use of photos, and a body that takes the
portfolio into account at the final exam.
""",
    contact="Ing. Wolfgang Hager, Head teacher – wolfgang.hager@lbs-ennstal.example.org",
)

LEARNING_FACTORY_EN = text(
    title="Learning factory: real company challenges on a school production line",
    summary="""
In our learning factory, a full-scale automated assembly line inside the school, teams of learners
from three programmes solve challenges set by companies in Biscay. Each challenge takes six weeks
and ends with a presentation to the company.
""",
    context="""
CIFP Nervión trains 1,900 learners in advanced manufacturing, automation and maintenance. Since
2018 we have used the Basque model of collaborative challenge-based learning (ETHAZI), but the
challenges were fictitious and the equipment spread over separate workshops.
""",
    challenge="""
Local companies asked for technicians who understand the whole process, not just their machine.
Learners of mechatronics, production programming and quality control hardly worked together, and
challenges invented by teachers did not motivate like a real problem.
""",
    approach="""
We turned two workshops into a small factory: machining station, collaborative robot, assembly,
quality control with machine vision and a manufacturing execution system.

- Every term, three companies set a challenge (for example, shortening a changeover or detecting
  faulty parts).
- Mixed teams of five from three programmes work on it during lesson time.
- A technician from the company visits the team twice; teachers act as facilitators.
- Assessment combines the product, the presentation and the team's self-assessment.
""",
    results="""
Between 2023 and 2025, 27 challenges from 19 companies were solved; eight solutions are used on
the shop floor today. 64 % of the participating learners then did their dual training in one of
the challenge companies. Absenteeism in the modules involved fell from 9 % to 4 %.
""",
    resources="""
The equipment cost 410,000 €, funded by the Basque Government and two anchor companies.
Maintenance costs about 25,000 € a year; teachers have three hours a week for coordination.
""",
    success_factors="""
- Challenges with a fixed contact person in the company and a measurable result.
- Timetables of the three programmes aligned by the school management at the start of the year.
- Teacher training in facilitating teams, not only in the technology.
""",
    lessons_learnt="""
The first challenges were too broad; today we narrow them down in a preparatory meeting with the
company. Machine vision required more teacher training than expected.
""",
    transfer_conditions="""
The challenge model can be transferred without the full line: one real station and a company
willing to set a problem are enough. The full factory needs public funding for the investment and
a network of nearby companies.
""",
    contact=(
        "Itziar Etxeberria, International relations – itziar.etxeberria@cifp-nervion.example.org"
    ),
)

MENTORING_DE = text(
    title="Peer-Mentoring: Auszubildende im zweiten Jahr begleiten die neuen",
    summary="""
Jeder neue Auszubildende in unseren dualen Bildungsgängen bekommt eine Mentorin oder einen Mentor
aus dem zweiten Ausbildungsjahr derselben Branche. Sechs Monate lang treffen sich beide alle zwei
Wochen, im Betrieb oder im Bildungszentrum; der Mentor hilft, sich zwischen Arbeit, Schule und
ersten Schwierigkeiten zurechtzufinden.
""",
    context="""
Das CFP Orobico bildet 900 junge Menschen in den regionalen Berufsbildungsgängen (IeFP) und in der
Lehre ersten Grades aus, vor allem in Mechanik, Elektrotechnik und Gastronomie, mit über 250
Betrieben in den Tälern um Bergamo.
""",
    challenge="""
Im ersten Lehrjahr verloren wir etwa jeden siebten Jugendlichen, oft in den ersten drei Monaten.
Die betrieblichen Tutor:innen haben wenig Zeit, und die Jugendlichen zögerten, mit Erwachsenen
über Probleme zu sprechen.
""",
    approach="""
- Im September wählen wir die Mentor:innen unter den Bewerbungen aus dem zweiten Jahr aus und
  schulen sie an zwei Tagen (Zuhören, Umgang mit Konflikten, wann man Hilfe holt).
- Jedes Paar trifft sich fest alle zwei Wochen und hat einen Chat, den die Bildungsbegleitung
  im Blick behält.
- Die Mentor:innen erhalten einen Nachweis ihrer überfachlichen Kompetenzen und 20 Stunden, die
  als Ausbildungszeit anerkannt werden.
- Einmal im Monat tauschen sich die Mentor:innen mit der Bildungsbegleitung des CFP aus.
""",
    results="""
In den drei Ausbildungsjahren 2022 bis 2025 haben wir 96 Mentor:innen geschult und 210 neue
Auszubildende begleitet. Die Abbrüche im ersten Jahr sanken von 14 % auf 6 %. Die Betriebe
berichten, dass die Mentor:innen selbst bei der Arbeit verantwortungsvoller werden.
""",
    resources="""
Rund 200 Stunden einer Bildungsbegleiterin im Jahr, die Schulung der Mentor:innen (zwei Tage,
1.500 €) und kleine Fahrtkostenerstattungen. Finanziert über das Dote-System der Region Lombardei.
""",
    success_factors="""
- Mentor und Auszubildender aus derselben Branche, aber nicht aus demselben Betrieb.
- Eine erwachsene Ansprechperson, die für schwierige Fälle immer erreichbar ist.
- Die formale Anerkennung der Rolle als Mentor:in.
""",
    lessons_learnt="""
Anfangs funktionierten manche Paare wegen der Entfernung nicht: Heute berücksichtigen wir die
Verkehrsverbindungen. Der Chat braucht Moderation, sonst schläft er nach wenigen Wochen ein.
""",
    transfer_conditions="""
Übertragbar auf jede Einrichtung mit Auszubildenden in mindestens zwei Ausbildungsjahren. Nötig
sind eine Bildungsbegleitung mit fester Arbeitszeit dafür und das Einverständnis der Betriebe,
die Mentor:innen für die Treffen freizustellen.
""",
    contact="Giulia Ferraro, Projektleitung – giulia.ferraro@cfp-orobico.example.org",
)

BILINGUAL_DE = text(
    title="Zweisprachige Lernmodule Italienisch–Deutsch für Mechatronik-Techniker",
    summary="""
Sechs Lernmodule der Mechatronik, von der Pneumatik bis zur vorausschauenden Instandhaltung, gibt
es in einer parallelen italienischen und deutschen Fassung. Die Studierenden des ITS nutzen sie im
Unterricht und nehmen sie in ihre Praktika bei deutschen und Südtiroler Betrieben mit.
""",
    context="""
Die ITS Academy Brenta Tecnologie bildet höhere Techniker:innen für die Metall- und
Elektroindustrie Venetiens aus; viele Betriebe arbeiten mit deutschen Kunden und
Muttergesellschaften. Jedes Jahr machen rund 30 Studierende ein Praktikum in Deutschland oder
Südtirol.
""",
    challenge="""
Die Studierenden kamen ohne deutschen Fachwortschatz in die Betriebe und brauchten die ersten
Wochen, um Anweisungen und Dokumentation zu verstehen. Allgemeine Sprachkurse reichten nicht.
""",
    approach="""
- Lehrkräfte des ITS und Ausbilder:innen einer deutschen Partnerberufsschule haben sechs Module
  gemeinsam geschrieben, mit Texten, Schaubildern und Übungen in zwei Spalten.
- Jedes Modul enthält ein Glossar mit 150 Fachbegriffen und kurze Videos aus der Werkstatt.
- Im Unterricht wird mit der italienischen Fassung gearbeitet; jede praktische Prüfung enthält
  eine Aufgabe auf Deutsch.
- Vor dem Praktikum wiederholen die Studierenden das Modul ihres Einsatzbereichs.
""",
    results="""
Seit 2024 haben 140 Studierende mit den Modulen gearbeitet. Die deutschen Betreuer:innen bewerten
das Verständnis technischer Anweisungen mit 4,1 von 5, vor den Modulen mit 2,9. Zwei Betriebe
nutzen die Glossare auch für ihre italienischen Beschäftigten.
""",
    resources="""
Das Schreiben kostete rund 600 Arbeitsstunden von Lehrkräften und Ausbilder:innen, zum Teil aus
einem Erasmus+-Projekt finanziert. Die Videos entstanden im Labor des ITS.
""",
    success_factors="""
- Module, die Lehrkräfte beider Länder gemeinsam geschrieben und nicht nachträglich übersetzt
  haben.
- Inhalte, die sich auf die Maschinen beziehen, die die Studierenden im Betrieb vorfinden.
""",
    lessons_learnt="""
Sechs Module in zwei Sprachen aktuell zu halten kostet Zeit: Heute planen wir alle zwei Jahre eine
Überarbeitung. Videos wirken am besten kurz und mit Untertiteln in beiden Sprachen.
""",
    transfer_conditions="""
Übertragbar auf andere Sprachpaare und andere technische Berufe, wenn es im anderen Land einen
Partner gibt, mit dem man die Module schreibt. Die Module stehen unter der Lizenz CC BY-SA.
""",
    contact="Elisa Zanon, Didaktische Koordination – elisa.zanon@its-brenta.example.org",
)

ROTATION_IT = text(
    title="Modello di rotazione scuola–azienda: docenti e formatori si scambiano i luoghi",
    summary="""
Due volte all'anno docenti della scuola professionale e formatori delle aziende partner si
scambiano i ruoli per una settimana: il docente lavora nell'officina di formazione aziendale, il
formatore insegna insieme al docente nelle lezioni pratiche. Così entrambi conoscono dall'interno
l'altro luogo di apprendimento.
""",
    context="""
La Gewerbliche Schule Remstal forma 1.400 apprendisti dei settori meccanico, elettrico e
automobilistico di circa 180 aziende del circondario Rems-Murr, dall'impresa familiare al
fornitore dell'industria automobilistica.
""",
    challenge="""
La cooperazione tra i luoghi di apprendimento avveniva soprattutto nei comitati. I docenti
conoscevano poco le macchine e i processi attuali delle aziende, i formatori sapevano poco dei
campi di apprendimento e della preparazione agli esami a scuola.
""",
    approach="""
- Ogni docente partecipante forma una coppia fissa con un formatore o una formatrice aziendale.
- In autunno il docente passa una settimana nell'officina di formazione, in primavera il
  formatore passa una settimana a scuola.
- Prima della rotazione i due progettano un compito comune che gli apprendisti svolgono in
  entrambi i luoghi.
- L'amministrazione scolastica regionale riconosce la settimana in azienda come formazione in
  servizio.
""",
    results="""
Dal 2023 hanno partecipato 34 coppie. Ogni anno si svolgono ormai 21 progetti comuni. Nel
questionario agli apprendisti, l'accordo con l'affermazione «scuola e azienda sono ben
coordinate» è salito dal 41 % al 67 %.
""",
    resources="""
Ore di supplenza per i docenti (circa 25 per rotazione) e il tempo dei formatori messo a
disposizione dalle aziende. Coordinamento: quattro ore di riduzione dell'orario per un docente.
""",
    success_factors="""
- Coppie fisse per almeno due anni.
- Il riconoscimento come formazione in servizio da parte dell'amministrazione scolastica.
- Un progetto comune come risultato di ogni rotazione.
""",
    lessons_learnt="""
Le piccole aziende raramente possono liberare un formatore per un'intera settimana; per loro
offriamo oggi due giornate singole. Le supplenze a scuola vanno pianificate un semestre prima.
""",
    transfer_conditions="""
Trasferibile alle scuole professionali con aziende partner stabili. Servono fondi per le supplenze
e la disponibilità dell'amministrazione scolastica a riconoscere la settimana in azienda come
formazione.
""",
    contact="Ulrike Haas, Responsabile di dipartimento – ulrike.haas@gs-remstal.example.org",
)

# Added by the owner's people after publication: (language, day, text).
TRANSLATIONS = {
    PORTFOLIO.key: ("en", D(2026, 4, 7), PORTFOLIO_EN),
    LEARNING_FACTORY.key: ("en", D(2026, 4, 14), LEARNING_FACTORY_EN),
    MENTORING.key: ("de", D(2026, 4, 21), MENTORING_DE),
    BILINGUAL.key: ("de", D(2026, 6, 30), BILINGUAL_DE),
    ROTATION.key: ("it", D(2026, 10, 14), ROTATION_IT),
}

# PonteDuale's model networks: assessed by peers from Practice in Motion's partners outside
# Germany and Italy, the network's countries.
NETWORK_MODULES = PracticeSpec(
    key="network-modules",
    organisation="gs-remstal",
    network=("gs-remstal", "its-brenta"),
    language="de",
    text=text(
        title="Gemeinsame Lernmodule für die vernetzte Produktion in der Lernfabrik Rems–Neckar",
        summary="""
Auszubildende der Gewerblichen Schule Remstal und Studierende der ITS Academy Brenta arbeiten in
vier gemeinsamen Lernmodulen an denselben Aufgaben der vernetzten Produktion: in der Lernfabrik in
Waiblingen, im Labor in Vicenza und online dazwischen.
""",
        context="""
Beide Einrichtungen betreiben eine Lernfabrik mit ähnlichen Anlagen. Das Präzisionswerk Neckar
bildet für seinen Standort in der Lombardei aus und braucht Fachkräfte, die in beiden Systemen
arbeiten können.
""",
        challenge="""
Deutsche Auszubildende und italienische Studierende lernen auf verschiedenen Niveaus und in
verschiedenen Sprachen. Austausche blieben bisher Besuche ohne gemeinsames Lernergebnis.
""",
        approach="""
- Vier Module (Sensorik, Robotik, Datenanalyse, Instandhaltung) mit Aufgaben auf zwei Niveaus.
- Gemischte Teams arbeiten sechs Wochen online und eine Woche gemeinsam in einer der Lernfabriken.
- Fachbegriffe aus den zweisprachigen Glossaren der ITS Brenta.
- Die Betriebe der Partner stellen die Aufgaben und bewerten die Ergebnisse mit.
""",
        results="""
Im ersten Jahr haben 48 Auszubildende und 36 Studierende ein Modul abgeschlossen. Alle Teams
lieferten eine funktionierende Lösung; drei Auszubildende machen 2026 ein Praktikum in Italien.
""",
        resources="""
Je Modul rund 60 Stunden Lehrkräftezeit auf beiden Seiten, Reisekosten über Erasmus+ und die
Mittel von PonteDuale für die Modellnetzwerke.
""",
        success_factors="""
- Vergleichbare Anlagen in beiden Lernfabriken.
- Aufgaben aus echten Betrieben, die beide Seiten kennen.
""",
        lessons_learnt="""
Die Online-Phase braucht feste Termine und eine Moderation, sonst arbeiten die Teams getrennt
nach Ländern. Zwei Niveaus je Aufgabe haben die Unterschiede der Bildungsgänge gut aufgefangen.
""",
        transfer_conditions="""
Übertragbar auf Partnerschaften zweier Einrichtungen mit ähnlicher Ausstattung. Die Module stehen
allen PonteDuale-Netzwerken zur Verfügung.
""",
        contact="Ulrike Haas, Abteilungsleiterin – ulrike.haas@gs-remstal.example.org",
    ),
    themes=("work-based-learning", "ai-automation", "apprentice-mobility"),
    countries=("DE", "IT"),
    organisation_kinds=("vocational_school", "training_provider", "training_company"),
    target_groups=("apprentices", "vet_teachers", "companies"),
    media_links=("https://gs-remstal.example.org/lernfabrik-rems-neckar",),
    created=D(2026, 3, 16),
    changed=D(2026, 4, 1),
    submitted=D(2026, 4, 9),
    assessments=(
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(5, 4, 5, 4, 4, 4),
            comment=(
                "Ein gelungenes Beispiel für gemeinsames Lernen über die Grenze. Die zwei "
                "Niveaus je Aufgabe sind eine gute Lösung für unterschiedliche Bildungsgänge."
            ),
            transfer_comment="Mit vergleichbarer Ausstattung gut übertragbar.",
            submitted=D(2026, 5, 12),
        ),
        AssessmentSpec(
            organisation="roc-zuiderhaven",
            scores=(4, 4, 4, 4, 4, 4),
            comment=(
                "Well structured modules with real company tasks. It would help to publish the "
                "task descriptions as attachments."
            ),
            transfer_comment="Transferable to partners with similar equipment.",
            submitted=D(2026, 5, 20),
        ),
    ),
    concluded=D(2026, 6, 25),
    outcome="published",
    note="Veröffentlicht; die Module werden allen Modellnetzwerken angeboten.",
)

NETWORK_EARLY_WARNING = PracticeSpec(
    key="network-early-warning",
    organisation="itis-partenope",
    network=("itis-partenope", "bz-ruhr-lippe"),
    language="it",
    text=text(
        title="Allerta precoce e apprendistato contro l'abbandono scolastico a Napoli Est",
        summary="""
Un sistema di allerta precoce, adattato dal partner tedesco, segnala gli studenti a rischio di
abbandono; a chi è a rischio la scuola propone un percorso in apprendistato con un tutor di
accompagnamento, sul modello dell'Assistierte Ausbildung tedesca.
""",
        context="""
Nel quartiere orientale di Napoli molti ragazzi lasciano la scuola prima del diploma. L'ITIS
Partenope ha avviato i primi apprendistati con i cantieri navali; il Bildungszentrum Ruhr-Lippe
accompagna da anni giovani svantaggiati fino alla qualifica.
""",
        challenge="""
I segnali di rischio (assenze, voti, conflitti) erano noti ai singoli docenti ma nessuno li
metteva insieme, e quando un ragazzo lasciava la scuola era troppo tardi.
""",
        approach="""
- Ogni mese il consiglio di classe compila una scheda con cinque indicatori concordati con il
  partner tedesco.
- Gli studenti con due o più segnali incontrano un tutor di accompagnamento entro due settimane.
- Con l'azienda e la famiglia si concorda, se opportuno, un percorso in apprendistato.
- Il tutor segue il ragazzo anche in azienda, come nell'Assistierte Ausbildung.
""",
        results="""
Nell'anno scolastico 2025/26 il sistema ha segnalato 74 studenti; 61 sono ancora a scuola o in
apprendistato, 12 hanno iniziato un apprendistato nei cantieri navali e nei trasporti.
""",
        resources="""
Due tutor di accompagnamento (uno finanziato dal PNRR), un'ora al mese per ogni consiglio di
classe, due visite di scambio con Hamm.
""",
        success_factors="""
- Indicatori semplici e uguali per tutte le classi.
- Tempi brevi tra la segnalazione e il primo colloquio.
""",
        lessons_learnt="""
Le famiglie vanno coinvolte subito, non solo quando si propone l'apprendistato. I dati di un solo
anno non bastano ancora per valutare l'effetto sugli abbandoni.
""",
        transfer_conditions="""
Serve una scuola disposta a condividere i dati tra i docenti e almeno un tutor con tempo dedicato.
Il modello è adatto anche ad altre scuole di PonteDuale.
""",
        contact=(
            "Vincenzo Esposito, Dirigente scolastico – vincenzo.esposito@itis-partenope.example.org"
        ),
    ),
    themes=("early-leaving-prevention", "inclusion-diversity", "work-based-learning"),
    countries=("IT", "DE"),
    organisation_kinds=("vocational_school", "training_provider", "training_company"),
    target_groups=("apprentices", "vet_teachers", "career_guidance"),
    media_links=("https://itis-partenope.example.org/allerta-precoce",),
    created=D(2026, 6, 15),
    changed=D(2026, 7, 2),
    submitted=D(2026, 7, 9),
    assessments=(
        AssessmentSpec(
            organisation="cifp-nervion",
            scores=(4, 3, 4, 3, 4, 3),
            comment=(
                "A promising combination of early warning and apprenticeship. One year of data "
                "is not yet enough to show the effect on early leaving."
            ),
            transfer_comment="The indicators transfer easily; the tutors need stable funding.",
            submitted=D(2026, 9, 1),
        ),
        AssessmentSpec(
            organisation="lbs-ennstal",
            scores=(4, 4, 4, 3, 3, 3),
            comment=(
                "Gut durchdacht und an die Lage in Neapel angepasst. Die Finanzierung der "
                "Tutor:innen nach dem PNRR sollte geklärt werden."
            ),
            transfer_comment="Übertragbar, wenn Tutor:innen dauerhaft finanziert sind.",
            submitted=D(2026, 9, 14),
        ),
    ),
    concluded=D(2026, 10, 8),
    outcome="published",
    note="Pubblicata. La rete aggiornerà i dati dopo il secondo anno scolastico.",
)

NETWORK_PRACTICES = (NETWORK_MODULES, NETWORK_EARLY_WARNING)
