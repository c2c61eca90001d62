package com.wedsync.grid.node.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTests {

    private static final long HEAP = 1L << 30;

    @Test
    void aValueOverTheLengthLimitIsRefusedByNameWithoutEchoingIt() {
        String token = "s".repeat(Values.MAX_LENGTH + 1);

        assertThatExceptionOfType(InvalidSettingException.class)
            .isThrownBy(() -> NodeSettings.read(Map.of(NodeSettings.ADMIN_TOKEN, token)::get, HEAP))
            .withMessage("GRID_ADMIN_TOKEN='<4097 characters>' is too long; the limit is 4096 characters")
            .satisfies((ex) -> assertThat(ex.variable()).isEqualTo(NodeSettings.ADMIN_TOKEN));
    }

    @Test
    void aValueAtTheLengthLimitIsRead() {
        String token = "s".repeat(Values.MAX_LENGTH);

        assertThat(NodeSettings.read(Map.of(NodeSettings.ADMIN_TOKEN, token)::get, HEAP).adminToken()).contains(token);
    }

    @Test
    void everyVariableIsBounded() {
        String huge = "1".repeat(Values.MAX_LENGTH + 1);

        for (String variable : new String[] { NodeSettings.PORT, NodeSettings.MEMBERS, NodeSettings.MEMORY_LIMIT,
                NodeSettings.CATALOG_OVERRIDES, NodeSettings.ALERT_WEBHOOK, "SATURDAY_BOOST_MULTIPLIER" }) {
            assertThatExceptionOfType(InvalidSettingException.class)
                .isThrownBy(() -> NodeSettings.read(Map.of(variable, huge)::get, HEAP))
                .withMessageStartingWith(variable + "='<4097 characters>' is too long");
        }
    }

}
