"""What `news` shows: the plain view since the last run (which moves its cursors), or a look."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kurilwatch.developments import (
    Republication,
    Story,
    Update,
    news_and_republications,
    update_of,
)

if TYPE_CHECKING:
    from kurilwatch.store import Store

# The cursors are item and revision IDs: unlike a time, they cannot skip an item stored in
# the same second as a run, whatever the clocks do. They never pass an item no run showed.
NEWS_CURSOR = "news.last_item_id"
NEWS_REVISIONS_CURSOR = "news.last_revision"  # where the revisions stored had got to
FIRST_RUN = timedelta(days=7)  # what the first plain run shows


@dataclass
class News:
    stories: list[Story] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    republications: list[Republication] = field(default_factory=list)
    hint: str | None = None  # what was left out by the limit, and how to see it

    @property
    def empty(self) -> bool:
        return not (self.stories or self.updates or self.republications)


def _items(count: int, kind: str) -> str:
    return f"{count} {kind} item" if count == 1 else f"{count} {kind} items"


def since_last(store: Store, limit: int, now: datetime) -> News:
    """What arrived since the previous plain run, and updates of what it showed; moves on.

    With more than `limit` new items, the oldest come first and the next run shows the rest.
    """
    last_stored = store.last_item_id()
    last_revision = store.last_revision_seq()
    stored = store.get_state(NEWS_CURSOR)
    previous = int(stored) if stored is not None else None
    revisions_seen = store.get_state(NEWS_REVISIONS_CURSOR)
    updates = []
    left, hint = 0, ""
    if previous is not None:
        # The oldest unseen first: what the limit leaves out, the next run shows.
        batch = store.items_after(previous, limit)
        items = sorted(batch, key=lambda i: (i["sort_time"], i["id"]), reverse=True)
        cursor = max((item["id"] for item in batch), default=previous)
        left = store.count_items(after_id=cursor) if len(batch) == limit else 0
        hint = f"{_items(left, 'more new')}: run `kurilwatch news` again to see them."
        if revisions_seen is not None:
            for item_id, shown in store.revised_after(int(revisions_seen), previous):
                item = store.get_item(item_id)
                if item is None or item.get("unmatched_since"):
                    continue  # gone, or flagged: no longer Kuril news
                if update := update_of(store, item, shown):
                    updates.append(update)
    else:
        items, left, hint = _window(store, now - FIRST_RUN, limit)
        cursor = last_stored  # the first plain run: the week is what there was
    stories, republications = news_and_republications(store, items)
    with store.transaction():
        store.set_state(NEWS_CURSOR, str(cursor))
        store.set_state(NEWS_REVISIONS_CURSOR, str(last_revision))
    return News(stories, updates, republications, hint if left else None)


def look(store: Store, since: datetime, limit: int) -> News:
    """The items of a window as they are now; consumes nothing."""
    items, left, hint = _window(store, since, limit)
    stories, republications = news_and_republications(store, items)
    return News(stories, [], republications, hint if left else None)


def _window(store: Store, since: datetime, limit: int) -> tuple[list[dict], int, str]:
    items = store.list_items(since=since, limit=limit)
    left = max(0, store.count_items(since=since) - limit) if len(items) == limit else 0
    return items, left, f"{_items(left, 'earlier')} not shown: raise --limit to see them."
