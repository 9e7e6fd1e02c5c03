package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Puts stored conversions together with the sessions of their surviving profile and their adjustments. */
final class ConversionJourneys {

    /** @param profileId the profile after all merges */
    record Journey(StoredConversion conversion, String profileId, ConversionPath path, ConversionValue value) {
    }

    private final ConversionRepository repository;
    private final String currency;

    ConversionJourneys(ConversionRepository repository, String currency) {
        this.repository = repository;
        this.currency = currency;
    }

    List<Journey> of(List<StoredConversion> conversions) {
        Map<String, String> survivors = repository.survivorsOf(
                conversions.stream().map(StoredConversion::profileId).collect(Collectors.toSet()));
        Map<String, List<Touchpoint>> sessions = repository.sessionsOf(survivors.values());
        Map<String, List<Adjustment>> adjustments = repository.adjustmentsFor(
                conversions.stream().flatMap(c -> c.refs().stream()).toList());
        return conversions.stream().map(c -> {
            String survivor = survivors.get(c.profileId());
            ConversionPath path = new ConversionPath(c.convertedAt(), c.sessionId(),
                    sessions.getOrDefault(survivor, List.of()), c.ownMetadata());
            return new Journey(c, survivor, path, valueOf(c, adjustments));
        }).toList();
    }

    private ConversionValue valueOf(StoredConversion c, Map<String, List<Adjustment>> adjustments) {
        Map<String, Adjustment> own = new LinkedHashMap<>();
        c.refs().forEach(ref -> adjustments.getOrDefault(ref, List.of()).forEach(a -> own.putIfAbsent(a.recordId(), a)));
        BigDecimal revenue = c.revenue() == null ? BigDecimal.ZERO : c.revenue();
        return new ConversionValue(revenue, Adjustment.net(revenue, List.copyOf(own.values())), c.currency(),
                c.newCustomer(), ReportFacts.isReportingCurrency(currency, c.currency()));
    }
}
