package com.wedsync.grid.loadtest.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FleetScalingTests {

    @Test
    void theAdviceIsReadFromTheScalingEndpointsAnswer() {
        assertThat(FleetScaling.advice("{\"desired\":3,\"current\":1,\"reasons\":[\"now: 400 ops/s\",\"peak\"]}"))
            .hasValue(new Advice(3, List.of("now: 400 ops/s", "peak")));
    }

    @Test
    void noEvaluationYetOrAnAnswerOfAnotherShapeIsUnknown() {
        assertThat(FleetScaling.advice("{\"desired\":null,\"current\":1,\"reasons\":[\"no sample yet\"]}")).isEmpty();
        assertThat(FleetScaling.advice("<html>login</html>")).isEmpty();
        assertThat(FleetScaling.advice("{\"desired\":\"3\"}")).isEmpty();
    }

}
