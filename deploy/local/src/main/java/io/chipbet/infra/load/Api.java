package io.chipbet.infra.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for the services' public APIs, as any client would call them. */
final class Api {

    /** @param replayed the service answered a retried creation with its first result */
    record Reply(int status, JsonValue body, String etag, boolean replayed) {
        JsonObject object() {
            return body.asJsonObject();
        }

        long version() {
            return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    Reply post(String url, JsonObject body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token), headers);
    }

    private Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonValue body = response.body().isBlank() ? JsonValue.NULL
                    : Json.createReader(new StringReader(response.body())).readValue();
            return new Reply(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
