"""Migration from the Faust GlobalTable changelogs the duplicate state used to live in.

Before the state layer, duplicate state was two Faust ``GlobalTable``s whose
compacted changelogs never expire: ``<app_id>-content-hashes-changelog`` and
``<app_id>-near-duplicates-changelog``. The worker no longer reads or writes
them. Nothing is imported from them: their entries carry no event time (so no
expiry could be computed) and the near-duplicate one holds 32-bit-hex
signatures under a banding the new index does not use. The only cost of
starting empty is one horizon in which copies of articles processed before the
upgrade are not linked to them, and replays of those articles may answer anew.

At start the worker calls ``check_legacy`` and logs, once, which of these topics
still exist and how to delete them. Delete them with

    python -m streams.state.migrate --delete

after every worker of the group runs this version (a worker of the previous
version still needs them). Without ``--delete`` the command only lists them.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from dataclasses import dataclass, field

from aiokafka.admin import AIOKafkaAdminClient

from ..config import Settings
from ..kafka_client import aiokafka_kwargs

log = logging.getLogger(__name__)

LEGACY_TABLES = ("content-hashes", "near-duplicates")
COMMAND = "python -m streams.state.migrate --delete"


def legacy_topics(app_id: str) -> list[str]:
    return [f"{app_id}-{table}-changelog" for table in LEGACY_TABLES]


@dataclass
class Migration:
    found: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def describe(self) -> str:
        if not self.found:
            return "no legacy duplicate-table changelog topics"
        if self.deleted:
            return "deleted legacy duplicate-table changelog topics: " + ", ".join(self.deleted)
        return ("legacy duplicate-table changelog topics no longer used by this version: " + ", ".join(self.found)
                + f"; once every worker runs this version, delete them with `{COMMAND}`")


async def migrate(settings: Settings, *, delete: bool = False, timeout_s: float = 30.0) -> Migration:
    """Find the legacy changelog topics of this app id, and delete them if asked."""
    admin = AIOKafkaAdminClient(**aiokafka_kwargs(settings), request_timeout_ms=int(timeout_s * 1000))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        result = Migration(found=[t for t in legacy_topics(settings.app_id) if t in existing])
        if delete and result.found:
            await admin.delete_topics(result.found, timeout_ms=int(timeout_s * 1000))
            deadline = asyncio.get_running_loop().time() + timeout_s
            while set(result.found) & set(await admin.list_topics()):
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(f"topics still listed after deletion: {result.found}")
                await asyncio.sleep(0.5)
            result.deleted = list(result.found)
        return result
    finally:
        await admin.close()


async def check_legacy(settings: Settings) -> Migration:
    """The start-up step: log what is left of the legacy state and how to remove it (never fails the start)."""
    try:
        result = await migrate(settings, delete=False)
    except Exception as exc:  # noqa: BLE001 - a check, not a dependency of the worker
        log.warning("could not check for legacy duplicate-table topics: %r", exc)
        return Migration()
    if result.found:
        log.warning(result.describe())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m streams.state.migrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--delete", action="store_true", help="delete the legacy topics (after every worker runs this version)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    result = asyncio.run(migrate(Settings(), delete=args.delete))
    print(result.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
