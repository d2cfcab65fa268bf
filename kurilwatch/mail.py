"""Sending a digest (SMTP or a sendmail command), and the lock that keeps two runs from both
sending."""

from __future__ import annotations

import contextlib
import json
import os
import smtplib
import socket
import sqlite3
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from kurilwatch.config import EmailConfig
from kurilwatch.errors import KurilwatchError
from kurilwatch.locks import held, lock_path

if TYPE_CHECKING:
    from kurilwatch.store import Store


class DeliveryError(KurilwatchError):
    """The server (or the sendmail command) did not accept the message; nothing was marked."""


@dataclass(frozen=True)
class Receipt:
    """What the mail system said while accepting a message, line by line, for the user."""

    via: str  # "127.0.0.1:2525" or the sendmail command
    said: list[str]  # "MAIL: 250 OK"…, or the sendmail command's output


def deliver(
    message: EmailMessage,
    config: EmailConfig,
    password: str | None,
    on_accepted: Callable[[], None] | None = None,
) -> Receipt:
    """Hand the message over (SMTP, or a sendmail command); returns only once it was
    accepted (`on_accepted` is called then), with what was said."""
    if config.transport == "sendmail":
        receipt = _sendmail(message, config)
        if on_accepted is not None:
            on_accepted()
        return receipt
    return _smtp(message, config, password, on_accepted)


def trial_message(sender: str, to: list[str], now: datetime) -> EmailMessage:
    """A short message that says what it is, with the digest's headers."""
    from email.utils import format_datetime, make_msgid

    from kurilwatch.config import address_spec

    message = EmailMessage()
    message["Subject"] = "kurilwatch: test message"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid("kurilwatch", domain=address_spec(sender).rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        "This is a test message from kurilwatch test-email: the [email] settings work.\n"
        "Digests will come from this sender to these recipients.\n",
        charset="utf-8",
    )
    return message


_VERBS = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT"}


class _Transcript:
    """Records every reply of an smtplib connection, with the command it answered."""

    last_command = "connect"

    def putcmd(self, cmd: str, args: str = "") -> None:
        # Anything but a verb is an AUTH continuation: credentials, never recorded.
        verb = cmd.upper()
        self.last_command = verb if verb in _VERBS else "AUTH"
        super().putcmd(cmd, args)  # type: ignore[misc]

    def getreply(self) -> tuple[int, bytes]:
        code, text = super().getreply()  # type: ignore[misc]
        self.__dict__.setdefault("said", []).append(f"{self.last_command}: {code} {_text(text)}")
        return code, text


class _SMTP(_Transcript, smtplib.SMTP):
    pass


class _SMTPS(_Transcript, smtplib.SMTP_SSL):
    pass


def _smtp(
    message: EmailMessage,
    config: EmailConfig,
    password: str | None,
    on_accepted: Callable[[], None] | None,
) -> Receipt:
    """`config.timeout` bounds the whole conversation, not each read: a server that sends a
    byte a second is cut off like one that sends nothing. Once the server has accepted the
    message, nothing it does next (a failing or hanging QUIT) makes the delivery fail.
    """
    where = f"{config.smtp_host}:{config.port}"
    smtp: smtplib.SMTP = (
        _SMTPS(timeout=config.timeout, context=ssl.create_default_context())
        if config.security == "ssl"
        else _SMTP(timeout=config.timeout)
    )
    accepted = False
    with _cut_off_after(config.timeout, smtp) as expired:
        try:
            smtp.connect(config.smtp_host, config.port)
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
            accepted = True
            said = list(smtp.__dict__.get("said", []))
            if on_accepted is not None:
                on_accepted()
        except DeliveryError:
            raise
        except (smtplib.SMTPException, OSError) as exc:
            if expired.is_set():
                raise DeliveryError(f"{where} did not answer within {config.timeout:g}s") from None
            raise DeliveryError(_describe(exc, where, config)) from None
        finally:
            _hang_up(smtp, polite=accepted)
    return Receipt(where, said)


def _sendmail(message: EmailMessage, config: EmailConfig) -> Receipt:
    """Pipe the message to a sendmail-compatible command (msmtp, Postfix, exim, nullmailer).

    `-i`: a line holding one dot does not end the message; `-f`: the envelope sender;
    the recipients are given after `--`, so none can be read as an option.
    """
    import shlex
    import subprocess

    from kurilwatch.config import address_spec

    command = shlex.split(config.sendmail)
    recipients = [address_spec(a.strip()) for a in str(message["To"]).split(",")]
    argv = [*command, "-i", "-f", address_spec(str(message["From"])), "--", *recipients]
    where = command[0]
    try:
        done = subprocess.run(
            argv, input=message.as_bytes(), capture_output=True, timeout=config.timeout
        )
    except FileNotFoundError:
        raise DeliveryError(f"cannot run {where}: no such command (email.sendmail)") from None
    except PermissionError:
        raise DeliveryError(f"cannot run {where}: permission denied (email.sendmail)") from None
    except subprocess.TimeoutExpired:
        raise DeliveryError(f"{where} did not finish within {config.timeout:g}s") from None
    output = [
        line.strip()
        for line in (done.stdout + done.stderr).decode("utf-8", "replace").splitlines()
        if line.strip()
    ]
    if done.returncode != 0:
        why = output[-1] if output else "no message"
        raise DeliveryError(f"{where} exited with status {done.returncode}: {why}")
    return Receipt(where, output or [f"exit status 0 ({where} printed nothing)"])


@contextmanager
def _cut_off_after(seconds: float, smtp: smtplib.SMTP) -> Iterator[threading.Event]:
    """Close the connection once `seconds` have passed, whatever is being read then."""
    expired = threading.Event()

    def cut_off() -> None:
        expired.set()
        sock = smtp.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once

    timer = threading.Timer(seconds, cut_off)
    timer.daemon = True
    timer.start()
    try:
        yield expired
    finally:
        timer.cancel()


def _hang_up(smtp: smtplib.SMTP, polite: bool) -> None:
    """QUIT when the message went through (its answer does not matter), then close."""
    if polite and smtp.sock is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.quit()
    smtp.close()


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
    path = lock_path(db_path, "digest")
    with held(path, wait) as got:
        if not got:
            raise KurilwatchError(f"another kurilwatch digest has held {path} for {wait:g}s")
        yield


class SendJournal:
    """A file beside the database recording the digest being sent, and whether it went.

    Written before the message is handed over, and flipped in place (one byte, no new disk
    space) the moment the server accepts it: a digest the server accepted is marked sent,
    by this run or the next, even when the database is full or busy just then.
    """

    PENDING, ACCEPTED = b"P", b"A"

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".sending")

    def begin(self, key: str, revisions: dict[int, int]) -> None:
        """Record the digest about to be sent (its recipients, each item's revision); nothing
        is sent when this cannot be written."""
        record = json.dumps({"recipients": key, "items": revisions}).encode()
        try:
            with open(self.path, "wb") as handle:
                handle.write(self.PENDING + b"\n" + record)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            self.clear()
            raise KurilwatchError(
                f"cannot write {self.path} ({exc.strerror or exc}): the digest was not sent"
            ) from None

    def accepted(self) -> None:
        """Flip the record to accepted: one byte overwritten in place, no new disk space."""
        # Should even that fail, the items are still marked below when the database can
        # be written; only if both fail does the next run send them again.
        with contextlib.suppress(OSError), open(self.path, "r+b") as handle:
            handle.write(self.ACCEPTED)
            handle.flush()
            os.fsync(handle.fileno())

    def accepted_digest(self) -> tuple[str, dict[int, int]] | None:
        """(recipients key, {item ID: revision}) of an accepted digest not marked yet.

        A digest still pending was being sent when a run died: whether the server took it
        is unknown, so it is forgotten and sent again (a duplicate beats a loss).
        """
        try:
            data = self.path.read_bytes()
        except OSError:  # none, or none that can be read (then `begin` says why)
            return None
        if data[:1] != self.ACCEPTED:
            self.clear()
            return None
        try:
            record = json.loads(data[2:])
            items = {int(i): int(revision) for i, revision in record["items"].items()}
            return str(record["recipients"]), items
        except (ValueError, KeyError, TypeError, AttributeError):
            self.clear()
            return None

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def mark_accepted(store: Store, journal: SendJournal, at: datetime) -> str | None:
    """Mark the journal's accepted digest sent; None when done, else why it must wait."""
    from kurilwatch.digest import mark_sent

    entry = journal.accepted_digest()
    if entry is None:
        return None
    key, revisions = entry
    try:
        mark_sent(store, key, revisions, at)
    except sqlite3.OperationalError as exc:
        return str(exc)
    journal.clear()
    return None
