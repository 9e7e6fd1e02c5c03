package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;

/**
 * The commands that write nothing to the store's maps, so that a commit need not wait for them. Anything not named
 * here counts as a write. (A read may still build a unique index's ordered copy on first use; if a crash catches
 * that half done, the copy's count differs from its collection's at the next open, and it is built again.)
 */
final class ReadOnlyCommands {

    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
            "listIndexes", "listDatabases", "ping", "hello", "isMaster", "ismaster", "buildInfo", "buildinfo",
            "serverStatus", "dbStats", "collStats", "killCursors", "endSessions", "getParameter", "getCmdLineOpts",
            "hostInfo", "connectionStatus", "whatsmyuri", "getLastError", "getlasterror", "getLog", "currentOp");

    private ReadOnlyCommands() {
    }

    static boolean isReadOnly(String command, Document query) {
        if (command.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages
                    && stages.stream().noneMatch(stage -> stage instanceof Document d
                    && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return READS.contains(command);
    }
}
