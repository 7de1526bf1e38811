"""All URLs of the continuing-education database, under one namespace. Each area keeps its own
list: the public search and pages (/courses/), a provider's courses, imports, declarations,
certifications and self-assessments (/organisations/<slug>/...), and a cluster's declaration,
quality standard and providers (/programmes/<programme>/cluster/...)."""

from . import urls_cluster, urls_import, urls_manage, urls_providers, urls_public

app_name = "courses"

urlpatterns = [
    *urls_public.urlpatterns,
    *urls_manage.urlpatterns,
    *urls_import.urlpatterns,
    *urls_providers.urlpatterns,
    *urls_cluster.urlpatterns,
]
