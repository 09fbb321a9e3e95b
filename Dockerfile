# Builds and runs Spiegel against an external MariaDB (see docker-compose.yml).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY frontend frontend
RUN ./mvnw -B -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 spiegel
USER spiegel
WORKDIR /app
COPY --from=build /src/target/spiegel-*.jar /app/spiegel.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/spiegel.jar"]
