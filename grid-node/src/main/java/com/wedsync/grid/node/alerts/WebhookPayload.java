package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.AlertEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON bodies the webhook receives. An alert change:
 * {@code {"type":"alert","transition":"raised","cluster":..,"id":..,"rule":..,"severity":"critical","member":..,
 * "data_class":null,"value":1.2,"threshold":1.0,"start":"2026-..Z","end":null}}
 * ({@code data_class} names the class of an alert on one, such as {@code hit_rate} on
 * member {@code cluster/vendor_responses}); a scaling change:
 * {@code {"type":"scaling","severity":"info","cluster":..,"at":..,"previous":2,"desired":3,"current":2,"reasons":[..]}}.
 */
public final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String cluster;

    /**
     * Creates the writer.
     * @param cluster the cluster's name, sent with every body
     */
    public WebhookPayload(String cluster) {
        this.cluster = cluster;
    }

    /**
     * Writes an alert change.
     * @param event the change
     * @return the JSON
     */
    public String alert(AlertEvent event) {
        Alert alert = event.alert();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "alert");
        body.put("transition", event.kind().name().toLowerCase(Locale.ROOT));
        body.put("cluster", this.cluster);
        body.put("id", alert.id());
        body.put("rule", alert.rule());
        body.put("severity", alert.severity().id());
        body.put("member", alert.member());
        body.put("data_class", alert.dataClass().orElse(null));
        body.put("value", alert.value());
        body.put("threshold", alert.threshold());
        body.put("start", alert.start().toString());
        body.put("end", (alert.end() != null) ? alert.end().toString() : null);
        return JSON.writeValueAsString(body);
    }

    /**
     * Writes a scaling change.
     * @param change the change
     * @return the JSON
     */
    public String scaling(ScalingChange change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "scaling");
        body.put("severity", change.severity().id());
        body.put("cluster", this.cluster);
        body.put("at", change.at().toString());
        body.put("previous", change.previous());
        body.put("desired", change.desired());
        body.put("current", change.current());
        body.put("reasons", change.reasons());
        return JSON.writeValueAsString(body);
    }

}
