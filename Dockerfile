# One recipe for both services, built from this repository:
#   docker build --build-arg SERVICE=command-service -t ledger-command .
#   docker build --build-arg SERVICE=query-service   -t ledger-query .
ARG SERVICE=command-service

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl ${SERVICE} -am package -DskipTests

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl for docker-compose's health check; the service runs as an unprivileged user
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 ledger
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER ledger
EXPOSE 8080
# memory and other JVM options come from JAVA_TOOL_OPTIONS (docker-compose.yml)
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
