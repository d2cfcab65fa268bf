"""What the digest sent to whom, and at which revision (the `sent` table)."""

from __future__ import annotations

from datetime import datetime

from kurilwatch.storage.base import StorePart
from kurilwatch.storage.shared import SHOWN, iso

# Items sent at an earlier revision than their current one: read off the index of the few
# revised items, not the whole `sent` table.
UPDATES_SQL = f"""SELECT items.id, sent.revision FROM items INDEXED BY idx_items_revised
    JOIN sent ON sent.recipients = ? AND sent.item_id = items.id
    WHERE items.revision > 1 AND items.revision > coalesce(sent.revision, items.revision)
    AND {SHOWN} ORDER BY items.id"""


class SentPart(StorePart):
    def unsent(self, recipients: str, limit: int) -> tuple[list[int], int]:
        """The newest `limit` items not yet sent to these recipients, and how many there are."""
        sql = (
            f"FROM items WHERE {SHOWN} AND "
            "id NOT IN (SELECT item_id FROM sent WHERE recipients = ?)"
        )
        total = self.conn.execute(f"SELECT count(*) {sql}", [recipients]).fetchone()[0]
        ids = [
            row[0]
            for row in self.conn.execute(
                f"SELECT id {sql} ORDER BY sort_time DESC, id DESC LIMIT ?", [recipients, limit]
            )
        ]
        return ids, total

    def sent_updates(self, recipients: str) -> list[tuple[int, int]]:
        """(item, the revision sent) of items sent to these recipients and revised since.

        A row sent before revisions were recorded has none, and is not one of these.
        """
        return self.conn.execute(UPDATES_SQL, [recipients]).fetchall()

    def mark_sent(self, recipients: str, revisions: dict[int, int], at: datetime) -> None:
        """Remember, in one transaction, that these items were sent at these revisions."""
        with self.transaction():
            self.conn.executemany(
                "INSERT INTO sent (recipients, item_id, sent_at, revision) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (recipients, item_id) DO UPDATE SET "
                "sent_at = excluded.sent_at, revision = excluded.revision",
                [(recipients, item_id, iso(at), rev) for item_id, rev in revisions.items()],
            )
