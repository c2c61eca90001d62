package com.wedsync.grid.config.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.untrusted.Gadget;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client sends objects the member must Java-deserialize (an entry processor, a query
 * predicate, a value of the replicated map the monitor uses, which stores values
 * deserialized): a class outside the allow-list is refused before its {@code readObject}
 * runs, with an error naming the class. Control: a member whose allow-list also names the
 * gadget's classes, with Hazelcast's defaults on (the protection off), runs the same
 * requests.
 */
class DeserializationFilterIT {

    private static final String MAP = "vendor_responses";

    private static final String REPLICATED = "grid_monitor_samples";

    private static HazelcastInstance guarded;

    private static HazelcastInstance guardedClient;

    private static HazelcastInstance open;

    private static HazelcastInstance openClient;

    @BeforeAll
    static void startMembersAndClients() {
        guarded = SecurityProbe.member("deser-guarded", UnaryOperator.identity());
        guardedClient = SecurityProbe.client(guarded);
        open = SecurityProbe.member("deser-open", DeserializationFilterIT::protectionOff);
        openClient = SecurityProbe.client(open);
    }

    @AfterAll
    static void shutDown() {
        SecurityProbe.shutdown(guardedClient, openClient, guarded, open);
    }

    @BeforeEach
    void resetCounter() {
        Gadget.DESERIALIZED.set(0);
    }

    @Test
    void anEntryProcessorOfAnUnlistedClassIsRefusedNamingTheClass() {
        IMap<Object, Object> map = guardedClient.getMap(MAP);
        map.set("quote", "band");

        assertThatExceptionOfType(HazelcastSerializationException.class)
            .isThrownBy(() -> map.executeOnKey("quote", new Gadget.Processor()))
            .withMessageContaining("Resolving class " + Gadget.Processor.class.getName() + " is not allowed");
        assertThat(Gadget.DESERIALIZED).hasValue(0);
        assertThat(map.get("quote")).isEqualTo("band");
    }

    @Test
    void theSameEntryProcessorRunsWhenItsClassIsAllowed() {
        IMap<Object, Object> map = openClient.getMap(MAP);
        map.set("quote", "band");

        assertThat(map.executeOnKey("quote", new Gadget.Processor())).isEqualTo("processed band");
        assertThat(Gadget.DESERIALIZED).hasPositiveValue();
    }

    @Test
    void aPredicateOfAnUnlistedClassIsRefusedNamingTheClass() {
        IMap<Object, Object> map = guardedClient.getMap(MAP);
        map.set(new WeddingKey("w-1", "quote"), "band");

        assertThatExceptionOfType(HazelcastSerializationException.class)
            .isThrownBy(() -> map.values(new Gadget.Filter()))
            .withMessageContaining("Resolving class " + Gadget.Filter.class.getName() + " is not allowed");
        assertThat(Gadget.DESERIALIZED).hasValue(0);
    }

    @Test
    void theSamePredicateIsEvaluatedWhenItsClassIsAllowed() {
        IMap<Object, Object> map = openClient.getMap(MAP);
        map.set(new WeddingKey("w-1", "quote"), "band");

        assertThat(map.values(new Gadget.Filter())).contains("band");
        assertThat(Gadget.DESERIALIZED).hasPositiveValue();
    }

    @Test
    void anUnlistedValueInTheMonitorsReplicatedMapIsRefusedNamingTheClass() {
        ReplicatedMap<Object, Object> samples = guardedClient.getReplicatedMap(REPLICATED);

        assertThatExceptionOfType(HazelcastSerializationException.class)
            .isThrownBy(() -> samples.put("intruder", new Gadget.Value("x")))
            .withMessageContaining("Resolving class " + Gadget.Value.class.getName() + " is not allowed");
        assertThat(Gadget.DESERIALIZED).hasValue(0);
        assertThat(guarded.getReplicatedMap(REPLICATED).containsKey("intruder")).isFalse();
    }

    @Test
    void theSameValueIsStoredWhenItsClassIsAllowed() {
        openClient.getReplicatedMap(REPLICATED).put("guest", new Gadget.Value("x"));

        assertThat(open.getReplicatedMap(REPLICATED).get("guest")).isEqualTo(new Gadget.Value("x"));
        assertThat(Gadget.DESERIALIZED).hasPositiveValue();
    }

    @Test
    void aJdkGadgetTriggerOutsideJavaLangIsRefused() {
        // Hazelcast's default allow-list has the prefix "java", which also admits
        // javax.*: this classic gadget entry point went through before the defaults were
        // disabled (the control below).
        ReplicatedMap<Object, Object> samples = guardedClient.getReplicatedMap(REPLICATED);

        assertThatExceptionOfType(HazelcastSerializationException.class)
            .isThrownBy(() -> samples.put("jdk", new BadAttributeValueExpException("probe")))
            .withMessageContaining(
                    "Resolving class " + BadAttributeValueExpException.class.getName() + " is not allowed");
    }

    @Test
    void theJdkGadgetTriggerPassesHazelcastsDefaultAllowList() {
        openClient.getReplicatedMap(REPLICATED).put("jdk", new BadAttributeValueExpException("probe"));

        assertThat(open.getReplicatedMap(REPLICATED).get("jdk")).isInstanceOf(BadAttributeValueExpException.class);
    }

    @Test
    void theProjectsOwnTypesNeedNoJavaDeserialization() {
        // Keys, values and the monitor's summaries are Compact, strings and byte arrays:
        // all pass the narrow list.
        IMap<Object, Object> map = guardedClient.getMap("wedding_data");
        map.set(new WeddingKey("w-2", "timeline"), new Timeline("w-2", List.of("ceremony", "dinner")));
        guardedClient.getReplicatedMap(REPLICATED).put("member", new Timeline("member", List.of("sample")));

        assertThat(map.get(new WeddingKey("w-2", "timeline")))
            .isEqualTo(new Timeline("w-2", List.of("ceremony", "dinner")));
        assertThat(guarded.getReplicatedMap(REPLICATED).get("member"))
            .isEqualTo(new Timeline("member", List.of("sample")));
    }

    /**
     * The previous configuration's effect plus the gadget's classes: Hazelcast's defaults
     * and no narrowing.
     */
    private static Config protectionOff(Config config) {
        var filter = config.getSerializationConfig().getJavaSerializationFilterConfig();
        filter.setDefaultsDisabled(false);
        filter.getWhitelist()
            .addClasses(Gadget.Processor.class.getName(), Gadget.Filter.class.getName(), Gadget.Value.class.getName());
        return config;
    }

    /** A record value, as services store them: Compact with zero configuration. */
    record Timeline(String weddingId, List<String> events) {
    }

}
