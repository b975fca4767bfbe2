# Skim in a container: the bot runs as a non-root user and keeps its SQLite file on a volume.
#   docker build -t skim .
#   docker run -d --name skim --env-file .env -v skim-data:/data --restart unless-stopped skim
# Settings come from the environment (--env-file .env); SKIM_DB_PATH points into the volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# install: Skim and its dependencies, from this folder (see .dockerignore), then the sources go
COPY . /src
RUN pip install /src && rm -rf /src

# the user and the volume: nothing runs as root, only /data is written
RUN useradd --create-home --uid 10001 skim && mkdir /data && chown skim:skim /data
ENV SKIM_DB_PATH=/data/skim.db
VOLUME ["/data"]
USER skim
WORKDIR /home/skim

# start: `docker stop` sends SIGTERM, which Skim handles like Ctrl-C
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
