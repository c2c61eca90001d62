package com.wedsync.grid.node.calendar;

import com.hazelcast.core.HazelcastInstance;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.node.capacity.ExpectedLoad;
import com.wedsync.grid.node.monitor.MonitorProperties;
import com.wedsync.grid.node.scaling.ScalingProperties;
import com.wedsync.grid.node.settings.NodeSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calendar of declared weddings on the node: the live traffic calendar the advisor
 * and the alerts read, the expected load of a day, the gauges and the endpoint.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    StoredDeclarations storedDeclarations(HazelcastInstance instance) {
        return new StoredDeclarations(instance.getMap(CalendarMap.NAME));
    }

    @Bean(destroyMethod = "close")
    LiveCalendar liveCalendar(StoredDeclarations stored, NodeSettings settings) {
        return new LiveCalendar(stored, settings.trafficMultipliers());
    }

    @Bean
    ExpectedLoad expectedLoad(ScalingProperties properties) {
        return new ExpectedLoad(properties.opsPerWedding());
    }

    @Bean
    WeddingCount weddingCount(LiveCalendar calendar, Clock gridClock, MonitorProperties monitor) {
        return new WeddingCount(calendar, gridClock, monitor.timeZone());
    }

    @Bean
    CalendarMetrics calendarMetrics(WeddingCount weddings) {
        return new CalendarMetrics(weddings);
    }

    @Bean
    CalendarEndpoint calendarEndpoint(StoredDeclarations stored, WeddingCount weddings, Clock gridClock) {
        return new CalendarEndpoint(stored, weddings, gridClock);
    }

}
