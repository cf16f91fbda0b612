# newsbot in a slim Python image. Build: docker build -t newsbot .
# Run:   docker run -v newsbot-data:/data -e DISCORD_TOKEN=... newsbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    NEWSBOT_DB=/data/newsbot.sqlite3 \
    NEWSBOT_CONFIG=/app/config/newsbot.toml

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY config ./config
# The same install step as the README's.
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data newsbot \
    && mkdir -p /data && chown newsbot /data

USER newsbot
VOLUME ["/data"]
# `newsbot run` touches a heartbeat file every minute; stale for 5 minutes means unhealthy.
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 \
    CMD ["newsbot", "health", "--max-age", "300"]
CMD ["newsbot", "run"]
