"""gunicorn's settings in production, read from the environment file.

    gunicorn --config deploy/gunicorn.conf.py     (thai-foundation-cms-web.service)

nginx (deploy/nginx/) sits in front: it sends static files, uploads and documents
itself and buffers slow clients, so gunicorn's workers only ever run Django.
"""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"
# nginx's upstream (deploy/nginx/thai-foundation-cms.conf) points here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Page views wait on the database more than on the CPU: a few threads per worker.
workers = int(os.environ.get("GUNICORN_WORKERS", str(min(2 * multiprocessing.cpu_count() + 1, 9))))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# nginx's proxy_read_timeout (75 s) is longer, so a slow page ends here, logged.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A memory leak in any library is bounded: each worker is replaced now and then.
max_requests = 2000
max_requests_jitter = 200
# nginx logs every request; gunicorn logs its own errors to the journal.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Combined format, then whether the page cache answered and which worker did.
access_log_format = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-cache}o)s pid=%(p)s'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# Only nginx on this machine may say the request came over HTTPS.
forwarded_allow_ips = "127.0.0.1,::1"
