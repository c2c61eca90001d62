package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.AlertEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert and scaling changes as JSON to a webhook, on a thread of its own, in order:
 * a bounded queue in front, retries with exponential backoff on connection failures,
 * timeouts, 408, 429 and 5xx answers. Every notification ends counted in
 * {@code grid.alert.deliveries{sink=webhook}}: {@code delivered}, {@code failed}
 * (attempts used up, or a 4xx answer that retrying cannot change) or {@code dropped} (the
 * queue was full, or the node stopped first); a failed or dropped one is also logged at
 * WARN. A change milder than the policy's {@link WebhookPolicy#minSeverity() minimum
 * severity} is not sent, by choice, and counted {@code filtered}.
 */
public final class WebhookAlertSink implements AlertSink, AutoCloseable {

    /** The sink's name, the {@code sink} tag of its deliveries. */
    public static final String NAME = "webhook";

    private static final Logger logger = LoggerFactory.getLogger(WebhookAlertSink.class);

    private final URI uri;

    private final String target;

    private final WebhookPolicy policy;

    private final HttpClient client;

    private final WebhookPayload payload;

    private final BlockingQueue<Notification> queue;

    private final CountDownLatch stopping = new CountDownLatch(1);

    private final Thread worker;

    private final Counter delivered;

    private final Counter failed;

    private final Counter dropped;

    private final Counter filtered;

    /**
     * Creates the sink and starts its thread.
     * @param uri the webhook
     * @param policy timeouts, retries and the queue bound
     * @param payload writes the JSON bodies
     * @param registry where delivery counts go
     */
    public WebhookAlertSink(URI uri, WebhookPolicy policy, WebhookPayload payload, MeterRegistry registry) {
        this.uri = uri;
        this.target = uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() < 0) ? "" : ":" + uri.getPort());
        this.policy = policy;
        this.payload = payload;
        this.client = HttpClient.newBuilder().connectTimeout(policy.connectTimeout()).build();
        this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
        this.delivered = AlertDispatcher.deliveries(registry, NAME, "delivered");
        this.failed = AlertDispatcher.deliveries(registry, NAME, "failed");
        this.dropped = AlertDispatcher.deliveries(registry, NAME, "dropped");
        this.filtered = AlertDispatcher.deliveries(registry, NAME, "filtered");
        this.worker = new Thread(this::work, "grid-alert-webhook");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void alert(AlertEvent event) {
        if (!this.policy.sends(event.alert().severity())) {
            this.filtered.increment();
            return;
        }
        enqueue(new Notification(event.alert().id() + "/" + event.kind().name().toLowerCase(java.util.Locale.ROOT),
                this.payload.alert(event)));
    }

    @Override
    public void scaling(ScalingChange change) {
        if (!this.policy.sends(change.severity())) {
            this.filtered.increment();
            return;
        }
        enqueue(new Notification("scaling/" + change.previous() + "->" + change.desired(),
                this.payload.scaling(change)));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean countsOwnDeliveries() {
        return true;
    }

    /**
     * Returns the notifications waiting, not counting one being sent.
     * @return the queue's size
     */
    public int queued() {
        return this.queue.size();
    }

    /**
     * Stops the thread; notifications not yet delivered are dropped, counted and logged.
     */
    @Override
    public void close() {
        this.stopping.countDown();
        this.worker.interrupt();
        try {
            this.worker.join(this.policy.requestTimeout().toMillis() + 1000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        for (Notification left = this.queue.poll(); left != null; left = this.queue.poll()) {
            drop(left, "node_stopping");
        }
    }

    private void enqueue(Notification notification) {
        if (this.stopping.getCount() == 0 || !this.queue.offer(notification)) {
            drop(notification, (this.stopping.getCount() == 0) ? "node_stopping" : "queue_full");
        }
    }

    private void drop(Notification notification, String reason) {
        this.dropped.increment();
        logger.warn("event=alert_delivery_dropped sink=webhook target={} notification={} reason={} capacity={}",
                this.target, notification.id(), reason, this.policy.queueCapacity());
    }

    private void work() {
        while (this.stopping.getCount() > 0) {
            Notification next;
            try {
                next = this.queue.take();
            }
            catch (InterruptedException ex) {
                return;
            }
            deliver(next);
        }
    }

    private void deliver(Notification notification) {
        String problem = null;
        for (int attempt = 1; attempt <= this.policy.maxAttempts(); attempt++) {
            Outcome outcome = post(notification);
            if (outcome == Outcome.DELIVERED) {
                this.delivered.increment();
                if (attempt > 1) {
                    logger.info("event=alert_delivered sink=webhook target={} notification={} attempts={}", this.target,
                            notification.id(), attempt);
                }
                return;
            }
            problem = notification.lastProblem;
            if (outcome == Outcome.REJECTED || attempt == this.policy.maxAttempts() || !backOff(attempt)) {
                break;
            }
        }
        if (this.stopping.getCount() == 0 && problem == null) {
            drop(notification, "node_stopping");
            return;
        }
        this.failed.increment();
        logger.warn("event=alert_delivery_failed sink=webhook target={} notification={} reason=\"{}\"", this.target,
                notification.id(), problem);
    }

    /** Waits before the next attempt; false when the node is stopping. */
    private boolean backOff(int attempt) {
        long delay = Math.min(this.policy.maxBackoff().toMillis(),
                this.policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        try {
            return !this.stopping.await(delay, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            return false;
        }
    }

    private Outcome post(Notification notification) {
        HttpRequest request = HttpRequest.newBuilder(this.uri)
            .timeout(this.policy.requestTimeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(notification.json(), StandardCharsets.UTF_8))
            .build();
        try {
            int status = this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.DELIVERED;
            }
            notification.lastProblem = "HTTP " + status;
            boolean retry = status == 408 || status == 429 || status >= 500;
            return retry ? Outcome.RETRY : Outcome.REJECTED;
        }
        catch (IOException ex) {
            notification.lastProblem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            return Outcome.RETRY;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            notification.lastProblem = null;
            return Outcome.REJECTED;
        }
    }

    private enum Outcome {

        DELIVERED, RETRY, REJECTED

    }

    /** One notification and why its last attempt failed. */
    private static final class Notification {

        private final String id;

        private final String json;

        private String lastProblem;

        Notification(String id, String json) {
            this.id = id;
            this.json = json;
        }

        String id() {
            return this.id;
        }

        String json() {
            return this.json;
        }

    }

}
