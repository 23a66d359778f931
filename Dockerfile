# The newsevents worker. Build: docker build -t newsevents:0.1.0 .
# Python is pinned by exact tag; every Python package comes from requirements.lock
# (scripts/lock.sh) and pip refuses any file whose sha256 is not listed there.
FROM python:3.11.14-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NEWSEVENTS_WEB_HOST=0.0.0.0 NEWSEVENTS_DATA_DIR=/var/lib/newsevents \
    NEWSEVENTS_SCHEMA_DIR=/app/schemas
WORKDIR /app
# Dependencies first (a layer that changes only with the lock), then the package
# itself without resolving anything: its dependencies and build backend are all
# in the lock, so nothing unhashed is fetched.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY schemas ./schemas
COPY samples ./samples
RUN pip install --no-deps --no-build-isolation . && useradd --system --uid 10001 newsevents \
    && mkdir -p /var/lib/newsevents && chown newsevents /var/lib/newsevents
USER newsevents
# The worker's state (RocksDB stores of the duplicate state): a volume, so a
# restarted container reads only the changelog written since it stopped.
VOLUME ["/var/lib/newsevents"]
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:6066/health', timeout=2).status == 200 else 1)"
ENTRYPOINT ["newsevents"]
CMD ["worker"]
