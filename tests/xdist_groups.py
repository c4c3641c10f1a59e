"""Keep each xdist group in one test process under pytest 9.2 (--dist loadgroup).

pytest-xdist tells its scheduler a test's group by appending "@<group>" to the
test's node id. Since pytest 9.2 the node id is made from a structured id that
xdist does not change, so the groups silently fall apart
(pytest-dev/pytest-xdist#1386) and every process would serve its own demo site.
tests/conftest.py calls this after xdist's own hook:
it appends the suffix where pytest 9.2 reads it, and does nothing where xdist's
suffix took, or without --dist loadgroup.
"""


def keep_xdist_groups(config, items):
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        groups = sorted(
            {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
        )
        if groups and "@" not in item.nodeid and hasattr(item, "_id"):
            # pytest's structured id: no public way to change a node id.
            item._id = type(item._id).parse(f"{item.nodeid}@{'_'.join(groups)}")  # noqa: SLF001
