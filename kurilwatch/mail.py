"""Sending a digest with smtplib, and the lock that keeps two cron runs from both sending."""

from __future__ import annotations

import os
import smtplib
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

from kurilwatch.config import EmailConfig
from kurilwatch.errors import KurilwatchError


class DeliveryError(KurilwatchError):
    """The SMTP server did not accept the digest; nothing was marked sent."""


def deliver(message: EmailMessage, config: EmailConfig, password: str | None) -> None:
    """Hand the message to the SMTP server; returns only when the server accepted it."""
    where = f"{config.smtp_host}:{config.port}"
    try:
        if config.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                config.smtp_host,
                config.port,
                timeout=config.timeout,
                context=ssl.create_default_context(),
            )
        else:
            smtp = smtplib.SMTP(config.smtp_host, config.port, timeout=config.timeout)
        with smtp:
            if config.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if config.username:
                smtp.ehlo_or_helo_if_needed()
                if not smtp.has_extn("auth"):
                    raise DeliveryError(_no_auth(where, config))
                smtp.login(config.username, password or "")
            refused = smtp.send_message(message)
        if refused:
            # Some recipients got it, some did not: mark nothing; a duplicate beats a loss.
            first, (code, reason) = next(iter(refused.items()))
            raise DeliveryError(f"{where} refused recipient {first}: {code} {_text(reason)}")
    except DeliveryError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(_describe(exc, where, config)) from None


def _describe(exc: BaseException, where: str, config: EmailConfig) -> str:
    """One line for the user (and for cron's mail) about why delivery failed."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"{where} rejected the login: {exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        first, (code, reason) = next(iter(exc.recipients.items()))
        return f"{where} refused recipient {first}: {code} {_text(reason)}"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{where} answered {exc.smtp_code} {_text(exc.smtp_error)}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"{where}: {exc} (set email.security to match the server)"
    if isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" in str(exc):
        return f"{where} did not answer within {config.timeout:g}s"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"{where} closed the connection: {exc or 'no reason given'}"
    if isinstance(exc, ConnectionRefusedError):
        return f"cannot connect to {where}: connection refused"
    if isinstance(exc, TimeoutError):
        return f"{where} did not answer within {config.timeout:g}s"
    if isinstance(exc, ssl.SSLError):
        return f"TLS with {where} failed: {exc.reason or exc}"
    if isinstance(exc, OSError):
        return f"cannot connect to {where}: {exc.strerror or exc}"
    return f"{where}: {exc}"


def _no_auth(where: str, config: EmailConfig) -> str:
    """email.username is set, but the server offers no AUTH to log in with."""
    if config.security == "none":
        return (
            f"{where} offers no AUTH on an unencrypted connection, so it takes no login: remove "
            "email.username, or set email.security to starttls or ssl if it offers AUTH over TLS"
        )
    return f"{where} offers no AUTH, so it takes no login: remove email.username"


def _text(value: bytes | str) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())


@contextmanager
def sending_lock(db_path: Path, wait: float = 120.0) -> Iterator[None]:
    """One digest at a time per database: a second run waits, then sees what was marked."""
    import fcntl

    lock_path = db_path.with_name(db_path.name + ".digest.lock")
    with open(lock_path, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise KurilwatchError(
                        f"another kurilwatch digest has held {lock_path} for {wait:g}s"
                    ) from None
                time.sleep(0.2)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
