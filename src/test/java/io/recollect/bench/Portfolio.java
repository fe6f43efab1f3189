package io.recollect.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, realistic portfolio of overdue accounts: segments and risk bands in proportions a
 * mixed billing book would have, 1 to 5 invoices each (the first overdue, the rest overdue or
 * current), amounts from 20 to 20,000, and a few accounts already promised, disputed, paused or
 * in hardship.
 */
record Portfolio(LocalDate businessDate, List<Account> accounts) {

    enum Kind { FRESH, PROMISED, DISPUTED, PAUSED, HARDSHIP }

    record Invoice(UUID id, String number, LocalDate issued, LocalDate due, BigDecimal amount) {

        boolean overdueOn(LocalDate day) {
            return due.isBefore(day);
        }
    }

    record Account(UUID customerId, String ref, String segment, String riskBand, Kind kind, List<Invoice> invoices) {

        Invoice oldest() {
            return invoices.get(0);
        }
    }

    static Portfolio generate(int accounts, long seed, LocalDate businessDate) {
        Random random = new Random(seed);
        List<Account> generated = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            String ref = String.format("B%07d", i);
            int invoiceCount = 1 + random.nextInt(5);
            List<Invoice> invoices = new ArrayList<>(invoiceCount);
            for (int n = 0; n < invoiceCount; n++) {
                boolean overdue = n == 0 || random.nextBoolean();
                LocalDate due = overdue ? businessDate.minusDays(1 + (long) (150 * Math.pow(random.nextDouble(), 2)))
                        : businessDate.plusDays(1 + random.nextInt(30));
                BigDecimal amount = BigDecimal.valueOf(20 * Math.pow(10, 3 * Math.pow(random.nextDouble(), 1.5)))
                        .setScale(2, RoundingMode.HALF_UP);
                invoices.add(new Invoice(UUID.randomUUID(), ref + "-" + (n + 1), due.minusDays(30), due, amount));
            }
            invoices.sort((a, b) -> a.due().compareTo(b.due()));
            generated.add(new Account(UUID.randomUUID(), ref, pick(random, SEGMENTS, SEGMENT_WEIGHTS),
                    pick(random, RISK_BANDS, RISK_WEIGHTS), pick(random, Kind.values(), KIND_WEIGHTS), invoices));
        }
        return new Portfolio(businessDate, generated);
    }

    long invoiceCount() {
        return accounts.stream().mapToLong(a -> a.invoices().size()).sum();
    }

    private static final String[] SEGMENTS = {"CONSUMER", "SMALL_BUSINESS", "ENTERPRISE", "PATIENT"};
    private static final int[] SEGMENT_WEIGHTS = {50, 30, 10, 10};
    private static final String[] RISK_BANDS = {"A", "B", "C", "D"};
    private static final int[] RISK_WEIGHTS = {30, 40, 20, 10};
    private static final int[] KIND_WEIGHTS = {88, 5, 3, 2, 2};

    private static <T> T pick(Random random, T[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not add up");
    }
}
