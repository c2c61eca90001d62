package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberSettingsTests {

    @Test
    void loopbackSettingsStartAOneMemberGridOn127001() {
        MemberSettings settings = MemberSettings.loopback("wedsync", 512L * 1024 * 1024);

        assertThat(settings.members()).containsExactly("127.0.0.1");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(5701);
        assertThat(settings.portAutoIncrement()).isTrue();
        assertThat(settings.weddingPriority()).isTrue();
        assertThat(settings.discovery()).isEqualTo(Discovery.TCP_IP);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theBuildersDefaultsAreTheLoopbackSettingsAndACopyChangesOnlyWhatItSets() {
        MemberSettings defaults = MemberSettings.builder().build();
        MemberSettings changed = defaults.toBuilder().port(5801).quorum(new Quorum(2, Duration.ofSeconds(4))).build();

        assertThat(defaults).isEqualTo(MemberSettings.loopback("wedsync-grid", 256L << 20));
        assertThat(defaults.placement()).isEqualTo(Placement.NONE);
        assertThat(defaults.quorum()).isEqualTo(Quorum.OFF);
        assertThat(changed).isEqualTo(new MemberSettings("wedsync-grid", List.of("127.0.0.1"), "127.0.0.1", 5801, true,
                256L << 20, true, Discovery.TCP_IP, Duration.ofSeconds(45), Placement.NONE,
                new Quorum(2, Duration.ofSeconds(4))));
    }

    @Test
    void aRefusedValueNamesItsFieldAndRuleAsData() {
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> MemberSettings.builder().port(0).build())
            .satisfies((ex) -> {
                assertThat(ex.field()).isEqualTo("port");
                assertThat(ex.rule()).isEqualTo("must be between 1 and 65535");
            });
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> MemberSettings.builder().placement(new Placement(null, null, null, true)).build())
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("placement"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-grid", "wed sync", "grid/1" })
    void aClusterNameOutsideTheAllowedCharactersIsRejectedWithTheValue(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> MemberSettings.loopback(name, 1024))
            .withMessageStartingWith("clusterName ('" + name + "') must be 1-100 letters, digits");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, 65536 })
    void aPortOutOfRangeIsRejectedWithTheValue(int port) {
        MemberSettings settings = MemberSettings.loopback("wedsync", 1024);

        assertThatIllegalArgumentException().isThrownBy(() -> settings.withPort(port, false))
            .withMessage("port (" + port + ") must be between 1 and 65535");
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1 })
    void aMemoryLimitThatIsNotPositiveIsRejectedWithTheValue(long limit) {
        assertThatIllegalArgumentException().isThrownBy(() -> MemberSettings.loopback("wedsync", limit))
            .withMessage("memoryLimitBytes (" + limit + ") must be positive");
    }

    @Test
    void aShutdownTimeoutUnderASecondIsRejected() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MemberSettings.builder().shutdownTimeout(Duration.ofMillis(500)).build())
            .withMessage("shutdownTimeout (PT0.5S) must be at least 1s");
    }

    @Test
    void theMemberListIsCopied() {
        List<String> members = new ArrayList<>(List.of("10.0.0.1"));
        MemberSettings settings = MemberSettings.loopback("wedsync", 1024).withMembers(members);

        members.add("10.0.0.2");

        assertThat(settings.members()).containsExactly("10.0.0.1");
    }

    @Test
    void zoneAwarePlacementNeedsACloudDiscovery() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MemberSettings.builder().placement(new Placement(null, null, null, true)).build())
            .withMessage("zone-aware placement needs the aws or kubernetes discovery, which tell each member its "
                    + "zone; discovery is TCP_IP");
    }

    @Test
    void aTagKeyWithoutAValueIsRejectedNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Placement("wedsync:cluster", null, null, false))
            .withMessage("awsTagKey (wedsync:cluster) and awsTagValue (null) must be given together");
    }

    @Test
    void malformedTagsAndServiceNamesAreRejectedWithTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Placement("bad\ttab", "x", null, false))
            .withMessageStartingWith("awsTagKey ('bad\ttab') must be 1-128 letters");
        assertThatIllegalArgumentException().isThrownBy(() -> new Placement("k", "semi;colon", null, false))
            .withMessageStartingWith("awsTagValue ('semi;colon') must be 1-256 letters");
        assertThatIllegalArgumentException().isThrownBy(() -> new Placement(null, null, "Grid_Service", false))
            .withMessage("kubernetesServiceName ('Grid_Service') must be a DNS label: 1-63 lower-case letters, "
                    + "digits or '-', starting with a letter");
    }

    @Test
    void settingsHaveNoQuorumUnlessOneIsGiven() {
        MemberSettings settings = MemberSettings.loopback("wedsync", 1024);

        assertThat(settings.quorum()).isEqualTo(Quorum.OFF);
        assertThat(settings.quorum().enabled()).isFalse();
        assertThat(settings.withQuorum(Quorum.of(2)).quorum().minMembers()).isEqualTo(2);
        assertThat(settings.withQuorum(Quorum.of(2)).withPort(5801, false).withMembers(List.of("10.0.0.1")).quorum())
            .isEqualTo(Quorum.of(2));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, -1, -2 })
    void aQuorumOfFewerThanTwoMembersIsRejectedWithTheValue(int minMembers) {
        assertThatIllegalArgumentException().isThrownBy(() -> Quorum.of(minMembers))
            .withMessage("minMembers (" + minMembers
                    + ") must be at least 2, or 0 for no split-brain protection: one member is always present");
    }

    @Test
    void aQuorumHeartbeatToleranceUnderOneSecondIsRejectedWithTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Quorum(2, Duration.ofMillis(500)))
            .withMessage("heartbeatTolerance (500ms) must be between 1s and 24d");
    }

    @Test
    void aMissingQuorumIsRejectedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatNullPointerException()
            .isThrownBy(() -> MemberSettings.loopback("wedsync", 1024).withQuorum(null))
            .withMessage("quorum is missing; use Quorum.OFF");
    }

}
