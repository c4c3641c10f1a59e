"""The database going away halfway through a command: the one failure that no
check of the input can catch, made to happen at a chosen call."""


def fail_on_second_call(monkeypatch, owner, method_name):
    """The second call of `owner.method_name` raises RuntimeError; the first runs."""
    original = getattr(owner, method_name)
    calls = []

    def fail_on_second(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, method_name, fail_on_second)
