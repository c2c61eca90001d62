package com.wedsync.grid.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import com.wedsync.grid.config.catalog.DataClass;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadSpecTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 6);

    @Test
    void parsesTheWeddingMix() {
        WorkloadSpec spec = WorkloadSpec.parse("mix=wedding;reads=0.9;weddings=200;theta=0.8;guests=50-60;"
                + "weight.photo_thumbnails=0;Size.Vendor_Responses=1k-2k;items=zipfian;seed=5");
        assertThat(spec.kind()).isEqualTo(WorkloadSpec.Kind.WEDDING);
        WeddingModel model = spec.weddingModel(TODAY);
        assertThat(model.weddings()).isEqualTo(200);
        assertThat(model.minGuests()).isEqualTo(50);
        assertThat(model.maxGuests()).isEqualTo(60);
        assertThat(model.seed()).isEqualTo(5);
        WeddingTraffic traffic = spec.weddingTraffic();
        assertThat(traffic.theta()).isEqualTo(0.8);
        assertThat(traffic.items()).isEqualTo(KeyDistribution.ZIPFIAN);
        assertThat(traffic.mix().probability(OpType.GET)).isEqualTo(0.9, within(1e-9));
        assertThat(traffic.mix().weights().get(DataClass.PHOTO_THUMBNAILS)).isZero();
        assertThat(traffic.values().get(DataClass.VENDOR_RESPONSES))
            .isEqualTo(new ValueShape(1024, 2048, ValueShape.Content.JSON));
        assertThat(spec.create(TODAY)).isInstanceOf(WeddingWorkload.class);
        assertThat(spec.toString()).startsWith("mix=wedding;reads=0.9;weddings=200")
            .contains("size.vendor_responses=1k-2k");
    }

    @Test
    void anEmptySpecIsTheDefaultWeddingMix() {
        WorkloadSpec spec = WorkloadSpec.parse("");
        assertThat(spec).isEqualTo(WorkloadSpec.defaults());
        assertThat(spec.weddingModel(TODAY)).isEqualTo(WeddingModel.defaults(TODAY));
        assertThat(spec.weddingTraffic()).isEqualTo(WeddingTraffic.defaults());
    }

    @Test
    void parsesYcsbFromTextAndFromAMap() {
        WorkloadSpec spec = WorkloadSpec.parse("ycsb=B;records=100000;valueSize=1024");
        assertThat(spec.kind()).isEqualTo(WorkloadSpec.Kind.YCSB);
        YcsbSettings settings = spec.ycsbSettings();
        assertThat(settings).isEqualTo(YcsbWorkloads.B.settings(100_000, 1_024));

        YcsbSettings fromMap = WorkloadSpec
            .parse(Map.of("YCSB", "d", "records", "500", "class", "guest_interactions", "distribution", "uniform"))
            .ycsbSettings();
        assertThat(fromMap.name()).isEqualTo("ycsb-D");
        assertThat(fromMap.records()).isEqualTo(500);
        assertThat(fromMap.dataClass()).isEqualTo(DataClass.GUEST_INTERACTIONS);
        assertThat(fromMap.distribution()).isEqualTo(KeyDistribution.UNIFORM);
        assertThat(WorkloadSpec.parse("ycsb=F;records=10").create(TODAY).keyCount()).isEqualTo(10);
    }

    @Test
    void errorsNameTheFieldAndTheValue() {
        assertError("theta=1.5", "'theta'", "'1.5'");
        assertError("theta=abc", "'theta'", "'abc'");
        assertError("weddings=0", "'weddings'", "'0'");
        assertError("reads=1.2", "'reads'", "'1.2'");
        assertError("guests=300-100", "'guests'", "'300-100'");
        assertError("weight.cake=3", "weight.cake", "'cake'");
        assertError("wedings=10", "'wedings'", "weddings");
        assertError("items=pareto", "'items'", "'pareto'");
        assertError("weeks", "'weeks'", "key=value");
        assertError("weddings=5;weddings=6", "'weddings'", "twice");
        assertError("mix=bananas", "'mix'", "'bananas'");
        assertError("ycsb=E", "'ycsb'", "'E'");
        assertError("ycsb=B;records=-3", "'records'", "'-3'");
        assertError("ycsb=B;valueSize=big", "'valueSize'", "'big'");
        assertError("ycsb=B;class=cakes", "'class'", "'cakes'");
        assertError("ycsb=B;weddings=10", "'weddings'", "ycsb");
        assertError("weddings=", "'weddings'", "no value");
    }

    private static void assertError(String spec, String... fragments) {
        assertThatIllegalArgumentException().as(spec)
            .isThrownBy(() -> WorkloadSpec.parse(spec))
            .satisfies((error) -> assertThat(error.getMessage()).contains(fragments));
    }

}
