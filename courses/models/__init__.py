"""Every model of the courses app, re-exported from the package that owns
it, so that migrations and `courses.models` imports keep working. Also here:
`jobs` (the private-file job base of certificate batches and evidence packs)
and `certificates`, `sessions`: the old module paths migrations 0004 and 0008
name for field defaults, storage and validators."""

from courses.catalogue.models import (
    Audience,
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    Topic,
)
from courses.certificates.models import (
    Certificate,
    CertificateBatch,
    CertificateSequence,
    CertificateSettings,
)
from courses.competences.models import (
    Competence,
    CompetenceArea,
    CompetenceAssessment,
    CompetenceAttempt,
    CompetenceFramework,
    CompetenceStandard,
    CompetenceTest,
    OutcomeAlignment,
    ProficiencyLevel,
)
from courses.h5p.models import H5PLibrary, H5PPackage, H5PResult, H5PStatement, H5PUserData
from courses.live.models import Attendance, AttendanceChange, AttendanceSettings, LiveSession
from courses.progress.models import LearningSession, LessonProgress, QuizAttempt
from courses.reports.models import EvidencePack
from courses.scorm.models import Cmi5Session, ScormAttempt, ScormPackage, ScormSequencingState

__all__ = [
    "Attendance",
    "AttendanceChange",
    "AttendanceSettings",
    "Audience",
    "Certificate",
    "CertificateBatch",
    "CertificateSequence",
    "CertificateSettings",
    "Cmi5Session",
    "Competence",
    "CompetenceArea",
    "CompetenceAssessment",
    "CompetenceAttempt",
    "CompetenceFramework",
    "CompetenceStandard",
    "CompetenceTest",
    "CourseCatalogPage",
    "CoursePage",
    "Enrolment",
    "EvidencePack",
    "H5PLibrary",
    "H5PPackage",
    "H5PResult",
    "H5PStatement",
    "H5PUserData",
    "LearningSession",
    "LessonPage",
    "LessonProgress",
    "LiveSession",
    "ModulePage",
    "OutcomeAlignment",
    "ProficiencyLevel",
    "QuizAttempt",
    "ScormAttempt",
    "ScormPackage",
    "ScormSequencingState",
    "Topic",
]
