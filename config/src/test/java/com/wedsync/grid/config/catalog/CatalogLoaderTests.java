package com.wedsync.grid.config.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.EvictionPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTests {

    private static final String SHIPPED = shippedYaml();

    @Test
    void shippedCatalogHoldsTheFiveClassesWithSharesThatAddUpTo100() {
        Catalog catalog = CatalogLoader.loadDefault();

        assertThat(catalog.policies()).extracting(DataClassPolicy::dataClass).containsExactly(DataClass.values());
        assertThat(catalog.policies()).extracting(DataClassPolicy::memorySharePercent)
            .containsExactly(40, 25, 20, 10, 5);
        assertThat(catalog.policies().stream().mapToInt(DataClassPolicy::memorySharePercent).sum()).isEqualTo(100);
        assertThat(catalog.policies())
            .allSatisfy((policy) -> assertThat(policy.mapName()).isEqualTo(policy.dataClass().id()));
        assertThat(catalog.protectionWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shippedCatalogReadsEveryFieldOfWeddingData() {
        DataClassPolicy wedding = CatalogLoader.loadDefault().policy(DataClass.WEDDING_DATA);

        assertThat(wedding.backupCount()).isEqualTo(2);
        assertThat(wedding.asyncBackupCount()).isZero();
        assertThat(wedding.ttl())
            .isEqualTo(new TtlBounds(Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(14)));
        assertThat(wedding.maxIdle()).isZero();
        assertThat(wedding.eviction()).isEqualTo(EvictionPolicy.LRU);
        assertThat(wedding.protectUpcoming()).isTrue();
        assertThat(wedding.nearCache())
            .isEqualTo(new NearCachePolicy(true, 10_000, Duration.ofMinutes(5), Duration.ZERO));
        assertThat(wedding.mergePolicy()).isEqualTo("LatestUpdateMergePolicy");
    }

    @Test
    void shippedCatalogGivesOnlyWeddingDataUpcomingAndSplitBrainProtection() {
        assertThat(CatalogLoader.loadDefault().policies()).filteredOn(DataClassPolicy::protectUpcoming)
            .extracting(DataClassPolicy::dataClass)
            .containsExactly(DataClass.WEDDING_DATA);
        assertThat(CatalogLoader.loadDefault().policies()).filteredOn(DataClassPolicy::splitBrainProtection)
            .extracting(DataClassPolicy::dataClass)
            .containsExactly(DataClass.WEDDING_DATA);
    }

    @Test
    void loadingTheShippedYamlFromAStreamGivesTheDefaultCatalog() {
        assertThat(load(SHIPPED)).isEqualTo(CatalogLoader.loadDefault());
    }

    @Test
    void overridesReplaceFieldsOfTheShippedCatalog() {
        Catalog catalog = CatalogLoader.loadDefault(Map.of("wedding_data.backup-count", "3",
                "classes.vendor_responses.ttl.base", "2h", "system_cache.eviction", "lfu", "protection-window", "10d"));

        assertThat(catalog.policy(DataClass.WEDDING_DATA).backupCount()).isEqualTo(3);
        assertThat(catalog.policy(DataClass.VENDOR_RESPONSES).ttl().base()).isEqualTo(Duration.ofHours(2));
        assertThat(catalog.policy(DataClass.SYSTEM_CACHE).eviction()).isEqualTo(EvictionPolicy.LFU);
        assertThat(catalog.protectionWindow()).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void sharesThatDoNotAddUpTo100AreRejectedWithTheirSum() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("wedding_data.memory-share", "45")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: the memory-share values add up to 105 %, not 100 %");
    }

    @Test
    void sharesMovedBetweenClassesAreAcceptedWhileTheSumStays100() {
        Catalog catalog = CatalogLoader
            .loadDefault(Map.of("wedding_data.memory-share", "45", "photo_thumbnails.memory-share", "5"));

        assertThat(catalog.policies()).extracting(DataClassPolicy::memorySharePercent)
            .containsExactly(45, 25, 20, 5, 5);
    }

    @Test
    void aShareOfZeroIsRejectedNamingTheClassAndField() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("system_cache.memory-share", "0")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: system_cache.memory-share (0) must be between 1 and 100 percent");
    }

    @Test
    void anUnknownClassInTheYamlIsRejectedWithTheKnownClasses() {
        String yaml = replace(SHIPPED, "  system_cache:", "  system_caches:");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: classes.system_caches is not a known data class (known: wedding_data,"
                    + " vendor_responses, guest_interactions, photo_thumbnails, system_cache)");
    }

    @Test
    void aClassMissingFromTheYamlIsRejectedByName() {
        String yaml = SHIPPED.substring(0, SHIPPED.indexOf("  system_cache:"));

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: classes.system_cache is missing");
    }

    @Test
    void anUnknownFieldOfAClassIsRejectedWithTheFieldsKnownThere() {
        String yaml = replace(SHIPPED, "    memory-share: 25\n", "    memory-share: 25\n    colour: blue\n");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessageStartingWith("catalog: unknown field vendor_responses.colour (known here: map, memory-share,")
            .hasMessageContaining("merge-policy, split-brain-protection, memory-alert)");
    }

    @Test
    void anUnknownFieldOfTheTtlIsRejectedWithItsPath() {
        String yaml = replace(SHIPPED, "{ base: 15m, min: 1m, max: 2h }", "{ base: 15m, min: 1m, max: 2h, avg: 1h }");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: unknown field guest_interactions.ttl.avg (known here: base, min, max)");
    }

    @Test
    void anUnknownTopLevelFieldIsRejected() {
        assertThatThrownBy(() -> load("owner: ops\n" + SHIPPED)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: unknown field owner (known here: protection-window, classes)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            wedding_data.colour          | blue
            wedding_data.ttl.avg         | 1h
            wedding_data.ttl             | 1h
            wedding_data.ttl.base.extra  | 1h
            classes                      | none
            """)
    void anOverrideThatNamesNoFieldIsRejectedWithKeyAndValue(String key, String value) {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of(key, value))).isInstanceOf(CatalogException.class)
            .hasMessageStartingWith(
                    "catalog: override '" + key + "=" + value + "' names no field of the catalog" + " (fields here: [");
    }

    @Test
    void anOverrideOfAnUnknownClassListsTheClassesThere() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("weddings.backup-count", "1")))
            .hasMessage("catalog: override 'weddings.backup-count=1' names no field of the catalog (fields here:"
                    + " [guest_interactions, photo_thumbnails, system_cache, vendor_responses, wedding_data])");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    '    backup-count: 1\n    async-backup-count: 0\n    ttl: { base: 1h'      | '    async-backup-count: 0\n    ttl: { base: 1h'     | vendor_responses.backup-count
                    '    ttl: { base: 1h, min: 5m, max: 24h }'                                 | '    ttl: { min: 5m, max: 24h }'                        | vendor_responses.ttl.base
                    '    map: vendor_responses\n'                                              | ''                                                     | vendor_responses.map
                    'near-cache: { enabled: true, max-entries: 20000, ttl: 2m, max-idle: 10m }' | 'near-cache: { enabled: true, ttl: 2m, max-idle: 10m }' | vendor_responses.near-cache.max-entries
                    'protection-window: 7d'                                                   | 'protection-window: '                                  | protection-window
                    """)
    void aMissingFieldIsRejectedByItsPath(String present, String absent, String field) {
        String yaml = replace(SHIPPED, unescape(present), unescape(absent));

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: " + field + " is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    wedding_data.backup-count       | two  | wedding_data.backup-count ('two') is not a whole number
                    wedding_data.memory-share       | 40.5 | wedding_data.memory-share ('40.5') is not a whole number
                    photo_thumbnails.near-cache.max-entries | lots | photo_thumbnails.near-cache.max-entries ('lots') is not a whole number
                    wedding_data.protect-upcoming   | maybe | wedding_data.protect-upcoming ('maybe') must be true or false
                    """)
    void aValueOfTheWrongTypeIsRejectedNamingFieldAndValue(String key, String value, String message) {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of(key, value))).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: " + message);
    }

    @Test
    void aNonNumericIntegerInTheYamlIsRejectedNamingFieldAndValue() {
        String yaml = replace(SHIPPED, "backup-count: 2", "backup-count: two");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: wedding_data.backup-count ('two') is not a whole number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    wedding_data.ttl.base             | 0s     | wedding_data.ttl.base (0s) must be positive
                    wedding_data.ttl.min              | PT-5M  | wedding_data.ttl.min (-5m) must be positive
                    wedding_data.ttl.max              | 0d     | wedding_data.ttl.max (0s) must be positive
                    vendor_responses.max-idle         | PT-1H  | vendor_responses.max-idle (-1h) must not be negative
                    vendor_responses.near-cache.ttl   | 0s     | vendor_responses.near-cache.ttl (0s) must be positive
                    vendor_responses.near-cache.max-idle | PT-10S | vendor_responses.near-cache.max-idle (-10s) must not be negative
                    wedding_data.ttl.base             | -5m    | wedding_data.ttl.base (-5m) is not a duration; expected a form such as 30s, 15m, 24h or 7d
                    wedding_data.ttl.base             | soon   | wedding_data.ttl.base (soon) is not a duration; expected a form such as 30s, 15m, 24h or 7d
                    """)
    void aNegativeZeroOrUnreadableDurationIsRejectedNamingFieldAndValue(String key, String value, String message) {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of(key, value))).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: " + message);
    }

    @Test
    void aTtlMinAboveTheBaseIsRejectedWithBothValues() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("wedding_data.ttl.min", "2d")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: wedding_data.ttl.min (2d) must not exceed ttl.base (1d)");
    }

    @Test
    void aTtlBaseAboveTheMaxIsRejectedWithBothValues() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("guest_interactions.ttl.base", "3h")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: guest_interactions.ttl.base (3h) must not exceed ttl.max (2h)");
    }

    @Test
    void aNearCacheTtlAboveTheShortestEntryTtlIsRejectedWithBothValues() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("system_cache.near-cache.ttl", "2m")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: system_cache.near-cache.ttl (2m) must not exceed ttl.min (1m):"
                    + " an L1 copy must not outlive its entry");
    }

    @Test
    void evictionNoneIsRejectedBecauseTheBudgetWouldNotHold() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("photo_thumbnails.eviction", "NONE")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: photo_thumbnails.eviction (NONE) would let the class outgrow its memory budget;"
                    + " use LRU, LFU or RANDOM");
    }

    @Test
    void anUnknownEvictionIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("photo_thumbnails.eviction", "FIFO")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: photo_thumbnails.eviction ('FIFO') is not LRU, LFU or RANDOM");
    }

    @Test
    void anUnknownMergePolicyIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("system_cache.merge-policy", "LastWriteWins")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: system_cache.merge-policy ('LastWriteWins') is not one of [DiscardMergePolicy,"
                    + " ExpirationTimeMergePolicy, HigherHitsMergePolicy, LatestAccessMergePolicy,"
                    + " LatestUpdateMergePolicy, PassThroughMergePolicy, PutIfAbsentMergePolicy]");
    }

    @Test
    void splitBrainProtectionCanBeOverriddenPerClass() {
        Catalog catalog = CatalogLoader.loadDefault(
                Map.of("wedding_data.split-brain-protection", "false", "system_cache.split-brain-protection", "TRUE"));

        assertThat(catalog.policy(DataClass.WEDDING_DATA).splitBrainProtection()).isFalse();
        assertThat(catalog.policy(DataClass.SYSTEM_CACHE).splitBrainProtection()).isTrue();
    }

    @Test
    void aSplitBrainProtectionThatIsNotABooleanIsRejectedNamingFieldAndValue() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("wedding_data.split-brain-protection", "quorum")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: wedding_data.split-brain-protection ('quorum') must be true or false");
    }

    @Test
    void onlyWeddingDataFillingItsBudgetIsMemoryPressureTheCachesAreMeantToFillAndEvict() {
        Catalog catalog = CatalogLoader.loadDefault(Map.of());

        assertThat(catalog.policies().stream().filter(DataClassPolicy::memoryAlert).map(DataClassPolicy::dataClass))
            .containsExactly(DataClass.WEDDING_DATA);
        assertThat(CatalogLoader.loadDefault(Map.of("photo_thumbnails.memory-alert", "true"))
            .policy(DataClass.PHOTO_THUMBNAILS)
            .memoryAlert()).isTrue();
    }

    @Test
    void aClassWithoutMemoryAlertIsRejectedByItsPath() {
        String yaml = SHIPPED.replaceFirst("\\n    memory-alert: false", "");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: vendor_responses.memory-alert is missing");
    }

    @Test
    void aClassWithoutSplitBrainProtectionIsRejectedByItsPath() {
        String yaml = SHIPPED.replaceFirst("\\n    split-brain-protection: true", "");

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: wedding_data.split-brain-protection is missing");
    }

    @Test
    void moreThanSixBackupsAreRejectedWithBothCounts() {
        assertThatThrownBy(() -> CatalogLoader
            .loadDefault(Map.of("wedding_data.backup-count", "5", "wedding_data.async-backup-count", "2")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: wedding_data.backup-count (5) and async-backup-count (2) must not be negative"
                    + " and must add up to at most 6");
    }

    @Test
    void sixBackupsInAllAreAccepted() {
        Catalog catalog = CatalogLoader
            .loadDefault(Map.of("wedding_data.backup-count", "4", "wedding_data.async-backup-count", "2"));

        assertThat(catalog.policy(DataClass.WEDDING_DATA).backupCount()).isEqualTo(4);
        assertThat(catalog.policy(DataClass.WEDDING_DATA).asyncBackupCount()).isEqualTo(2);
    }

    @Test
    void aNegativeBackupCountIsRejected() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("system_cache.backup-count", "-1")))
            .isInstanceOf(CatalogException.class)
            .hasMessageStartingWith(
                    "catalog: system_cache.backup-count (-1) and async-backup-count (0) must not be negative");
    }

    @Test
    void twoClassesOnOneMapAreRejectedNamingBoth() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("vendor_responses.map", "wedding_data")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: vendor_responses.map ('wedding_data') is already the map of wedding_data");
    }

    @Test
    void aMapNameThatIsNotLowerCaseIsRejected() {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("vendor_responses.map", "Vendor-Responses")))
            .isInstanceOf(CatalogException.class)
            .hasMessage("catalog: vendor_responses.map ('Vendor-Responses') must be lower case letters, digits and '_',"
                    + " starting with a letter");
    }

    @Test
    void invalidYamlIsRejected() {
        assertThatThrownBy(() -> load("classes: { wedding_data: [ }\n")).isInstanceOf(CatalogException.class)
            .hasMessageStartingWith("catalog: not valid YAML: ");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRejected() {
        assertThatThrownBy(() -> load("- wedding_data\n- vendor_responses\n")).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: the document is not a mapping of fields");
        assertThatThrownBy(() -> load("")).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: the document is not a mapping of fields");
    }

    @Test
    void aClassThatIsNotAMappingIsRejected() {
        assertThatThrownBy(() -> load("protection-window: 7d\nclasses: 5\n")).isInstanceOf(CatalogException.class)
            .hasMessage("catalog: classes must be a mapping of fields, not '5'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0s    | catalog: protection-window (0s) must be positive
            PT-1H | catalog: protection-window (-1h) must be positive
            soon  | catalog: protection-window (soon) is not a duration; expected a form such as 30s, 15m, 24h or 7d
            """)
    void aProtectionWindowOverrideThatIsNotAPositiveDurationIsRejected(String value, String message) {
        assertThatThrownBy(() -> CatalogLoader.loadDefault(Map.of("protection-window", value)))
            .isInstanceOf(CatalogException.class)
            .hasMessage(message);
    }

    @Test
    void theCatalogIsImmutable() {
        Catalog catalog = CatalogLoader.loadDefault();

        assertThatThrownBy(() -> catalog.classes().remove(DataClass.SYSTEM_CACHE))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThat(catalog.policy(DataClass.SYSTEM_CACHE)).isNotNull();
    }

    private static Catalog load(String yaml) {
        return CatalogLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    private static String replace(String text, String target, String replacement) {
        assertThat(text).as("the document to change").contains(target);
        return text.replace(target, replacement);
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }

    private static String shippedYaml() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
