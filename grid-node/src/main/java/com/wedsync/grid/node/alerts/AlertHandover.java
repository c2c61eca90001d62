package com.wedsync.grid.node.alerts;

import com.wedsync.grid.node.alerts.rules.Alert;
import java.util.List;

/**
 * Where the coordinating member keeps its cluster-wide alerts for the member that
 * coordinates after it.
 */
interface AlertHandover {

    /**
     * Takes the alerts other members left here, removing them.
     * @param includingOwn whether to take this member's own too: those it left before it
     * stopped being the oldest, if no other member took them over meanwhile
     * @return the active alerts, of any rule (the caller checks them)
     */
    List<Alert> takeOver(boolean includingOwn);

    /**
     * Leaves this member's cluster-wide alerts for its successor, replacing what it left
     * before.
     * @param alerts the active alerts, none to leave nothing
     */
    void leave(List<Alert> alerts);

}
