#!/usr/bin/env python
"""Restore drill: back up a scratch copy of the demo site, wipe it, restore it, and
check that nothing was lost.

    .venv/bin/python scripts/restore_drill.py            # SQLite, or PostgreSQL when
                                                         # DATABASE_URL names a server
    .venv/bin/python scripts/restore_drill.py --keep --scratch DIR
    .venv/bin/python scripts/restore_drill.py --compare-only DIR

Everything happens in a scratch directory (media, documents, partners' uploads,
backups, and the SQLite file) or, on PostgreSQL, in a scratch database created on
the server DATABASE_URL points at and dropped afterwards: the site's own database
and files are never touched. Each step is a `manage.py` process, as an operator
would run it: migrate, load_demo_content, three partner stories with photos and a
PDF posted through the real form, dbbackup + mediabackup, wipe, dbrestore +
mediarestore. A snapshot before and after (every row of every model, pages live
and draft, search results, the sha256 of every file) must be the same.

Exit status 0 and "restore drill passed", or 1 and what differs.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
SETTINGS = "config.settings.dev"
FILE_ROOTS = ("media", "documents", "story-uploads")
# Variables that would point the scratch site at real services or the real site.
NOT_PASSED_ON = (
    "SEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "REDIS_URL",
    "TASKS_BACKEND",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_TESTRUNUID",
    "CMS_TEST_RUN",
)
STORIES = 3


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scratch", type=Path, help="scratch directory (default: a new one)")
    parser.add_argument("--keep", action="store_true", help="leave the scratch site in place")
    parser.add_argument(
        "--compare-only",
        type=Path,
        metavar="DIR",
        help="compare the kept scratch site in DIR with its first snapshot again",
    )
    parser.add_argument(
        "--restore-over-changes",
        type=Path,
        metavar="DIR",
        help="change the kept scratch site in DIR, restore its database backup over it "
        "without wiping, and compare again",
    )
    parser.add_argument(
        "--from-database",
        metavar="NAME",
        help="start from a copy of this migrated database instead of running migrate: an "
        "SQLite file, or a database on the PostgreSQL server of DATABASE_URL (the tests' own)",
    )
    parser.add_argument("--snapshot", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--add-stories-then-snapshot", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.snapshot:
        from restore_drill_snapshot import write_snapshot

        write_snapshot(options.snapshot)
        return 0
    if options.add_stories_then_snapshot:
        from restore_drill_snapshot import post_stories, save_a_draft, write_snapshot

        post_stories(STORIES)
        save_a_draft()
        write_snapshot(options.add_stories_then_snapshot)
        return 0
    if options.compare_only:
        return compare_again(options.compare_only, keep=options.keep)
    if options.restore_over_changes:
        return restore_over_changes(options.restore_over_changes, keep=options.keep)
    return drill(options.scratch, keep=options.keep, from_database=options.from_database)


class Scratch:
    """The scratch site's directories, database and environment."""

    def __init__(self, directory, database_url, database_name=None):
        self.directory = Path(directory).resolve()
        self.database_url = database_url
        self.database_name = database_name

    @classmethod
    def create(cls, directory):
        directory = Path(directory or tempfile.mkdtemp(prefix="restore-drill-"))
        directory.mkdir(parents=True, exist_ok=True)
        server_url = os.environ.get("DATABASE_URL", "")
        if server_url.startswith(("postgres://", "postgresql://")):
            name = f"restore_drill_{secrets.token_hex(4)}"
            scratch = cls(directory, with_database(server_url, name), name)
            scratch.server_url = server_url
        else:
            scratch = cls(directory, f"sqlite:///{directory.resolve() / 'db.sqlite3'}")
        scratch.save()
        return scratch

    def create_database(self, copy_of=None):
        """An empty database, or a copy of the migrated database copy_of. False if
        copy_of could not be copied (PostgreSQL copies a database nobody is using)."""
        if self.database_name:
            import psycopg

            if copy_of:
                try:
                    run_sql(
                        self.server_url,
                        f'CREATE DATABASE "{self.database_name}" TEMPLATE "{copy_of}"',
                    )
                    return True
                except psycopg.errors.ObjectInUse as busy:
                    print(f"cannot copy {copy_of} ({busy}), migrating instead", flush=True)
            run_sql(self.server_url, f'CREATE DATABASE "{self.database_name}"')
            return not copy_of
        if copy_of:
            import sqlite3

            # SQLite's online backup: a consistent copy even of a database in use.
            with sqlite3.connect(copy_of) as source, sqlite3.connect(self.sqlite_path) as copy:
                source.backup(copy)
            copy.close()
            source.close()
        return True

    @property
    def sqlite_path(self):
        return self.directory / "db.sqlite3"

    @classmethod
    def load(cls, directory):
        saved = json.loads((Path(directory) / "drill.json").read_text())
        scratch = cls(directory, saved["database_url"], saved["database_name"])
        scratch.server_url = saved.get("server_url")
        return scratch

    def save(self):
        state = {
            "database_url": self.database_url,
            "database_name": self.database_name,
            "server_url": getattr(self, "server_url", None),
        }
        (self.directory / "drill.json").write_text(json.dumps(state))

    @property
    def engine(self):
        return "PostgreSQL" if self.database_name else "SQLite"

    def environment(self):
        env = {key: value for key, value in os.environ.items() if key not in NOT_PASSED_ON}
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.directory / "media"),
            DOCUMENTS_ROOT=str(self.directory / "documents"),
            STORY_UPLOADS_ROOT=str(self.directory / "story-uploads"),
            BACKUP_ROOT=str(self.directory / "backups"),
            ALLOWED_HOSTS="testserver,localhost,127.0.0.1",
            STORY_MIN_FILL_SECONDS="0",
            STORY_RATE_LIMIT="1000",
            # Wagtail updates the search index in tasks: run them at once, no worker.
            TASKS_BACKEND="immediate",
            PYTHONPATH=os.pathsep.join([str(PROJECT / "scripts"), str(PROJECT)]),
        )
        return env

    def run(self, *arguments):
        """A process of the scratch site; its output is shown only if it fails."""
        finished = subprocess.run(
            arguments,
            cwd=PROJECT,
            env=self.environment(),
            capture_output=True,
            text=True,
            check=False,
        )
        if finished.returncode:
            sys.stderr.write(finished.stdout + finished.stderr)
            raise SystemExit(
                f"restore drill failed: {' '.join(arguments[1:3])} exited with "
                f"status {finished.returncode}"
            )
        return finished.stdout

    def manage(self, *arguments):
        return self.run(sys.executable, str(PROJECT / "manage.py"), *arguments)

    def itself(self, *arguments):
        return self.run(sys.executable, str(Path(__file__).resolve()), *arguments)

    def wipe(self):
        for name in FILE_ROOTS:
            shutil.rmtree(self.directory / name, ignore_errors=True)
        if self.database_name:
            drop_database(self.server_url, self.database_name)
            self.create_database()
        else:
            for suffix in ("", "-wal", "-shm"):
                self.sqlite_path.with_name(self.sqlite_path.name + suffix).unlink(missing_ok=True)

    def remove(self):
        if self.database_name and getattr(self, "server_url", None):
            drop_database(self.server_url, self.database_name)
        shutil.rmtree(self.directory, ignore_errors=True)


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def run_sql(server_url, statement):
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(statement)


def drop_database(server_url, name):
    run_sql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Steps:
    def __init__(self):
        self.started = time.monotonic()

    def __call__(self, name, action):
        start = time.monotonic()
        result = action()
        print(f"{name:<28} {time.monotonic() - start:7.1f} s", flush=True)
        return result

    def total(self):
        print(f"{'total':<28} {time.monotonic() - self.started:7.1f} s", flush=True)


def drill(directory, keep, from_database=None):
    scratch = Scratch.create(directory)
    print(f"restore drill on {scratch.engine}, scratch site in {scratch.directory}", flush=True)
    step = Steps()
    before = scratch.directory / "before.json"
    after = scratch.directory / "after.json"
    passed = False
    try:
        copied = from_database and step(
            "copy migrated database", lambda: scratch.create_database(from_database)
        )
        if not copied:
            if not from_database:
                scratch.create_database()
            step("migrate", lambda: scratch.manage("migrate", "--noinput"))
        step("load_demo_content", lambda: scratch.manage("load_demo_content"))
        step(
            f"{STORIES} stories, a draft, snapshot",
            lambda: scratch.itself("--add-stories-then-snapshot", str(before)),
        )
        step("dbbackup", lambda: scratch.manage("dbbackup", "--noinput"))
        step("mediabackup", lambda: scratch.manage("mediabackup", "--noinput"))
        step("wipe", scratch.wipe)
        step("dbrestore", lambda: scratch.manage("dbrestore", "--noinput"))
        step("mediarestore", lambda: scratch.manage("mediarestore", "--noinput"))
        step("snapshot after", lambda: scratch.itself("--snapshot", str(after)))
        step.total()
        print_backup_sizes(scratch.directory / "backups")
        passed = report(before, after)
    finally:
        if not keep:
            scratch.remove()
    return 0 if passed else 1


def compare_again(directory, keep):
    scratch = Scratch.load(directory)
    after = scratch.directory / "after-again.json"
    try:
        Steps()("snapshot", lambda: scratch.itself("--snapshot", str(after)))
        passed = report(scratch.directory / "before.json", after)
    finally:
        if not keep:
            scratch.remove()
    return 0 if passed else 1


# What an editor and a partner might do after the last backup: the restore must undo it.
CHANGES = """
from wagtail.models import Page, Revision
Page.objects.filter(depth__gt=1).update(title="changed after the backup")
Revision.objects.all().delete()
"""


def restore_over_changes(directory, keep):
    """dbrestore onto the database as it is, as on a site that kept running: no wipe."""
    scratch = Scratch.load(directory)
    after = scratch.directory / "after-restore-over-changes.json"
    step = Steps()
    try:
        step("change pages, delete revisions", lambda: scratch.manage("shell", "-c", CHANGES))
        step("dbrestore over them", lambda: scratch.manage("dbrestore", "--noinput"))
        step("snapshot", lambda: scratch.itself("--snapshot", str(after)))
        passed = report(scratch.directory / "before.json", after)
    finally:
        if not keep:
            scratch.remove()
    return 0 if passed else 1


def print_backup_sizes(backups):
    for path in sorted(backups.iterdir()):
        if not path.name.endswith(".metadata"):
            print(f"backup {path.name}: {path.stat().st_size / 1024:.0f} KiB", flush=True)


def report(before_path, after_path):
    from restore_drill_snapshot import differences

    before = json.loads(before_path.read_text())
    after = json.loads(after_path.read_text())
    found = differences(before, after)
    summary = before["summary"]
    print(
        f"compared {summary['rows']} rows of {summary['models']} models, "
        f"{summary['pages']} pages ({summary['live_pages']} live, "
        f"{summary['draft_pages']} with drafts), "
        f"{summary['submissions']} submissions, {summary['searches']} searches, "
        f"{summary['files']} files ({summary['file_bytes'] / 1024:.0f} KiB)",
        flush=True,
    )
    if found:
        plural = "" if len(found) == 1 else "s"
        print(f"restore drill FAILED: {len(found)} difference{plural}", flush=True)
        for line in found:
            print(f"  {line}", flush=True)
        return False
    print("restore drill passed", flush=True)
    return True


if __name__ == "__main__":
    sys.exit(main())
