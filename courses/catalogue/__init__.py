"""The course catalogue and what a learner takes: the catalogue, course,
module and lesson pages authored in Wagtail, their blocks, quizzes, and
enrolment (self-enrolment, assignment by a coordinator, withdrawal).

- `models`: the page tree, audiences, topics and enrolments; `blocks`,
  `panels`: the lesson body and the authoring panels; `quiz`: grading.
- `services`: enrolment (writes); `selectors`: reads shared with the
  admin and the reports; `permissions`: authoring rights on a catalogue.
- `views`: the learner's pages (catalogue, course, lesson, "my courses")
  and enrolment; `admin`: assigning courses and the enrolment list.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
the bottom of the order: imports no other package; every package may import it.
The learner's pages still read the packages above (see
tests/courses/test_layout.py for the imports that remain to be turned)."""
