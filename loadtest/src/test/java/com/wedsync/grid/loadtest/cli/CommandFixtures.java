package com.wedsync.grid.loadtest.cli;

import java.util.List;
import java.util.Map;

/**
 * What the command-line tests share: walking the JSON a command wrote, and finding the
 * members it left running.
 */
final class CommandFixtures {

    private CommandFixtures() {
    }

    /** The grid-node JVMs below a process. */
    static List<ProcessHandle> nodeProcesses(ProcessHandle parent) {
        return parent.descendants()
            .filter(ProcessHandle::isAlive)
            .filter((p) -> p.info().commandLine().orElse("").contains("grid-node.jar"))
            .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

}
