package io.tributary.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * The store alone, at a size: fills the event log, quality facts and conversions as {@link EmbeddedIndexBench} does
 * (with the app's indexes), then measures the heap after a full GC with the store open, on the file store and on
 * memory, and the file store's restart: open, ordered indexes rebuilt, first "newest 50" answered. Appends to
 * bench/results/file-store-restart-&lt;date&gt;.md.
 */
public final class StoreRestart {

    private StoreRestart() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("store-restart");
        long baseline = Machine.liveHeapBytesAfterGc();
        StringBuilder md = new StringBuilder(String.format("%n## The store alone at %,d events (StoreRestart, %s)%n%n", size, LocalDate.now()));
        md.append(String.format("JVM live heap before any store: %,d MB.%n%n", baseline >> 20));
        md.append("| store | fill s | live heap after GC, store open, MB (minus baseline) | bytes per event (event + fact + conversion) |\n|---|---:|---:|---:|\n");
        for (String kind : List.of("file", "memory")) {
            try (EmbeddedMongoServer server = kind.equals("file") ? EmbeddedMongoServer.file(dir) : EmbeddedMongoServer.memory();
                 MongoClient client = MongoClients.create(server.connectionString())) {
                long begin = System.nanoTime();
                EmbeddedIndexBench.fill(client.getDatabase("bench"), size);
                server.flush();
                double fill = (System.nanoTime() - begin) / 1e9;
                long heap = Machine.liveHeapBytesAfterGc() - baseline;
                md.append(String.format("| %s | %.1f | %,d | %,d |%n", kind, fill, heap >> 20, heap / size));
                System.out.print(md);
            }
        }
        long begin = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            double opened = (System.nanoTime() - begin) / 1e9;
            List<Document> newest = db.getCollection("eventlog").find().sort(Sorts.orderBy(Sorts.descending("receivedAt"),
                    Sorts.descending("_id"))).limit(50).into(new ArrayList<>());
            double ready = (System.nanoTime() - begin) / 1e9;
            long count = db.getCollection("eventlog").countDocuments();
            long heap = Machine.liveHeapBytesAfterGc() - baseline;
            md.append(String.format("%nFile store restart with %,d events (%,d in the event log after reopening): store open and "
                    + "ordered indexes rebuilt in %.1f s; first newest-50 answered (%d rows) at %.1f s. Live heap after the "
                    + "restart, store open: %,d MB (%,d bytes per event).%n", size, count, opened, newest.size(), ready,
                    heap >> 20, heap / size));
        }
        System.out.println(md);
        Path out = Path.of("bench/results", "file-store-restart-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }
}
