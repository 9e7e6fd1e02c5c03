package io.tributary.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.tributary.embedded.EmbeddedMongoServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/**
 * The store alone, at a size: fills the event log, quality facts and conversions as {@link EmbeddedIndexBench} does
 * (with the app's indexes), then measures the heap after a full GC with the store open, on the file store and on
 * memory (or only the stores named after the size: {@code StoreRestart 1000000 file}), and the file store's restart:
 * open, first "newest 50" and first "newest 50 of a source" answered, heap after the restart. Reports the load
 * average beside each phase, since the machine is shared. Appends to bench/results/file-store-restart-&lt;date&gt;.md.
 */
public final class StoreRestart {

    private StoreRestart() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> kinds = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("file", "memory");
        Path dir = Files.createTempDirectory("store-restart");
        long baseline = Machine.liveHeapBytesAfterGc();
        StringBuilder md = new StringBuilder(String.format("%n## The store alone at %,d events (StoreRestart, %s)%n%n", size, LocalDate.now()));
        md.append(String.format("JVM live heap before any store: %,d MB; max heap %,d MB.%n%n", baseline >> 20,
                Runtime.getRuntime().maxMemory() >> 20));
        md.append("| store | fill s | fill CPU s | load avg (1 min) after fill | live heap after GC, store open, MB (minus baseline) | bytes per event (event + fact + conversion) |\n|---|---:|---:|---:|---:|---:|\n");
        for (String kind : kinds) {
            try (EmbeddedMongoServer server = kind.equals("file") ? EmbeddedMongoServer.file(dir) : EmbeddedMongoServer.memory();
                 MongoClient client = MongoClients.create(server.connectionString())) {
                long begin = System.nanoTime();
                long cpu = Machine.cpuNanos();
                EmbeddedIndexBench.fill(client.getDatabase("bench"), size);
                server.flush();
                double fill = (System.nanoTime() - begin) / 1e9;
                double fillCpu = (Machine.cpuNanos() - cpu) / 1e9;
                double load = loadAverage();
                long heap = Machine.liveHeapBytesAfterGc() - baseline;
                md.append(String.format("| %s | %.1f | %.1f | %.1f | %,d | %,d |%n", kind, fill, fillCpu, load, heap >> 20, heap / size));
                System.out.print(md);
            }
        }
        if (kinds.contains("file")) {
            restart(dir, size, baseline, md);
        }
        System.out.println(md);
        Path out = Path.of("bench/results", "file-store-restart-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    private static void restart(Path dir, int size, long baseline, StringBuilder md) {
        double loadBefore = loadAverage();
        long begin = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            double opened = (System.nanoTime() - begin) / 1e9;
            List<Document> newest = db.getCollection("eventlog").find().sort(Sorts.orderBy(Sorts.descending("receivedAt"),
                    Sorts.descending("_id"))).limit(50).into(new ArrayList<>());
            double ready = (System.nanoTime() - begin) / 1e9;
            List<Document> bySource = db.getCollection("eventlog").find(Filters.eq("sourceId", newest.get(0).getString("sourceId")))
                    .sort(Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.descending("_id"))).limit(50).into(new ArrayList<>());
            double second = (System.nanoTime() - begin) / 1e9;
            long count = db.getCollection("eventlog").countDocuments();
            long heap = Machine.liveHeapBytesAfterGc() - baseline;
            long fileMb = dir.resolve(EmbeddedMongoServer.FILE_NAME).toFile().length() >> 20;
            md.append(String.format("%nFile store restart with %,d events (%,d in the event log after reopening; load average %.1f "
                    + "before; file %,d MB): store open in %.2f s; first newest-50 answered (%d rows) at %.2f s; first "
                    + "newest-50 of one source (%d rows) at %.2f s. Live heap after the restart, store open: %,d MB (%,d bytes "
                    + "per event).%n", size, count, loadBefore, fileMb, opened, newest.size(), ready, bySource.size(), second,
                    heap >> 20, heap / size));
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
