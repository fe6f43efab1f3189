package io.recollect.plans;

import java.time.LocalDate;

/** How often a plan's instalments fall due. */
public enum PlanFrequency {
    WEEKLY, FORTNIGHTLY, MONTHLY;

    /** The due date of the instalment {@code index} steps after {@code first}. */
    LocalDate after(LocalDate first, int index) {
        return switch (this) {
            case WEEKLY -> first.plusWeeks(index);
            case FORTNIGHTLY -> first.plusWeeks(2L * index);
            case MONTHLY -> first.plusMonths(index);
        };
    }

    /** Instalments falling due in an average month, for the share of a monthly income. */
    java.math.BigDecimal perMonth() {
        return switch (this) {
            case WEEKLY -> new java.math.BigDecimal("4.3452");
            case FORTNIGHTLY -> new java.math.BigDecimal("2.1726");
            case MONTHLY -> java.math.BigDecimal.ONE;
        };
    }
}
