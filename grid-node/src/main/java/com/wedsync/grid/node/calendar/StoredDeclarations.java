package com.wedsync.grid.node.calendar;

import com.hazelcast.map.IMap;
import com.wedsync.grid.config.calendar.CalendarMap;
import com.wedsync.grid.config.calendar.Declaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the declarations kept in {@value CalendarMap#NAME}. Anyone who reaches the member
 * port can write to that map: an entry that is no declaration under its own key, or that
 * does not deserialize (a field its record refuses), is skipped with one WARN per key
 * ({@code event=calendar_entry_skipped}) and the others are still read.
 */
public final class StoredDeclarations {

    /**
     * The most keys remembered as warned about; beyond them a bad entry is skipped
     * silently.
     */
    static final int MAX_WARNED = 1000;

    private static final Logger logger = LoggerFactory.getLogger(StoredDeclarations.class);

    private final IMap<Object, Object> map;

    private final Set<Object> warned = ConcurrentHashMap.newKeySet();

    /**
     * Creates the reader.
     * @param map the calendar's map
     */
    public StoredDeclarations(IMap<Object, Object> map) {
        this.map = map;
    }

    /**
     * Reads every declaration: in one call, or, when an entry does not deserialize, key
     * by key.
     * @return the declarations, bad entries left out
     */
    public List<Declaration> read() {
        try {
            return checked(this.map.entrySet());
        }
        catch (RuntimeException ex) {
            List<Declaration> declarations = new ArrayList<>();
            for (Object key : this.map.keySet()) {
                try {
                    Object value = this.map.get(key);
                    if (value != null) {
                        declarations.addAll(checked(Set.of(Map.entry(key, value))));
                    }
                }
                catch (RuntimeException unreadable) {
                    skip(key, "it does not deserialize: " + unreadable);
                }
            }
            return declarations;
        }
    }

    /**
     * Returns the map, for listeners and writes.
     * @return the map of declarations
     */
    @SuppressWarnings("unchecked")
    IMap<String, Declaration> map() {
        return (IMap<String, Declaration>) (IMap<?, ?>) this.map;
    }

    private List<Declaration> checked(Set<Map.Entry<Object, Object>> entries) {
        List<Declaration> declarations = new ArrayList<>(entries.size());
        for (Map.Entry<Object, Object> entry : entries) {
            if (!(entry.getValue() instanceof Declaration declaration)) {
                skip(entry.getKey(), "its value is a " + entry.getValue().getClass().getName() + ", no declaration");
            }
            else if (!declaration.key().equals(entry.getKey())) {
                skip(entry.getKey(), "it holds the declaration of key " + declaration.key());
            }
            else {
                declarations.add(declaration);
            }
        }
        return declarations;
    }

    private void skip(Object key, String problem) {
        if (this.warned.size() < MAX_WARNED && this.warned.add(key)) {
            logger.warn("event=calendar_entry_skipped map={} key='{}' problem={}", CalendarMap.NAME, key, problem);
        }
    }

}
