"""`load_demo_data` where the demo extra (imageio-ffmpeg) is not installed, as in
the production image: a message saying what to install, not a traceback."""

import sys

import pytest
from django.core.management import CommandError, call_command

from courses.models import CoursePage

pytestmark = pytest.mark.django_db


def test_load_demo_data_without_imageio_ffmpeg_says_what_to_install(
    monkeypatch, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "haslo-demo-testowe-2026")
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # an import of it now fails
    with pytest.raises(CommandError, match=r"imageio-ffmpeg.*requirements/demo\.lock"):
        call_command("load_demo_data")
    assert not CoursePage.objects.exists()
