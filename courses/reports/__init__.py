"""Coordinator reports for the grant settlement: attendance and progress,
remote-participation activity, indicators, the certificate register and the
live-session lists, their CSV/XLSX/PDF exports, the learning dashboard, the
overdue list with its reminders, and the evidence pack that holds them all.
Each report is a read (scoped querysets) and pure functions that turn
fetched data into rows, totals and documents.

- `base`, `filters`, `scope`, `documents`: the report classes, the one
  family of filter forms (also the register page's), the courses and
  institutions in a person's scope, the PDFs.
- `attendance`, `activity`, `indicators`, `register`, `live`,
  `competence_document`: one module per report; `all` registers them in
  menu order.
- `evidence`, `models`: the evidence pack and its background job.
- `dashboard`, `overdue`, `overdue_admin`: the admin dashboard panel and the
  overdue list with its reminders.
- `admin`: the report pages and exports in the Wagtail admin (on Wagtail's
  ReportView); `register_admin`: the certificate register page, which
  shares the reports' filter form and the register report's files.

Dependencies (catalogue <- progress <- (h5p, scorm, live, competences) <-
certificates <- reports):
the top of the order: may import every other package; none imports it."""
