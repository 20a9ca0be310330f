package io.chipbet.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A real Kubernetes API: Debian's etcd and a kube-apiserver 1.20.2 built from Debian's source package
 * (deploy/kubernetes/tools/kube-apiserver.sh, cached outside the repository), on loopback ports, with RBAC.
 * No kubelet, scheduler or controller manager: objects are stored and validated, nothing runs.
 */
final class KubeApiServer implements AutoCloseable {

    final String token = UUID.randomUUID().toString();
    final Path directory;
    final int port;
    private final List<Process> processes = new ArrayList<>();

    KubeApiServer(Path directory) throws Exception {
        this.directory = directory;
        Path binary = Path.of(run(List.of(Manifests.KUBERNETES.resolve("tools/kube-apiserver.sh").toString())).trim());
        int etcdPort = freePort();
        int peerPort = freePort();
        port = freePort();
        start("etcd", List.of("etcd", "--data-dir", directory.resolve("etcd").toString(),
                "--listen-client-urls", "http://127.0.0.1:" + etcdPort, "--advertise-client-urls", "http://127.0.0.1:" + etcdPort,
                "--listen-peer-urls", "http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peerPort,
                "--initial-cluster", "default=http://127.0.0.1:" + peerPort));
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(directory.resolve("sa.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(directory.resolve("sa.pub"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        Files.writeString(directory.resolve("tokens.csv"), token + ",admin,admin,system:masters\n");
        start("kube-apiserver", List.of(binary.toString(), "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--bind-address=127.0.0.1", "--secure-port=" + port, "--insecure-port=0",
                "--token-auth-file=" + directory.resolve("tokens.csv"), "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc", "--service-account-key-file=" + directory.resolve("sa.pub"),
                "--service-account-signing-key-file=" + directory.resolve("sa.key"), "--service-cluster-ip-range=10.96.0.0/16",
                "--cert-dir=" + directory.resolve("certs")));
        awaitReady(Duration.ofSeconds(90));
        Files.writeString(directory.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: test, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: admin, user: {token: "%s"}}]
                contexts: [{name: test, context: {cluster: test, user: admin}}]
                current-context: test
                """.formatted(port, token));
    }

    KubernetesClient client() {
        return client(null);
    }

    /** A client that acts as {@code user}, through impersonation: RBAC decides as it would for that user. */
    KubernetesClient client(String user) {
        ConfigBuilder config = new ConfigBuilder(Config.empty()).withMasterUrl("https://127.0.0.1:" + port).withOauthToken(token)
                .withTrustCerts(true).withDisableHostnameVerification(true).withRequestTimeout(30_000);
        if (user != null) {
            config.withImpersonateUsername(user);
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    /**
     * A kubeconfig file for a process that acts as {@code user} (impersonated, so RBAC decides as for that user), with
     * {@code namespace} as its context's namespace: what a pod's service account gives a client in a cluster.
     */
    Path kubeconfig(String user, String namespace) throws IOException {
        Path file = directory.resolve("kubeconfig-" + user.replace(':', '-'));
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: test, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                users: [{name: as-user, user: {token: "%s", as: "%s"}}]
                contexts: [{name: test, context: {cluster: test, user: as-user, namespace: "%s"}}]
                current-context: test
                """.formatted(port, token, user, namespace));
        return file;
    }

    /** Waits until the API server serves the CRD {@code name} (its status may come without conditions at first). */
    static void awaitEstablished(KubernetesClient client, String name) {
        client.apiextensions().v1().customResourceDefinitions().withName(name)
                .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                        && c.getStatus().getConditions().stream()
                        .anyMatch(k -> k.getType().equals("Established") && k.getStatus().equals("True")), 60, TimeUnit.SECONDS);
    }

    /** {@code kubectl auth can-i VERB RESOURCE --as=USER -n NAMESPACE}: yes or no. */
    boolean canI(String user, String namespace, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", directory.resolve("kubeconfig").toString(),
                "auth", "can-i", "--as=" + user, "-n", namespace));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(30, TimeUnit.SECONDS);
        if (!out.equals("yes") && !out.equals("no")) {
            throw new AssertionError(command + ": " + out + " " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return out.equals("yes");
    }

    private void start(String name, List<String> command) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile()).start());
    }

    private void awaitReady(Duration timeout) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        HttpClient http = HttpClient.newBuilder().sslContext(trustAll).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            processes.forEach(p -> {
                if (!p.isAlive()) {
                    throw new AssertionError("etcd or kube-apiserver exited; see " + directory);
                }
            });
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/readyz"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("kube-apiserver not ready within " + timeout + "; see " + directory);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(command + " failed");
        }
        return out;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
