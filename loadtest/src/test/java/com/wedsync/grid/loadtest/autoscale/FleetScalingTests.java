package com.wedsync.grid.loadtest.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetScalingTests {

    @Test
    void theAdviceIsReadFromTheScalingEndpointsAnswer() {
        assertThat(FleetScaling.desired("{\"desired\":3,\"current\":1,\"reasons\":[\"now: 400 ops/s\"]}")).hasValue(3);
    }

    @Test
    void noEvaluationYetOrAnAnswerOfAnotherShapeIsUnknown() {
        assertThat(FleetScaling.desired("{\"desired\":null,\"current\":1,\"reasons\":[\"no sample yet\"]}")).isEmpty();
        assertThat(FleetScaling.desired("<html>login</html>")).isEmpty();
        assertThat(FleetScaling.desired("{\"desired\":\"3\"}")).isEmpty();
    }

}
