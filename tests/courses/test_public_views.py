"""The public pages of the continuing-education database: the search page (a form that works
without JavaScript, with facets, sorting, pages and compare boxes), the comparison kept in its
address, the course and provider pages, and previews for the provider's own people."""

from __future__ import annotations

import re

import pytest
from django.utils.formats import date_format

from netzwerkstatt.courses.models import Course, CourseRun
from tests.courses.factories import CourseFactory, CourseRunFactory
from tests.courses.factories_public import catalogue, days
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

SEARCH = "/courses/"
COMPARE = "/courses/compare/"


@pytest.fixture
def known():
    return catalogue()


def titles(response) -> list[str]:
    return re.findall(
        r'<h3 class="h5 mb-1" id="run-\d+-title"><a href="[^"]*">([^<]+)</a>',
        response.content.decode(),
    )


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


# The search page ---------------------------------------------------------------------------------


def test_a_visitor_finds_the_public_dates_with_facets_and_compare_boxes(client, known):
    html = page(client.get(SEARCH))

    assert titles(client.get(SEARCH)) == [
        "Schweißkurs für Einsteiger",
        "Projektmanagement kompakt",
        "Corso di formazione in assistenza",
        "Schweißkurs für Einsteiger",
        "Projektmanagement kompakt",
    ]
    assert "5 course dates" in html
    assert "Schweißen Entwurf" not in html and "Gamma" not in html
    # Facets are checkboxes of the search form, with their counts.
    assert re.search(
        r'<input class="form-check-input" type="checkbox" form="course-search" name="region" '
        r'value="DE-MV" id="f-region-\d+">\s*<label class="form-check-label" '
        r'for="f-region-\d+">Mecklenburg-Vorpommern</label>\s*</span>\s*'
        r'<span class="badge rounded-pill text-bg-light border">3<',
        html,
    )
    assert ">Online</label>" in html
    assert ">Business, administration and law</label>" in html
    assert ">With the cluster&#x27;s quality label</label>" in html
    # Each result can be ticked for the comparison form.
    assert f'form="compare-form" name="c" value="{known.r1.pk}"' in html
    assert '<form id="compare-form" method="get" action="/courses/compare/">' in html
    # Prices, places and the quality label on the cards.
    assert "Free of charge" in html and "€1,490" in html and "Price on request" in html
    assert "Schwerin (Mecklenburg-Vorpommern)" in html
    assert html.count("bi-patch-check") == 3  # Alpha's three dates


def test_ticked_filters_stay_ticked_and_the_canonical_address_is_readable(client, known):
    html = page(client.get(SEARCH, {"region": ["DE-MV", "online"], "sort": "price", "c": "5"}))

    assert re.search(r'name="region" value="DE-MV" id="f-region-\d+" checked>', html)
    assert re.search(r'name="region" value="online" id="f-region-\d+" checked>', html)
    assert (
        '<link rel="canonical" '
        'href="http://testserver/courses/?region=DE-MV&amp;region=online&amp;sort=price">'
    ) in html
    # The sort links keep the filters and the comparison; relevance only with words.
    assert 'href="/courses/?region=DE-MV&amp;region=online&amp;c=5" rel="nofollow">' in html
    assert ">Relevance<" not in html
    assert '<input type="hidden" name="c" value="5">' in html
    assert 'href="/courses/export.csv?region=DE-MV&amp;region=online&amp;sort=price"' in html
    assert "4 course dates" in html


def test_the_forms_empty_fields_lead_on_to_the_readable_address(client, known):
    response = client.get(SEARCH, {"q": "", "region": "DE-MV", "from": "", "to": "", "c": "3"})

    assert (response.status_code, response["Location"]) == (302, "/courses/?region=DE-MV&c=3")


def test_words_show_the_relevance_order_and_no_result_explains_itself(client, known):
    html = page(client.get(SEARCH, {"q": "Projektmanagement"}))
    assert 'aria-current="true" class="fw-semibold text-decoration-none">Relevance<' in html
    assert "for “Projektmanagement”" in html

    empty = page(client.get(SEARCH, {"q": "Unterwasserkorbflechten"}))
    assert "No course date matches. Try other words or remove a filter." in empty
    assert "0 course dates" in empty


def test_pages_of_twenty_link_to_each_other(client, known):
    for number in range(18):
        CourseRunFactory(course=known.management, start_date=days(300 + number), region="DE-MV")

    first = page(client.get(SEARCH))
    second = page(client.get(SEARCH, {"page": "2"}))

    assert len(titles(client.get(SEARCH))) == 20
    assert 'href="/courses/?page=2" rel="next"' in first
    assert 'href="/courses/" rel="prev"' in second
    assert "Page 2 of 2" in second and "23 course dates" in second


def test_bad_parameters_are_ignored(client, known):
    response = client.get(
        SEARCH, {"page": "x", "eqf": "12", "from": "2024-02-31", "region": "<b>", "sort": "x"}
    )

    assert len(titles(response)) == 5
    assert '<link rel="canonical" href="http://testserver/courses/">' in page(response)


@pytest.mark.parametrize("count", [1, 20])
def test_the_search_page_takes_the_same_number_of_queries_for_one_or_twenty_results(
    client, django_assert_num_queries, count
):
    known = catalogue()
    CourseRun.objects.exclude(pk=known.r1.pk).delete()
    for number in range(count - 1):
        CourseRunFactory(course=known.welding, start_date=days(50 + number), region="DE-MV")
    client.get(SEARCH)  # warm the content-type cache

    # One statement for the facet counts, the total and the page's ids; the page's runs; the
    # names of the fields.
    with django_assert_num_queries(3):
        response = client.get(SEARCH, {"q": "Schweißkurs", "region": "DE-MV", "funding": "voucher"})
    assert len(titles(response)) == (count if count == 1 else 1)
    # Without words, a look into the cache of slow pages first.
    with django_assert_num_queries(4):
        response = client.get(SEARCH, {"region": "DE-MV"})
    assert len(titles(response)) == count


def test_the_main_navigation_leads_to_the_courses(client, db):
    assert 'href="/courses/">Courses</a>' in client.get("/").content.decode()


def test_the_filters_collapse_behind_a_button_on_small_screens(client, known):
    html = page(client.get(SEARCH))

    assert 'data-bs-target="#course-filters" aria-expanded="false"' in html
    assert '<aside id="course-filters" class="collapse d-lg-block' in html


def test_the_filters_are_active_only_with_a_filter_and_removing_them_keeps_the_words(client, known):
    words = page(client.get(SEARCH, {"q": "Schweißkurs"}))
    assert ">active</span>" not in words and "Remove all filters" not in words

    both = page(client.get(SEARCH, {"q": "Schweißkurs", "region": "DE-MV", "c": known.r4.pk}))
    assert ">active</span>" in both
    assert f'<a href="/courses/?q=Schwei%C3%9Fkurs&amp;c={known.r4.pk}">' in both
    assert "Remove all filters" in both


# The comparison ----------------------------------------------------------------------------------


def test_two_dates_side_by_side_on_the_same_attributes(client, known):
    html = page(client.get(COMPARE, {"c": [known.r1.pk, known.r4.pk]}))

    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert re.findall(r'<a href="/courses/[^"]+/">([^<]+)</a>', head) == [
        "Schweißkurs für Einsteiger",
        "Projektmanagement kompakt",
    ]
    rows = dict(
        re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', html.split("<tbody", 1)[1], re.S)
    )
    assert list(rows) == [
        "Provider",
        "Quality label",
        "Certifications",
        "Dates",
        "Schedule",
        "Hours",
        "Place",
        "Price",
        "Funding",
        "Certificate",
        "EQF level",
        "Language",
        "Format",
        "Seats",
        "Prerequisites",
        "Accessibility",
        "Registration",
    ]
    assert "Alpha Bildung" in rows["Provider"] and "Beta Akademie" in rows["Provider"]
    assert "Qualität WM" in rows["Quality label"] and "none" in rows["Quality label"]
    # Certifications valid today, by name; the expired ISO 9001 is not shown.
    assert "AZAV (approval for funded training), Qualitätssiegel MV" in rows["Certifications"]
    assert "ISO 9001" not in html
    assert "Free of charge" in rows["Price"] and "€6,000" in rows["Price"]
    assert "Schweißerpass" in rows["Certificate"]
    assert rows["Funding"] == (
        "<td>Education voucher (AZAV)</td><td>Upgrading training grant (Aufstiegs-BAföG)</td>"
    )
    assert "Barrierefreier Zugang" in rows["Accessibility"]
    assert 'href="https://alpha.example.org/anmelden"' in rows["Registration"]
    # Removing one keeps the other; the address is the comparison.
    assert f'href="/courses/compare/?c={known.r4.pk}"' in head
    assert f'href="/courses/compare/?c={known.r1.pk}"' in head
    assert (
        f'<link rel="canonical" href="http://testserver/courses/compare/?c={known.r1.pk}'
        f'&amp;c={known.r4.pk}">'
    ) in html
    assert f'href="/courses/?c={known.r1.pk}&amp;c={known.r4.pk}"' in html  # add another


def test_a_fifth_date_is_refused_with_a_note(client, known):
    chosen = [known.r1.pk, known.r2.pk, known.r3.pk, known.r4.pk, known.r5.pk]

    html = page(client.get(COMPARE, {"c": chosen}))

    assert html.count('<th scope="col"') == 4
    assert "At most 4 course dates can be compared side by side; 1 more was left out." in html
    assert "Add a course date" not in html
    kept = "&amp;".join(f"c={pk}" for pk in chosen[:4])
    assert f'value="http://testserver/courses/compare/?{kept}" readonly' in html


def test_a_kept_link_to_a_date_that_has_started_says_so(client, known):
    html = page(client.get(COMPARE, {"c": [known.past.pk, known.r3.pk, known.gamma_run.pk, "x"]}))

    assert html.count('<th scope="col"') == 1
    assert "2 course dates of this comparison are no longer offered" in html
    assert f'value="http://testserver/courses/compare/?c={known.r3.pk}" readonly' in html


def test_an_empty_comparison_explains_how_to_fill_it(client, db):
    html = page(client.get(COMPARE))

    assert "Nothing to compare yet." in html
    assert "<table" not in html


# Course pages ------------------------------------------------------------------------------------


def test_a_course_page_shows_the_next_dates_and_the_provider(client, known):
    html = page(client.get("/courses/alpha-bildung/schweisskurs/"))

    assert '<h1 class="h2 mb-1" id="course-title">Schweißkurs für Einsteiger</h1>' in html
    assert "<li>Nähte schweißen</li>" in html
    dates = html.split('id="runs-heading"', 1)[1].split("</section>", 1)[0]
    assert dates.count('<div class="card mb-3">') == 2  # not the one that has started
    assert days(10).isoformat() in dates and days(-5).isoformat() not in dates
    assert f'href="/courses/compare/?c={known.r1.pk}"' in dates
    box = html.split('id="provider-heading"', 1)[1].split("</section>", 1)[0]
    assert 'href="/courses/providers/alpha-bildung/">Alpha Bildung</a>' in box
    assert "Qualität WM" in box
    assert "AZAV (approval for funded training), Qualitätssiegel MV" in box
    assert (
        '<link rel="canonical" href="http://testserver/courses/alpha-bildung/schweisskurs/">'
        in (html)
    )
    assert '<script type="application/ld+json">' in html
    assert "Preview" not in html


def test_a_draft_or_an_unlisted_providers_course_does_not_exist_for_visitors(client, known):
    for url in ("/courses/beta-akademie/entwurf/", "/courses/gamma-kolleg/geheim/"):
        assert client.get(url).status_code == 404
        client.force_login(UserFactory())
        assert client.get(url).status_code == 404
        client.logout()
    assert client.get("/courses/alpha-bildung/nothing/").status_code == 404


def test_the_providers_people_preview_a_draft_course(client, known):
    client.force_login(MembershipFactory(organisation=known.beta).user)

    html = page(client.get("/courses/beta-akademie/entwurf/"))

    assert "Preview – not public." in html
    assert "This course is not published (status: Draft)." in html
    assert "application/ld+json" not in html
    assert days(15).isoformat() in html  # its date, though not listed


def test_the_clusters_coordinator_previews_a_draft_but_is_not_offered_to_change_it(client, known):
    from tests.factories import ProgrammeRoleFactory

    cluster = known.beta.declarations.get().programme
    client.force_login(ProgrammeRoleFactory(programme=cluster, role="coordinator").user)

    html = page(client.get("/courses/beta-akademie/entwurf/"))

    assert "Preview – not public." in html
    assert "Keep your courses" not in html
    client.force_login(ProgrammeRoleFactory(role="coordinator").user)  # of another programme
    assert client.get("/courses/beta-akademie/entwurf/").status_code == 404


def test_an_unpublished_course_answers_404_once_public_no_more(client, known):
    Course.objects.filter(pk=known.care.pk).update(status=Course.Status.UNPUBLISHED)

    assert client.get("/courses/alpha-bildung/assistenza/").status_code == 404


# Provider pages ----------------------------------------------------------------------------------


def test_a_provider_page_shows_competencies_certifications_label_and_courses(client, known):
    from netzwerkstatt.courses.models import ProviderProfile
    from netzwerkstatt.vocabularies.models import IscedField

    profile = ProviderProfile.objects.create(organisation=known.alpha)
    profile.competency_fields.add(IscedField.objects.get(code="0715"))

    html = page(client.get("/courses/providers/alpha-bildung/"))

    assert '<h1 class="h3 mb-1">Alpha Bildung</h1>' in html
    assert "<strong>Schweißer</strong>" in html  # the description, as Markdown
    assert 'href="/courses/?field=07">Mechanics and metal trades</a>' in html
    assert "<li>Schweißtechnik</li>" in html
    certifications = html.split('id="certifications-heading"', 1)[1].split("</section>", 1)[0]
    assert "AZAV (approval for funded training)" in certifications
    assert 'Qualitätssiegel MV</span> <span class="badge text-bg-warning">expires soon' in (
        certifications
    )
    assert "ISO 9001" not in html
    assert 'Qualität WM<span class="fw-normal"> · confirmed until' in html
    courses = html.split('id="courses-heading"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'lang="\w+">([^<]+)</a>', courses) == [
        "Corso di formazione in assistenza",
        "Schweißkurs für Einsteiger",
    ]
    assert f"Next date: {date_format(days(10), 'DATE_FORMAT')}" in courses
    assert "2 dates" in courses
    assert 'href="/courses/providers/alpha-bildung/export.csv"' in html
    assert '<script type="application/ld+json">' in html


def test_a_provider_without_a_declaration_is_not_public(client, known):
    assert client.get("/courses/providers/gamma-kolleg/").status_code == 404
    assert client.get("/courses/providers/nobody/").status_code == 404
    # Its own people see a preview.
    client.force_login(MembershipFactory(organisation=known.gamma).user)
    html = page(client.get("/courses/providers/gamma-kolleg/"))
    assert "Preview – not public." in html
    assert "Schweißen bei Gamma" in html
    assert "application/ld+json" not in html


def test_a_provider_page_lists_each_course_with_one_query_more_or_less(
    client, known, django_assert_max_num_queries
):
    for number in range(3):
        course = CourseFactory(organisation=known.alpha, slug=f"extra-{number}")
        CourseRunFactory(course=course, start_date=days(5 + number))
    client.get("/courses/providers/alpha-bildung/")

    with django_assert_max_num_queries(9):
        html = page(client.get("/courses/providers/alpha-bildung/"))
    assert html.count('class="list-group-item"') == 5


@pytest.mark.parametrize("count", [1, 4])
def test_the_comparison_takes_the_same_number_of_queries_for_one_or_four(
    client, known, django_assert_num_queries, count
):
    chosen = [known.r1.pk, known.r4.pk, known.r3.pk, known.r5.pk][:count]
    client.get(COMPARE, {"c": chosen})

    # The runs with course, field and provider; the labels; the certifications.
    with django_assert_num_queries(3):
        html = page(client.get(COMPARE, {"c": chosen}))
    assert html.count('<th scope="col"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_a_course_page_takes_the_same_number_of_queries_for_one_or_three_dates(
    client, known, django_assert_num_queries, count
):
    for number in range(count - 1):
        CourseRunFactory(course=known.care, start_date=days(60 + number), region="DE-MV")
    url = "/courses/alpha-bildung/assistenza/"
    client.get(url)

    # The course; whether it is public (and its provider listed); its runs; labels;
    # certifications.
    with django_assert_num_queries(6):
        html = page(client.get(url))
    assert html.count('<div class="card mb-3">') == count
