package com.wedsync.grid.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.grid.node.e2e.MonitoringQueries.Query;
import com.wedsync.grid.node.e2e.PromQlReferences.Selector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the rules and the dashboard read, without a grid: recorded series are recorded by
 * the rules, and every other series is one of the grid's own ({@code grid_}, the
 * operations contract). {@link MonitoringMetricsIT} checks that the grid exports them.
 */
class MonitoringQueriesTests {

    private static final List<Query> QUERIES = MonitoringQueries.all();

    @Test
    void everyRecordedSeriesReadIsRecordedByTheRules() {
        Set<String> recorded = MonitoringQueries.recorded();
        for (Query query : QUERIES) {
            query.selectors()
                .stream()
                .filter(Selector::isRecorded)
                .forEach((selector) -> assertThat(recorded).as("%s reads %s", query.source(), selector.name())
                    .contains(selector.name()));
        }
    }

    @Test
    void everyOtherSeriesIsOneOfTheGridsOwn() {
        for (Query query : QUERIES) {
            assertThat(query.selectors()).as("%s reads a series", query.source()).isNotEmpty();
            query.selectors()
                .stream()
                .filter((selector) -> !selector.isRecorded())
                .forEach((selector) -> assertThat(selector.name()).as(query.source()).startsWith("grid_"));
        }
    }

    @Test
    void rulesAndDashboardAreAllRead() {
        assertThat(QUERIES).extracting(Query::source)
            .anyMatch((source) -> source.startsWith(MonitoringQueries.RULES + " GridSaturdayOpsLow"))
            .anyMatch((source) -> source.startsWith(MonitoringQueries.DASHBOARD + " 'Active alerts'"))
            .anyMatch((source) -> source.equals(MonitoringQueries.DASHBOARD + " $client_job"));
    }

}
