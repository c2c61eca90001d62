package com.wedsync.grid.node.cloudwatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on loopback standing in for CloudWatch's endpoint: it decodes each
 * request as the AWS query protocol's form body (what the SDK's CloudWatch client sends),
 * records it, and answers as CloudWatch does.
 */
final class CloudWatchServer implements AutoCloseable {

    private static final byte[] RESPONSE = """
            <PutMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
              <ResponseMetadata><RequestId>4f6f8c2e-0d1b-4c57-9a44-2d1f8f0c7a11</RequestId></ResponseMetadata>
            </PutMetricDataResponse>
            """.getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    CloudWatchServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(this.executor);
        this.server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    List<Request> requests() {
        return List.copyOf(this.requests);
    }

    /** Returns every datum received so far, oldest first. */
    List<Datum> data() {
        return this.requests.stream().flatMap((request) -> request.data().stream()).toList();
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            byte[] body;
            try (InputStream raw = exchange.getRequestBody();
                    InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw) {
                body = in.readAllBytes();
            }
            this.requests
                .add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        form(new String(body, StandardCharsets.UTF_8))));
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, RESPONSE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(RESPONSE);
            }
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /**
     * One request as received.
     *
     * @param method the HTTP method
     * @param contentType its {@code Content-Type}
     * @param authorization its {@code Authorization} header (the SigV4 signature)
     * @param form its form-encoded body, decoded
     */
    record Request(String method, String contentType, String authorization, Map<String, String> form) {

        /**
         * Returns the metric data of a PutMetricData request
         * ({@code MetricData.member.N.*}).
         */
        List<Datum> data() {
            List<Datum> data = new ArrayList<>();
            for (int n = 1; this.form.containsKey("MetricData.member." + n + ".MetricName"); n++) {
                String member = "MetricData.member." + n + ".";
                Map<String, String> dimensions = new LinkedHashMap<>();
                for (int d = 1; this.form.containsKey(member + "Dimensions.member." + d + ".Name"); d++) {
                    dimensions.put(this.form.get(member + "Dimensions.member." + d + ".Name"),
                            this.form.get(member + "Dimensions.member." + d + ".Value"));
                }
                data.add(new Datum(this.form.get("Namespace"), this.form.get(member + "MetricName"),
                        Double.parseDouble(this.form.get(member + "Value")), dimensions));
            }
            return data;
        }
    }

    /**
     * One metric datum.
     *
     * @param namespace the request's namespace
     * @param name the metric's name
     * @param value its value
     * @param dimensions its dimensions by name
     */
    record Datum(String namespace, String name, double value, Map<String, String> dimensions) {
    }

}
