"""Certificates of completion (zaświadczenia): issue and revocation with the
learner's data frozen at issue, numbering, the PDF (kept as issued), ZIP
batches, the public verification page and the register in the admin.

- `models`: certificates, batches, numbering sequences and settings.
- `services`: issue, revoke, reissue, re-certification, expiry reminders,
  batch requests (writes); `tasks`: the PDF and
  batch jobs; `files`: the kept PDFs and the downloads.
- `pdf`: WeasyPrint and the site's branding, shared with the reports'
  documents; `render`: the certificate's PDF; `workers`: the processes of a
  large batch; `designs`: how the designs a course chooses from (listed by
  the catalogue) are drawn.
- `expiry`: the clock certificates' states are judged by, expiry dates
  and the reminder and renewal days (the state itself is
  `Certificate.state` / `CertificateQuerySet.with_state`).
- `register`: the register's rows; `admin`: PDFs, revocation, reissue and
  batches in Wagtail (the register listing and its files are the reports'
  `register_admin`); `access`: who may use those pages, shared by both;
  `views`: "my certificates", download, verification.
- `selectors`: who sees the register, and the certificate on the course
  page and "my courses"; these and `certificate_issue` on completion are
  registered into progress by courses/apps.py.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
may import catalogue, progress, h5p and live; only reports may import it.
This module imports nothing: a batch's worker process imports the package
before Django is set up."""
