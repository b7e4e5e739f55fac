from django.urls import path

from courses.catalogue import views as learner
from courses.certificates import views as certificates
from courses.competences import views as competences
from courses.h5p import views as h5p
from courses.live import views as live
from courses.progress import views as progress
from courses.scorm import views as scorm

app_name = "courses"

urlpatterns = [
    path("my-courses/", progress.my_courses, name="my_courses"),
    path(
        "my-courses/<id:pk>/recertify/",
        certificates.enrolment_recertify,
        name="enrolment_recertify",
    ),
    path("certificates/", certificates.my_certificates, name="my_certificates"),
    path(
        "certificates/<id:pk>/pdf/",
        certificates.certificate_download,
        name="certificate_download",
    ),
    path(
        "certificates/<id:pk>/credential.<str:kind>",
        certificates.credential_download,
        name="credential_download",
    ),
    path("certificates/verify/", certificates.certificate_check, name="certificate_check"),
    path(
        "certificates/status/<id:number>/",
        certificates.status_list_credential,
        name="certificate_status_list",
    ),
    path(
        "certificates/verify/<str:code>/",
        certificates.certificate_verify,
        name="certificate_verify",
    ),
    path("courses/<id:course_id>/enrol/", learner.enrol, name="enrol"),
    path(
        "courses/<id:course_id>/competence-test/pre/skip/",
        competences.pre_test_skip,
        name="pre_test_skip",
    ),
    path(
        "courses/<id:course_id>/competence-test/<str:kind>/",
        competences.competence_test,
        name="competence_test",
    ),
    path("courses/<id:course_id>/live-checkin/", live.checkin, name="live_checkin"),
    path(
        "courses/live-sessions/<id:pk>/calendar.ics",
        live.calendar_file,
        name="live_session_ics",
    ),
    path("courses/lessons/<id:lesson_id>/done/", progress.lesson_done, name="lesson_done"),
    path("courses/lessons/<id:lesson_id>/heartbeat/", progress.heartbeat, name="heartbeat"),
    path(
        "courses/lessons/<id:lesson_id>/quiz/<str:quiz_id>/",
        progress.quiz_submit,
        name="quiz_submit",
    ),
    path(
        "courses/lessons/<id:lesson_id>/h5p/<str:activity_id>/xapi/",
        h5p.xapi,
        name="h5p_xapi",
    ),
    path(
        "courses/lessons/<id:lesson_id>/h5p/<str:activity_id>/user-data/"
        "<str:data_type>/<str:sub_content_id>/",
        h5p.user_data,
        name="h5p_user_data",
    ),
    path(
        "h5p/<id:lesson_id>/<id:package_id>/<str:directory>/<path:path>",
        h5p.package_file,
        name="h5p_file",
    ),
    path(
        "courses/lessons/<id:lesson_id>/scorm/<str:activity_id>/<int:unit_index>/launch/",
        scorm.launch,
        name="scorm_launch",
    ),
    path(
        "courses/lessons/<id:lesson_id>/scorm/<str:activity_id>/sequencing/",
        scorm.sequencing,
        name="scorm_sequencing",
    ),
    path("scorm/attempts/<id:attempt_id>/commit/", scorm.commit, name="scorm_commit"),
    path("scorm/cmi5/fetch/<uuid:session_id>/<str:secret>/", scorm.cmi5_fetch, name="cmi5_fetch"),
    # The AU is given the endpoint "scorm/cmi5/xapi/"; its resources have no slash.
    path("scorm/cmi5/xapi/statements", scorm.cmi5_statements, name="cmi5_statements"),
    path("scorm/cmi5/xapi/activities/state", scorm.cmi5_state, name="cmi5_state"),
    path("scorm/cmi5/return/", scorm.cmi5_return, name="cmi5_return"),
    path(
        "scorm/<id:lesson_id>/<id:package_id>/<str:directory>/<path:path>",
        scorm.package_file,
        name="scorm_file",
    ),
]
