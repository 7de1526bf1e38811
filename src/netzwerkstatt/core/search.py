"""Full-text search over any model, on SQLite (FTS5) and PostgreSQL (tsvector), in DE/IT/EN.

An app declares what is searchable once, in its ``AppConfig.ready()``::

    search.register(
        Practice,
        title_fields=["title"],                  # weigh more in the rank
        fields=["summary", "description", lambda p: [str(t) for t in p.themes.all()]],
        language="language",                     # field name or callable; None = unknown
        queryset=lambda qs: qs.filter(status="published").prefetch_related("themes"),
    )

and its services keep the index fresh explicitly, in the same transaction as the change:
``search.index_object(practice)`` after a save, ``search.remove_object(practice)`` before a delete,
``search.index_objects(queryset)`` after bulk changes; ``manage.py rebuild_search_index`` rebuilds.
Views combine the rest with ordinary querysets::

    results = search.search(Practice.objects.filter(programme=p), request.GET.get("q", ""))
    results = search.filter_facets(results, FACETS, selected).order_by("-search_rank", "pk")
    counts = search.facet_counts(search.search(base, q), FACETS, selected)

How words become index terms: text is case-folded and split into words of letters and digits;
stop words of the document's language are dropped; each word is stemmed with the Snowball stemmer
of the document's language (de, it, en; any other or unknown language: stop words of all three
dropped, all three stems indexed) and then stripped of accents (stemming first, because the
stemmers know their accents). A query word is stemmed with all three stemmers, since the
searcher's language is unknown and documents may be translations, and its variants are ORed; the
query's words are ANDed. So "Ausbildungsbetriebe" finds "Ausbildungsbetrieb", "formazioni" finds
"formazione" and "trainings" finds "training".

Storage: one generic table, ``core.SearchEntry`` (content type, object id, language, stemmed title
and body), with the database's own index over it (migration ``core.0003_search_entry``). Search
adds ``pk IN (SELECT object_id ... MATCH ...)`` to the caller's queryset and annotates
``search_rank`` with a correlated subquery over the unique (content type, object id) index: one
SQL statement, no id lists in Python, so filters, ordering and pagination compose as usual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import Stemmer
from django.contrib.contenttypes.models import ContentType
from django.db import NotSupportedError, connections, models, router, transaction
from django.db.models import Count, F, QuerySet

from netzwerkstatt.core.models import SearchEntry

STEMMER_NAMES = {"de": "german", "it": "italian", "en": "english"}
# Queries are stemmed in every one of these languages; documents in other languages are indexed
# with all of them too, so that the two sides always meet.
LANGUAGES = tuple(STEMMER_NAMES)
MAX_QUERY_TERMS = 20
MAX_WORD_LENGTH = 60
BATCH_SIZE = 1000
# Rank weights: a title word counts ten times a body word (PostgreSQL's default A and D weights).
SQLITE_WEIGHTS = "10.0, 1.0"
FTS_COMMAND = "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES (%s)"

# Small lists of function words only; words that are also content words in another of the three
# languages ("war", "will", "dove", "era", "hat") are left out, because a query word is dropped
# when it is a stop word in any language.
STOP_WORDS = {
    "de": """aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den
        der des dich die dir doch du durch ein eine einem einen einer eines er es fur hatte ich ihr
        im in ist ja kann mit mich mir nach nicht noch nur ob oder ohne sich sie sind uber um und
        uns unter vom von vor was wenn werden wie wir wird wo zu zum zur zwischen""",
    "it": """ad agli ai al alla alle all anche che chi ci come con da dai dal dalla dalle degli dei
        del dell della delle di ed gli ha hanno il in la le lo ma nei nel nell nella nelle non per
        piu questa questo se si sia sono su sul sull sulla tra fra un una uno""",
    "en": """an and are as at be but by for from has have how in into is it its of on or our that
        the their this to was we were which with you""",
}
STOP_WORDS = {language: frozenset(words.split()) for language, words in STOP_WORDS.items()}
ANY_STOP_WORD = frozenset().union(*STOP_WORDS.values())

_WORD = re.compile(r"[^\W_]+")


# Normalisation -------------------------------------------------------------------------------


@lru_cache(maxsize=200_000)  # words follow Zipf's law: the cache spares most of the work
def fold(text: str) -> str:
    """Lower-case (case-folded, so ß becomes ss), without accents and anything but letters and
    digits: "Città" -> "citta"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(_WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c))))


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMER_NAMES[language])


def words(text: str) -> list[str]:
    """Case-folded words of letters and digits (accents kept for the stemmers); single letters and
    overlong strings dropped."""
    return [
        word
        for word in _WORD.findall(text.casefold())
        if (len(word) > 1 or word.isdigit()) and len(word) <= MAX_WORD_LENGTH
    ]


def stem_language(language: str | None) -> str | None:
    """ "de-AT" -> "de"; None for a language without its own stemmer here."""
    code = (language or "").split("-")[0].split("_")[0].lower()
    return code if code in STEMMER_NAMES else None


def index_terms(text: str, language: str | None) -> list[str]:
    """The index terms of a document text written in ``language`` (see the module docstring)."""
    language = stem_language(language)
    tokens = words(text)
    if language is None:
        tokens = [token for token in tokens if fold(token) not in ANY_STOP_WORD]
        stems = [_stemmer(lang).stemWords(tokens) for lang in LANGUAGES]
        terms = []
        for variants in zip(*stems, strict=True):
            terms.extend(dict.fromkeys(fold(variant) for variant in variants))
        return [term for term in terms if term]
    stop = STOP_WORDS[language]
    tokens = [token for token in tokens if fold(token) not in stop]
    return [term for stem in _stemmer(language).stemWords(tokens) if (term := fold(stem))]


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the index understands it: per query word, the stems that may match it."""

    terms: tuple[tuple[str, ...], ...]
    prefix: bool = False

    def __bool__(self) -> bool:
        return bool(self.terms)

    def for_postgresql(self) -> str:
        last = len(self.terms) - 1
        groups = []
        for index, variants in enumerate(self.terms):
            suffix = ":*" if self.prefix and index == last else ""
            groups.append("(" + " | ".join(f"'{v}'{suffix}" for v in variants) + ")")
        return " & ".join(groups)

    def for_sqlite(self) -> str:
        last = len(self.terms) - 1
        groups = []
        for index, variants in enumerate(self.terms):
            suffix = "*" if self.prefix and index == last else ""
            groups.append("(" + " OR ".join(f'"{v}"{suffix}' for v in variants) + ")")
        return " AND ".join(groups)


def parse_query(text: str, *, prefix: bool = False) -> ParsedQuery:
    """Query words minus stop words (of any language), each with its de/it/en stems (deduplicated).
    With ``prefix``, the last word also matches longer words (search as you type)."""
    tokens = [token for token in dict.fromkeys(words(text)) if fold(token) not in ANY_STOP_WORD]
    tokens = tokens[:MAX_QUERY_TERMS]
    stems = [_stemmer(language).stemWords(tokens) for language in LANGUAGES]
    stems.append(_stemmer("de").stemWords([_other_german_number(token) for token in tokens]))
    terms = tuple(
        variants
        for stemmed in zip(*stems, strict=True)
        if (variants := tuple(dict.fromkeys(v for s in stemmed if (v := fold(s)))))
    )
    return ParsedQuery(terms=terms, prefix=prefix)


def _other_german_number(token: str) -> str:
    """The German stemmer drops a final "s" after some consonants ("Kurs" -> "kur") but not before
    an "e" ("Kurse" -> "kurs"), so singular and plural of such words would never meet. A query
    word ending in "s" is therefore also stemmed with an "e" added, and one ending in "se",
    "sen" or "ses" without its ending (other words: unchanged, which adds no variant)."""
    if token.endswith(("sen", "ses")):
        return token[:-2]
    if token.endswith("se"):
        return token[:-1]
    if token.endswith("s"):
        return token + "e"
    return token


# Registry ------------------------------------------------------------------------------------

FieldSpec = str | Callable[[Any], Any]


@dataclass(frozen=True)
class Searchable:
    model: type[models.Model]
    fields: tuple[FieldSpec, ...]
    title_fields: tuple[FieldSpec, ...] = ()
    language: FieldSpec | None = None
    queryset: Callable[[QuerySet], QuerySet] | None = None

    def indexed(self) -> QuerySet:
        """Every row that belongs in the index, with what the fields need prefetched."""
        queryset = self.model._default_manager.all()
        return self.queryset(queryset) if self.queryset else queryset

    def language_of(self, obj) -> str:
        value = _value(obj, self.language) if self.language else ""
        return str(value or "")[:8]

    def document(self, obj) -> tuple[str, str, str]:
        """(language, title terms, body terms) of one object."""
        language = self.language_of(obj)
        title = _terms(obj, self.title_fields, language)
        body = _terms(obj, self.fields, language)
        return language, title, body


_registry: dict[str, Searchable] = {}


def register(
    model: type[models.Model],
    *,
    fields: Sequence[FieldSpec],
    title_fields: Sequence[FieldSpec] = (),
    language: FieldSpec | None = None,
    queryset: Callable[[QuerySet], QuerySet] | None = None,
) -> Searchable:
    """Declare a model searchable.

    ``fields`` and ``title_fields`` name attributes (dotted paths allowed: "organisation.name") or
    are callables taking the object; a value may be a string, an i18nfield string (each
    translation is indexed in its own language), None, or a list of these. ``language`` is the
    attribute or callable giving the row's language code (None: unknown, all stemmers).
    ``queryset`` narrows and prefetches the rows that belong in the index (e.g. only published).
    """
    if not isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.IntegerField):
        raise TypeError(f"{model._meta.label}: search needs an integer primary key.")
    config = Searchable(
        model=model,
        fields=tuple(fields),
        title_fields=tuple(title_fields),
        language=language,
        queryset=queryset,
    )
    _registry[model._meta.label] = config
    return config


def unregister(model: type[models.Model]) -> None:
    _registry.pop(model._meta.label, None)


def registered() -> list[Searchable]:
    return list(_registry.values())


def config_for(model: type[models.Model]) -> Searchable:
    try:
        return _registry[model._meta.concrete_model._meta.label]
    except KeyError:
        raise LookupError(f"{model._meta.label} is not registered for search.") from None


def _value(obj, spec: FieldSpec):
    if callable(spec):
        return spec(obj)
    for name in spec.split("."):
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def _texts(value, language: str) -> Iterable[tuple[str, str]]:
    """(text, language) pairs of a field value."""
    if value is None:
        return
    data = getattr(value, "data", None)  # i18nfield.strings.LazyI18nString
    if isinstance(data, dict):
        for code, text in data.items():
            if text:
                yield str(text), code
    elif isinstance(data, str):
        yield data, language
    elif isinstance(value, str):
        yield value, language
    elif isinstance(value, models.Manager):  # a many-to-many or reverse relation: its objects
        for item in value.all():
            yield from _texts(item, language)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _texts(item, language)
    else:
        yield str(value), language


def _terms(obj, specs: Sequence[FieldSpec], language: str) -> str:
    terms: list[str] = []
    for spec in specs:
        for text, text_language in _texts(_value(obj, spec), language):
            terms.extend(index_terms(text, text_language))
    return " ".join(terms)


# Keeping the index fresh -----------------------------------------------------------------------


def _content_type(model: type[models.Model]) -> ContentType:
    return ContentType.objects.get_for_model(model, for_concrete_model=True)


def index_object(obj: models.Model) -> None:
    """Write (or refresh) one object's index entry; removes it when the object no longer belongs
    in the index (the registration's ``queryset``). Call it from the service that saved ``obj``."""
    index_objects([obj])


def index_objects(objects: Iterable[models.Model], *, batch_size: int = BATCH_SIZE) -> int:
    """Index many objects of one model in batches (one upsert per batch); returns how many entries
    were written. Accepts a queryset (iterated in chunks) or a list."""
    checked = isinstance(objects, QuerySet)
    if checked:
        config = config_for(objects.model)
        objects = config.queryset(objects) if config.queryset else objects
        objects = objects.iterator(chunk_size=batch_size)
    written = 0
    batch: list[models.Model] = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= batch_size:
            written += _index_batch(batch, checked=checked)
            batch = []
    if batch:
        written += _index_batch(batch, checked=checked)
    return written


def _index_batch(objects: list[models.Model], *, checked: bool) -> int:
    """Upsert the entries of ``objects``; unless they came through the registration's queryset
    (``checked``), first ask which of them belong in the index and drop the others' entries."""
    model = type(objects[0])._meta.concrete_model
    config = config_for(model)
    content_type = _content_type(model)
    pks = [obj.pk for obj in objects]
    if config.queryset and not checked:
        belong = set(config.indexed().filter(pk__in=pks).values_list("pk", flat=True))
    else:
        belong = set(pks)
    entries = []
    for obj in objects:
        if obj.pk in belong:
            language, title, body = config.document(obj)
            entries.append(
                SearchEntry(
                    content_type=content_type,
                    object_id=obj.pk,
                    language=language,
                    title=title,
                    body=body,
                )
            )
    with transaction.atomic(using=router.db_for_write(SearchEntry)):
        if len(belong) < len(pks):
            _entries(content_type).filter(object_id__in=set(pks) - belong).delete()
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["language", "title", "body"],
        )
    return len(entries)


def remove_object(obj: models.Model) -> None:
    """Drop one object's entry. Call it before ``obj.delete()`` (which clears ``obj.pk``); an entry
    left behind by a delete that skipped this is harmless (it matches no row) until the next
    rebuild removes it."""
    _entries(_content_type(type(obj))).filter(object_id=obj.pk).delete()


def _entries(content_type: ContentType) -> QuerySet:
    # Nothing refers to SearchEntry, so .delete() on this is a single DELETE statement.
    return SearchEntry.objects.filter(content_type=content_type)


def rebuild(model: type[models.Model] | None = None, *, batch_size: int = BATCH_SIZE) -> dict:
    """Rebuild the index of one registered model or of all; returns {model label: entries}. Each
    model is rebuilt in one transaction, so searches never see a half-empty index."""
    using = router.db_for_write(SearchEntry)
    ensure_index_tables(connections[using])
    configs = [config_for(model)] if model else registered()
    counts = {}
    for config in configs:
        with transaction.atomic(using=using):
            _entries(_content_type(config.model)).delete()
            counts[config.model._meta.label] = index_objects(
                config.model._default_manager.all(), batch_size=batch_size
            )
    if connections[using].vendor == "sqlite":
        with connections[using].cursor() as cursor:
            cursor.execute(FTS_COMMAND, ["optimize"])
    return counts


def ensure_index_tables(connection) -> None:
    """(Re)create the database's own index over core_searchentry where it is missing, and only
    then (no DDL, no table lock when all is in place). The rebuild command calls it, so a SQLite
    table rebuilt by a later migration gets its triggers back. The statements are those of
    migration core.0003_search_entry."""
    from importlib import import_module

    migration = import_module("netzwerkstatt.core.migrations.0003_search_entry")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'core_searchentry_fts%' "
                "AND type IN ('table', 'trigger')"
            )
            # The FTS table, its four shadow tables and the three triggers.
            if cursor.fetchone()[0] < 8:
                for statement in migration.SQLITE:
                    cursor.execute(statement)
                # Re-read the content table: rows may have been written without the triggers.
                cursor.execute(FTS_COMMAND, ["rebuild"])
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT (SELECT count(*) FROM pg_attribute WHERE attrelid = "
                "'core_searchentry'::regclass AND attname = 'document' AND NOT attisdropped) "
                "+ (SELECT count(*) FROM pg_indexes WHERE indexname = 'core_searchentry_document')"
            )
            if cursor.fetchone()[0] < 2:
                for statement in migration.POSTGRESQL:
                    cursor.execute(statement)


# Searching -----------------------------------------------------------------------------------


class _MatchingIds(models.Expression):
    """``(SELECT object_id FROM core_searchentry WHERE <content type> AND <matches>)``."""

    output_field = models.BigIntegerField()

    def __init__(self, content_type_id: int, query: ParsedQuery):
        super().__init__()
        self.content_type_id = content_type_id
        self.query = query

    def as_sql(self, compiler, connection):
        if connection.vendor == "postgresql":
            sql = (
                "SELECT e.object_id FROM core_searchentry e WHERE e.content_type_id = %s "
                "AND e.document @@ to_tsquery('simple', %s)"
            )
            return f"({sql})", (self.content_type_id, self.query.for_postgresql())
        if connection.vendor == "sqlite":
            sql = (
                "SELECT e.object_id FROM core_searchentry e WHERE e.content_type_id = %s "
                "AND e.id IN (SELECT rowid FROM core_searchentry_fts "
                "WHERE core_searchentry_fts MATCH %s)"
            )
            return f"({sql})", (self.content_type_id, self.query.for_sqlite())
        raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")


class _Rank(models.Expression):
    """How well the object in this row matches: higher is better (PostgreSQL ts_rank, SQLite
    negated bm25; the scales differ, the order is what counts)."""

    output_field = models.FloatField()

    def __init__(self, pk, content_type_id: int, query: ParsedQuery):
        super().__init__()
        self.pk = pk
        self.content_type_id = content_type_id
        self.query = query

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        if connection.vendor == "postgresql":
            sql = (
                "SELECT ts_rank(e.document, to_tsquery('simple', %s)) FROM core_searchentry e "  # noqa: S608
                f"WHERE e.content_type_id = %s AND e.object_id = {pk_sql}"
            )
            params = (self.query.for_postgresql(), self.content_type_id, *pk_params)
        elif connection.vendor == "sqlite":
            sql = (
                f"SELECT -bm25(core_searchentry_fts, {SQLITE_WEIGHTS}) FROM core_searchentry_fts "  # noqa: S608
                "WHERE core_searchentry_fts MATCH %s AND rowid = (SELECT e.id FROM "
                f"core_searchentry e WHERE e.content_type_id = %s AND e.object_id = {pk_sql})"
            )
            params = (self.query.for_sqlite(), self.content_type_id, *pk_params)
        else:
            raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")
        return f"({sql})", params


def search(queryset: QuerySet, text: str, *, rank: bool = True, prefix: bool = False) -> QuerySet:
    """``queryset`` narrowed to the rows matching ``text`` (every query word, in any of its word
    forms), annotated with ``search_rank`` (higher is better) unless ``rank=False``. A query
    without searchable words (blank, only stop words) leaves the queryset as it is, with rank 0.
    Order is left to the caller: ``.order_by("-search_rank", "pk")``."""
    query = parse_query(text, prefix=prefix)
    if not query:
        return queryset.annotate(search_rank=models.Value(0.0)) if rank else queryset
    content_type_id = _content_type(config_for(queryset.model).model).pk
    queryset = queryset.filter(pk__in=_MatchingIds(content_type_id, query))
    if rank:
        queryset = queryset.annotate(search_rank=_Rank(F("pk"), content_type_id, query))
    return queryset


def match_sql(
    model: type[models.Model],
    text: str,
    *,
    connection,
    rank: bool = True,
    prefix: bool = False,
) -> tuple[str, tuple] | None:
    """For callers that write their own SQL (one statement over a large table, where a join beats
    a correlated rank subquery per row): ``SELECT object_id[, rank]`` over the index entries of
    ``model`` that match ``text``, as SQL and parameters, to use as a derived table (``JOIN (...)
    t ON t.object_id = ...``) or in ``IN (...)``. ``rank`` is higher for better matches, as
    ``search_rank``. None when ``text`` has no searchable words."""
    query = parse_query(text, prefix=prefix)
    if not query:
        return None
    content_type_id = _content_type(config_for(model).model).pk
    if connection.vendor == "postgresql":
        ranked = ", ts_rank(e.document, to_tsquery('simple', %s)) AS rank" if rank else ""
        sql = (
            f"SELECT e.object_id AS object_id{ranked} FROM core_searchentry e "  # noqa: S608
            "WHERE e.content_type_id = %s AND e.document @@ to_tsquery('simple', %s)"
        )
        tsquery = query.for_postgresql()
        params = (tsquery,) if rank else ()
        return sql, (*params, content_type_id, tsquery)
    if connection.vendor == "sqlite":
        # The full-text match runs once, in a subquery of its own: joined directly (or through a
        # subquery SQLite flattens), the planner may put it in the innermost loop, once per row.
        # A LIMIT keeps a subquery from being flattened into a join.
        if not rank:
            sql = (
                "SELECT e.object_id AS object_id FROM core_searchentry e "
                "WHERE e.content_type_id = %s AND e.id IN (SELECT rowid FROM "
                "core_searchentry_fts WHERE core_searchentry_fts MATCH %s)"
            )
            return sql, (content_type_id, query.for_sqlite())
        sql = (
            "SELECT e.object_id AS object_id, f.rank AS rank FROM (SELECT rowid AS id, "  # noqa: S608
            f"-bm25(core_searchentry_fts, {SQLITE_WEIGHTS}) AS rank FROM core_searchentry_fts "
            "WHERE core_searchentry_fts MATCH %s LIMIT -1) f "
            "JOIN core_searchentry e ON e.id = f.id WHERE e.content_type_id = %s"
        )
        return sql, (query.for_sqlite(), content_type_id)
    raise NotSupportedError(f"Full-text search is not implemented for {connection.vendor}.")


# Facets --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    """A filter with counts: ``name`` is the query parameter, ``field`` the ORM path (a choice or
    plain field, a foreign key or a many-to-many, also across relations:
    "organisation__country")."""

    name: str
    field: str
    label: str = ""
    # How to show a value that is neither a choice nor a related object (e.g. a country code).
    label_for: Callable[[Any], str] | None = None


@dataclass
class FacetValue:
    value: Any
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetResult:
    facet: Facet
    values: list[FacetValue] = field(default_factory=list)


def _is_multi_valued(model: type[models.Model], path: str) -> bool:
    for name in path.split("__"):
        model_field = model._meta.get_field(name)
        if model_field.many_to_many or model_field.one_to_many:
            return True
        if not model_field.is_relation:
            return False
        model = model_field.related_model
    return False


def _final_field(model: type[models.Model], path: str) -> models.Field:
    model_field = None
    for name in path.split("__"):
        model_field = model._meta.get_field(name)
        if model_field.is_relation:
            model = model_field.related_model
    return model_field


def filter_facets(
    queryset: QuerySet,
    facets: Sequence[Facet],
    selected: Mapping[str, Iterable],
    *,
    exclude: str | None = None,
) -> QuerySet:
    """Apply the selected facet values: values of one facet are ORed, facets are ANDed. Facets on
    many-valued relations filter through a subquery, so no row appears twice."""
    for facet in facets:
        values = [value for value in selected.get(facet.name, ()) if value not in ("", None)]
        if facet.name == exclude or not values:
            continue
        lookup = {f"{facet.field}__in": values}
        if _is_multi_valued(queryset.model, facet.field):
            inner = queryset.model._default_manager.filter(**lookup).values("pk")
            queryset = queryset.filter(pk__in=inner)
        else:
            queryset = queryset.filter(**lookup)
    return queryset


def facet_counts(
    queryset: QuerySet, facets: Sequence[Facet], selected: Mapping[str, Iterable]
) -> dict[str, FacetResult]:
    """Counts per value for each facet, with standard faceted-search semantics: the counts of facet
    X are computed with every selected filter except X's own, so the other values of X stay
    visible with the numbers they would give. ``queryset`` carries the search and every non-facet
    filter. One GROUP BY query per facet, plus one query per relation facet for the labels.
    Selected values are always listed (count 0 if nothing matches); ordered by count, then label."""
    results = {}
    for facet in facets:
        chosen = {str(value) for value in selected.get(facet.name, ()) if value not in ("", None)}
        multi = _is_multi_valued(queryset.model, facet.field)
        rows = (
            filter_facets(queryset, facets, selected, exclude=facet.name)
            .order_by()
            .values(facet.field)
            .annotate(facet_count=Count("pk", distinct=multi or queryset.query.distinct))
            .values_list(facet.field, "facet_count")
        )
        counts = {value: count for value, count in rows if value is not None}
        labels = _labels(queryset.model, facet, list(counts) + list(chosen))
        present = {str(value) for value in counts}
        values = [
            FacetValue(value, labels.get(str(value), str(value)), count, str(value) in chosen)
            for value, count in counts.items()
        ]
        values += [
            FacetValue(value, labels.get(value, value), 0, True)
            for value in sorted(chosen - present)
        ]
        values.sort(key=lambda item: (-item.count, item.label.casefold()))
        results[facet.name] = FacetResult(facet=facet, values=values)
    return results


def _labels(model: type[models.Model], facet: Facet, values: list) -> dict[str, str]:
    if facet.label_for:
        return {str(value): facet.label_for(value) for value in values}
    final = _final_field(model, facet.field)
    if final.is_relation:
        related = final.related_model
        pk_field = related._meta.pk
        ids = []
        for value in values:
            try:
                ids.append(pk_field.to_python(value))
            except Exception:  # noqa: S112 - a stray value from the URL has no label
                continue
        objects = related._default_manager.in_bulk(ids) if ids else {}
        return {str(pk): str(obj) for pk, obj in objects.items()}
    if final.choices:
        return {str(value): str(label) for value, label in final.flatchoices}
    return {}


__all__ = [
    "Facet",
    "FacetResult",
    "FacetValue",
    "ParsedQuery",
    "Searchable",
    "ensure_index_tables",
    "facet_counts",
    "filter_facets",
    "fold",
    "index_object",
    "index_objects",
    "index_terms",
    "match_sql",
    "parse_query",
    "rebuild",
    "register",
    "registered",
    "remove_object",
    "search",
    "unregister",
]
