# The newsevents worker. Build: docker build -t newsevents .
FROM python:3.11-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    NEWSEVENTS_WEB_HOST=0.0.0.0 NEWSEVENTS_DATA_DIR=/var/lib/newsevents \
    NEWSEVENTS_SCHEMA_DIR=/app/schemas
WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY schemas ./schemas
COPY samples ./samples
RUN pip install . && useradd --system --uid 10001 newsevents \
    && mkdir -p /var/lib/newsevents && chown newsevents /var/lib/newsevents
USER newsevents
EXPOSE 6066
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:6066/health', timeout=2).status == 200 else 1)"
ENTRYPOINT ["newsevents"]
CMD ["worker"]
