package io.tributary.query.support;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts arbitrary JSON-like values (maps, lists, strings, numbers, booleans) to BSON and back, the same
 * way everywhere.
 * <ul>
 *   <li>Map keys are escaped ({@code %} → {@code %25}, {@code .} → {@code %2E}, {@code $} → {@code %24}) so
 *       that keys like {@code $email} or {@code utm.source} are legal field names and usable in update paths.</li>
 *   <li>{@link BigDecimal} is stored as Decimal128 (rounded to 34 digits if longer) and read back as BigDecimal;
 *       {@link BigInteger} becomes a long when it fits, else Decimal128.</li>
 *   <li>Instants are stored as {@link Date}, so they keep millisecond precision only.</li>
 * </ul>
 */
public final class MongoValues {

    private MongoValues() {
    }

    public static Document toDocument(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        Document document = new Document();
        map.forEach((key, value) -> document.put(escapeKey(key), toBson(value)));
        return document;
    }

    public static Map<String, Object> toMap(Document document) {
        if (document == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        document.forEach((key, value) -> map.put(unescapeKey(key), fromBson(value)));
        return map;
    }

    public static Object toBson(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((key, nested) -> document.put(escapeKey(String.valueOf(key)), toBson(nested)));
            return document;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(element -> list.add(toBson(element)));
            return list;
        }
        if (value instanceof Object[] array) {
            return toBson(Arrays.asList(array));
        }
        if (value instanceof BigDecimal decimal) {
            return toDecimal128(decimal);
        }
        if (value instanceof BigInteger integer) {
            return integer.bitLength() < 64 ? (Object) integer.longValue() : toDecimal128(new BigDecimal(integer));
        }
        if (value instanceof Float || value instanceof Short || value instanceof Byte) {
            return value instanceof Float f ? (Object) f.doubleValue() : (Object) ((Number) value).intValue();
        }
        if (value instanceof Instant instant) {
            return toDate(instant);
        }
        return value.toString();
    }

    public static Object fromBson(Object value) {
        if (value instanceof Document document) {
            return toMap(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(fromBson(element)));
            return copy;
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.isNaN() || decimal.isInfinite() ? decimal.doubleValue() : decimal.bigDecimalValue();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    public static Date toDate(Instant instant) {
        return instant == null ? null : new Date(instant.toEpochMilli());
    }

    public static Instant toInstant(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime());
    }

    public static String escapeKey(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String unescapeKey(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    private static Decimal128 toDecimal128(BigDecimal decimal) {
        try {
            return new Decimal128(decimal);
        } catch (NumberFormatException tooPrecise) {
            return new Decimal128(decimal.round(MathContext.DECIMAL128));
        }
    }
}
