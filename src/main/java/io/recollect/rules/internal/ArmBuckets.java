package io.recollect.rules.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which of 100 buckets an account falls in for a table: the first eight bytes of SHA-256 over the
 * table's name and the customer id. Nothing random and nothing of the JVM's (no hashCode), so every
 * node, before and after a restart, puts an account in the same bucket; the table's name makes
 * two tables' challengers draw independent samples.
 */
public final class ArmBuckets {

    public static final int BUCKETS = 100;

    private ArmBuckets() {
    }

    /** 0 to 99. */
    public static int bucket(String table, UUID customerId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(customerId.toString().getBytes(StandardCharsets.US_ASCII));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(sha.digest()).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Whether the account is among the {@code sharePercent} buckets the challenger decides. */
    public static boolean inShare(String table, UUID customerId, int sharePercent) {
        return bucket(table, customerId) < sharePercent;
    }
}
