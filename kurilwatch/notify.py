"""Notifications beyond e-mail through Apprise (ntfy, Telegram, Matrix, Slack, webhooks…).

The same delivery rule as mail: items are marked sent to a target only after its service
accepted the message; a refused or unreachable service leaves them pending for the next
run, and what was marked is never sent to that target again. Sent records are kept in the
mail's `sent` ledger under the key `notify:NAME` (an e-mail key always holds an '@', a
target's name never does).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kurilwatch import digest as digests
from kurilwatch.config import NotifyTarget
from kurilwatch.errors import ConfigError, KurilwatchError
from kurilwatch.store import Store


class NotifyError(KurilwatchError):
    """A notification service did not accept a message; what it covered stays pending."""


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    revisions: dict[int, int]  # what accepting it marks sent


def sent_key(target: NotifyTarget) -> str:
    return f"notify:{target.name}"


def messages(digest: digests.Digest, per: str) -> list[Message]:
    """One message for the digest, or one per story and per update (per = "story")."""
    if per == "digest":
        return [Message(digests.subject(digest), digests.render_text(digest), digest.revisions)]
    out = []
    covered: set[int] = set()
    for story in digest.stories:
        revisions = {n.item["id"]: n.item["revision"] for n in story.items}
        lines = digests.story_text(story)
        out.append(Message(story.title or "(no title)", "\n".join(lines[1:]), revisions))
        covered |= set(revisions)
    for update in digest.updates:
        item = update.item
        lines = digests.update_text(update)
        title = lines[0].removeprefix("* ")
        out.append(Message(title, "\n".join(lines[1:]), {item["id"]: item["revision"]}))
        covered.add(item["id"])
    # Republications and changes of wording are not news: marked with the last message.
    rest = {i: r for i, r in digest.revisions.items() if i not in covered}
    if out and rest:
        last = out[-1]
        out[-1] = Message(last.title, last.body, {**last.revisions, **rest})
    return out


def _apprise(target: NotifyTarget):
    try:
        import apprise
    except ImportError:
        raise ConfigError("[[notify]] needs Apprise: pip install 'kurilwatch[notify]'") from None
    service = apprise.Apprise()
    if not service.add(target.url):
        scheme = target.url.partition("://")[0]
        raise ConfigError(f"notify {target.name}: Apprise does not know URLs of {scheme}://")
    return apprise, service


def send(target: NotifyTarget, message: Message) -> None:
    """Hand one message to the target's service; returns only when it was accepted."""
    apprise, service = _apprise(target)
    with apprise.LogCapture(level=apprise.logging.WARNING, fmt="%(message)s") as log:
        accepted = service.notify(body=message.body, title=message.title)
    if not accepted:
        said = [line.strip() for line in log.getvalue().splitlines() if line.strip()]
        why = said[-1] if said else "no reason given"
        raise NotifyError(f"notify {target.name}: not accepted: {why}")


def notify_pending(
    store: Store, target: NotifyTarget, cap: int, now: datetime, always: bool = False
) -> int:
    """Send what this target has not had yet; returns the number of messages accepted.

    Stops at the first refusal (raising NotifyError), after marking what was accepted.
    """
    key = sent_key(target)
    digest = digests.pending(store, key, cap, now)
    if not digest.count and not always:
        return 0
    sent = 0
    for message in messages(digest, target.per) or [
        Message(digests.subject(digest), digests.render_text(digest), digest.revisions)
    ]:
        send(target, message)
        if message.revisions:
            digests.mark_sent(store, key, message.revisions, now)
        sent += 1
    return sent


def notify_all(
    store: Store, targets: tuple[NotifyTarget, ...], cap: int, now: datetime, always: bool
) -> tuple[int, list[str]]:
    """Each target in turn, one's failure never stopping another: (messages sent, problems)."""
    sent, problems = 0, []
    for target in targets:
        try:
            sent += notify_pending(store, target, cap, now, always)
        except NotifyError as exc:
            problems.append(exc.message)
    return sent, problems
