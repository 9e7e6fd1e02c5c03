package io.tributary.query.support;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test's database whose write to one named collection fails once when told to, as a crash between two writes of a
 * batch would leave it: the writes before it done, that one and those after it not.
 */
public final class FailingWrites {

    private static final Set<String> WRITES = Set.of("bulkWrite", "replaceOne", "updateOne", "insertOne",
            "insertMany");

    private final AtomicReference<String> failing = new AtomicReference<>();
    private final AtomicInteger writesToLetThrough = new AtomicInteger();
    public final MongoDatabase database;

    public FailingWrites(MongoDatabase real) {
        this.database = (MongoDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof MongoCollection<?> collection && method.getName().equals("getCollection")) {
                        return failingOnce((String) args[0], collection);
                    }
                    return result;
                });
    }

    /** The next write to {@code collection} fails (none when null). */
    public void failNextWriteOf(String collection) {
        failWriteOf(collection, 0);
    }

    /** The write to {@code collection} after the next {@code letThrough} ones fails. */
    public void failWriteOf(String collection, int letThrough) {
        writesToLetThrough.set(letThrough);
        failing.set(collection);
    }

    private Object failingOnce(String name, MongoCollection<?> real) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName()) && name.equals(failing.get())
                            && writesToLetThrough.getAndDecrement() == 0) {
                        failing.set(null);
                        throw new MongoException("cut short before writing " + name);
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
