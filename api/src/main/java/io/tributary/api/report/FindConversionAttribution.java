package io.tributary.api.report;

/** Explains one conversion (by its tracked event's id): its touchpoints and the credit each got under a model. */
public record FindConversionAttribution(String eventId, AttributionModel model) {
}
