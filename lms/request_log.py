"""Structured logs: one JSON line per request, and every other log record as
one JSON line carrying the id of the request it happened in.

Exists so that several app instances and workers write logs a collector can
query (error rate, p95 per route, one person's requests) without parsing
text, and so that a traceback can be tied to the request that caused it
(`X-Request-ID`, echoed to the client and taken from the proxy when it
sends one). The request line holds no query string, cookies, bodies or email
addresses: paths and user ids only.
"""

import contextvars
import json
import logging
import os
import re
import socket
import time
import uuid
from datetime import UTC, datetime

from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import Resolver404, resolve

logger = logging.getLogger("lms.request")

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy or load balancer puts there (UUIDs, nginx's $request_id);
# anything else is replaced, so the log cannot be fed arbitrary text.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_EMAIL = re.compile(r"[^/@\s]+@[^/@\s]+")
# URL parts that are credentials (invitation tokens, allauth's email and
# password-reset keys, certificate verification codes): whoever reads the log
# must not be able to use them.
_SECRET_URL_KWARGS = ("token", "key", "code")

_request_id = contextvars.ContextVar("request_id", default=None)


class RequestLogMiddleware:
    """Time each request until its last byte is handed to the server and log it.

    Sits outermost (after the health check) so the time includes every other
    middleware. Streamed bodies (CSV exports, file downloads) are produced
    after the view returns, so the line is written when the server closes the
    response, not when the middleware returns."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        _request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        match = request.resolver_match or _resolve(request.path_info, response)
        fields = {
            "method": request.method,
            "path": _loggable_path(request.path, match),
            "route": getattr(match, "view_name", None),
            "status": response.status_code,
            "duration_ms": None,  # both known once the body is sent
            "bytes": None,
            "user_id": _user_id(request),
        }
        body_size = _measure_body(response)

        def finished():
            fields["duration_ms"] = round((time.perf_counter() - started) * 1000, 2)
            fields["bytes"] = body_size()
            logger.info(
                "%s %s %s %.1f ms user=%s",
                fields["method"],
                fields["path"],
                fields["status"],
                fields["duration_ms"],
                fields["user_id"],
                extra={"event": "request", "fields": fields},
            )
            _request_id.set(None)

        # The WSGI server calls response.close() after the last byte (or when
        # the client goes away); Django runs these closers there, as it does
        # for the file of a FileResponse.
        response._resource_closers.append(finished)
        return response


def _resolve(path_info, response):
    """The URL's match for a request a middleware refused or redirected
    before Django resolved it, so that its secrets are still found. Static
    files and cached pages (the only successful answers made without
    resolving) hold none and are not resolved: that would double the cost of
    logging them."""
    if response.status_code < 300:
        return None
    try:
        return resolve(path_info)
    except Resolver404:
        return None


def _loggable_path(path, match):
    """The path without its secrets and email addresses (the query string,
    which may hold search terms, is never logged)."""
    kwargs = getattr(match, "kwargs", {})
    for name in _SECRET_URL_KWARGS:
        secret = str(kwargs.get(name) or "")
        if secret and secret in path:
            # The last occurrence: the secret is the URL's end, and a short
            # one may also appear inside a word before it.
            head, _secret, tail = path.rpartition(secret)
            path = f"{head}[secret]{tail}"
    return _EMAIL.sub("[email]", path)


def _user_id(request):
    """The id of the user the session is logged in as, or None.

    Read from the session rather than `request.user`, which would cost a user
    query on responses that never needed one (cached pages); the session is
    already loaded whenever the view looked at the user. Never breaks the
    response: with the database gone, the line says null."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    try:
        value = session.get(SESSION_KEY)
    except Exception:  # logging must not turn a response into an error
        return None
    return None if value is None else get_user_model()._meta.pk.to_python(value)


def _measure_body(response):
    """A function giving the bytes of the body once it is sent: known now
    (content, Content-Length), or counted while a streamed body goes out.
    A FileResponse with a size is left alone so the server can still use
    sendfile for it."""
    if not response.streaming:
        size = len(response.content)
        return lambda: size
    if response.has_header("Content-Length"):
        size = int(response["Content-Length"])
        return lambda: size
    if response.is_async:
        return lambda: None
    counted = 0

    def count(chunks):
        nonlocal counted
        for chunk in chunks:
            counted += len(chunk)
            yield chunk

    response.streaming_content = count(response.streaming_content)
    return lambda: counted


class RequestIdFilter(logging.Filter):
    """Put the current request's id on every record (None outside requests),
    whichever logger wrote it: Django's 500 tracebacks, our services, tasks
    run in the request."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, event,
    message, the request id and instance, the event's own fields, and the
    traceback when there is one."""

    def __init__(self, *args, instance="", **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.host = socket.gethostname()

    def format(self, record):
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "event": getattr(record, "event", "log"),
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            # gunicorn may fork its workers after logging is configured: the
            # pid is taken when the line is written.
            "instance": self.instance or f"{self.host}:{os.getpid()}",
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)
