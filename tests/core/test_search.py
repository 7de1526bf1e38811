"""The full-text search module (core.search), on whichever database the suite runs on: SQLite
(FTS5) or PostgreSQL (tsvector). Organisations are registered for search at runtime here, with the
name as title, description and core competencies as body, and the first working language as the
row's language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from i18nfield.strings import LazyI18nString

from netzwerkstatt.core import search
from netzwerkstatt.core.models import SearchEntry
from netzwerkstatt.organisations.models import Organisation
from netzwerkstatt.vocabularies.models import Theme
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FACETS = [
    search.Facet("kind", "kind"),
    search.Facet("country", "country", label_for=lambda code: {"DE": "Germany"}.get(code, code)),
    search.Facet("theme", "themes"),
]


@pytest.fixture(autouse=True)
def searchable():
    """Organisations are searchable during each test, then unregistered again."""
    config = search.register(
        Organisation,
        title_fields=["name"],
        fields=["description", "core_competencies"],
        language=lambda org: org.languages[0] if org.languages else None,
    )
    yield config
    search.unregister(Organisation)


def org(name="Organisation", description="", language="de", index=True, **kwargs):
    obj = OrganisationFactory(
        name=name, description=description, languages=[language] if language else [], **kwargs
    )
    if index:
        search.index_object(obj)
    return obj


def names(queryset):
    return sorted(o.name for o in queryset)


def ranked(queryset):
    return [o.name for o in queryset.order_by("-search_rank", "name")]


# Normalisation (no database) ----------------------------------------------------------------


def test_index_terms_are_stemmed_in_the_document_language_and_folded():
    assert search.index_terms("Die Ausbildungsbetriebe für Straße und Città!", "de") == [
        "ausbildungsbetrieb",
        "strass",
        "citta",
    ]
    assert search.index_terms("La formazione nelle scuole dell'Italia", "it-IT") == [
        "formazion",
        "scuol",
        "ital",
    ]
    # Unknown (or unsupported) language: stop words of all three go, every stem is kept.
    assert search.index_terms("Trainings for schools", "fr") == [
        "training",
        "trainings",
        "train",
        "school",
        "schools",
    ]


def test_a_query_word_is_stemmed_in_all_three_languages():
    query = search.parse_query("Ausbildungsbetriebe, die Trainings!")
    assert query.terms == (("ausbildungsbetrieb",), ("training", "trainings", "train"))
    assert query.for_postgresql() == "('ausbildungsbetrieb') & ('training' | 'trainings' | 'train')"
    assert query.for_sqlite() == '("ausbildungsbetrieb") AND ("training" OR "trainings" OR "train")'
    assert not search.parse_query("the und il -- ?")


def test_query_syntax_characters_cannot_reach_the_database():
    query = search.parse_query("""a' | b" OR (c & !d) NOT e:* NEAR""")
    for variants in query.terms:
        for term in variants:
            assert term.isalnum()


# Word forms, accents, AND/OR ------------------------------------------------------------------


def test_german_word_forms_find_each_other():
    org("Lernort", "Wir beraten jeden Ausbildungsbetrieb in der Region.")
    org("Andere", "Eine Fachschule für Pflege.")
    assert names(search.search(Organisation.objects.all(), "Ausbildungsbetriebe")) == ["Lernort"]
    assert names(search.search(Organisation.objects.all(), "ausbildungsbetrieben")) == ["Lernort"]


def test_german_singular_and_plural_of_words_ending_in_s_find_each_other():
    # The stemmer makes "Schweißkurs" "schweisskur" but "Schweißkurse" "schweisskurs".
    org("Singular", "Ein Schweißkurs für Anfänger.")
    org("Plural", "Unsere Schweißkurse für Fortgeschrittene.")
    org("Andere", "Eine Fachschule für Pflege.")
    for query in ("Schweißkurs", "Schweißkurse", "Schweißkursen"):
        assert names(search.search(Organisation.objects.all(), query)) == ["Plural", "Singular"]


def test_italian_word_forms_find_each_other():
    org("Ente", "Percorsi di formazione per le imprese.", language="it")
    org("Istituto", "Laboratori formativi per gli studenti.", language="it")
    assert names(search.search(Organisation.objects.all(), "formazioni")) == ["Ente"]
    assert names(search.search(Organisation.objects.all(), "formativa")) == ["Istituto"]


def test_english_word_forms_find_each_other_and_cross_languages():
    org("Academy", "Training for teachers.", language="en")
    org("Schule", "Digitale Trainings für Lehrkräfte.", language="de")
    org("Unrelated", "Catering and events.", language="en")
    assert names(search.search(Organisation.objects.all(), "trainings")) == ["Academy", "Schule"]
    assert names(search.search(Organisation.objects.all(), "training")) == ["Academy", "Schule"]


def test_accents_and_case_do_not_matter():
    org("Ateneo", "Collaborazione con l'università della città.", language="it")
    org("Verein", "Projekte in der Großen Straße.", language="de")
    assert names(search.search(Organisation.objects.all(), "UNIVERSITA citta")) == ["Ateneo"]
    assert names(search.search(Organisation.objects.all(), "grossen strasse")) == ["Verein"]
    assert names(search.search(Organisation.objects.all(), "Straße")) == ["Verein"]


def test_every_query_word_must_match_in_some_form():
    org("Beide", "Pflege und Digitalisierung")
    org("Pflege", "Pflege")
    org("Digital", "Digitalisierung")
    everything = Organisation.objects.all()
    assert names(search.search(everything, "Pflege Digitalisierung")) == ["Beide"]
    assert names(search.search(everything, "Pflege")) == ["Beide", "Pflege"]
    assert names(search.search(everything, "Pflege Raumfahrt")) == []


def test_a_query_without_searchable_words_leaves_the_queryset_alone():
    org("Eins", "Pflege")
    org("Zwei", "Handwerk")
    results = search.search(Organisation.objects.all(), "  und die the  ")
    assert names(results) == ["Eins", "Zwei"]
    assert {o.search_rank for o in results} == {0.0}


def test_prefix_search_matches_the_beginning_of_the_last_word():
    org("Betrieb", "Wir suchen Ausbildungsbetriebe.")
    assert names(search.search(Organisation.objects.all(), "ausbild")) == []
    assert names(search.search(Organisation.objects.all(), "ausbild", prefix=True)) == ["Betrieb"]


def test_translations_in_one_field_are_each_stemmed_in_their_language(searchable):
    texts = {"de": "Ausbildungsbetriebe", "it": "formazione professionale"}
    search.register(Organisation, fields=[lambda o: LazyI18nString(texts)])
    org("Mehrsprachig", "")
    assert names(search.search(Organisation.objects.all(), "Ausbildungsbetrieb")) == [
        "Mehrsprachig"
    ]
    assert names(search.search(Organisation.objects.all(), "formazioni professionali")) == [
        "Mehrsprachig"
    ]


# Ranking, filters, pagination ---------------------------------------------------------------


def test_more_matches_rank_higher_and_title_words_weigh_more():
    org("Alpha", "Pflege")
    org("Beta", "Pflege, Pflege und nochmals Pflege")
    org("Gamma", "Eine Schule für Pflege")
    org("Pflege Delta", "Eine Schule")
    results = ranked(search.search(Organisation.objects.all(), "Pflege"))
    assert results[:2] == ["Pflege Delta", "Beta"]
    assert sorted(results[2:]) == ["Alpha", "Gamma"]


def test_search_combines_with_filters_ordering_and_pagination():
    for number in range(5):
        org(f"Schule {number}", "Duale Ausbildung", country="DE")
    org("Scuola", "Formazione duale", country="IT", language="it")
    org("Andere Schule", "Kantine", country="IT")
    results = search.search(Organisation.objects.filter(country="IT"), "duale")
    assert names(results) == ["Scuola"]
    page = Paginator(search.search(Organisation.objects.all(), "dual").order_by("name"), 4).page(2)
    assert [o.name for o in page] == ["Schule 4", "Scuola"]
    assert page.paginator.count == 6


def test_search_is_one_query_whatever_the_number_of_hits():
    org("Eins", "Pflege")
    with CaptureQueriesContext(connection) as one:
        list(search.search(Organisation.objects.all(), "Pflege").order_by("-search_rank"))
    org("Zwei", "Pflege")
    org("Drei", "Pflege")
    with CaptureQueriesContext(connection) as three:
        results = list(search.search(Organisation.objects.all(), "Pflege").order_by("-search_rank"))
    assert len(results) == 3
    assert len(one) == len(three) == 1


# Facets -------------------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    themes = list(Theme.objects.order_by("pk")[:2])
    school = org("Schule A", "Ausbildung", kind="vocational_school", country="DE")
    school.themes.set(themes)
    company = org("Betrieb B", "Ausbildung", kind="training_company", country="DE")
    company.themes.set(themes[:1])
    scuola = org("Scuola C", "Ausbildung", kind="vocational_school", country="IT", region="")
    org("Kantine D", "Essen", kind="training_company", country="DE")
    return themes, school, company, scuola


def counts(result):
    return {value.value: (value.count, value.selected) for value in result.values}


def test_facet_counts_without_a_selection(catalogue):
    themes, *_ = catalogue
    base = search.search(Organisation.objects.all(), "Ausbildung")
    facets = search.facet_counts(base, FACETS, {})
    assert counts(facets["kind"]) == {
        "vocational_school": (2, False),
        "training_company": (1, False),
    }
    assert [v.label for v in facets["kind"].values] == ["Vocational school", "Training company"]
    assert counts(facets["country"]) == {"DE": (2, False), "IT": (1, False)}
    assert facets["country"].values[0].label == "Germany"
    assert counts(facets["theme"]) == {themes[0].pk: (2, False), themes[1].pk: (1, False)}
    assert facets["theme"].values[0].label == str(themes[0])


def test_facet_counts_ignore_their_own_selection_but_respect_the_others(catalogue):
    themes, *_ = catalogue
    base = search.search(Organisation.objects.all(), "Ausbildung")
    selected = {"kind": ["vocational_school"], "theme": [str(themes[1].pk)]}
    facets = search.facet_counts(base, FACETS, selected)
    # kind: only the theme filter applies -> Schule A (school) has theme 2.
    assert counts(facets["kind"]) == {"vocational_school": (1, True)}
    # theme: only the kind filter applies -> Schule A (both themes), Scuola C (none).
    assert counts(facets["theme"]) == {themes[0].pk: (1, False), themes[1].pk: (1, True)}
    # country: both filters apply.
    assert counts(facets["country"]) == {"DE": (1, False)}
    results = search.filter_facets(base, FACETS, selected)
    assert names(results) == ["Schule A"]


def test_a_selected_value_without_results_is_still_listed(catalogue):
    base = search.search(Organisation.objects.all(), "Ausbildung")
    facets = search.facet_counts(base, FACETS, {"kind": ["chamber"], "country": ["IT"]})
    assert counts(facets["kind"])["chamber"] == (0, True)
    assert counts(facets["kind"])["vocational_school"] == (1, False)
    assert [v.label for v in facets["kind"].values][-1] == "Chamber or guild"


def test_a_many_to_many_facet_filter_returns_each_row_once(catalogue):
    themes, *_ = catalogue
    selected = {"theme": [themes[0].pk, themes[1].pk]}
    results = search.filter_facets(Organisation.objects.all(), FACETS, selected)
    assert names(results) == ["Betrieb B", "Schule A"]
    assert results.count() == 2


def test_facet_counts_take_one_query_per_facet_plus_labels_of_relations():
    themes = list(Theme.objects.order_by("pk")[:3])

    def run():
        base = search.search(Organisation.objects.all(), "Ausbildung")
        with CaptureQueriesContext(connection) as queries:
            search.facet_counts(base, FACETS, {"kind": ["vocational_school"]})
            list(search.filter_facets(base, FACETS, {"kind": ["vocational_school"]})[:20])
        return len(queries)

    org("Eins", "Ausbildung").themes.set(themes[:1])
    one = run()
    org("Zwei", "Ausbildung").themes.set(themes[1:2])
    org("Drei", "Ausbildung").themes.set(themes[2:])
    assert run() == one == len(FACETS) + 1 + 1


# Keeping the index fresh --------------------------------------------------------------------


def test_index_object_replaces_the_entry_of_a_changed_object():
    obj = org("Verein", "Pflege")
    obj.description = "Handwerk"
    obj.save()
    search.index_object(obj)
    assert names(search.search(Organisation.objects.all(), "Handwerk")) == ["Verein"]
    assert names(search.search(Organisation.objects.all(), "Pflege")) == []
    assert SearchEntry.objects.count() == 1


def test_remove_object_drops_the_entry():
    obj = org("Verein", "Pflege")
    org("Bleibt", "Pflege")
    search.remove_object(obj)
    obj.delete()
    assert names(search.search(Organisation.objects.all(), "Pflege")) == ["Bleibt"]
    assert SearchEntry.objects.count() == 1


def test_rows_outside_the_registration_queryset_are_not_indexed():
    search.register(
        Organisation,
        fields=["description"],
        queryset=lambda qs: qs.exclude(kind=Organisation.Kind.OTHER),
    )
    obj = org("Verein", "Pflege")
    assert names(search.search(Organisation.objects.all(), "Pflege")) == ["Verein"]
    obj.kind = Organisation.Kind.OTHER
    obj.save()
    search.index_object(obj)
    assert names(search.search(Organisation.objects.all(), "Pflege")) == []
    assert not SearchEntry.objects.exists()


def test_index_objects_indexes_a_queryset_in_batches():
    for number in range(5):
        org(f"Schule {number}", "Pflege", index=False)
    assert search.index_objects(Organisation.objects.all(), batch_size=2) == 5
    assert len(search.search(Organisation.objects.all(), "Pflege")) == 5


def test_an_unregistered_model_cannot_be_searched():
    search.unregister(Organisation)
    with pytest.raises(LookupError):
        search.search(Organisation.objects.all(), "Pflege")


def test_rebuild_command_indexes_everything_and_drops_stale_entries():
    org("Alt", "Pflege")
    for number in range(3):
        org(f"Neu {number}", "Handwerk", index=False)
    Organisation.objects.filter(name="Alt").delete()  # without remove_object: a stale entry
    out = StringIO()
    call_command("rebuild_search_index", "--model", "organisations.Organisation", stdout=out)
    assert "organisations.Organisation: 3 indexed" in out.getvalue()
    assert SearchEntry.objects.count() == 3
    assert len(search.search(Organisation.objects.all(), "Handwerk")) == 3
    assert names(search.search(Organisation.objects.all(), "Pflege")) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps the index by triggers")
def test_rebuild_restores_sqlite_triggers_lost_in_a_table_rebuild():
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER core_searchentry_fts_insert")
    org("Ohne Trigger", "Pflege")
    assert names(search.search(Organisation.objects.all(), "Pflege")) == []
    call_command("rebuild_search_index", stdout=StringIO())
    org("Mit Trigger", "Pflege")
    assert names(search.search(Organisation.objects.all(), "Pflege")) == [
        "Mit Trigger",
        "Ohne Trigger",
    ]


def test_rebuild_command_refuses_an_unknown_model():
    with pytest.raises(CommandError, match=r"organisations\.Organisation"):
        call_command("rebuild_search_index", "--model", "organisations.Membership")
