package io.recollect.plans;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a collector agrees with the customer on the phone.
 *
 * @param downPayment   paid on the day of the agreement; zero for none
 * @param instalments   regular instalments after the down payment
 * @param firstDueDate  due date of the first regular instalment
 * @param monthlyIncome the household's declared monthly income, or null when not declared
 */
public record PlanTerms(BigDecimal downPayment, int instalments, PlanFrequency frequency, LocalDate firstDueDate,
        BigDecimal monthlyIncome) {
}
