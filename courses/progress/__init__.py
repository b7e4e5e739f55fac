"""A learner's progress: lesson progress and its completion rules (opening,
the button, quizzes, H5P, effective time, live attendance), learning
sessions and the heartbeats that credit effective time, course completion,
and the progress grid in the admin.

- `models`: lesson progress, learning sessions, quiz attempts.
- `services`: opening a lesson, heartbeats, marking done, quiz attempts,
  completion (writes); `heartbeat_sql`: the heartbeat's single statement.
- `views`: what a lesson page posts; `grid` and `admin`: the progress grid.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
may import catalogue; h5p, live, certificates and reports may import it."""
