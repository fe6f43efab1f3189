package io.recollect.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The challenger's share is drawn reproducibly from the customer id, and is the share asked for. */
class ArmBucketsTests {

    /** Seeded, so the sample and therefore the test are the same on every run. */
    private static final List<UUID> IDS = ids(5000, 20261201L);

    @Test
    void anAccountFallsInTheSameBucketEveryTime() {
        for (UUID id : IDS.subList(0, 200)) {
            int bucket = ArmBuckets.bucket("collection-path", id);
            assertThat(ArmBuckets.bucket("collection-path", UUID.fromString(id.toString()))).isEqualTo(bucket);
            assertThat(bucket).isBetween(0, 99);
        }
    }

    /**
     * Pinned: another node, a restart or another JVM computes the same bucket. A change to the hash
     * (say to String.hashCode, or seeding with the time) moves accounts between arms mid-challenge.
     */
    @Test
    void theBucketIsAFunctionOfTableAndCustomerAlone() {
        UUID id = UUID.fromString("3f1c2a9e-8d4b-4e57-9a61-2b7c0d5e4f18");
        // Worked out independently: SHA-256 of "collection-path\0" and the id, first 8 bytes unsigned, mod 100.
        assertThat(ArmBuckets.bucket("collection-path", id)).isEqualTo(91);
    }

    @Test
    void theShareIsWithinATolerance() {
        for (int share : new int[] {1, 10, 25, 50}) {
            long in = IDS.stream().filter(id -> ArmBuckets.inShare("collection-path", id, share)).count();
            double observed = 100.0 * in / IDS.size();
            // 5,000 ids: the standard error at 50 % is 0.71 points; 2.5 points is over three of them.
            assertThat(observed).as("share %d %%", share).isBetween(share - 2.5, share + 2.5);
        }
    }

    @Test
    void aLargerShareKeepsTheAccountsOfASmallerOne() {
        for (UUID id : IDS) {
            if (ArmBuckets.inShare("collection-path", id, 10)) {
                assertThat(ArmBuckets.inShare("collection-path", id, 20)).isTrue();
            }
        }
    }

    @Test
    void eachTableDrawsItsOwnSample() {
        long same = IDS.stream().filter(id -> ArmBuckets.inShare("collection-path", id, 50)
                == ArmBuckets.inShare("hardship-policy", id, 50)).count();
        // Independent samples agree on about half the accounts, not on all of them.
        assertThat(100.0 * same / IDS.size()).isBetween(45.0, 55.0);
    }

    private static List<UUID> ids(int n, long seed) {
        Random random = new Random(seed);
        return IntStream.range(0, n).mapToObj(i -> new UUID(random.nextLong(), random.nextLong())).toList();
    }
}
