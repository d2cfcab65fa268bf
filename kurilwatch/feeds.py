"""The configured feeds as a user sees them: which rules apply to each, and their health."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kurilwatch.config import Config
    from kurilwatch.match import MatchResult
    from kurilwatch.store import Store


def matcher_for(config: Config) -> Callable[[str], Callable[[str], MatchResult]]:
    """feed name -> its match function, with the global and the feed's own rules."""
    from kurilwatch.config import feed_rules
    from kurilwatch.match import MatchResult, get_matcher

    def for_feed(feed_name: str) -> Callable[[str], MatchResult]:
        feed = config.feed(feed_name)
        if feed is not None and feed.keep_all:
            return lambda text: MatchResult(True, reason="the feed keeps every entry ('*')")
        include, exclude = feed_rules(config, feed) if feed else (config.include, config.exclude)
        return get_matcher(include, exclude).match

    return for_feed


def feed_rows(config: Config, store: Store) -> list[dict]:
    """Each configured feed with its last attempt, success, status, error and items stored."""
    states = store.feed_states()
    counts = store.items_per_feed()
    lead_only = store.lead_only_per_feed()
    rows = []
    for feed in config.feeds:
        state = states.get(feed.name, {})
        rows.append(
            {
                "name": feed.name,
                "url": feed.url,
                "lang": feed.lang,
                "enabled": feed.enabled,
                "last_attempt": state.get("last_attempt"),
                "last_success": state.get("last_success"),
                "last_status": state.get("last_status"),
                "last_http_status": state.get("last_http_status"),
                "last_error": state.get("last_error"),
                "consecutive_failures": state.get("consecutive_failures") or 0,
                "failing_since": state.get("failing_since"),
                "items": counts.get(feed.name, 0),
                # Items whose article page is wanted but not read: they have the lead only.
                "lead_only": lead_only.get(feed.name, 0),
            }
        )
    return rows
