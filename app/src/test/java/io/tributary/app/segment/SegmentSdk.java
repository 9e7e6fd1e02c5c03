package io.tributary.app.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * The official analytics-java SDK, unchanged but for its endpoint, pointed at the test server. {@link #send} hands
 * it messages, flushes them as one batch, and waits until the SDK reports every one delivered.
 */
final class SegmentSdk implements AutoCloseable {

    private final Analytics analytics;
    private final List<Message> delivered = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    SegmentSdk(int port, String writeKey) {
        this(port, writeKey, new OkHttpClient());
    }

    SegmentSdk(int port, String writeKey, OkHttpClient client) {
        this.analytics = Analytics.builder(writeKey).endpoint("http://127.0.0.1:" + port).client(client)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.add(message);
                    }

                    @Override
                    public void failure(Message message, Throwable cause) {
                        failures.add(cause);
                    }
                }).build();
    }

    void send(MessageBuilder<?, ?>... messages) {
        int expected = delivered.size() + failures.size() + messages.length;
        for (MessageBuilder<?, ?> message : messages) {
            analytics.enqueue(message);
        }
        analytics.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() + failures.size() >= expected);
        assertThat(failures).as("the SDK reports every message delivered").isEmpty();
    }

    @Override
    public void close() {
        analytics.shutdown();
    }
}
