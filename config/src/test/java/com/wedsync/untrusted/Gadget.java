package com.wedsync.untrusted;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.query.Predicate;

/**
 * Stand-ins for deserialization gadgets, in a package outside the members' allow-list:
 * each counts, in its {@code readObject}, how often Java deserialization reached it,
 * which is where a real gadget chain would start running code. Tests only.
 */
public final class Gadget {

    /** How many times a gadget was deserialized in this JVM. */
    public static final AtomicInteger DESERIALIZED = new AtomicInteger();

    private Gadget() {
    }

    private static void reached() {
        DESERIALIZED.incrementAndGet();
    }

    /** An entry processor: the member must deserialize it to run it. */
    public static final class Processor implements EntryProcessor<Object, Object, String>, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String process(Map.Entry<Object, Object> entry) {
            return "processed " + entry.getValue();
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            reached();
        }

    }

    /** A query predicate: the member must deserialize it to evaluate it. */
    public static final class Filter implements Predicate<Object, Object>, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean apply(Map.Entry<Object, Object> entry) {
            return true;
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            reached();
        }

    }

    /**
     * A plain value, for the stores a member keeps deserialized (the replicated map's
     * OBJECT format). A class, not a record: Java deserialization of a record calls its
     * constructor and never {@code readObject}.
     */
    public static final class Value implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String text;

        /**
         * Creates the value.
         * @param text its content
         */
        public Value(String text) {
            this.text = text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value value && value.text.equals(this.text);
        }

        @Override
        public int hashCode() {
            return this.text.hashCode();
        }

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            reached();
        }

    }

}
