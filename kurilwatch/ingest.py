"""Storing matched entries: upsert the feed's copy, index what is shown, group stories.

The one path by which an entry becomes a stored item, for a fetch (`update.apply`) and for
`refilter`. Call it inside the caller's transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kurilwatch.models import Matched
    from kurilwatch.store import Store, UpsertResult

log = logging.getLogger(__name__)


def store_entries(
    store: Store,
    feed: str,
    entries: Iterable[Matched],
    first_seen: str | None = None,
    dated_by_entry: bool = True,
    on_upsert: Callable[[Matched, UpsertResult], None] | None = None,
) -> list[UpsertResult]:
    """Upsert each entry; index the sentences of what each item now shows; assign stories.

    `first_seen`: when the entries were first seen, if before now (refilter's kept ones);
    without `dated_by_entry` the sentences are dated by the stored item, not the entry;
    `on_upsert` is called with each entry as soon as it is stored (before its sentences).
    """
    from kurilwatch.developments import assign_stories, index_item, lead_story_words

    results = []
    to_group: list[tuple[int, frozenset[str] | None]] = []
    for matched in entries:
        entry = matched.entry
        result = store.upsert_entry(feed, entry, matched.terms, matched.lang, first_seen)
        results.append(result)
        if on_upsert is not None:
            on_upsert(matched, result)
        if not result.shown_changed:
            continue
        title, text = store.shown_copy(result.item_id)
        # The sentences the worker prepared are this entry's: another feed's copy may be
        # the one shown.
        same = (title, text) == (entry.title, entry.text)
        prepared = matched.sentences if same else None
        published = entry.published if dated_by_entry else None
        sentences = index_item(
            store, result.item_id, text or title, matched.lang, prepared, published
        )
        new = sum(sentence.is_new for sentence in sentences)
        log.debug(
            "item %d (%s, %s): %d new sentences, %d background",
            result.item_id,
            result.status.value,
            feed,
            new,
            len(sentences) - new,
        )
        words = None
        if prepared is not None and matched.story_words is not None:
            words = lead_story_words(
                store,
                result.item_id,
                matched.story_words,
                sentences,
                prepared,
                matched.lang,
                entry.published,
            )
        to_group.append((result.item_id, words))
    # After the loop: the feed's items then read the story window once, not each.
    for (item_id, _), story in zip(to_group, assign_stories(store, to_group), strict=True):
        if story == item_id:
            log.debug("item %d starts a story", item_id)
        else:
            log.debug("item %d joins the story of item %d", item_id, story)
    return results
