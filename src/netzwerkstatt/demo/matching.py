"""After the closed call's screening: matching and the joint applications, through the services.

The coordinator proposes a matching round of the eligible groups (default weights, a lowest
score of ``MIN_SCORE``) and confirms it. A member of each group's lead organisation answers: most
pairs accept each other and become consortia, the ``DECLINED`` weakest pairs of the first round
decline, and a second round pairs the groups that are still free (never the same two again) until
there are ``CONSORTIA`` consortia. Every consortium starts its joint application; all but the last
``DRAFTS`` (none: the seed's 14 applications all reach the committee) write it completely and
submit it. The steering committee then reviews them and selects the model networks
(``review``).

Like the call itself (see ``calls``), all of this is written while the call is "now" and then moved
to its real dates with direct updates (``move_to_the_past``): the matching from February 2025, the
applications until the deadline in July 2025. ``submit_application`` refuses a deadline that has
passed, so the deadline is set a month ahead while loading and moved to ``DEADLINE`` afterwards,
with the submissions before it.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from netzwerkstatt.matching import engine
from netzwerkstatt.matching import services as matching_services
from netzwerkstatt.matching.models import Consortium, MatchingRound, ProposedPair
from netzwerkstatt.selection import services as selection_services
from netzwerkstatt.selection.models import Application, ApplicationRound

from .review import load_review

if TYPE_CHECKING:
    from .calls import _CallLoader

SEED = 2025
MIN_SCORE = 30
CONSORTIA = 14  # the seed: matched groups apply jointly, 14 applications
DECLINED = 3  # pairs of the first round that decline each other
DRAFTS = 0  # applications still drafts at the deadline (the seed: all 14 were submitted)
ZONE = datetime.timezone(datetime.timedelta(hours=1))  # CET; the dates lie in winter and spring


def _at(month: int, day: int, hour: int) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, tzinfo=ZONE)


ROUND_DATES = (
    (_at(2, 10, 10), _at(2, 12, 9)),
    (_at(3, 17, 10), _at(3, 18, 9)),
)  # proposed, confirmed
DEADLINE = datetime.datetime(2025, 7, 15, 18, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


@dataclass
class _Story:
    """What was written, to be moved to its real dates afterwards."""

    rounds: list[MatchingRound] = field(default_factory=list)
    answered: list[ProposedPair] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    languages: dict[int, str] = field(default_factory=dict)  # application id -> "it" or "de"


def load_matching(loaded: _CallLoader) -> None:
    """Match the screened groups of ``loaded`` and write their joint applications."""
    story = _Story()
    lead_key = {expression.group_id: spec.lead for spec, expression, _p in loaded.groups}
    coordinator = loaded.author

    def member(group_id: int):
        return loaded.loader.member_of(lead_key[group_id])

    def answer(pair: ProposedPair, accept: bool) -> None:
        for side in ProposedPair.SIDES:
            pair = matching_services.answer_proposal(
                actor=member(getattr(pair, f"{side}_id")), pair=pair, side=side, accept=accept
            )
            if not accept:
                break  # one decline closes the pair
        story.answered.append(pair)

    for number in range(len(ROUND_DATES)):
        formed = Consortium.objects.filter(call=loaded.call).count()
        if formed >= CONSORTIA:
            break
        round_ = matching_services.propose_round(
            actor=coordinator, call=loaded.call, rules=engine.Rules(min_score=MIN_SCORE)
        )
        pairs = list(round_.pairs.order_by("-score", "left_id", "right_id"))
        if not pairs:
            round_.delete()
            break
        matching_services.confirm_round(actor=coordinator, round=round_)
        story.rounds.append(round_)
        # The weakest pairs of the first round decline; the strongest accept until the
        # consortia are complete; any others still think it over.
        declining = pairs[-DECLINED:] if number == 0 and len(pairs) > DECLINED + 1 else []
        for pair in pairs:
            if pair in declining:
                answer(pair, accept=False)
            elif formed < CONSORTIA:
                answer(pair, accept=True)
                formed += 1
    _apply(loaded, story, member)
    move_to_the_past(loaded, story)
    load_review(loaded, story.applications, story.languages)


# Joint applications ---------------------------------------------------------------------------

TEXTS = {
    "it": {
        "summary": (
            "La rete modello {left} – {right} collega scuole professionali e imprese in Italia "
            "e in Germania per rafforzare l'apprendimento duale."
        ),
        "objectives": (
            "1. Sviluppare percorsi comuni di apprendimento in impresa.\n"
            "2. Organizzare la mobilità di apprendisti tra le due regioni.\n"
            "3. Formare tutor aziendali e docenti insieme."
        ),
        "activities": (
            ("Analisi dei fabbisogni", "Interviste con imprese e scuole delle due regioni."),
            ("Laboratorio congiunto per tutor", "Due giornate di formazione per tutor."),
            ("Mobilità degli apprendisti", "Tirocini di quattro settimane all'estero."),
            ("Moduli didattici comuni", "Moduli bilingui per la cooperazione scuola–impresa."),
            ("Valutazione e diffusione", "Rapporto finale e convegno conclusivo."),
        ),
        "lead_role": "Coordina la rete e il lavoro con {partner}.",
        "partner_role": "Contribuisce con posti di tirocinio e docenti.",
    },
    "de": {
        "summary": (
            "Das Modellnetzwerk {left} – {right} verbindet Berufsschulen und Betriebe in Italien "
            "und Deutschland, um die duale Ausbildung gemeinsam weiterzuentwickeln."
        ),
        "objectives": (
            "1. Gemeinsame Lernmodule für die Ausbildung im Betrieb entwickeln.\n"
            "2. Auslandsaufenthalte für Auszubildende in beiden Regionen organisieren.\n"
            "3. Ausbildende und Lehrkräfte gemeinsam qualifizieren."
        ),
        "activities": (
            ("Bedarfsanalyse", "Gespräche mit Betrieben und Schulen beider Regionen."),
            ("Gemeinsame Werkstatt für Ausbildende", "Zwei Fortbildungstage für Ausbildende."),
            ("Mobilität der Auszubildenden", "Vierwöchige Praktika im Partnerland."),
            ("Gemeinsame Lernmodule", "Zweisprachige Module zur Lernortkooperation."),
            ("Auswertung und Transfer", "Abschlussbericht und Fachtagung."),
        ),
        "lead_role": "Koordiniert das Netzwerk und die Zusammenarbeit mit {partner}.",
        "partner_role": "Stellt Praktikumsplätze und Lehrkräfte.",
    },
}
MONTHS = ((1, 4), (3, 6), (6, 18), (8, 24), (20, 24))


def _apply(loaded: _CallLoader, story: _Story, member) -> None:
    call = loaded.call
    consortia = list(
        Consortium.objects.filter(call=call).select_related("left", "right").order_by("pk")
    )
    if not consortia:
        return
    # A month ahead while loading, so applications can be submitted; see the module's docstring.
    selection_services.set_deadline(
        actor=loaded.author, call=call, deadline=timezone.now() + datetime.timedelta(days=30)
    )
    choice = random.Random(SEED)
    for index, consortium in enumerate(consortia):
        writer = member(consortium.left_id if index % 2 == 0 else consortium.right_id)
        application = selection_services.start_application(actor=writer, consortium=consortium)
        story.applications.append(application)
        if index >= len(consortia) - DRAFTS:
            if index == len(consortia) - 1:  # one draft has only its summary
                _write_summary(writer, application, consortium, "it")
            continue
        language = "it" if index % 2 == 0 else "de"
        story.languages[application.pk] = language
        application = _write_summary(writer, application, consortium, language)
        texts = TEXTS[language]
        application = selection_services.save_part(
            actor=writer,
            application=application,
            part="objectives",
            data={"objectives": texts["objectives"]},
            expected_version=application.version_of("objectives"),
        )
        if not application.themes.exists():
            themes = consortium.left.themes.order_by("code")[:2]
            application = selection_services.save_part(
                actor=writer,
                application=application,
                part="focus",
                data={"themes": list(themes)},
                expected_version=application.version_of("focus"),
            )
        organisations = selection_services.consortium_organisations(consortium)
        leads = [consortium.left.lead, consortium.right.lead]
        count = choice.randint(3, 5)
        for number, (title, description) in enumerate(texts["activities"][:count]):
            start, end = MONTHS[number]
            application.refresh_from_db(fields=["versions"])
            selection_services.save_activity(
                actor=writer,
                application=application,
                data={
                    "title": title,
                    "description": description,
                    "owner": leads[number % 2],  # owners from both groups
                    "start_month": start,
                    "end_month": end,
                },
                expected_version=application.version_of("work"),
            )
        application.refresh_from_db(fields=["versions"])
        roles = {}
        for organisation in organisations:
            if organisation.pk in {lead.pk for lead in leads}:
                partner = leads[1] if organisation.pk == leads[0].pk else leads[0]
                roles[organisation.pk] = texts["lead_role"].format(partner=partner.name)
            else:
                roles[organisation.pk] = texts["partner_role"]
        application = selection_services.save_roles(
            actor=writer,
            application=application,
            roles=roles,
            expected_version=application.version_of("roles"),
        )
        selection_services.submit_application(actor=writer, application=application)


def _write_summary(writer, application, consortium, language: str) -> Application:
    return selection_services.save_part(
        actor=writer,
        application=application,
        part="summary",
        data={
            "title": application.title,
            "summary": TEXTS[language]["summary"].format(
                left=consortium.left.name, right=consortium.right.name
            ),
        },
        expected_version=application.version_of("summary"),
    )


# Dates ----------------------------------------------------------------------------------------


def move_to_the_past(loaded: _CallLoader, story: _Story) -> None:
    """The rounds to February and March 2025, answers within two weeks of each round,
    applications started in April and submitted before the deadline of July 2025."""
    shift = random.Random(f"{SEED}-{loaded.spec.slug}")
    confirmed_of = {}
    for round_, (proposed, confirmed) in zip(story.rounds, ROUND_DATES, strict=False):
        MatchingRound.objects.filter(pk=round_.pk).update(created=proposed, confirmed_at=confirmed)
        confirmed_of[round_.pk] = confirmed
    for pair in story.answered:
        pair.refresh_from_db()
        moment = confirmed_of[pair.round_id]
        changes = {}
        for side in ProposedPair.SIDES:
            if getattr(pair, f"{side}_answered_at") is not None:
                moment += datetime.timedelta(days=shift.randint(1, 6), hours=shift.randint(0, 6))
                changes[f"{side}_answered_at"] = moment
        ProposedPair.objects.filter(pk=pair.pk).update(**changes)
        Consortium.objects.filter(pair=pair).update(created=moment)
    ApplicationRound.objects.filter(call=loaded.call).update(deadline=DEADLINE)
    for application in story.applications:
        formed = Consortium.objects.get(pk=application.consortium_id).created
        day = formed.astimezone(ZONE).date() + datetime.timedelta(days=shift.randint(3, 20))
        started = datetime.datetime.combine(day, datetime.time(shift.randint(8, 17)), tzinfo=ZONE)
        changes = {"created": started, "updated": started + datetime.timedelta(days=10)}
        if Application.objects.filter(pk=application.pk, submitted_at__isnull=False).exists():
            submitted = DEADLINE - datetime.timedelta(
                days=shift.randint(0, 14), hours=shift.randint(1, 8)
            )
            changes.update(submitted_at=submitted, updated=submitted)
        Application.objects.filter(pk=application.pk).update(**changes)
