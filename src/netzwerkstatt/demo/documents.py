"""Document libraries in the demo, written through ``networks.services.documents`` and then moved
to their days.

The three model networks that discuss (``discussions.chosen_networks``) and the first three
tandems get folders for minutes, the work plan and learning material, with PDFs, PNG charts
(which get their previews like real uploads) and CSV files made from the network's own data by
``files``. Each model network's work programme has two versions. The files go to the private
storage like real uploads; a failed load removes them again (``remove_files``), and a second load
stops before it writes any (see ``loader``).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone

from netzwerkstatt.events.models import Event
from netzwerkstatt.networks.models import Document, DocumentVersion, Folder, Network
from netzwerkstatt.networks.services import documents as document_services

from . import files, meetings
from .data_hesse import LERNORT_HESSEN
from .data_ponteduale import PONTEDUALE
from .discussions import chosen_networks
from .workprogrammes import _people, language_of

if TYPE_CHECKING:
    from .loader import _Loader

TANDEMS = 3
STATUS = {
    "de": {
        "planned": "geplant",
        "in_progress": "läuft",
        "done": "erledigt",
        "open": "offen",
        "cancelled": "gestrichen",
    },
    "it": {
        "planned": "previsto",
        "in_progress": "in corso",
        "done": "concluso",
        "open": "aperto",
        "cancelled": "annullato",
    },
}
GLOSSARY = (
    ("Ausbildungsbetrieb", "azienda formatrice", "Betrieb, der Auszubildende ausbildet"),
    ("Berufsschule", "scuola professionale", "Lernort für den Unterricht in der dualen Ausbildung"),
    ("Auszubildende/r", "apprendista", "Person in einer dualen Ausbildung"),
    ("Ausbilder/in", "tutor aziendale", "Fachkraft, die im Betrieb ausbildet"),
    ("Gesellenprüfung", "esame di qualifica", "Abschlussprüfung im Handwerk"),
    ("Berichtsheft", "libretto formativo", "Ausbildungsnachweis der Auszubildenden"),
    ("Arbeitssicherheit", "sicurezza sul lavoro", "Schutz vor Unfällen und Gesundheitsgefahren"),
    ("Lernfeld", "area di apprendimento", "Einheit des Lehrplans der Berufsschule"),
)


def load_documents(loader: _Loader) -> None:
    today = timezone.localdate()
    ponteduale = loader.programmes[PONTEDUALE.name]
    kick_off = (
        Event.objects.filter(programme=ponteduale, kind=Event.Kind.KICK_OFF)
        .prefetch_related("decisions")
        .first()
    )
    for network in chosen_networks(ponteduale):
        _Library(loader, network, today).model_network(kick_off)
    tandems = Network.objects.filter(
        programme=loader.programmes[LERNORT_HESSEN.name], kind=Network.Kind.TANDEM
    ).order_by("pk")[:TANDEMS]
    for network in tandems:
        _Library(loader, network, today).tandem()


def remove_files(names: list[str]) -> None:
    """Remove the files a failed load stored (its rows were rolled back)."""
    storage = DocumentVersion._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


class _Library:
    def __init__(self, loader: _Loader, network: Network, today: datetime.date) -> None:
        self.loader = loader
        self.network = network
        self.today = today
        self.people = _people(network)
        self.writer = self.people.person_of(self.people.leads[0])

    def _day(self, day: datetime.date, clock: str = "10:15") -> datetime.datetime:
        return meetings.at(min(day, self.today - datetime.timedelta(days=1)), clock)

    def _ago(self, days: int, clock: str = "10:15") -> datetime.datetime:
        return self._day(self.today - datetime.timedelta(days=days), clock)

    def folder(self, name: str, created: datetime.datetime) -> Folder:
        folder = document_services.create_folder(actor=self.writer, network=self.network, name=name)
        Folder.objects.filter(pk=folder.pk).update(created=created)
        return folder

    def upload(self, folder, title, name, content, uploaded, *, actor=None, note="") -> Document:
        document = document_services.upload_document(
            actor=actor or self.writer,
            network=self.network,
            upload=ContentFile(content, name=name),
            title=title,
            folder=folder,
            note=note,
        )
        self._stored(document.current_version)
        Document.objects.filter(pk=document.pk).update(created=uploaded)
        DocumentVersion.objects.filter(pk=document.current_version_id).update(uploaded=uploaded)
        return document

    def new_version(self, document, name, content, uploaded, *, actor=None, note="") -> None:
        version = document_services.upload_version(
            actor=actor or self.writer,
            document=document,
            upload=ContentFile(content, name=name),
            note=note,
        )
        self._stored(version)
        DocumentVersion.objects.filter(pk=version.pk).update(uploaded=uploaded)

    def _stored(self, version: DocumentVersion) -> None:
        self.loader.stored_files += [f.name for f in (version.file, version.preview) if f]

    # A model network ------------------------------------------------------------------------

    def model_network(self, kick_off: Event | None) -> None:
        language = language_of(self.network)
        status = STATUS[language]
        # Written in the network's language by a lead of that country.
        country = "DE" if language == "de" else "IT"
        lead = next((o for o in self.people.leads if o.country == country), self.people.leads[0])
        self.writer = self.people.person_of(lead)
        opened = self._day(datetime.date(2025, 10, 21), "09:40")
        minutes = self.folder("Protokolle / Verbali", opened)
        plan = self.folder("Arbeitsplan / Programma di lavoro", opened)
        material = self.folder("Lernmaterial / Materiali didattici", opened)
        names = [user.name for user in self.people.everyone()]
        if kick_off is not None:
            self.upload(
                minutes,
                "Protokoll Auftakt Bozen / Verbale evento di avvio",
                "protokoll-auftakt-bozen.pdf",
                files.pdf(
                    f"{self.network.name}: Auftakt in Bozen / Evento di avvio a Bolzano",
                    [
                        f"Datum / Data: {kick_off.starts_at:%d.%m.%Y}",
                        f"Teilnehmende / Partecipanti: {', '.join(names)}",
                        "",
                        "Beschlüsse / Decisioni:",
                        *[f"- {decision.text}" for decision in kick_off.decisions.all()],
                    ],
                ),
                self._day(kick_off.ends_at.date() + datetime.timedelta(days=4), "16:30"),
            )
        self.upload(
            minutes,
            "Verbale videoconferenza / Protokoll Videokonferenz",
            "verbale-videoconferenza.pdf",
            files.pdf(
                "Verbale della videoconferenza / Protokoll der Videokonferenz",
                [
                    f"Presenti / Anwesend: {', '.join(names)}",
                    "",
                    "1. Stato dei pacchetti di lavoro / Stand der Arbeitspakete: "
                    "im Plan, ein Paket mit Verzug.",
                    "2. Scambio di apprendisti / Azubi-Austausch: Termin im Mai bestätigt.",
                    "3. Prossimo incontro / Nächstes Treffen: tra sei settimane.",
                ],
            ),
            self._ago(82, "17:05"),
            actor=self.people.person_of(self.people.by_country.get("IT", self.people.leads)[0]),
        )
        packages = list(self.network.work_packages.select_related("owner").order_by("starts_on"))
        goals = list(self.network.goals.order_by("pk"))

        def programme_lines(with_progress: bool) -> list[str]:
            lines = []
            for goal in goals:
                lines += ["", goal.title]
                for package in packages:
                    if package.goal_id != goal.pk:
                        continue
                    line = (
                        f"- {package.title} ({package.owner.name}, "
                        f"{package.starts_on:%d.%m.%Y}–{package.ends_on:%d.%m.%Y})"
                    )
                    if with_progress:
                        line += f": {status[package.status]}, {package.progress} %"
                    lines.append(line)
            return lines

        title = "Arbeitsprogramm" if language == "de" else "Programma di lavoro"
        programme = self.upload(
            plan,
            title,
            "arbeitsprogramm.pdf" if language == "de" else "programma-di-lavoro.pdf",
            files.pdf(f"{title}: {self.network.name}", programme_lines(False)),
            self._day(datetime.date(2025, 12, 12), "11:20"),
            note="Abgestimmte Fassung" if language == "de" else "Versione concordata",
        )
        self.new_version(
            programme,
            "arbeitsprogramm-v2.pdf" if language == "de" else "programma-di-lavoro-v2.pdf",
            files.pdf(
                f"{title}: {self.network.name} ({self.today - datetime.timedelta(days=40):%m/%Y})",
                programme_lines(True),
            ),
            self._ago(40, "15:45"),
            note=(
                "Mit Stand der Arbeitspakete für den Zwischenbericht"
                if language == "de"
                else "Con lo stato dei pacchetti per la relazione intermedia"
            ),
        )
        self.upload(
            plan,
            "Zeitplan der Arbeitspakete / Calendario dei pacchetti",
            "zeitplan-arbeitspakete.csv",
            files.csv_text(
                ["Arbeitspaket", "Verantwortlich", "Beginn", "Ende", "Status", "Fortschritt %"],
                [
                    [
                        p.title,
                        p.owner.name,
                        p.starts_on.isoformat(),
                        p.ends_on.isoformat(),
                        status[p.status],
                        p.progress,
                    ]
                    for p in packages
                ],
            ),
            self._ago(21, "09:05"),
        )
        self.upload(
            plan,
            "Fortschritt der Arbeitspakete / Avanzamento dei pacchetti",
            "fortschritt-arbeitspakete.png",
            files.bar_chart(
                "Fortschritt / Avanzamento (%)", [(p.title, p.progress) for p in packages]
            ),
            self._ago(21, "09:07"),
        )
        self.upload(
            material,
            "Glossar Fachbegriffe DE–IT / Glossario",
            "glossar-de-it.csv",
            files.csv_text(["Deutsch", "Italiano", "Erklärung"], [list(row) for row in GLOSSARY]),
            self._ago(112, "14:30"),
        )
        self.upload(
            material,
            "Modul 1: Arbeitssicherheit (deutsche Fassung)",
            "modul-1-arbeitssicherheit-de.pdf",
            files.pdf(
                "Modul 1: Arbeitssicherheit im Betrieb",
                [
                    "Übersetzt aus dem Italienischen (Modulo 1: Sicurezza sul lavoro).",
                    "",
                    "1. Gefährdungen erkennen: Maschinen, Lasten, Lärm, Gefahrstoffe.",
                    "2. Persönliche Schutzausrüstung: Schutzbrille, Gehörschutz, Handschuhe, "
                    "Sicherheitsschuhe.",
                    "3. Verhalten im Notfall: Notausgänge, Erste Hilfe, Meldekette.",
                    "4. Unterweisung: am ersten Tag im Betrieb, zweisprachig, mit Unterschrift.",
                ],
            ),
            self._ago(74, "12:10"),
        )

    # A tandem -------------------------------------------------------------------------------

    def tandem(self) -> None:
        opened = self._day(datetime.date(2025, 10, 8), "08:50")
        minutes = self.folder("Protokolle", opened)
        plan = self.folder("Projektplan", opened)
        material = self.folder("Lernmaterial", opened)
        project = self.network.development_projects.prefetch_related("steps").first()
        if project is None:
            return
        school, company = (self.people.person_of(o) for o in self.people.leads[:2])
        entries = list(project.log_entries.order_by("date", "pk"))
        for entry in entries[-2:]:
            self.upload(
                minutes,
                f"Abstimmung Schule und Betrieb am {entry.date:%d.%m.%Y}",
                f"abstimmung-{entry.date:%Y-%m-%d}.pdf",
                files.pdf(
                    f"{self.network.name}: Abstimmung am {entry.date:%d.%m.%Y}",
                    [
                        f"Anwesend: {school.name}, {company.name}",
                        "",
                        entry.text,
                        "",
                        "Nächster Termin: in vier Wochen, abwechselnd in Schule und Betrieb.",
                    ],
                ),
                self._day(entry.date + datetime.timedelta(days=1), "13:40"),
                actor=company if entry.pk % 2 else school,
            )
        steps = list(project.steps.all())
        self.upload(
            plan,
            "Projektplan",
            "projektplan.pdf",
            files.pdf(
                f"Projektplan: {project.title}",
                [
                    f"Ziel: {project.objective}",
                    "",
                    "Schritte:",
                    *[f"- {step.title} ({STATUS['de'][step.status]})" for step in steps],
                ],
            ),
            self._day(datetime.date(2025, 10, 28), "10:00"),
            actor=school,
        )
        shares = {"open": 0, "in_progress": 50, "done": 100}
        self.upload(
            plan,
            "Stand der Projektschritte",
            "stand-projektschritte.png",
            files.bar_chart(
                "Stand der Schritte (%)", [(s.title, shares.get(s.status, 0)) for s in steps]
            ),
            self._ago(9, "16:20"),
            actor=school,
        )
        survey = [
            ("Die Lernmaterialien helfen mir im Betrieb.", 14, 5, 1),
            ("Ich nutze die Materialien auch zu Hause.", 9, 7, 4),
            ("Schule und Betrieb sind gut abgestimmt.", 11, 8, 1),
        ]
        self.upload(
            material,
            "Umfrage unter den Auszubildenden",
            "umfrage-auszubildende.csv",
            files.csv_text(
                ["Frage", "trifft zu", "teils", "trifft nicht zu"], [list(row) for row in survey]
            ),
            self._ago(30, "11:45"),
            actor=company,
        )
        self.upload(
            material,
            "Auswertung der Umfrage",
            "auswertung-umfrage.png",
            files.bar_chart(
                "Trifft zu (Anteil der Antworten in %)",
                [
                    (question, round(100 * yes / (yes + partly + no)))
                    for question, yes, partly, no in survey
                ],
            ),
            self._ago(29, "08:30"),
            actor=company,
        )
