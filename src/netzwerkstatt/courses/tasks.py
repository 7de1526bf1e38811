"""Background work of the continuing-education database, run by ``manage.py db_worker``."""

from django.tasks import task

from .models import ImportJob


@task()
def run_import(job_id: int) -> str:
    """Check and write one uploaded course file (``importing.run_job``); returns its status."""
    from .importing import run_job

    job = ImportJob.objects.select_related("organisation", "programme", "created_by").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job.status  # run already (a worker retried it)
    return run_job(job).status
