package com.wedsync.grid.loadtest.scenario;

import com.wedsync.grid.config.catalog.DataClass;
import com.wedsync.grid.config.key.WeddingKey;
import com.wedsync.grid.loadtest.target.Layer;
import com.wedsync.grid.loadtest.target.Target;
import com.wedsync.grid.loadtest.workload.FiniteWorkload;
import com.wedsync.grid.loadtest.workload.OpType;
import com.wedsync.grid.loadtest.workload.Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much of each class a target still holds after a run: every key the workload wrote
 * (the preload writes each once) is read back, or an evenly spaced sample of at most
 * {@link #SAMPLE} keys of a larger class.
 */
public final class Retention {

    /** The most keys of one class read back. */
    static final int SAMPLE = 5_000;

    private Retention() {
    }

    /**
     * Reads back the workload's keys.
     * @param workload the workload whose keys were written
     * @param target the target
     * @return per class with keys, the share of those read back that were present (a
     * failed read counts as absent)
     */
    public static Map<DataClass, Double> measure(FiniteWorkload workload, Target target) {
        Map<DataClass, Double> shares = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            List<WeddingKey> keys = workload.keys(dataClass);
            if (keys.isEmpty()) {
                continue;
            }
            int step = Math.max(1, keys.size() / SAMPLE);
            long read = 0;
            long present = 0;
            for (int i = 0; i < keys.size(); i += step) {
                read++;
                if (present(target, dataClass, keys.get(i))) {
                    present++;
                }
            }
            shares.put(dataClass, Math.round(10_000.0 * present / read) / 10_000.0);
        }
        return shares;
    }

    private static boolean present(Target target, DataClass dataClass, WeddingKey key) {
        try {
            return target.execute(new Operation(OpType.GET, dataClass, key, null)) != Layer.MISS;
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

}
