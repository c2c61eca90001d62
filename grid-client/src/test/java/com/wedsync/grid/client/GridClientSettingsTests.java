package com.wedsync.grid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.wedsync.grid.config.InvalidFieldException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation of {@link GridClientSettings#deserializationAllowList()} (every bad
 * entry is refused naming it) and of the value limits.
 */
class GridClientSettingsTests {

    private final GridClientSettings defaults = GridClientSettings.defaults();

    @Test
    void theBuilderStartsFromTheDefaultsAndACopyChangesOnlyWhatItSets() {
        GridClientSettings built = GridClientSettings.builder().build();
        GridClientSettings changed = built.toBuilder().operationTimeout(Duration.ofSeconds(2)).build();

        assertThat(built).usingRecursiveComparison().ignoringFields("catalog").isEqualTo(this.defaults);
        assertThat(changed.operationTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(changed).usingRecursiveComparison().ignoringFields("operationTimeout").isEqualTo(built);
        assertThatNullPointerException().isThrownBy(() -> GridClientSettings.builder().catalog(null))
            .withMessage("catalog is missing");
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> GridClientSettings.builder().operationTimeout(Duration.ZERO).build())
            .withMessage("operationTimeout (PT0S) must be positive")
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("operationTimeout"))
            .satisfies((ex) -> assertThat(ex.rule()).isEqualTo("must be positive"));
    }

    @Test
    void byDefaultNothingBeyondTheJdkBasicTypesIsAllowed() {
        assertThat(this.defaults.deserializationAllowList()).isEmpty();
    }

    @Test
    void classNamesNestedClassesAndPackagePrefixesAreAccepted() {
        List<String> entries = List.of("com.example.rsvp.Guest", "com.example.rsvp.Guest$Plus", "com.example.vendors.",
                "Top_Level$1");

        assertThat(this.defaults.withDeserializationAllowList(entries).deserializationAllowList())
            .containsExactlyElementsOf(entries);
    }

    @Test
    void theListIsCopied() {
        List<String> entries = new ArrayList<>(List.of("com.example."));
        GridClientSettings settings = this.defaults.withDeserializationAllowList(entries);
        entries.add("org.evil.");

        assertThat(settings.deserializationAllowList()).containsExactly("com.example.");
    }

    @Test
    void wildcardsBlanksAndOtherNonNamesAreRefusedNamingTheEntry() {
        for (String entry : List.of("com.example.*", "", " com.example.", "com..example", ".com.example", "1com.x",
                "com.example.Guest;", "[Lcom.example.Guest;")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> this.defaults.withDeserializationAllowList(List.of(entry)))
                .withMessage("deserializationAllowList entry '" + entry
                        + "' is neither a class name nor a package prefix ending in '.' (no wildcards)");
        }
    }

    @Test
    void aNullEntryIsRefused() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.defaults.withDeserializationAllowList(Arrays.asList("com.example.", null)))
            .withMessage("deserializationAllowList entry null is neither a class name nor a package prefix ending in"
                    + " '.' (no wildcards)");
        assertThatNullPointerException().isThrownBy(() -> this.defaults.withDeserializationAllowList(null))
            .withMessage("deserializationAllowList is missing");
    }

    @Test
    void aTopLevelPrefixIsRefusedAsTooBroad() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.defaults.withDeserializationAllowList(List.of("org.")))
            .withMessage("deserializationAllowList entry 'org.' is too broad: name a package of at least two parts,"
                    + " such as 'com.example.'");
    }

    @Test
    void aLongEntryIsShownCutAndTheListIsBounded() {
        String longEntry = "a".repeat(300) + "*";
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.defaults.withDeserializationAllowList(List.of(longEntry)))
            .withMessageStartingWith("deserializationAllowList entry '" + "a".repeat(200) + "...' (301 characters)");

        List<String> tooMany = Collections.nCopies(GridClientSettings.MAX_ALLOW_LIST_ENTRIES + 1, "com.example.");
        assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withDeserializationAllowList(tooMany))
            .withMessage("deserializationAllowList has 1001 entries; at most 1000 are accepted");
        assertThat(this.defaults
            .withDeserializationAllowList(
                    Collections.nCopies(GridClientSettings.MAX_ALLOW_LIST_ENTRIES, "com.example."))
            .deserializationAllowList()).hasSize(GridClientSettings.MAX_ALLOW_LIST_ENTRIES);
    }

    @Test
    void theLimitBeforeCompressionIsAtLeastTheLimitAfter() {
        assertThat(this.defaults.maxUncompressedValueBytes()).isEqualTo(16 * 1024 * 1024);
        assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.withValueLimits(1024, 4096, 4095))
            .withMessage("maxUncompressedValueBytes (4095) must be at least maxValueBytes (4096)");
        assertThat(this.defaults.withValueLimits(1024, 4096, 4096).maxUncompressedValueBytes()).isEqualTo(4096);
    }

    @Test
    void raisingTheLimitAfterCompressionPastTheOneBeforeRaisesBoth() {
        GridClientSettings raised = this.defaults.withValueLimits(1024, 32 * 1024 * 1024);

        assertThat(raised.maxUncompressedValueBytes()).isEqualTo(32 * 1024 * 1024);
        assertThat(this.defaults.withValueLimits(1024, 4096).maxUncompressedValueBytes()).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void theSampleIntervalIsFiveSecondsByDefaultAndBoundedNamingTheField() {
        assertThat(this.defaults.sampleInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(this.defaults.withSampleInterval(Duration.ofMillis(100)).sampleInterval())
            .isEqualTo(Duration.ofMillis(100));
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> this.defaults.withSampleInterval(Duration.ofMillis(99)))
            .withMessage("sampleInterval (99ms) must lie between 100ms and 1m")
            .satisfies((ex) -> assertThat(ex.field()).isEqualTo("sampleInterval"));
        assertThatExceptionOfType(InvalidFieldException.class)
            .isThrownBy(() -> this.defaults.withSampleInterval(Duration.ofSeconds(61)))
            .withMessage("sampleInterval (61s) must lie between 100ms and 1m");
    }

}
