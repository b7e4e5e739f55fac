"""What each learner did in each lesson. One progress row per (learner,
lesson); quiz attempts are kept whole (answers, score, time) as evidence."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue.models import CoursePage, LessonPage
from lms.records import Record


class LessonProgress(Record, models.Model):
    """A learner's state in one lesson. Writes go through courses.progress.services and
    only ever move forward: completion is never undone, the best score never drops."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    first_opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, blank=True)
    marked_done_at = models.DateTimeField(_("marked as done"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best score (%)"), null=True, blank=True)
    effective_seconds = models.PositiveIntegerField(_("effective time (s)"), default=0)
    # What the lesson page shows of the learner's quizzes, kept with the row
    # the page reads anyway (the attempts stay the evidence): quiz id ->
    # {"attempts": n, "last": {"number", "score", "passed", "answers"}}.
    quiz_summary = models.JSONField(_("quiz summary"), default=dict, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson")
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}: {self.status}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED


class QuizAttempt(Record, models.Model):
    """One submitted attempt at a quiz block of a lesson, graded on the server."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz_id = models.CharField(_("quiz block id"), max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    answers = models.JSONField(_("answers"))
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["lesson", "quiz_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "quiz_id", "number"], name="unique_attempt_number"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.quiz_id} #{self.number}: {self.score}%"


class LearningSession(Record, models.Model):
    """A stretch of active learning in one lesson: the remote-participation
    evidence. Each lesson page view (`visit`) starts one; only heartbeats the
    server accepts extend it, and a pause longer than the idle gap starts a
    new one. `last_beat` makes replayed or reordered heartbeats count for nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_sessions"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    visit = models.CharField(_("page visit"), max_length=36, db_index=True)
    last_beat = models.PositiveIntegerField(_("last heartbeat number"), default=0)
    started_at = models.DateTimeField(_("started at"))
    last_seen_at = models.DateTimeField(_("last seen at"))
    active_seconds = models.PositiveIntegerField(_("active seconds"), default=0)

    class Meta:
        verbose_name = _("learning session")
        verbose_name_plural = _("learning sessions")
        ordering = ["-last_seen_at"]
        indexes = [
            models.Index(fields=["user", "-last_seen_at"]),
            # An enrolment's sessions in a period (the indicators' effective
            # hours, a subquery per enrolment): without it SQLite scanned
            # every session of the course for each of 100,000 enrolments.
            models.Index(
                fields=["user", "course", "started_at"], name="session_user_course_started"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_id} {self.started_at:%Y-%m-%d %H:%M}"
