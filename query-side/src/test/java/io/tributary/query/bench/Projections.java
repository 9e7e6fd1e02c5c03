package io.tributary.query.bench;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.session.TrafficSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Creates a projection from its class, whichever class loader that comes from (this tree's or a git ref's): the
 * database for a {@link MongoDatabase} parameter, {@code defaults()} for a settings parameter, and a fixed stand-in
 * for the channel rules the app hands attribution in (a {@code TrafficClassifier}).
 */
public final class Projections {

    private Projections() {
    }

    public static Object create(Class<?> type, MongoDatabase database) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getConstructors()[0];
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = argument(parameters[i], database);
        }
        return constructor.newInstance(arguments);
    }

    private static Object argument(Class<?> parameter, MongoDatabase database) throws ReflectiveOperationException {
        if (parameter == MongoDatabase.class) {
            return database;
        }
        if (parameter.isInterface() && parameter.getSimpleName().equals("TrafficClassifier")) {
            return Proxy.newProxyInstance(parameter.getClassLoader(), new Class<?>[]{parameter}, (proxy, method, args) ->
                    method.getName().equals("classify") ? classify((String) args[0], (String) args[1])
                            : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                            : method.getName().equals("equals") ? proxy == args[0] : "classifier");
        }
        Method defaults = parameter.getMethod("defaults");
        return defaults.invoke(null);
    }

    /** A gclid is Google Ads, a referrer is Referral, anything else Direct. */
    static TrafficSource classify(String landing, String referrer) {
        if (landing != null && landing.contains("gclid")) {
            return new TrafficSource("google", "Paid Search", "Google Ads", null, null, null, landing, referrer);
        }
        if (referrer != null) {
            return new TrafficSource("ref", "Referral", referrer, null, null, null, landing, referrer);
        }
        return new TrafficSource(null, "Direct", "Direct", null, null, null, landing, referrer);
    }
}
