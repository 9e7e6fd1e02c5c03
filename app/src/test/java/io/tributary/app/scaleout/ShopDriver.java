package io.tributary.app.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the visits through the nodes at once: each step of a visitor to another node, the concurrent requests of a
 * step to different nodes, and a request that fails (node killed, 503) again to the next node, as a load balancer
 * would. An event is acknowledged when a node answered 200.
 */
final class ShopDriver {

    private final HttpClient http;
    private final List<AppProcess> nodes;
    private final String browserToken;
    private final String serverToken;
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicInteger retriedElsewhere = new AtomicInteger();

    ShopDriver(HttpClient http, List<AppProcess> nodes, String browserToken, String serverToken) {
        this.http = http;
        this.nodes = nodes;
        this.browserToken = browserToken;
        this.serverToken = serverToken;
    }

    /** Drives every visit with {@code threads} visitors at a time; {@code midRun} starts once half are done. */
    void drive(List<ShopVisit> visits, int threads, Runnable midRun) throws Exception {
        ExecutorService visitors = Executors.newFixedThreadPool(threads);
        ExecutorService requests = Executors.newCachedThreadPool();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<Void> middle = new CompletableFuture<>();
        try {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (ShopVisit visit : visits) {
                all.add(CompletableFuture.runAsync(() -> {
                    visit(visit, requests);
                    if (done.incrementAndGet() == visits.size() / 2) {
                        CompletableFuture.runAsync(midRun).whenComplete((ok, failed) -> {
                            if (failed != null) {
                                middle.completeExceptionally(failed);
                            } else {
                                middle.complete(null);
                            }
                        });
                    }
                }, visitors));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            middle.get();
        } finally {
            visitors.shutdownNow();
            requests.shutdownNow();
        }
    }

    private void visit(ShopVisit visit, ExecutorService requests) {
        for (int step = 0; step < visit.steps().size(); step++) {
            List<ShopVisit.Request> concurrent = visit.steps().get(step);
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < concurrent.size(); i++) {
                ShopVisit.Request request = concurrent.get(i);
                int node = visit.visitor() + step + i;
                sent.add(CompletableFuture.runAsync(() -> send(request, node), requests));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void send(ShopVisit.Request request, int preferred) {
        for (int attempt = 0; attempt < 60; attempt++) {
            AppProcess node = nodes.get((preferred + attempt) % nodes.size());
            if (attempt > 0) {
                retriedElsewhere.incrementAndGet();
            }
            if (attempt > 0 && attempt % nodes.size() == 0) {
                sleep(500);
            }
            try {
                HttpResponse<String> answer = http.send(post(node, request), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    acknowledged.add(request.eventId());
                    return;
                }
                if (answer.statusCode() != 503 && answer.statusCode() != 429) {
                    throw new AssertionError(node.name() + " answered " + answer.statusCode() + " to "
                            + request.eventId() + ": " + answer.body());
                }
            } catch (IOException unreachable) {
                // the node is down (killed): a load balancer sends the request to another one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no node stored " + request.eventId());
    }

    private HttpRequest post(AppProcess node, ShopVisit.Request request) {
        String path = request.browser() ? "/api/collect/" + browserToken : "/api/webhooks";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.browser()) {
            return builder.header("Content-Type", "text/plain").build();
        }
        return builder.header("Content-Type", "application/json").header("X-Webhook-Token", serverToken).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
