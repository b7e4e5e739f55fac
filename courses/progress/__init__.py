"""A learner's progress: lesson progress and its completion rules (opening,
the button, quizzes, H5P, effective time, live attendance), learning
sessions and the heartbeats that credit effective time, course completion,
and the progress grid in the admin.

- `models`: lesson progress, learning sessions, quiz attempts.
- `services`: opening a lesson, heartbeats, marking done, quiz attempts,
  completion (writes); `heartbeat_sql`: the heartbeat's single statement.
- `selectors`: done lessons, a course's programme, progress summaries,
  effective time and last activity, for the learner's pages.
- `views`: the learner's pages (catalogue, course, lesson, "my courses")
  and what a lesson page posts; `grid` and `admin`: the progress grid.
- `rules`, `sections`: the completion rules and consequences, and the
  parts of the learner's pages and the grid, that the packages above
  contribute; filled in by `CoursesConfig.ready()` (courses/apps.py).

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
may import catalogue; h5p, live, certificates and reports may import it.
What it needs from those comes through `rules` and `sections`, never an
import."""
