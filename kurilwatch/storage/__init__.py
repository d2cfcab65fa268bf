"""The store's parts, one per domain, mixed into `kurilwatch.store.Store`.

Only the store runs SQL and knows table names: `errors` (sqlite errors to the project's
own), `sentences` (the sentence index and stories), `sent` (what the digest sent),
`scans` (whole-table reads: refilter, the benchmark's bulk rows).
"""
