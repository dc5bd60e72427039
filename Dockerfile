# OneiroScope: one image for every process (run | bot | web | worker | migrate).
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY core core
COPY bot bot
COPY miniapp miniapp
COPY workers workers
COPY cli cli
COPY locales locales
COPY migrations migrations
RUN pip install -e '.[nlp-ru]' && useradd --create-home --uid 10001 oneiro && chown -R oneiro /app
USER oneiro
ENV WEB_HOST=0.0.0.0 WEB_PORT=8080 HEALTH_PORT=9091 LOG_FORMAT=json
EXPOSE 8080 9091
# One check for every process of the image: `run` and `web` answer /healthz on WEB_PORT, `bot`
# and `worker` on HEALTH_PORT; the container is healthy when its process answers on either.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["oneiroscope", "healthcheck"]
CMD ["oneiroscope", "run"]
