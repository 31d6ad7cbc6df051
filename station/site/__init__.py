"""Warehouse mode: several benches of one site share claims, an outbox and the SP-API quota in
one PostgreSQL database.

Nothing here changes a one-bench shop: without ``journal_url`` the station never imports this
package's database code, and its SQLite journal is the whole story. With it, each bench keeps its
SQLite journal as its own record (and as the place where it holds confirmations while the site
database is away) and the site database holds what the benches must agree on:

- ``claims``: which bench packs which PO, with a lease renewed by a heartbeat;
- ``site_outbox``: every bench's confirmations, sent exactly once by whichever station is running;
- ``quota_buckets``: one token bucket per SP-API rate limit for the whole site;
- ``site_events``: the site's history (claims, releases, hand-overs, deliveries) for the live view.

The module ``station.site.schema`` explains why the schema uses plain drivers with a numbered
migration list (the journal's own format) rather than SQLAlchemy and Alembic.
"""
