"""SCORM 1.2, SCORM 2004 and cmi5 packages as lesson activities: the
packages trainers already have (Articulate, iSpring, Captivate, Moodle
exports). The browser side is scorm-again from npm; the server side is ours.

- `manifest`: reading `imsmanifest.xml` and `cmi5.xml` (defusedxml) into
  the version, organizations and launchable units; pure.
- `validation`: an upload checked against the archive rules shared with H5P
  (courses/archives.py), our file types and its manifest; pure.
- `samples`: the sample packages the demo content and the tests are made of.

Dependencies (catalogue <- progress <- (h5p, scorm, live) <- certificates <-
reports): may import catalogue and progress; certificates and reports may
import it."""
