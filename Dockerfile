# syntax=docker/dockerfile:1
# GridMap as one image: `docker compose up --build` (see docker-compose.yml), or
# `docker run -e DATABASE_URL=jdbc:postgresql://... -p 7070:7070 gridmap [serve --demo]`.
# JVM options go in JAVA_TOOL_OPTIONS, which the JVM reads itself.

# Build stage: the same Maven build as `./mvnw -DskipTests package`, with Maven's downloads cached
# between builds.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY web web
COPY geodata geodata
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# Runtime stage: a JRE, GDAL's ogr2ogr (import of Shapefile, GeoPackage, KML) and the one jar,
# run by an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends gdal-bin \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app --shell /usr/sbin/nologin gridmap \
    && mkdir -p /app/media && chown gridmap /app/media
WORKDIR /app
COPY --from=build /src/target/gridmap.jar /app/gridmap.jar
USER gridmap
EXPOSE 7070
ENTRYPOINT ["java", "-jar", "/app/gridmap.jar"]
CMD ["serve"]
