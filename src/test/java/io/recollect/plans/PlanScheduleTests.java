package io.recollect.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PlanScheduleTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void lastInstalmentTakesTheRemainderToTheCent() {
        PlanSchedule schedule = PlanSchedule.of(eur("1000.00"),
                new PlanTerms(null, 3, PlanFrequency.MONTHLY, LocalDate.of(2026, 3, 31), null), TODAY);

        assertThat(schedule.instalments()).extracting(i -> i.amount().amount().toPlainString())
                .containsExactly("333.33", "333.33", "333.34");
        assertThat(schedule.instalments()).extracting(PlanSchedule.Instalment::dueDate)
                .containsExactly(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31));
        assertThat(schedule.instalments().stream().map(PlanSchedule.Instalment::amount).reduce(Money::plus))
                .contains(eur("1000.00"));
    }

    @Test
    void downPaymentIsDueTodayAndTheRestIsSpread() {
        PlanSchedule schedule = PlanSchedule.of(eur("1234.57"),
                new PlanTerms(new BigDecimal("200.00"), 4, PlanFrequency.FORTNIGHTLY, TODAY.plusDays(7), null), TODAY);

        assertThat(schedule.instalments()).extracting(PlanSchedule.Instalment::seq).containsExactly(0, 1, 2, 3, 4);
        assertThat(schedule.instalments().get(0).dueDate()).isEqualTo(TODAY);
        assertThat(schedule.instalments()).extracting(i -> i.amount().amount().toPlainString())
                .containsExactly("200.00", "258.64", "258.64", "258.64", "258.65");
        assertThat(schedule.instalments().get(4).dueDate()).isEqualTo(TODAY.plusDays(7 + 42));
        assertThat(schedule.termMonths(TODAY)).isEqualTo(2);
    }

    @Test
    void currenciesWithoutCentsRoundToWholeUnits() {
        PlanSchedule schedule = PlanSchedule.of(Money.of(new BigDecimal("10000"), JPY),
                new PlanTerms(null, 3, PlanFrequency.WEEKLY, TODAY.plusDays(1), null), TODAY);

        assertThat(schedule.instalments()).extracting(i -> i.amount().amount().toPlainString())
                .containsExactly("3333", "3333", "3334");
    }

    @Test
    void refusesTermsThatMakeNoSchedule() {
        PlanTerms tooMuchDown = new PlanTerms(new BigDecimal("100.00"), 2, PlanFrequency.MONTHLY, TODAY.plusDays(5), null);
        PlanTerms fractionOfACent = new PlanTerms(new BigDecimal("10.001"), 2, PlanFrequency.MONTHLY, TODAY.plusDays(5), null);
        PlanTerms dueToday = new PlanTerms(null, 2, PlanFrequency.MONTHLY, TODAY, null);
        PlanTerms none = new PlanTerms(null, 0, PlanFrequency.MONTHLY, TODAY.plusDays(5), null);

        assertThatThrownBy(() -> PlanSchedule.of(eur("100.00"), tooMuchDown, TODAY))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("less than the balance");
        assertThatThrownBy(() -> PlanSchedule.of(eur("100.00"), fractionOfACent, TODAY))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("more decimals");
        assertThatThrownBy(() -> PlanSchedule.of(eur("100.00"), dueToday, TODAY))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> PlanSchedule.of(eur("100.00"), none, TODAY))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> PlanSchedule.of(eur("0.02"), new PlanTerms(null, 3, PlanFrequency.MONTHLY,
                TODAY.plusDays(5), null), TODAY)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Too many instalments");
    }

    private static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), EUR);
    }
}
