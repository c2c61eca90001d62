package com.wedsync.grid.node.alerts;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.calendar.TrafficCalendar;
import com.wedsync.grid.node.monitor.ClusterSamples;
import com.wedsync.grid.node.monitor.HourlyLoad;
import com.wedsync.grid.node.monitor.MembershipReaction;
import com.wedsync.grid.node.monitor.MonitorProperties;
import com.wedsync.grid.node.settings.NodeSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Alerting: the evaluator fed by the monitor, the sinks (log, the webhook when
 * {@code GRID_ALERT_WEBHOOK} is set, and every other {@link AlertSink} bean), the
 * dispatcher between them, the gauges and the endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

    @Bean
    LogAlertSink logAlertSink(NodeSettings settings) {
        return new LogAlertSink(settings.alertRules());
    }

    @Bean(destroyMethod = "close")
    @Conditional(WebhookConfigured.class)
    WebhookAlertSink webhookAlertSink(NodeSettings settings, AlertsProperties properties, MeterRegistry registry) {
        return new WebhookAlertSink(settings.alertWebhook().orElseThrow(), properties.webhook().policy(),
                new WebhookPayload(settings.member().clusterName()), registry);
    }

    @Bean
    AlertDispatcher alertDispatcher(NodeSettings settings, ObjectProvider<AlertSink> sinks, AlertsProperties properties,
            MeterRegistry registry) {
        return new AlertDispatcher(sinks.orderedStream().toList(), registry, properties.history());
    }

    @Bean
    AlertEvaluator alertEvaluator(NodeSettings settings, AlertDispatcher dispatcher, ClusterSamples clusterSamples,
            TrafficCalendar calendar, MonitorProperties monitor, AlertsProperties properties,
            HazelcastInstance instance, HourlyLoad hourlyLoad) {
        SaturdayBaseline baseline = new SaturdayBaseline(calendar, monitor.timeZone(),
                properties.saturdayBaselineOpsPerSecond(), hourlyLoad);
        return new AlertEvaluator(settings.alertRules(), settings.catalog(), dispatcher, clusterSamples::coordinates,
                calendar, new EvaluatorSettings(monitor.timeZone(), baseline, properties.minOperations()),
                new ReplicatedAlertHandover(instance));
    }

    @Bean
    MembershipReaction memberLeftAlert(AlertEvaluator evaluator) {
        return (member, joined, members, at) -> {
            if (!joined) {
                evaluator.memberLeft(member, at);
            }
        };
    }

    @Bean
    AlertMetrics alertMetrics(NodeSettings settings, AlertEvaluator evaluator) {
        return new AlertMetrics(settings.alertRules(), evaluator);
    }

    @Bean
    AlertsEndpoint alertsEndpoint(HazelcastInstance instance, AlertEvaluator evaluator, AlertDispatcher dispatcher,
            ClusterSamples clusterSamples, Clock gridClock) {
        return new AlertsEndpoint(instance, evaluator, dispatcher, clusterSamples, gridClock);
    }

    /**
     * Matches when {@code GRID_ALERT_WEBHOOK} is set and not blank (NodeSettings has
     * validated it).
     */
    static final class WebhookConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(NodeSettings.ALERT_WEBHOOK));
        }

    }

}
