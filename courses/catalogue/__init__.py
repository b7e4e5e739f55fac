"""The course catalogue and what a learner takes: the catalogue, course,
module and lesson pages authored in Wagtail, their blocks, quizzes, and
enrolment (self-enrolment, assignment by a coordinator, withdrawal).

- `models`: the page tree, audiences, topics and enrolments; `blocks`,
  `panels`: the lesson body and the authoring panels; `quiz`: grading and
  the attempt limit; `certificate_designs`: the designs a course chooses
  from (keys and labels; the certificates package draws them).
- `services`: enrolment (writes); `selectors`: reads shared with the
  admin and the reports; `permissions`: authoring rights on a catalogue.
- `views`: enrolment; `admin`: assigning courses and the enrolment list.
  The learner's pages show their progress, so they live in progress.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
the bottom of the order: imports no other package; every package may import it."""
