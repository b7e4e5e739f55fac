"""Competence gain as grant evidence (nabycie kompetencji): DigComp reference
data, the standard a course's participants are assessed against (outcomes
aligned with competences, target levels and pass criteria, frozen as
versions), the pre- and post-tests and each participant's result.

May read catalogue and progress; certificates and reports read it. Progress
learns of its completion rule through courses.progress.rules."""
