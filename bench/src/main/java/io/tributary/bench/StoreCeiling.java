package io.tributary.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The raw write ceiling of each store, without the app, in one JVM: insertMany of equivalent documents in batches
 * of 1,000, then one flush, on the file store as it was (mongo-java-server's H2 backend, Java serialisation), the
 * file store now (BSON, typed keys, fsync on flush), and memory. Besides docs/s it reports CPU per 1,000 documents,
 * which a machine shared with other work disturbs less than wall time. Also the file store's restart: open, and
 * the first indexed query answered. Appends to bench/results/file-store-ceiling-&lt;date&gt;.md.
 */
public final class StoreCeiling {

    private StoreCeiling() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("store-ceiling");
        StringBuilder md = new StringBuilder(String.format("%n## Raw ceiling without the app, %,d documents per store (StoreCeiling)%n%n"
                + "| store | `_id` | docs/s | CPU ms per 1,000 docs |%n|---|---|---:|---:|%n", count));
        for (int r = 0; r < 2; r++) {
            boolean measure = r == 1;
            String round = Integer.toString(r);
            row(md, measure, "file store before (H2, Java serialisation)", "string", () -> EmbeddedMongoServer.unindexedFile(dir.resolve("old-s" + round)), count, RawDocuments::equivalentOf);
            row(md, measure, "file store now (BSON, typed keys, fsync)", "string", () -> EmbeddedMongoServer.file(dir.resolve("new-s" + round)), count, RawDocuments::equivalentOf);
            row(md, measure, "memory", "string", EmbeddedMongoServer::memory, count, RawDocuments::equivalentOf);
            row(md, measure, "file store before (H2, Java serialisation)", "ObjectId + unique index", () -> EmbeddedMongoServer.unindexedFile(dir.resolve("old-o" + round)), count, StoreCeiling::withObjectId);
            row(md, measure, "file store now (BSON, typed keys, fsync)", "ObjectId + unique index", () -> EmbeddedMongoServer.file(dir.resolve("new-o" + round)), count, StoreCeiling::withObjectId);
            row(md, measure, "memory", "ObjectId + unique index", EmbeddedMongoServer::memory, count, StoreCeiling::withObjectId);
        }
        long begin = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir.resolve("new-o1"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document first = client.getDatabase("bench").getCollection("raw").find(new Document("seq", new Document("$gte", count / 2)))
                    .sort(new Document("seq", 1)).first();
            md.append(String.format("%nFile store restart with %,d documents and a unique index: open and first indexed query in %.2f s (found seq %s).%n",
                    count, (System.nanoTime() - begin) / 1e9, first == null ? "none" : first.get("seq")));
        }
        System.out.println(md);
        Path out = Path.of("bench/results", "file-store-ceiling-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.exit(0);
    }

    private static Document withObjectId(long i) {
        Document d = RawDocuments.equivalentOf(i);
        d.remove("_id");
        return d.append("seq", i);
    }

    private static void row(StringBuilder md, boolean measure, String store, String id, Supplier<EmbeddedMongoServer> start,
                            int count, Function<Long, Document> document) {
        try (EmbeddedMongoServer server = start.get(); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> raw = client.getDatabase("bench").getCollection("raw");
            if (!id.equals("string")) {
                raw.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true));
            }
            long cpu = Machine.cpuNanos();
            long wall = System.nanoTime();
            List<Document> batch = new ArrayList<>(1000);
            for (long i = 0; i < count; i++) {
                batch.add(document.apply(i));
                if (batch.size() == 1000) {
                    raw.insertMany(batch);
                    batch = new ArrayList<>(1000);
                }
            }
            if (!batch.isEmpty()) {
                raw.insertMany(batch);
            }
            server.flush();
            double seconds = (System.nanoTime() - wall) / 1e9;
            double cpuMs = (Machine.cpuNanos() - cpu) / 1e6;
            String line = String.format("| %s | %s | %,.0f | %,.0f |%n", store, id, count / seconds, cpuMs / count * 1000);
            System.out.print((measure ? "" : "(warm-up) ") + line);
            if (measure) {
                md.append(line);
            }
        }
    }
}
