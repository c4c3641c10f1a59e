"""The restore drill (scripts/restore_drill.py) on the database of this test run:
SQLite, or PostgreSQL when DATABASE_URL names a server. The demo site with
partner stories is backed up with `manage.py dbbackup` and `mediabackup`, wiped,
restored with `dbrestore` and `mediarestore`, and must come back the same: every
row, pages live and draft, search results, and every file byte for byte.

The scratch site starts from a copy of this run's migrated database, which saves
the minute `migrate` takes; the drill run by hand migrates from nothing.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, connections

PROJECT = Path(__file__).resolve().parent.parent
DRILL = PROJECT / "scripts" / "restore_drill.py"


def run_drill(*arguments):
    finished = subprocess.run(
        [sys.executable, str(DRILL), *arguments],
        cwd=PROJECT,
        env=drill_environment(),
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    return finished.returncode, finished.stdout + finished.stderr


def drill_environment():
    env = dict(os.environ)
    if connection.vendor == "postgresql":
        assert env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    else:
        env.pop("DATABASE_URL", None)
    return env


def migrated_database():
    """This run's test database, closed so that it can be copied (PostgreSQL copies
    a database only while nobody is connected to it)."""
    name = connection.settings_dict["NAME"]
    connections.close_all()
    return str(name)


def scratch_site(site):
    """The drill's kept scratch site, to run manage.py in."""
    spec = importlib.util.spec_from_file_location("restore_drill", DRILL)
    drill = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(drill)
    return drill.Scratch.load(site)


def backup_files(site):
    return sorted(p.name for p in (site / "backups").iterdir() if not p.name.endswith(".metadata"))


def story_upload(site):
    uploads = sorted(path for path in (site / "story-uploads").rglob("*.pdf") if path.is_file())
    assert uploads, "the drill's partner stories left no PDF to check"
    return uploads[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wiped_site_comes_back_whole_from_its_backups(tmp_path, monkeypatch):
    site = tmp_path / "site"
    status, output = run_drill(
        "--scratch", str(site), "--keep", "--from-database", migrated_database()
    )
    print(output)  # the steps' times and the backups' sizes, shown with -s
    try:
        assert status == 0, output
        assert "restore drill passed" in output
        for step in ("load_demo_content", "dbbackup", "mediabackup", "dbrestore", "mediarestore"):
            assert step in output, f"no {step} step in:\n{output}"
        backups = [line for line in output.splitlines() if line.startswith("backup ")]
        assert len(backups) == 2, output
        assert "3 submissions" in output and "with drafts" in output

        # Restored over a site that kept changing, without wiping it first.
        status, output = run_drill("--restore-over-changes", str(site), "--keep")
        print(output)
        assert status == 0, output
        assert "restore drill passed" in output

        # The daily run with --clean keeps the newest BACKUP_KEEP of each kind.
        first = backup_files(site)
        monkeypatch.setenv("BACKUP_KEEP", "1")
        scratch = scratch_site(site)
        scratch.manage("dbbackup", "--clean")
        scratch.manage("mediabackup", "--clean")
        kept = backup_files(site)
        assert len(kept) == 2 and not set(kept) & set(first), (first, kept)

        # The same comparison must notice one changed byte in one partner's PDF.
        pdf = story_upload(site)
        data = bytearray(pdf.read_bytes())
        data[-2] ^= 0xFF
        pdf.write_bytes(bytes(data))
        status, output = run_drill("--compare-only", str(site))
        assert status == 1, output
        relative = pdf.relative_to(site).as_posix()
        assert f"file changed: {relative}" in output, output
        assert "restore drill FAILED: 1 difference\n" in output
    finally:
        if site.exists():
            # --compare-only removes the scratch site and database; a failure before
            # it still must not leave a database on the server.
            run_drill("--compare-only", str(site))
