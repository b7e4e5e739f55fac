"""Admin addresses opened by someone without admin access: a learner gets a
clear "no access" page (no redirect loop), an anonymous visitor the login
page, trainers and coordinators get in."""

import pytest

from accounts import roles
from tests import factories

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/reports/activity/",
    "/admin/reports/attendance/xlsx/",
    "/admin/certificates/",
    "/admin/pages/",
]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_learner_gets_a_no_access_page_with_a_link_to_their_courses(
    client, site_shell, learner_lo1, url
):
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")
    response = client.get(url, follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == []
    page = response.content.decode()
    assert "Brak dostępu" in page
    assert 'href="/my-courses/"' in page and "Moje szkolenia" in page


@pytest.mark.parametrize("url", ADMIN_URLS[:3])
def test_anonymous_visitor_goes_to_the_login_page(client, site_shell, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("role", [roles.TRAINER, roles.COORDINATOR])
def test_trainer_and_coordinator_still_get_into_the_admin(client, site_shell, county, role):
    user = factories.user_with_role(role, email="kadra@example.org", institution=county["lo1"])
    user.scope.set([county["lo1"]])
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert "Brak dostępu" not in response.content.decode()
