package io.chipbet.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The suite's HTTP client: plain java.net.http, JSON read with exact decimals. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final String PROBLEM = "application/problem+json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private Http() {
    }

    /** An answer: status, content type, body and headers. */
    record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith(PROBLEM);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** "412 application/problem+json {...}", cut short. */
        String describe() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + contentType + " " + (text.length() > 240 ? text.substring(0, 240) + "..." : text);
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
    }

    static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), response.headers());
    }

    static Answer get(String url) throws IOException, InterruptedException {
        return send(request(url).GET().build());
    }

    /** A GET that must answer 200 with JSON; the suite's reads of the services' own lists. */
    static JsonNode getJson(String url) {
        try {
            Answer answer = get(url);
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + url + ": " + answer.describe());
            }
            return answer.json();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A POST (or PUT) of {@code body} with these headers; a null header value leaves the header out. */
    static HttpRequest write(String method, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(url).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        return builder.build();
    }
}
