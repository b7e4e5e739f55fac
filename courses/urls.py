from django.urls import path

from .views import learner

app_name = "courses"

urlpatterns = [
    path("my-courses/", learner.my_courses, name="my_courses"),
    path("courses/<int:course_id>/enrol/", learner.enrol, name="enrol"),
    path("courses/lessons/<int:lesson_id>/done/", learner.lesson_done, name="lesson_done"),
    path("courses/lessons/<int:lesson_id>/heartbeat/", learner.heartbeat, name="heartbeat"),
    path(
        "courses/lessons/<int:lesson_id>/quiz/<str:quiz_id>/",
        learner.quiz_submit,
        name="quiz_submit",
    ),
]
