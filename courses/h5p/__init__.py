"""H5P on our side: there is no usable Python H5P package, so validation of
uploaded `.h5p` files, their extraction into storage, the rules for xAPI
statements and the project's own content type live here. The browser side
is h5p-standalone from npm.

- `validation`: a streaming check of an upload against every rule of the
  format and our security rules; pure (no database, no storage).
- `xapi`: reading a posted statement and scoring it on the server; pure.
- `storage`: writing an accepted package into storage and removing it.
- `packages`: the services that store, replace and approve packages.
- `content_type`: the source of our checkpoint question and its builder.
- `frame`: the player frame's inline script, allowed by the lesson's CSP.
- `selectors`: the lesson's H5P completion rule and the results in the
  progress grid's cells (registered into progress by courses/apps.py).
- `models`: libraries, packages, results, statements and saved states.
- `services`: the learner's statements and saved state (writes).
- `views`: the player's files, xAPI and saved-state endpoints.
- `admin`: the package listing and upload in the Wagtail admin.

Dependencies (catalogue <- progress <- (h5p, live) <- certificates <- reports):
may import catalogue and progress; certificates and reports may import it."""
