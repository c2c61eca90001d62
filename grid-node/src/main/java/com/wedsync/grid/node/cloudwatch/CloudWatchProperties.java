package com.wedsync.grid.node.cloudwatch;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CloudWatch export's settings ({@code grid.cloudwatch.*}; as environment variables
 * {@code GRID_CLOUDWATCH_ENABLED}, {@code GRID_CLOUDWATCH_NAMESPACE},
 * {@code GRID_CLOUDWATCH_REGION}, {@code GRID_CLOUDWATCH_STEP},
 * {@code GRID_CLOUDWATCH_ENDPOINT}). Bound, and so validated, only when the export is
 * enabled. A blank region or endpoint counts as unset.
 *
 * @param enabled whether the node publishes its scaling metrics to CloudWatch (off by
 * default)
 * @param namespace the CloudWatch namespace of the metrics; the scaling policy reads the
 * same one
 * @param region the AWS region, overriding the SDK's default chain (environment, profile,
 * instance metadata)
 * @param step how often the metrics are published, from 1s to 1m
 * @param endpoint the CloudWatch endpoint, overriding the region's (a VPC endpoint, or a
 * test server)
 */
@ConfigurationProperties("grid.cloudwatch")
public record CloudWatchProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("WedSyncGrid") String namespace, String region, @DefaultValue("1m") Duration step,
        String endpoint) {

    /**
     * CloudWatch's namespace characters (at least one not a space), at most 255 of them.
     */
    private static final Pattern NAMESPACE = Pattern.compile("(?=.*[^ ])[0-9A-Za-z._\\-/#: ]{1,255}");

    /** Region codes such as {@code eu-west-2} or {@code us-gov-west-1}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private static final Duration SHORTEST_STEP = Duration.ofSeconds(1);

    private static final Duration LONGEST_STEP = Duration.ofMinutes(1);

    /**
     * Validates the settings.
     * @throws IllegalArgumentException naming the property and the value when one is out
     * of range
     */
    public CloudWatchProperties {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches() || namespace.startsWith(":")
                || namespace.startsWith("AWS/")) {
            throw new IllegalArgumentException("grid.cloudwatch.namespace (" + quoted(namespace) + ") must be 1-255"
                    + " letters, digits or . - _ / # : and spaces, not blank, not starting with ':' or 'AWS/'");
        }
        region = blankToNull(region);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "grid.cloudwatch.region (" + quoted(region) + ") must be a region" + " code such as eu-west-2");
        }
        if (step == null || step.compareTo(SHORTEST_STEP) < 0 || step.compareTo(LONGEST_STEP) > 0) {
            throw new IllegalArgumentException("grid.cloudwatch.step (" + step + ") must be between 1s and 1m");
        }
        endpoint = blankToNull(endpoint);
        if (endpoint != null) {
            checkEndpoint(endpoint);
        }
    }

    /**
     * Returns the endpoint override.
     * @return the endpoint, empty for the region's own
     */
    public Optional<URI> endpointUri() {
        return Optional.ofNullable(this.endpoint).map(URI::create);
    }

    /**
     * Returns the region override.
     * @return the region code, empty for the SDK's default chain
     */
    public Optional<String> regionCode() {
        return Optional.ofNullable(this.region);
    }

    private static void checkEndpoint(String endpoint) {
        String problem;
        try {
            URI uri = new URI(endpoint);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            problem = (!http || uri.getHost() == null) ? "must be an http or https URL with a host"
                    : (uri.getQuery() != null || uri.getFragment() != null) ? "must have no query or fragment" : null;
        }
        catch (URISyntaxException ex) {
            problem = "is not a URL: " + ex.getMessage();
        }
        if (problem != null) {
            throw new IllegalArgumentException("grid.cloudwatch.endpoint (" + quoted(endpoint) + ") " + problem);
        }
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value;
    }

    private static String quoted(String value) {
        return (value != null) ? "'" + value + "'" : "unset";
    }
}
