package io.tributary.query.attribution;

import java.time.LocalDate;

/** The finest cell of a report: a day and the dims of what happened. */
record FactKey(LocalDate date, ReportDims dims) {
}
