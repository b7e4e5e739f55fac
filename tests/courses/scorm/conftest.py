"""The SCORM tests' lesson with the SCORM 1.2 sample in it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import Enrolment
from courses.scorm import packages, samples
from tests import factories
from tests.courses.scorm.helpers import add_package_block


@pytest.fixture
def activity(catalogue, learner_lo1, admin, scorm_storage):
    """A course whose second lesson holds the SCORM 1.2 sample; the learner is enrolled."""
    course, lessons = factories.course_with_lessons(catalogue, 2)
    data = samples.scorm12_package()
    package = packages.scorm_package_create(file=SimpleUploadedFile("hasla.zip", data), by=admin)
    lesson = lessons[1]
    activity_id = add_package_block(lesson, package)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    return {"course": course, "lesson": lesson, "package": package, "activity_id": activity_id}
