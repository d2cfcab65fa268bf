"""`refilter`: the current rules over everything held, and what that changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from kurilwatch.storage.shared import iso

if TYPE_CHECKING:
    from kurilwatch.config import Config
    from kurilwatch.match import MatchResult
    from kurilwatch.models import Entry
    from kurilwatch.store import Store


@dataclass
class RefilterPlan:
    add: list[tuple[str, str, Entry]] = field(default_factory=list)  # (key, feed, entry)
    add_seen: dict[str, str] = field(default_factory=dict)  # key -> first seen
    add_terms: dict[str, MatchResult] = field(default_factory=dict)
    drop: list[dict] = field(default_factory=list)  # stored items that no longer match
    flagged: list[dict] = field(default_factory=list)  # flagged before, still not matching
    restore: list[int] = field(default_factory=list)  # flagged items that match again

    @property
    def prune(self) -> list[dict]:
        """What --prune deletes: every item that does not match, flagged before or now."""
        return sorted(self.drop + self.flagged, key=lambda item: item["id"])


def plan(store: Store, match_for: Callable[[str], Callable]) -> RefilterPlan:
    """What the current rules would change: items to add, items to flag, flags to clear."""
    plan = RefilterPlan()
    for row in store.items_to_refilter():
        item_id, feed, title, text, flagged = row
        relevant = match_for(feed)(f"{title}\n{text}").relevant
        if not relevant:
            (plan.flagged if flagged else plan.drop).append(
                {"id": item_id, "feed": feed, "title": title}
            )
        elif flagged:
            plan.restore.append(item_id)
    for key, feed, entry, first_seen in store.unmatched_entries():
        result = match_for(feed)(f"{entry.title}\n{entry.text}")
        if result.relevant:
            plan.add.append((key, feed, entry))
            plan.add_seen[key] = first_seen
            plan.add_terms[key] = result
    return plan


def apply(store: Store, config: Config, plan: RefilterPlan, *, prune: bool, at: datetime) -> None:
    """Make the plan so in one transaction: add what matches now, flag or delete the rest.

    Entries are added by the same path a fetch stores them, with their original dates.
    """
    from kurilwatch.developments import detect_lang
    from kurilwatch.ingest import store_entries
    from kurilwatch.models import Matched

    with store.transaction():
        for key, feed_name, entry in plan.add:
            result = plan.add_terms[key]
            feed = config.feed(feed_name)
            lang = (feed.lang if feed else None) or detect_lang(f"{entry.title}\n{entry.text}")
            matched = Matched(entry, result.matched_terms, lang)
            store_entries(
                store, feed_name, [matched], first_seen=plan.add_seen[key], dated_by_entry=False
            )
            store.delete_unmatched(key)
        store.flag_unmatched(plan.restore, None)
        if prune:
            for item in plan.prune:  # what was listed, nothing else
                store.delete_item(item["id"])
        else:
            store.flag_unmatched([item["id"] for item in plan.drop], iso(at))
