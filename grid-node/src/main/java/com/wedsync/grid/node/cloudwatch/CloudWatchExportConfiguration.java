package com.wedsync.grid.node.cloudwatch;

import com.wedsync.grid.node.settings.NodeSettings;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

/**
 * Publishes the scaling metrics to CloudWatch through Micrometer's CloudWatch registry
 * when {@code grid.cloudwatch.enabled} is true (Spring Boot 4 has no auto-configuration
 * for it). Credentials come from an {@link AwsCredentialsProvider} bean if there is one,
 * else from the SDK's default chain (the instance role); the region from
 * {@code grid.cloudwatch.region}, else from the SDK's default chain.
 * <p>
 * Everything that names the SDK's types is in the nested configuration, whose conditions
 * Spring reads without loading it: with the export off no SDK class is loaded (the class
 * condition loads, without initializing it, Micrometer's {@code CloudWatchMeterRegistry}
 * alone).
 */
@Configuration(proxyBeanMethods = false)
class CloudWatchExportConfiguration {

    // Component scanning finds the nested class on its own too: it must carry every
    // condition itself.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CloudWatchMeterRegistry.class)
    @ConditionalOnBooleanProperty("grid.cloudwatch.enabled")
    @EnableConfigurationProperties(CloudWatchProperties.class)
    static class RegistryConfiguration {

        /**
         * The longest one PutMetricData call may take, retries included; the registry
         * itself waits 10 s at most.
         */
        private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

        /** The longest one attempt may take. */
        private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

        @Bean
        CloudWatchAsyncClient gridCloudWatchClient(CloudWatchProperties properties,
                ObjectProvider<AwsCredentialsProvider> credentials) {
            CloudWatchAsyncClientBuilder builder = CloudWatchAsyncClient.builder()
                .overrideConfiguration((o) -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
            credentials.ifAvailable(builder::credentialsProvider);
            properties.regionCode().map(Region::of).ifPresent(builder::region);
            properties.endpointUri().ifPresent(builder::endpointOverride);
            try {
                return builder.build();
            }
            catch (SdkClientException ex) {
                throw new IllegalStateException("grid.cloudwatch.region (GRID_CLOUDWATCH_REGION) is unset and the"
                        + " AWS SDK found no region: " + ex.getMessage(), ex);
            }
        }

        @Bean
        CloudWatchMeterRegistry cloudWatchMeterRegistry(CloudWatchProperties properties, Clock clock,
                CloudWatchAsyncClient gridCloudWatchClient, NodeSettings settings) {
            CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config(properties), clock,
                    gridCloudWatchClient);
            registry.config().meterFilter(new PublishedMeters(settings.member().clusterName()));
            return registry;
        }

        private static CloudWatchConfig config(CloudWatchProperties properties) {
            return new CloudWatchConfig() {

                @Override
                public String get(String key) {
                    return null;
                }

                @Override
                public String namespace() {
                    return properties.namespace();
                }

                @Override
                public Duration step() {
                    return properties.step();
                }
            };
        }

    }

}
