"""The participant and institution lists of the admin ask the same number
of queries for 1 row as for 50, and show the rows."""

import pytest

from accounts import roles
from tests import factories
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db


def test_participant_list_costs_the_same_for_1_and_50_people(client, county, coordinator_lo1):
    def add_row(number):
        factories.user_with_role(
            roles.LEARNER,
            email=f"osoba{number:03d}@example.org",
            institution=county["lo1"],
            first_name="Osoba",
            last_name=f"Numer{number:03d}",
        )
        return f"Osoba Numer{number:03d}"

    client.force_login(coordinator_lo1)
    _one, fifty = assert_same_queries_for_1_and_50_rows(
        client, "/admin/participants/?ordering=-email", add_row
    )
    assert "I Liceum Ogólnokształcące" in fifty


def test_institution_list_costs_the_same_for_1_and_50_institutions(client, county):
    administrator = factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")

    def add_row(number):
        factories.InstitutionFactory(
            name=f"Szkoła Podstawowa nr {number + 100}", parent=county["office"]
        )
        return f"Szkoła Podstawowa nr {number + 100}"

    client.force_login(administrator)
    _one, fifty = assert_same_queries_for_1_and_50_rows(
        client, "/admin/institutions/?ordering=-name", add_row
    )
    assert "Starostwo Powiatowe w Bolesławcu" in fifty  # each one's parent
