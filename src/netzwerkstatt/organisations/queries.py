from django.db.models import Q, QuerySet

from .models import Organisation


def directory(
    *, q: str = "", kind: str = "", country: str = "", region: str = "", theme=None
) -> QuerySet[Organisation]:
    """The public directory, filtered. Text search looks at name, city, description and
    competencies."""
    organisations = Organisation.objects.prefetch_related("themes")
    if q:
        for word in q.split()[:8]:
            organisations = organisations.filter(
                Q(name__icontains=word)
                | Q(city__icontains=word)
                | Q(description__icontains=word)
                | Q(core_competencies__icontains=word)
            )
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country)
    if region:
        organisations = organisations.filter(region=region)
    if theme is not None:
        organisations = organisations.filter(themes=theme)
    return organisations.order_by("name")
