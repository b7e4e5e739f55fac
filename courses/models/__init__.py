"""Course models, split by concern; callers import from `courses.models`.
Dependencies point one way: pages <- enrolment <- progress <- certificates."""

from .certificates import (
    Certificate,
    CertificateBatch,
    CertificateSequence,
    CertificateSettings,
)
from .enrolment import Enrolment
from .pages import (
    Audience,
    CourseCatalogPage,
    CoursePage,
    LessonPage,
    ModulePage,
    Topic,
)
from .progress import LearningSession, LessonProgress, QuizAttempt

__all__ = [
    "Audience",
    "Certificate",
    "CertificateBatch",
    "CertificateSequence",
    "CertificateSettings",
    "CourseCatalogPage",
    "CoursePage",
    "Enrolment",
    "LearningSession",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "QuizAttempt",
    "Topic",
]
