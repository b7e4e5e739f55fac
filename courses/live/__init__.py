"""Live online sessions (zajęcia na żywo): scheduling in the admin, the
learner's check-in with a code, the trainer's attendance register with its
history, reminders and the calendar file.

- `models`: sessions, attendance, attendance changes and settings.
- `services`: check-in, attendance marking, reminders (writes); who may
  manage a session.
- `selectors`: the sessions on the course page and on "my courses" and
  the live-attendance completion rule (registered into progress by
  courses/apps.py).
- `views`: check-in and the calendar file; `ics`: the calendar file itself.
- `admin`: the Wagtail viewset for sessions and the attendance register.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
may import catalogue and progress; certificates and reports may import it."""
