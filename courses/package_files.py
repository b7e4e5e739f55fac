"""Serving the extracted files of a package (H5P, SCORM/cmi5) after the
caller's access check: the type comes from our own map, never from the
file; `nosniff` always; a sandboxing CSP on every type that is not one the
player runs (each kind names those, with the policy they get), so a file
opened directly cannot run code on our origin; documents come as
attachments. With an accel-redirect prefix set, nginx sends the file
(X-Accel-Redirect to an internal location aliased to the private folder)."""

import posixpath
from collections.abc import Mapping

from django.core.files.storage import Storage
from django.http import FileResponse, Http404, HttpResponse

MIME_TYPES = {
    "html": "text/html; charset=utf-8",
    "htm": "text/html; charset=utf-8",
    "xhtml": "application/xhtml+xml; charset=utf-8",
    "json": "application/json",
    "map": "application/json",
    "js": "text/javascript; charset=utf-8",
    "mjs": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "xsd": "application/xml",
    "dtd": "application/xml-dtd",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "ico": "image/vnd.microsoft.icon",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "eot": "application/vnd.ms-fontobject",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "webm": "video/webm",
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "ogv": "video/ogg",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "wav": "audio/wav",
    "vtt": "text/vtt; charset=utf-8",
    "webvtt": "text/vtt; charset=utf-8",
    "srt": "text/plain; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "gltf": "model/gltf+json",
    "glb": "model/gltf-binary",
}
# Not used by a player in the page: downloaded, never displayed on our origin.
DOCUMENTS = {
    "pdf", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
    "csv", "diff", "patch", "md", "textile",
}  # fmt: skip
SANDBOX = "sandbox"


def package_file_response(
    storage: Storage,
    name: str,
    extension: str,
    *,
    accel_prefix: str,
    policies: Mapping[str, str | None],
) -> HttpResponse:
    """The file `name` of `storage`. `policies` maps the extensions the
    player runs to their CSP (None: the site's own); everything else is
    served under `sandbox`."""
    content_type = MIME_TYPES.get(extension, "application/octet-stream")
    attachment = extension in DOCUMENTS
    if accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + name
        if attachment:
            response["Content-Disposition"] = f'attachment; filename="{posixpath.basename(name)}"'
    else:
        try:
            handle = storage.open(name, "rb")
        except (FileNotFoundError, OSError):
            raise Http404 from None
        response = FileResponse(
            handle,
            content_type=content_type,
            as_attachment=attachment,
            filename=posixpath.basename(name),
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, max-age=3600"
    policy = policies.get(extension, SANDBOX) if not attachment else SANDBOX
    if policy:
        response["Content-Security-Policy"] = policy
    return response
