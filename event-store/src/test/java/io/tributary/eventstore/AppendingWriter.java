package io.tributary.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * One writer process of {@link SeveralWriterProcessesTest}: appends units of work to carts of its own and, with
 * conflicts, to one cart every writer shares; writes the identifiers of every event it saw acknowledged to a file.
 * Arguments: connection string, database, writer name, units of work, output file.
 */
public final class AppendingWriter {

    static final String SHARED_CART = "cart-shared";

    private AppendingWriter() {
    }

    public static void main(String[] args) throws Exception {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        List<String> acknowledged = new ArrayList<>();
        int conflicts = 0;
        try (MongoClient client = MongoClients.create(args[0])) {
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                    .database(client.getDatabase(args[1])).eventSerializer(serializer).snapshotSerializer(serializer)
                    .build();
            String writer = args[2];
            int units = Integer.parseInt(args[3]);
            for (int unit = 0; unit < units; unit++) {
                List<DomainEventMessage<?>> own = TestEvents.cartEvents("cart-" + writer + "-" + unit, 0, 1 + unit % 5);
                engine.appendEvents(own);
                own.forEach(event -> acknowledged.add(event.getIdentifier()));
                while (true) {
                    long next = engine.lastSequenceNumberFor(SHARED_CART).map(last -> last + 1).orElse(0L);
                    List<DomainEventMessage<?>> shared = TestEvents.cartEvents(SHARED_CART, next, 1);
                    try {
                        engine.appendEvents(shared);
                        shared.forEach(event -> acknowledged.add(event.getIdentifier()));
                        break;
                    } catch (ConcurrencyException | org.axonframework.modelling.command.AggregateStreamCreationException lost) {
                        conflicts++;
                    }
                }
            }
        }
        Files.write(Path.of(args[4]), acknowledged);
        System.out.println("appended " + acknowledged.size() + " events, " + conflicts + " conflicts");
    }
}
