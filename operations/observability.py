"""Errors reach people: Sentry when SENTRY_DSN is set, and log lines a collector can read.

Settings import this module, so it imports nothing from Django's app registry.
"""

import datetime
import json
import logging
import logging.config
import os

# Request parts that carry what partners type (stories, names, phone numbers) or
# who they are; none of it helps to fix a bug.
PRIVATE_REQUEST_KEYS = ("cookies", "data", "query_string", "env")
PRIVATE_HEADERS = frozenset({"cookie", "authorization", "x-csrftoken", "proxy-authorization"})

PRIVATE_DATA_COLLECTION = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "http_headers": {
        "request": {
            "mode": "allowlist",
            "terms": ["host", "user-agent", "accept-language", "content-type", "content-length"],
        }
    },
    # Local variables of a failing view hold its form: names, phone numbers, stories.
    "stack_frame_variables": False,
    "database_query_data": False,
}


def drop_private_request_data(event, hint=None):
    """Sentry's before_send: the error and where it happened leave, personal data do not."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in PRIVATE_REQUEST_KEYS:
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value
                for name, value in headers.items()
                if name.lower() not in PRIVATE_HEADERS
            }
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    event.pop("user", None)
    return event


def init_sentry(environ=os.environ):
    """Start reporting to Sentry if SENTRY_DSN is set; True if it was."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[
            DjangoIntegration(),
            # Warnings and below become breadcrumbs of the next error, not events.
            LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
        ],
        environment=environ.get("SENTRY_ENVIRONMENT", "production").strip() or "production",
        release=environ.get("SENTRY_RELEASE", "").strip() or None,
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        # sentry-sdk 3 replaced send_default_pii with per-category data collection;
        # here everything that may hold what a partner typed or who they are is off.
        data_collection=PRIVATE_DATA_COLLECTION,
        max_request_body_size="never",
        before_send=drop_private_request_data,
    )
    return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any exception text."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status_code"] = status
        # ensure_ascii=False keeps Thai readable; newlines inside are escaped either way.
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(config):
    """LOGGING_CONFIG: Django's dictConfig, and Python warnings through logging too,
    so that with LOG_FORMAT=json not even a warning breaks the one-object-per-line rule."""
    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def logging_config(log_format, log_level, email_errors):
    """LOGGING for every environment: console (plain or JSON lines) and error emails.

    email_errors: mail ADMINS about server errors. With Sentry on, Sentry groups
    repeats of one error where email would send one message per failed request.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
        "formatters": {"json": {"()": JsonLinesFormatter}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                **({"formatter": "json"} if log_format == "json" else {}),
            },
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["console"], "level": log_level},
        "loggers": {
            # django.request and django.security errors: a 500 or a refused request.
            "django": {
                "handlers": ["mail_admins"] if email_errors else [],
                # Records passed up to the root skip its level: set it here too.
                "level": log_level,
                "propagate": True,
            },
            # Python warnings (configure_logging routes them here) in the same format
            # as everything else, rather than Django's development-only console.
            "py.warnings": {"handlers": [], "propagate": True},
        },
    }
