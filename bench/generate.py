"""Generate a large, synthetic data set for benchmarks: N organisations across the programme
countries, with themes, members and contact persons, in a few programmes."""

import random

from allauth.account.models import EmailAddress
from django.db import transaction

from netzwerkstatt.accounts.models import User
from netzwerkstatt.organisations.models import ContactPerson, Membership, Organisation
from netzwerkstatt.programmes.models import Participation, Programme, ProgrammeRole
from netzwerkstatt.vocabularies import regions
from netzwerkstatt.vocabularies.models import Theme


@transaction.atomic
def generate(organisations: int = 2000, seed: int = 7) -> None:
    rng = random.Random(seed)
    themes = list(Theme.objects.all())
    countries = ["DE", "IT", "AT", "ES", "PL", "NL", "FI", "FR"]
    kinds = Organisation.Kind.values
    orgs = []
    for n in range(organisations):
        country = rng.choice(countries)
        region_codes = [code for code, _name in regions.region_choices(country)]
        orgs.append(
            Organisation(
                name=f"Bench organisation {n:05d}",
                slug=f"bench-{n:05d}",
                kind=rng.choice(kinds),
                sector=rng.choice(["public", "private"]),
                country=country,
                region=rng.choice(region_codes),
                city=f"City {n % 97}",
                description=f"Organisation {n} works on dual training and digital learning. " * 3,
                core_competencies="Welding\nCNC machining\nCare",
            )
        )
    Organisation.objects.bulk_create(orgs, batch_size=500)
    orgs = list(Organisation.objects.filter(slug__startswith="bench-"))
    through = Organisation.themes.through
    through.objects.bulk_create(
        [through(organisation_id=o.pk, theme_id=t.pk) for o in orgs for t in rng.sample(themes, 3)],
        batch_size=1000,
    )
    users = User.objects.bulk_create(
        [User(email=f"bench{n}@example.org", name=f"Bench Person {n}") for n in range(len(orgs))],
        batch_size=500,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=500,
    )
    Membership.objects.bulk_create(
        [
            Membership(user=u, organisation=o, role="admin")
            for u, o in zip(users, orgs, strict=True)
        ],
        batch_size=500,
    )
    ContactPerson.objects.bulk_create(
        [
            ContactPerson(organisation=o, name=f"Contact {o.pk}", consent_date="2026-01-01")
            for o in orgs
        ],
        batch_size=500,
    )
    for p in range(5):
        programme = Programme.objects.create(
            name=f"Bench programme {p}", slug=f"bench-programme-{p}", countries=countries
        )
        ProgrammeRole.objects.create(programme=programme, user=users[p], role="coordinator")
        Participation.objects.bulk_create(
            [Participation(programme=programme, organisation=o) for o in orgs[p::5]],
            batch_size=500,
        )
