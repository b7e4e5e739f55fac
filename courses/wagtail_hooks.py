"""Wagtail hooks: serve learner pages through courses.progress.views, keep
trainers to the courses they are listed on, and add the coordinators'
screens (enrolments, progress, the certificate register) to the admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from courses import exports
from courses.catalogue import admin as admin_views
from courses.catalogue import permissions
from courses.catalogue import selectors as catalogue_selectors
from courses.certificates import admin as certificate_admin
from courses.certificates import selectors as certificate_selectors
from courses.competences import admin as competence_admin
from courses.h5p import admin as h5p_admin
from courses.live import admin as live_admin
from courses.models import CourseCatalogPage, CoursePage, LessonPage
from courses.progress import admin as progress_admin
from courses.progress import views as learner
from courses.reports import admin as report_admin
from courses.reports import all as _all_reports  # noqa: F401 - registers the reports
from courses.reports import base as report_base
from courses.reports import dashboard, overdue_admin, register_admin
from courses.scorm import admin as scorm_admin


@hooks.register("on_serve_page", order=100)
def serve_learner_pages(serve):
    """Our views serve lessons, courses and the catalogue. Registered as the
    innermost `on_serve_page` wrapper, so Wagtail's own checks around serving
    (view restrictions: login, groups, password) run first and still apply."""

    def serve_page(page, request, serve_args, serve_kwargs):
        if isinstance(page, LessonPage):
            return learner.serve_lesson(page, request)
        if isinstance(page, CoursePage):
            return learner.serve_course(page, request)
        if isinstance(page, CourseCatalogPage):
            return learner.serve_catalogue(page, request)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_page


def _deny_unless_author(request, page):
    if not permissions.may_author(request.user, page):
        return permission_denied(request)
    return None


for _hook in (
    "before_edit_page",
    "before_delete_page",
    "before_copy_page",
    "before_move_page",
    "before_unpublish_page",
):
    hooks.register(_hook, _deny_unless_author)


@hooks.register("before_create_page")
def deny_adding_to_others_courses(request, parent_page, page_class):
    return _deny_unless_author(request, parent_page)


@hooks.register("after_create_page")
def grant_catalogue_permissions(request, page):
    """A new catalogue gets the authoring permissions of trainers and coordinators."""
    if isinstance(page, CourseCatalogPage):
        permissions.catalogue_grant_permissions(catalogue=page)


@hooks.register("register_admin_urls")
def enrolment_admin_urls():
    return [
        path("enrolments/", admin_views.EnrolmentListView.as_view(), name="courses_enrolments"),
        path(
            "enrolments/results/",
            admin_views.EnrolmentListView.as_view(results_only=True),
            name="courses_enrolments_results",
        ),
        path("enrolments/assign/", admin_views.AssignCourseView.as_view(), name="courses_assign"),
        path("progress/", progress_admin.ProgressGridView.as_view(), name="courses_progress"),
        path(
            "progress/<id:course_id>/",
            progress_admin.ProgressGridView.as_view(),
            name="courses_progress_grid",
        ),
    ]


class EnrolmentMenuItem(MenuItem):
    def is_shown(self, request):
        return catalogue_selectors.may_see_enrolments(request.user)


@hooks.register("register_admin_menu_item")
def progress_menu_item():
    return EnrolmentMenuItem(
        _("Progress"), reverse("courses_progress"), icon_name="table", order=206
    )


@hooks.register("register_admin_menu_item")
def enrolment_menu_item():
    return EnrolmentMenuItem(
        _("Enrolments"), reverse("courses_enrolments"), icon_name="list-ul", order=205
    )


@hooks.register("register_admin_urls")
def certificate_admin_urls():
    views = certificate_admin
    return [
        path("certificates/", register_admin.RegisterView.as_view(), name="courses_certificates"),
        path(
            "certificates/export/<str:export_format>/",
            register_admin.RegisterExportView.as_view(),
            name="courses_certificates_export",
        ),
        path(
            "certificates/<id:pk>/pdf/",
            views.CertificatePdfView.as_view(),
            name="courses_certificate_pdf",
        ),
        path(
            "certificates/<id:pk>/revoke/",
            views.CertificateRevokeView.as_view(),
            name="courses_certificate_revoke",
        ),
        path(
            "certificates/<id:pk>/reissue/",
            views.CertificateReissueView.as_view(),
            name="courses_certificate_reissue",
        ),
        path(
            "certificates/preview/<str:design>/",
            views.DesignPreviewView.as_view(),
            name="courses_certificate_preview",
        ),
        path(
            "certificates/batches/new/",
            register_admin.BatchCreateView.as_view(),
            name="courses_certificate_batch_new",
        ),
        path(
            "certificates/batches/<id:pk>/",
            views.BatchDetailView.as_view(),
            name="courses_certificate_batch",
        ),
        path(
            "certificates/batches/<id:pk>/download/",
            views.BatchDownloadView.as_view(),
            name="courses_certificate_batch_download",
        ),
    ]


class CertificateMenuItem(MenuItem):
    def is_shown(self, request):
        return certificate_selectors.may_see_register(request.user)


@hooks.register("register_admin_menu_item")
def certificate_menu_item():
    return CertificateMenuItem(
        _("Certificates"), reverse("courses_certificates"), icon_name="doc-full", order=207
    )


@hooks.register("register_log_actions")
def register_export_log_action(actions):
    @actions.register_action(exports.EXPORT_ACTION)
    class ExportFormatter(LogFormatter):
        label = _("Export of personal data")

        def format_message(self, log_entry):
            return exports.export_log_message(log_entry.data)


@hooks.register("register_admin_urls")
def report_admin_urls():
    view = report_admin.ReportView.as_view()
    return [
        path(
            "evidence-packs/",
            report_admin.EvidencePackView.as_view(),
            name="courses_evidence_packs",
        ),
        path(
            "evidence-packs/<id:pk>/",
            report_admin.EvidencePackDetailView.as_view(),
            name="courses_evidence_pack",
        ),
        path(
            "evidence-packs/<id:pk>/download/",
            report_admin.EvidencePackDownloadView.as_view(),
            name="courses_evidence_pack_download",
        ),
        path("reports/<slug:slug>/", view, name="courses_report"),
        path("reports/<slug:slug>/<str:export_format>/", view, name="courses_report_export"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return catalogue_selectors.is_course_staff(request.user)


# Before report_admin_urls, whose reports/<slug>/ would otherwise take reports/overdue/.
@hooks.register("register_admin_urls", order=-1)
def overdue_admin_urls():
    return [path("reports/overdue/", overdue_admin.OverdueView.as_view(), name="courses_overdue")]


@hooks.register("register_reports_menu_item")
def overdue_menu_item():
    return ReportMenuItem(
        _("Overdue learners"), reverse("courses_overdue"), icon_name="time", order=100
    )


@hooks.register("construct_homepage_panels")
def learning_dashboard_panel(request, panels):
    if catalogue_selectors.is_course_staff(request.user):
        panels.append(dashboard.DashboardPanel())


@hooks.register("register_reports_menu_item")
def evidence_pack_menu_item():
    return ReportMenuItem(
        _("Evidence pack"), reverse("courses_evidence_packs"), icon_name="download", order=9
    )


for _order, _report in enumerate(report_base.REGISTRY.values(), start=10):
    hooks.register(
        "register_reports_menu_item",
        lambda report=_report, order=_order: ReportMenuItem(
            report.menu_label,
            reverse("courses_report", kwargs={"slug": report.slug}),
            icon_name="table",
            order=order,
        ),
    )


register_snippet(h5p_admin.H5PPackageViewSet)
register_snippet(scorm_admin.ScormPackageViewSet)


@hooks.register("register_admin_urls")
def package_admin_urls():
    return [
        path("h5p/<id:pk>/approve/", h5p_admin.ApproveView.as_view(), name="courses_h5p_approve"),
        path(
            "scorm/<id:pk>/approve/",
            scorm_admin.ApproveView.as_view(),
            name="courses_scorm_approve",
        ),
    ]


@hooks.register("register_admin_viewset")
def live_session_viewset():
    return live_admin.LiveSessionViewSet("live_sessions")


@hooks.register("register_admin_viewset")
def competence_viewsets():
    return competence_admin.CompetenceViewSetGroup()
