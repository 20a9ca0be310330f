package io.chipbet.platform.idempotency;

import java.net.URI;
import java.util.UUID;

/** Every resource lives at {@code /api/v1/<collection>/<id>}: a write's key scope and location follow from its path. */
final class WritePaths {

    static final String API = "api/v1/";

    private WritePaths() {
    }

    static String scope(String path) {
        if (!path.startsWith(API)) {
            throw new IllegalArgumentException("A write's path starts with /" + API + ": " + path);
        }
        return path.substring(API.length());
    }

    static URI location(String path, UUID id) {
        String scope = scope(path);
        int slash = scope.indexOf('/');
        return URI.create("/" + API + (slash < 0 ? scope : scope.substring(0, slash)) + "/" + id);
    }
}
