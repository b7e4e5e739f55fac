"""The learner's own certificate list asks the same number of queries for 1
certificate as for 50 (valid, replaced and revoked ones), and shows them."""

import pytest
from django.utils import timezone

from courses.certificates.services import certificate_issue
from courses.models import Certificate, Enrolment
from tests.courses.catalogue.test_learner_pages import ready
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db


def test_certificate_list_costs_the_same_for_1_and_50_certificates(client, course, learner_lo1):
    enrolment = Enrolment.objects.create(
        user=learner_lo1, course=course[0], method="self", completed_at=timezone.now()
    )
    issued = certificate_issue(enrolment=enrolment)
    made = {0: issued}

    def add_row(number):
        if number == 0:
            return issued.number
        copy = Certificate.objects.get(pk=issued.pk)
        copy.pk = None
        copy.enrolment = None  # one certificate per enrolment
        copy.number = f"{issued.number}/{number:03d}"
        copy.code = f"kod{number:03d}"
        copy.sequence_number = issued.sequence_number + number
        if number % 3 == 1:  # replaced by the next one
            copy.status = Certificate.Status.REPLACED
        elif number % 3 == 2:
            copy.replaces = made[number - 1]
        else:
            copy.status = Certificate.Status.REVOKED
            copy.revoked_at = timezone.now()
        copy.save()
        made[number] = copy
        return copy.number

    ready(client, learner_lo1)
    _one, fifty = assert_same_queries_for_1_and_50_rows(client, "/certificates/", add_row)
    assert "Cyberhigiena w urzędzie" in fifty and f"zastąpione przez {made[2].number}" in fifty
