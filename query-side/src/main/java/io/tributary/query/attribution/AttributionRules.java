package io.tributary.query.attribution;

import io.tributary.api.report.AttributionModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The attribution models: which touchpoints a conversion has, and how its credit is shared among them.
 * <ul>
 * <li>Touchpoints are the profile's sessions that started within the window before the conversion, in time order.
 * Direct sessions are ignored unless every touchpoint is Direct.</li>
 * <li>Without touchpoints, the order's own metadata is the only candidate; without that, {@code (no value)}.</li>
 * <li>Paid-only models credit {@code (no paid touchpoint)} when no candidate is paid.</li>
 * <li>Position models give first / middle / last weights; two touchpoints rescale first and last to 100%, one gets
 * 100%. Time decay halves a touchpoint's weight per half-life before the conversion.</li>
 * <li>{@code direct} credits the session the conversion happened in, whatever its channel and age.</li>
 * </ul>
 * Shares of a conversion sum to exactly 1, except under participation (1 to each).
 */
public final class AttributionRules {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final Comparator<Touchpoint> IN_TIME_ORDER = Comparator.comparing(Touchpoint::startedAt)
            .thenComparing(Touchpoint::sessionId);

    private final Duration window;
    private final Duration halfLife;

    public AttributionRules(Duration window, Duration halfLife) {
        this.window = Objects.requireNonNull(window);
        this.halfLife = Objects.requireNonNull(halfLife);
        if (window.isNegative() || halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("window must not be negative and half-life must be positive");
        }
    }

    public Duration window() {
        return window;
    }

    /** The sessions that started within the window before (or at) the conversion, in time order. */
    public List<Touchpoint> inWindow(ConversionPath path) {
        var earliest = path.convertedAt().minus(window);
        return path.sessions().stream()
                .filter(s -> s.startedAt() != null && !s.startedAt().isAfter(path.convertedAt())
                        && !s.startedAt().isBefore(earliest))
                .sorted(IN_TIME_ORDER).toList();
    }

    /** Drops Direct touchpoints, unless they are all Direct. */
    public List<Touchpoint> counted(List<Touchpoint> touchpoints) {
        List<Touchpoint> notDirect = touchpoints.stream().filter(t -> !t.touch().isDirect()).toList();
        return notDirect.isEmpty() ? touchpoints : notDirect;
    }

    public List<Credit> credit(ConversionPath path, AttributionModel model) {
        if (model == AttributionModel.DIRECT) {
            return direct(path);
        }
        List<Touchpoint> counted = counted(inWindow(path));
        if (counted.isEmpty()) {
            return withoutTouchpoint(path, model);
        }
        return switch (model) {
            case FIRST_TOUCH -> whole(counted.get(0));
            case LAST_TOUCH -> whole(counted.get(counted.size() - 1));
            case FIRST_TOUCH_PAID -> counted.stream().filter(t -> t.touch().isPaid()).findFirst()
                    .map(AttributionRules::whole).orElseGet(AttributionRules::noPaidTouchpoint);
            case LAST_TOUCH_PAID -> reversed(counted).stream().filter(t -> t.touch().isPaid()).findFirst()
                    .map(AttributionRules::whole).orElseGet(AttributionRules::noPaidTouchpoint);
            case LINEAR -> shared(counted, Collections.nCopies(counted.size(), BigDecimal.ONE));
            case PARTICIPATION -> counted.stream().map(t -> Credit.toSession(t, BigDecimal.ONE)).toList();
            case U_SHAPED -> shared(counted, positional(counted.size(), 40, 20, 40));
            case J_SHAPED -> shared(counted, positional(counted.size(), 20, 20, 60));
            case INVERSE_J -> shared(counted, positional(counted.size(), 60, 20, 20));
            case TIME_DECAY -> shared(counted, decayed(path, counted));
            case DIRECT -> throw new IllegalStateException("handled above");
        };
    }

    private List<Credit> direct(ConversionPath path) {
        return path.sessions().stream().filter(s -> s.sessionId().equals(path.convertingSessionId())).findFirst()
                .map(AttributionRules::whole).orElseGet(() -> fromMetadataOrNoValue(path));
    }

    private static List<Credit> withoutTouchpoint(ConversionPath path, AttributionModel model) {
        Touch metadata = path.ownMetadata();
        boolean paidOnly = model == AttributionModel.FIRST_TOUCH_PAID || model == AttributionModel.LAST_TOUCH_PAID;
        if (paidOnly && metadata != null && !metadata.isPaid()) {
            return noPaidTouchpoint();
        }
        return fromMetadataOrNoValue(path);
    }

    private static List<Credit> fromMetadataOrNoValue(ConversionPath path) {
        return path.ownMetadata() == null
                ? List.of(new Credit(null, Touch.NO_VALUE, CreditSource.NONE, BigDecimal.ONE))
                : List.of(new Credit(null, path.ownMetadata(), CreditSource.ORDER_METADATA, BigDecimal.ONE));
    }

    private static List<Credit> noPaidTouchpoint() {
        return List.of(new Credit(null, Touch.NO_PAID_TOUCHPOINT, CreditSource.NONE, BigDecimal.ONE));
    }

    private static List<Credit> whole(Touchpoint touchpoint) {
        return List.of(Credit.toSession(touchpoint, BigDecimal.ONE));
    }

    /** Weights first / each middle / last; with two touchpoints just first and last, with one just one. */
    private static List<BigDecimal> positional(int count, int first, int middle, int last) {
        if (count == 1) {
            return List.of(BigDecimal.ONE);
        }
        List<BigDecimal> weights = new ArrayList<>();
        weights.add(BigDecimal.valueOf(first));
        BigDecimal eachMiddle = count > 2
                ? BigDecimal.valueOf(middle).divide(BigDecimal.valueOf(count - 2L), PRECISION) : BigDecimal.ZERO;
        weights.addAll(Collections.nCopies(count - 2, eachMiddle));
        weights.add(BigDecimal.valueOf(last));
        return weights;
    }

    private List<BigDecimal> decayed(ConversionPath path, List<Touchpoint> touchpoints) {
        double halfLives = halfLife.toMillis();
        return touchpoints.stream().map(t -> {
            double age = Duration.between(t.startedAt(), path.convertedAt()).toMillis();
            return new BigDecimal(Math.pow(0.5, age / halfLives), PRECISION);
        }).toList();
    }

    /** Normalises the weights to shares; the last share takes the remainder so that they sum to exactly 1. */
    private static List<Credit> shared(List<Touchpoint> touchpoints, List<BigDecimal> weights) {
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Credit> credits = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < touchpoints.size(); i++) {
            BigDecimal share = i == touchpoints.size() - 1
                    ? BigDecimal.ONE.subtract(given)
                    : weights.get(i).divide(total, PRECISION);
            given = given.add(share);
            credits.add(Credit.toSession(touchpoints.get(i), share));
        }
        return credits;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
