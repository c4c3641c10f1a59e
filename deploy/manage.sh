#!/bin/sh
# manage.py as the units run it: user cms, /etc/thai-foundation-cms/env read by
# systemd itself (so values with spaces or "<" need no shell quoting), production
# settings. As root, e.g.:
#
#   /srv/cms/app/deploy/manage.sh migrate
#   /srv/cms/app/deploy/manage.sh createsuperuser
set -eu
exec systemd-run --quiet --wait --pty --collect \
    --uid=cms --gid=cms \
    --working-directory=/srv/cms/app \
    --setenv=DJANGO_SETTINGS_MODULE=config.settings.production \
    --property=EnvironmentFile=/etc/thai-foundation-cms/env \
    /srv/cms/app/.venv/bin/python manage.py "$@"
