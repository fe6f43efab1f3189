package io.recollect.dunning;

/**
 * What one sweep of the outbox did.
 *
 * @param sent accepted by the SMTP server and recorded SENT
 * @param failed out of attempts: FAILED, for an operator to look at
 * @param retryLater not sent now, queued again for their next attempt
 */
public record SendResult(int sent, int failed, int retryLater) {

    static final SendResult NONE = new SendResult(0, 0, 0);

    public int total() {
        return sent + failed + retryLater;
    }

    SendResult plus(OutboxSender.Outcome outcome) {
        return switch (outcome) {
            case SENT -> new SendResult(sent + 1, failed, retryLater);
            case FAILED -> new SendResult(sent, failed + 1, retryLater);
            case RETRY_LATER, SERVER_UNAVAILABLE -> new SendResult(sent, failed, retryLater + 1);
            case ALREADY_DONE -> this;
        };
    }
}
