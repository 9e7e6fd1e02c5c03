# Builds the app from this repository; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
WORKDIR /app
COPY --from=build /src/app/target/app-*-exec.jar /app/tributary.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tributary.jar"]
