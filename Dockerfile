# Build stage: the same Maven build as `./mvnw -DskipTests package`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY web web
COPY geodata geodata
RUN mvn -B -q -DskipTests -Dspotless.check.skip=true package

# Runtime stage: a JRE and the one jar; GDAL for importing shapefiles, GeoPackages, KML.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends gdal-bin && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app gridmap \
    && mkdir -p /app/media && chown gridmap /app/media
WORKDIR /app
COPY --from=build /src/target/gridmap.jar /app/gridmap.jar
USER gridmap
EXPOSE 7070
ENTRYPOINT ["java", "-jar", "/app/gridmap.jar"]
CMD ["serve"]
