package com.wedsync.grid.config.hazelcast;

import com.wedsync.grid.config.InvalidFieldException;
import java.util.regex.Pattern;

/**
 * What the cloud discovery modes need beyond {@link Discovery}: which EC2 instances or
 * Kubernetes service are the cluster's, and whether backups are kept in another
 * availability zone than their owners.
 *
 * @param awsTagKey the EC2 tag that marks the cluster's instances ({@code null} for none:
 * every instance the role can describe is tried)
 * @param awsTagValue the tag's value ({@code null} exactly when {@code awsTagKey} is)
 * @param kubernetesServiceName the service whose endpoints are the members ({@code null}:
 * every pod the service account can list in the namespace is tried)
 * @param zoneAware whether backups go to members in another zone (Hazelcast's ZONE_AWARE
 * partition groups, which take the zone from the AWS or Kubernetes discovery)
 */
public record Placement(String awsTagKey, String awsTagValue, String kubernetesServiceName, boolean zoneAware) {

    /** Nothing beyond the discovery mode. */
    public static final Placement NONE = new Placement(null, null, null, false);

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} +\\-=._:/@]{1,256}");

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * Validates the placement.
     * @throws InvalidFieldException naming the field and the value when one is malformed,
     * or when only one of the tag's key and value is given
     */
    public Placement {
        if ((awsTagKey == null) != (awsTagValue == null)) {
            throw InvalidFieldException.worded("awsTagKey",
                    "awsTagKey (" + awsTagKey + ") and awsTagValue (" + awsTagValue + ") must be given together");
        }
        if (awsTagKey != null && (!TAG.matcher(awsTagKey).matches() || awsTagKey.length() > 128)) {
            throw InvalidFieldException.of("awsTagKey", "'" + awsTagKey + "'",
                    "must be 1-128 letters, digits, spaces or + - = . _ : / @");
        }
        if (awsTagValue != null && !TAG.matcher(awsTagValue).matches()) {
            throw InvalidFieldException.of("awsTagValue", "'" + awsTagValue + "'",
                    "must be 1-256 letters, digits, spaces or + - = . _ : / @");
        }
        if (kubernetesServiceName != null && !DNS_LABEL.matcher(kubernetesServiceName).matches()) {
            throw InvalidFieldException.of("kubernetesServiceName", "'" + kubernetesServiceName + "'",
                    "must be a DNS label: 1-63 lower-case letters, digits or '-', starting with a letter");
        }
    }
}
