package com.wedsync.grid.node.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.node.alerts.rules.Alert;
import com.wedsync.grid.node.alerts.rules.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandedOverAlertsTests {

    private static final Instant START = Instant.parse("2026-06-13T12:00:00Z");

    private static final Alert HIT_RATE = new Alert("hit_rate/cluster/1", "hit_rate", Severity.CRITICAL, "cluster",
            88.5, 90, START, null);

    private static final Alert MEMBER_LEFT = new Alert("member_left/127.0.0.1:5702/2", "member_left", Severity.WARNING,
            "127.0.0.1:5702", 1, 0, START.plusSeconds(5), null);

    @Test
    void alertsWrittenDownAreReadBackAlike() {
        HandedOverAlerts entry = HandedOverAlerts.of("127.0.0.1:5701", List.of(HIT_RATE, MEMBER_LEFT));

        assertThat(entry.alerts()).containsExactly(HIT_RATE, MEMBER_LEFT);
        assertThat(entry.member()).isEqualTo("127.0.0.1:5701");
    }

    @Test
    void fieldsOfDifferentLengthsAreRefused() {
        HandedOverAlerts entry = HandedOverAlerts.of("m", List.of(HIT_RATE));
        HandedOverAlerts shortRules = new HandedOverAlerts("m", entry.ids(), new String[0], entry.severities(),
                entry.members(), entry.values(), entry.thresholds(), entry.startMillis());

        assertThatIllegalArgumentException().isThrownBy(shortRules::alerts)
            .withMessage("the alerts' fields differ in length from ids (1)");
    }

    @Test
    void aMissingFieldAnUnknownSeverityOrTooManyAlertsAreRefusedNamingThem() {
        HandedOverAlerts entry = HandedOverAlerts.of("m", List.of(HIT_RATE));

        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HandedOverAlerts("m", entry.ids(), entry.rules(), entry.severities(), entry.members(),
                    null, entry.thresholds(), entry.startMillis())
                .alerts())
            .withMessage("values is missing");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new HandedOverAlerts("m", entry.ids(), entry.rules(), new String[] { "warning" },
                    entry.members(), entry.values(), entry.thresholds(), entry.startMillis())
                .alerts())
            .withMessage("severity 'warning' is none of WARNING, CRITICAL, EMERGENCY");
        HandedOverAlerts flood = HandedOverAlerts.of("m",
                Collections.nCopies(HandedOverAlerts.MAX_ALERTS + 1, HIT_RATE));
        assertThatIllegalArgumentException().isThrownBy(flood::alerts)
            .withMessage("ids has " + (HandedOverAlerts.MAX_ALERTS + 1) + " alerts, more than "
                    + HandedOverAlerts.MAX_ALERTS);
    }

    @Test
    void aMissingIdIsRefusedByTheAlert() {
        HandedOverAlerts entry = HandedOverAlerts.of("m", List.of(HIT_RATE));
        entry.ids()[0] = null;

        assertThat(org.assertj.core.api.Assertions.catchThrowable(entry::alerts))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("id is missing");
    }

}
