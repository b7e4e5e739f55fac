"""The H5P package list a trainer uploads to asks the same number of queries
for 1 package as for 50, and shows them."""

import pytest

from accounts import roles
from courses.models import H5PPackage
from tests import factories
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db


def test_h5p_listing_costs_the_same_for_1_and_50_packages(client, db):
    trainer = factories.user_with_role(
        roles.TRAINER, email="trener@example.org", first_name="Tomasz", last_name="Trener"
    )

    def add_row(number):
        H5PPackage.objects.create(
            title=f"Ćwiczenie {number:03d}",
            main_library="H5P.MultiChoice 1.16",
            content_hash=f"{number:064d}",
            directory=f"pakiet{number:03d}",
            status=H5PPackage.Status.READY if number % 2 else H5PPackage.Status.PENDING,
            uploaded_by=trainer,
        )
        return f"Ćwiczenie {number:03d}"

    client.force_login(trainer)
    _one, fifty = assert_same_queries_for_1_and_50_rows(
        client, "/admin/snippets/courses/h5ppackage/?ordering=-title", add_row
    )
    assert "Tomasz Trener" in fifty and "H5P.MultiChoice 1.16" in fifty
