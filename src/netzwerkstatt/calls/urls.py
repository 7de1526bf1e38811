"""Calls, mounted under /programmes/<programme>/calls/. Each part of the workflow keeps its routes
in ``urls_parts``: setting up a call, expressions of interest, screening."""

from .urls_parts import expressions, screening, setup

app_name = "calls"
urlpatterns = [*setup.urlpatterns, *expressions.urlpatterns, *screening.urlpatterns]
