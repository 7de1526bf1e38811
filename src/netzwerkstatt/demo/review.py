"""After the joint applications: the steering committee's review and the selection of the model
networks, through the services of ``selection.review``.

The first coordinator sets the review up: ``PER_APPLICATION`` reviewers for each application, from
any country (every consortium is German-Italian, so "reviewers only from other countries" would
leave nobody but the committee members without an organisation). One committee member declares a
conflict of interest for one application, and the automatic assignment shares the applications
out; it also keeps members away from their own organisations' consortia. Every reviewer scores
every criterion of the call's rubric with a short comment in their own language, adds an overall
comment and submits.

The scores come from a seeded model: each application has a quality and strengths and weaknesses
by criterion, each reviewer is a little stricter or milder than the others, and each review has
its own noise, wider for some applications than for others. On one application near the cut-off
the reviewers disagree widely. The coordinator records the committee's decisions in the order of
the mean weighted score (the first ``SELECTED`` selected, the next ``WAITLISTED`` on the waiting
list, the rest not selected), each with feedback in the language the consortium wrote its
application in, and releases them: each selected application becomes a model network.

As everywhere in the demo, all of this is written "now" and then moved to its dates (``_move``):
the settings, the conflict and the assignments in late July 2025 after the deadline, the reviews
through August, the committee's decisions on 10 September and their release on 15 September 2025.
Like the rest of the loader, it leaves the audit log alone (it says when the rows were written).
"""

from __future__ import annotations

import datetime
import random
from typing import TYPE_CHECKING

from netzwerkstatt.calls.models import RubricCriterion
from netzwerkstatt.networks.models import Network, NetworkMember
from netzwerkstatt.selection import review as review_services
from netzwerkstatt.selection.models import (
    Application,
    ApplicationRound,
    ConflictOfInterest,
    Review,
)

from .data_ponteduale import ULRICH_BRANDT

if TYPE_CHECKING:
    from .calls import _CallLoader

SEED = 2025
PER_APPLICATION = 3
SELECTED, WAITLISTED = 6, 3  # the seed: the committee chose six model networks
CONFLICTED = ULRICH_BRANDT  # declares a conflict of interest for one application
DISPUTED_PLACE = 7  # the application of this place by quality splits its reviewers
SUMMER = datetime.timezone(datetime.timedelta(hours=2))  # CEST


def _at(month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2025, month, day, hour, minute, tzinfo=SUMMER)


SETTINGS_AT = _at(7, 21, 9, 40)  # a week after the deadline of 15 July
CONFLICT_AT = _at(7, 22, 14, 20)
ASSIGNED_AT = _at(7, 24, 10, 15)
REVIEW_DAYS = (datetime.date(2025, 8, 1), datetime.date(2025, 8, 29))
DECIDED_AT = _at(9, 10, 15)  # the committee's meeting; the coordinator records its decisions
RELEASED_AT = _at(9, 15, 10)

# Comments by the rubric's position (relevance, work programme, public-private partnership,
# sustainability), each as (low, middle, high) score.
CRITERION_COMMENTS = {
    "de": (
        (
            "Der Bezug zur dualen Ausbildung bleibt allgemein; ein konkreter Bedarf fehlt.",
            "Der Bedarf ist plausibel, aber nur für eine Seite wirklich belegt.",
            "Greift einen klar belegten Bedarf von Schulen und Betrieben auf beiden Seiten auf.",
        ),
        (
            "Die Aktivitäten sind kaum mit den Zielen verknüpft; Meilensteine fehlen.",
            "Solides Arbeitsprogramm, der Zeitplan für die Mobilitäten ist aber knapp.",
            "Ziele, Aktivitäten und Zeitplan passen gut zusammen und sind realistisch.",
        ),
        (
            "Fast nur öffentliche Einrichtungen; die Betriebe fehlen im Arbeitsprogramm.",
            "Private Partner sind dabei, ihre Rolle im Arbeitsprogramm ist aber noch dünn.",
            "Kammern und Betriebe wirken auf beiden Seiten aktiv mit, nicht nur als Unterstützer.",
        ),
        (
            "Wie es nach der Förderung weitergeht, bleibt offen.",
            "Gute Absichten zur Verstetigung, aber noch ohne verbindliche Zusagen.",
            "Die Zusammenarbeit ist in den Gremien und Haushalten der Partner verankert.",
        ),
    ),
    "it": (
        (
            "Il legame con la formazione duale resta generico; manca un fabbisogno concreto.",
            "Il fabbisogno è plausibile, ma documentato solo da una delle due parti.",
            "Risponde a un fabbisogno ben documentato di scuole e imprese in entrambi i paesi.",
        ),
        (
            "Le attività sono poco legate agli obiettivi; mancano le tappe intermedie.",
            "Programma solido, ma il calendario delle mobilità è stretto.",
            "Obiettivi, attività e calendario sono coerenti e realistici.",
        ),
        (
            "Quasi solo enti pubblici; le imprese non compaiono nel programma di lavoro.",
            "I partner privati ci sono, ma il loro ruolo nel programma è ancora debole.",
            "Camere e imprese partecipano attivamente da entrambe le parti.",
        ),
        (
            "Non è chiaro come proseguirà la collaborazione dopo il finanziamento.",
            "Buone intenzioni di continuità, ma ancora senza impegni vincolanti.",
            "La collaborazione è radicata negli organi e nei bilanci dei partner.",
        ),
    ),
    "en": (
        (
            "The link to dual VET stays general; no concrete need is named.",
            "The need is plausible but only documented for one side.",
            "Addresses a well-documented need of schools and companies on both sides.",
        ),
        (
            "The activities are barely linked to the goals; milestones are missing.",
            "A solid work programme, but the timetable for the mobilities is tight.",
            "Goals, activities and timetable fit together and are realistic.",
        ),
        (
            "Almost only public bodies; companies are missing from the work programme.",
            "Private partners are on board, but their role is still thin.",
            "Chambers and companies on both sides play an active part, not just a supporting one.",
        ),
        (
            "It remains open how the cooperation continues after the funding.",
            "Good intentions to continue, but no binding commitments yet.",
            "The cooperation is anchored in the partners' boards and budgets.",
        ),
    ),
}
# Overall comments, for the committee (not sent): (low, middle, high), two of each.
OVERALL_COMMENTS = {
    "de": (
        (
            "In dieser Form nicht überzeugend; die Partnerschaft wirkt noch nicht gefestigt.",
            "Zu allgemein: die deutsche und die italienische Seite arbeiten eher nebeneinander.",
        ),
        (
            "Solide Bewerbung mit Potenzial; das Arbeitsprogramm sollte konkreter werden.",
            "Gute Ansätze, aber noch viel Absicht und wenig Plan. Knapp förderwürdig.",
        ),
        (
            "Eine der stärksten Bewerbungen: klar, realistisch und von beiden Seiten getragen.",
            "Überzeugendes Konzept mit gut verteilten Rollen. Ich empfehle die Auswahl.",
        ),
    ),
    "it": (
        (
            "In questa forma non convince; il partenariato non sembra ancora consolidato.",
            "Troppo generica: la parte italiana e quella tedesca lavorano in parallelo.",
        ),
        (
            "Candidatura solida con potenziale; il programma di lavoro va reso più concreto.",
            "Buoni spunti, ma ancora molte intenzioni e poco piano. Finanziabile con riserva.",
        ),
        (
            "Una delle candidature più forti: chiara, realistica e sostenuta da entrambe le parti.",
            "Progetto convincente, ruoli ben distribuiti. Raccomando la selezione.",
        ),
    ),
    "en": (
        (
            "Not convincing in this form; the partnership does not seem established yet.",
            "Too general: the German and Italian sides work next to each other, not together.",
        ),
        (
            "A solid application with potential; the work programme should be more concrete.",
            "Good ideas, but still more intention than plan. Fundable with reservations.",
        ),
        (
            "One of the strongest applications: clear, realistic and carried by both sides.",
            "A convincing plan with well-shared roles. I recommend selecting it.",
        ),
    ),
}
CONFLICT_REASON = (
    "Ich sitze im Beirat von „{organisation}“ und habe die Gruppe im Herbst 2024 bei ihrer "
    "Interessensbekundung beraten."
)
# Feedback to the consortium, by decision, in the language of its application.
FEEDBACK = {
    "de": {
        Application.Decision.SELECTED: (
            "Das Begleitgremium hat Ihre Bewerbung als eines von sechs Modell-Netzwerken "
            "ausgewählt – herzlichen Glückwunsch! Sie erreichte im Mittel {mean} von {max} "
            "Punkten. Besonders überzeugt hat das Gremium beim Kriterium „{best}“. Beim "
            "Kriterium „{weakest}“ bitten wir Sie, das Arbeitsprogramm bis zur "
            "Auftaktveranstaltung im Oktober 2025 zu schärfen."
        ),
        Application.Decision.WAITLISTED: (
            "Ihre Bewerbung steht auf Platz {place} der Warteliste (im Mittel {mean} von {max} "
            "Punkten). Stark bewertet wurde „{best}“, ausbaufähig ist „{weakest}“. Sollte ein "
            "Modell-Netzwerk nicht starten können, melden wir uns bis Ende Oktober 2025."
        ),
        Application.Decision.REJECTED: (
            "Das Begleitgremium hat Ihre Bewerbung diesmal leider nicht ausgewählt (im Mittel "
            "{mean} von {max} Punkten). Am besten bewertet wurde „{best}“; beim Kriterium "
            "„{weakest}“ blieb die Bewerbung deutlich hinter den ausgewählten zurück. Wir würden "
            "uns freuen, wenn Sie die Zusammenarbeit mit Ihrer Partnergruppe in PonteDuale "
            "fortsetzen."
        ),
    },
    "it": {
        Application.Decision.SELECTED: (
            "Il comitato di accompagnamento ha scelto la vostra candidatura come una delle sei "
            "reti modello: congratulazioni! Ha ottenuto in media {mean} punti su {max}. Il "
            "comitato ha apprezzato in particolare il criterio «{best}». Per il criterio "
            "«{weakest}» vi chiediamo di precisare il programma di lavoro entro l'evento di "
            "avvio di ottobre 2025."
        ),
        Application.Decision.WAITLISTED: (
            "La vostra candidatura è al {place}° posto della lista d'attesa (in media {mean} "
            "punti su {max}). Punto di forza: «{best}»; da migliorare: «{weakest}». Se una rete "
            "modello non potrà partire, vi contatteremo entro la fine di ottobre 2025."
        ),
        Application.Decision.REJECTED: (
            "Purtroppo questa volta il comitato di accompagnamento non ha selezionato la vostra "
            "candidatura (in media {mean} punti su {max}). Il criterio valutato meglio è "
            "«{best}»; sul criterio «{weakest}» la candidatura è rimasta nettamente indietro "
            "rispetto a quelle selezionate. Saremo lieti se continuerete la collaborazione con "
            "il gruppo partner in PonteDuale."
        ),
    },
}


def load_review(loaded: _CallLoader, applications: list[Application], languages: dict) -> None:
    """Review the submitted ``applications`` of the ``loaded`` call and select the networks;
    ``languages`` gives each application's language (its id -> "it" or "de")."""
    call = loaded.call
    coordinator = loaded.author
    choice = random.Random(f"{SEED}-review")
    applications = list(
        Application.objects.filter(pk__in=[a.pk for a in applications], submitted_at__isnull=False)
        .select_related("consortium__left__lead", "consortium__right__lead")
        .order_by("title", "pk")
    )
    if not applications:
        return
    review_services.set_review_settings(
        actor=coordinator,
        call=call,
        reviewers_per_application=PER_APPLICATION,
        reviewers_from_other_countries=False,
    )
    conflicted = choice.choice(applications)
    german = next(g for g in (conflicted.consortium.left, conflicted.consortium.right)
                  if g.country == "DE")  # fmt: skip
    review_services.declare_conflict(
        actor=loaded.loader.user(CONFLICTED),
        application=conflicted,
        reason=CONFLICT_REASON.format(organisation=german.lead.name),
    )
    result = review_services.auto_assign(actor=coordinator, call=call)
    if result.short:
        raise ValueError(f"Too few committee members to review {result.short}.")
    criteria = review_services.criteria_of(call)
    _review_all(call, applications, criteria, choice)
    _decide(coordinator, call, applications, criteria, languages)
    review_services.release_decisions(actor=coordinator, call=call)
    _move(call, choice)


# Reviewing ------------------------------------------------------------------------------------


def _review_all(call, applications, criteria: list[RubricCriterion], choice) -> None:
    """Every review scored and submitted; see the module's docstring for the model."""
    quality = {a.pk: choice.uniform(2.0, 4.6) for a in applications}
    profile = {a.pk: [choice.gauss(0, 0.4) for _c in criteria] for a in applications}
    spread = {a.pk: choice.uniform(0.1, 0.35) for a in applications}
    by_quality = sorted(applications, key=lambda a: -quality[a.pk])
    disputed = by_quality[DISPUTED_PLACE - 1].pk
    reviews = list(
        Review.objects.filter(application__call=call)
        .select_related("reviewer", "application")
        .order_by("application__title", "application_id", "reviewer__name", "reviewer_id")
    )
    reviewers = sorted({r.reviewer for r in reviews}, key=lambda u: (u.name, u.pk))
    severity = {u.pk: choice.gauss(0, 0.25) for u in reviewers}
    # Far apart on the disputed application: one enthusiast, one sceptic, one in between.
    swings = [1.4, -1.5, choice.uniform(-0.3, 0.3)]
    choice.shuffle(swings)
    for review in reviews:
        pk = review.application_id
        offset = swings.pop() if pk == disputed else choice.gauss(0, spread[pk])
        reviewer = review.reviewer
        language = reviewer.language if reviewer.language in CRITERION_COMMENTS else "en"
        base = quality[pk] + severity[reviewer.pk] + offset
        scores = {}
        for index, criterion in enumerate(criteria):
            raw = base + profile[pk][index] + choice.gauss(0, 0.3)
            score = min(call.score_max, max(call.score_min, round(raw)))
            comments = CRITERION_COMMENTS[language][index % len(CRITERION_COMMENTS[language])]
            scores[criterion.pk] = (score, comments[_level(score, call)])
        overall = sum(c.weight * scores[c.pk][0] for c in criteria) / sum(
            c.weight for c in criteria
        )
        review = review_services.save_review(
            actor=reviewer,
            review=review,
            scores=scores,
            comment=choice.choice(OVERALL_COMMENTS[language][_level(overall, call)]),
            expected_version=review.version,
        )
        review_services.submit_review(actor=reviewer, review=review)


def _level(score: float, call) -> int:
    """0 (low), 1 (middle) or 2 (high) on the call's scale: on 1..5, up to 2.5, to 3.5, above."""
    width = call.score_max - call.score_min
    position = (score - call.score_min) / width if width else 1
    return 0 if position <= 0.375 else 1 if position <= 0.625 else 2


# Deciding -------------------------------------------------------------------------------------


def _decide(coordinator, call, applications, criteria, languages: dict) -> None:
    """The committee's decisions in the order of the mean weighted score (as the ranking page
    shows it: best first, equal means by title), with feedback, held until released."""
    reviews_of: dict[int, list[Review]] = {}
    for review in Review.objects.filter(application__call=call).prefetch_related("scores"):
        reviews_of.setdefault(review.application_id, []).append(review)
    rows = []
    for application in applications:
        reviews = reviews_of[application.pk]
        weighted = [review_services.weighted_score(r, criteria) for r in reviews]
        means = []
        for criterion in criteria:
            values = [s.score for r in reviews for s in r.scores.all()
                      if s.criterion_id == criterion.pk]  # fmt: skip
            means.append(sum(values) / len(values))
        rows.append((sum(weighted) / len(weighted), application, means))
    rows.sort(key=lambda row: (-row[0], row[1].title, row[1].pk))
    Decision = Application.Decision
    for place, (mean, application, means) in enumerate(rows, start=1):
        if place <= SELECTED:
            decision = Decision.SELECTED
        elif place <= SELECTED + WAITLISTED:
            decision = Decision.WAITLISTED
        else:
            decision = Decision.REJECTED
        language = languages.get(application.pk, "de")
        best = max(range(len(criteria)), key=lambda i: (means[i], -i))
        weakest = min(range(len(criteria)), key=lambda i: (means[i], i))
        feedback = FEEDBACK[language][decision].format(
            mean=f"{mean:.1f}".replace(".", ","),
            max=call.score_max,
            place=place - SELECTED,
            best=criteria[best].title.localize(language),
            weakest=criteria[weakest].title.localize(language),
        )
        application.refresh_from_db(fields=["decision_version"])
        review_services.decide(
            actor=coordinator,
            application=application,
            decision=decision,
            feedback=feedback,
            expected_version=application.decision_version,
        )


# Dates ----------------------------------------------------------------------------------------


def _office_hours(day: datetime.date, choice: random.Random) -> datetime.datetime:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(
        day, datetime.time(choice.randint(8, 18), choice.randrange(60)), tzinfo=SUMMER
    )


def _move(call, choice: random.Random) -> None:
    """The review and the selection to the summer of 2025; see the module's docstring."""
    ApplicationRound.objects.filter(call=call).update(updated=SETTINGS_AT)
    ConflictOfInterest.objects.filter(application__call=call).update(declared=CONFLICT_AT)
    reviews = Review.objects.filter(application__call=call).order_by("pk")
    reviews.update(assigned_at=ASSIGNED_AT)
    first, last = REVIEW_DAYS
    for pk in reviews.values_list("pk", flat=True):
        day = first + datetime.timedelta(days=choice.randint(0, (last - first).days))
        # A weekend moves to the Monday after; the last day is a Friday.
        Review.objects.filter(pk=pk).update(submitted_at=_office_hours(day, choice))
    decided = Application.objects.filter(call=call, decided_at__isnull=False).order_by("decided_at")
    for number, pk in enumerate(decided.values_list("pk", flat=True)):
        Application.objects.filter(pk=pk).update(
            decided_at=DECIDED_AT + datetime.timedelta(minutes=4 * number)
        )
    decided.filter(decision_released_at__isnull=False).update(
        decision_released_at=RELEASED_AT, updated=RELEASED_AT
    )
    networks = Network.objects.filter(application__call=call)
    networks.update(created=RELEASED_AT)
    NetworkMember.objects.filter(network__in=networks).update(joined_on=RELEASED_AT.date())
