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
# inside the container the app listens on all of the container's interfaces (outside it, 127.0.0.1 is the default);
# which host interface the port is published on is decided by docker run -p / the compose file
ENV SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/spiegel.jar"]
