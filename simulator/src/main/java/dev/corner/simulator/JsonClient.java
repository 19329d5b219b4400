package dev.corner.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** A small JSON-over-HTTP client; the benchmarks need nothing more. */
public record JsonClient(HttpClient http, String base) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"([^\"]*)\"");

    public static JsonClient to(String base) {
        return new JsonClient(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                base);
    }

    public String post(String path, String token, String body) {
        return send("POST", path, token, body, Map.of());
    }

    public String put(String path, String token, String body) {
        return send("PUT", path, token, body, Map.of());
    }

    public int status(String method, String path, String token, String body) {
        try {
            return http.send(request(method, path, token, body, Map.of()), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String send(String method, String path, String token, String body, Map<String, String> headers) {
        try {
            var response = http.send(request(method, path, token, body, headers), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String token, String body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    public static String field(String json, String name) {
        var matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    /** A random GTIN-13 with a valid check digit, in the range GS1 keeps for in-store numbering. */
    public static String gtin() {
        var body = new StringBuilder("29");
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            body.append(random.nextInt(10));
        }
        return withCheckDigit(body.toString());
    }

    /** A GTIN body (all digits but the last) with its GS1 check digit appended. */
    public static String withCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(body.length() - 1 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return body + (10 - sum % 10) % 10;
    }

    /** Opens an account of a role and answers its bearer token. */
    public String account(String role) {
        var email = role.toLowerCase() + "-" + java.util.UUID.randomUUID() + "@bench.corner.dev";
        post(
                "/api/v1/accounts",
                null,
                "{\"email\":\"" + email + "\",\"password\":\"bench-password\",\"name\":\"Bench\",\"role\":\"" + role
                        + "\"}");
        return signIn(email, "bench-password");
    }

    /** Signs in and answers a bearer token. */
    public String signIn(String email, String password) {
        return field(
                post(
                        "/api/v1/tokens",
                        null,
                        "{\"email\":" + Json.quote(email) + ",\"password\":" + Json.quote(password) + "}"),
                "token");
    }
}
