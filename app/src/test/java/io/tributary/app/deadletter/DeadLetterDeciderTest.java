package io.tributary.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.tributary.query.support.BatchFailed;
import io.tributary.query.support.EventFailed;
import java.util.stream.Stream;
import org.bson.BsonMaximumSizeExceededException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterDeciderTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new MongoSocketException("reset", new ServerAddress()), true),
                Arguments.of(new BatchFailed(new MongoTimeoutException("no server")), true),
                Arguments.of(new EventFailed(3, new RuntimeException(new InterruptedException())), true),
                Arguments.of(new EventFailed(3, new BsonMaximumSizeExceededException("over 16 MB")), false),
                Arguments.of(new IllegalStateException("cannot handle"), false));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void tellsStoreTroubleFromAFailingEvent(Throwable failure, boolean storeTrouble) {
        assertThat(DeadLetterDecider.isStoreTrouble(failure)).isEqualTo(storeTrouble);
    }
}
