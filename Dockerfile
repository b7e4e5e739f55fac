# Production image of Cyfrowa Akademia: gunicorn serving the Django/Wagtail app
# with static files collected at build time and served by whitenoise.

# --- front-end packages from the npm registry (install scripts are not run), without the
# dev ones (axe-core is for the browser tests)
FROM node:20-bookworm-slim AS node
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- Python application
FROM python:3.11-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=lms.settings.production \
    PORT=8000
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 app
WORKDIR /app
# The runtime only: no dev tools, no demo extra (load_demo_data says what it lacks).
COPY requirements/pip.lock requirements/base.lock requirements/
RUN pip install --require-hashes -r requirements/pip.lock \
    && pip install --require-hashes -r requirements/base.lock
COPY --from=node /build/node_modules ./node_modules
# .dockerignore leaves out the tests, benchmarks and load test.
COPY . .
# Build-time only values: the real secret, hosts and public address (SITE_URL) come from
# the environment at run time; the image keeps none of these.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost SITE_URL=http://build.invalid \
        python manage.py compilemessages --ignore=node_modules -v0 \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost SITE_URL=http://build.invalid \
        python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /app/private && chown -R app:app /app/media /app/private
USER app
EXPOSE 8000
CMD ["sh", "-c", "exec gunicorn lms.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --preload --forwarded-allow-ips='*'"]
