package com.wedsync.grid.node.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on loopback: records every body it accepts with the time it
 * arrived, answers 500 to the next {@link #failNext} requests, and can hold requests
 * until released.
 */
final class WebhookServer implements AutoCloseable {

    private final HttpServer server;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final AtomicInteger failuresLeft = new AtomicInteger();

    private final AtomicInteger requests = new AtomicInteger();

    private volatile CountDownLatch hold = new CountDownLatch(0);

    WebhookServer() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/hook", this::handle);
        this.server.setExecutor(Executors.newFixedThreadPool(4));
        this.server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook?token=secret");
    }

    void failNext(int requests) {
        this.failuresLeft.set(requests);
    }

    void holdRequests() {
        this.hold = new CountDownLatch(1);
    }

    void release() {
        this.hold.countDown();
    }

    List<Received> received() {
        return List.copyOf(this.received);
    }

    int requests() {
        return this.requests.get();
    }

    @Override
    public void close() {
        release();
        this.server.stop(0);
        ((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            this.requests.incrementAndGet();
            if (!this.hold.await(30, TimeUnit.SECONDS)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            this.received.add(new Received(Instant.now(), text, exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(204, -1);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    record Received(Instant at, String body, String contentType) {
    }

}
