"""Addresses of uploaded files under the /media/ route (the media_route fixture)."""

from pathlib import Path


def media_url(path, media_root):
    return "/media/" + Path(path).relative_to(media_root).as_posix()
