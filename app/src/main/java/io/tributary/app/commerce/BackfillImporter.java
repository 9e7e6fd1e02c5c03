package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.backfill.FailBackfill;
import io.tributary.api.backfill.ImportBackfillPage;
import io.tributary.api.backfill.RecordBackfillPage;
import io.tributary.api.ingestion.Rejection;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.source.SourceType;
import io.tributary.api.intake.CommerceCredentials;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * One backfill step: fetch a page of orders from the store, ingest its tracked events through the same intake and
 * dedup keys as the webhooks (orders this store already recorded are not submitted again), then record the page
 * on the source. A refusal from the store fails the backfill; an interruption (shutdown) propagates, so that the
 * saga's processor hands the step over again after the restart.
 */
@Component
class BackfillImporter {

    private final StoreIntake intake;
    private final Map<SourceType, OrderApi> apis = new EnumMap<>(SourceType.class);
    private final CommandGateway commands;
    private final ExecutorService recorder = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "backfill-record");
        thread.setDaemon(true);
        return thread;
    });

    BackfillImporter(StoreIntake intake, List<OrderApi> apis, CommandGateway commands) {
        this.intake = intake;
        this.commands = commands;
        apis.forEach(api -> this.apis.put(api.type(), api));
    }

    @CommandHandler
    void handle(ImportBackfillPage command) {
        Optional<CommerceCredentials> store = intake.find(command.sourceId()).filter(found -> apis.containsKey(found.type()));
        if (store.isEmpty()) {
            fail(command, "the source is not a Shopify or WooCommerce source");
            return;
        }
        OrderApi api = apis.get(store.get().type());
        OrderApi.OrderPage page;
        try {
            page = api.fetch(store.get(), command.since(), command.cursor());
        } catch (StoreApiException e) {
            if (e.kind() == StoreApiException.Kind.INTERRUPTED) {
                throw e;
            }
            fail(command, e.getMessage());
            return;
        }
        Instant receivedAt = intake.now();
        List<TrackedEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode order : page.orders()) {
            Mapped mapped = intake.bounded(order, api::map);
            if (mapped.isInvalid()) {
                rejections.add(intake.rejection(store.get(), receivedAt, order.toString().getBytes(StandardCharsets.UTF_8),
                        mapped.errors()));
            }
            events.addAll(mapped.events());
        }
        StoreIntake.Submitted submitted = intake.submit(store.get(), events, rejections, receivedAt, true);
        record(new RecordBackfillPage(command.sourceId(), command.backfillId(), command.page(), command.cursor(),
                page.nextCursor(), page.orders().size(), submitted.accepted(), submitted.alreadyPresent(),
                rejections.size(), receivedAt));
    }

    private void fail(ImportBackfillPage command, String reason) {
        record(new FailBackfill(command.sourceId(), command.backfillId(), command.page(), reason, intake.now()));
    }

    /**
     * Records outside the saga's unit of work, so that the page is stored before the saga's tracking token moves
     * on: a restart in between repeats the step (and the source ignores the repeated page) instead of losing it.
     */
    private void record(Object command) {
        try {
            CompletableFuture.runAsync(() -> commands.sendAndWait(command), recorder).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @PreDestroy
    void stop() {
        recorder.shutdown();
    }
}
