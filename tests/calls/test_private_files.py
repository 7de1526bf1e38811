"""Answer files are private: stored outside MEDIA_ROOT and never served under /media/."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import ExpressionFactory, QuestionFactory


def test_an_answer_file_is_stored_privately_and_not_served_as_media(client, db):
    expression = ExpressionFactory()
    question = QuestionFactory(call=expression.group.call, kind="file", file_types=["pdf"])

    answer = expression.files.create(
        question=question,
        file=SimpleUploadedFile("budget.pdf", b"%PDF-1.4 secret"),
        original_name="budget.pdf",
        size=15,
    )

    stored = Path(answer.file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert stored.read_bytes() == b"%PDF-1.4 secret"
    assert not (Path(settings.MEDIA_ROOT) / answer.file.name).exists()
    response = client.get(f"{settings.MEDIA_URL}{answer.file.name}")
    assert response.status_code == 404
