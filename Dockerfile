# syntax=docker/dockerfile:1
# One image for every service: the argument picks it, e.g. `docker run running-trainer --services=trainer`.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds, so that a code change does not download the world again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /app/data \
 && chown app:app /app/data
WORKDIR /app
COPY --from=build /src/launcher/target/running-trainer.jar /app/running-trainer.jar
# Only used when DATABASE_URL or REDIS_URL is missing and the embedded servers start.
ENV RT_DATA_DIR=/app/data
# One JVM per container: a class archive would be made anew by each container's first stop, and
# the launcher JVM that forwards signals to the platform's would cost ~40 MB in every container.
ENV RT_CLASS_ARCHIVE=off
USER app
# gateway 8000, trainer 8001, pdf 8002, strava 8003, auth 8004
EXPOSE 8000-8004
ENTRYPOINT ["java", "-jar", "/app/running-trainer.jar"]
