package io.recollect.dunning;

/** Subject and HTML body of one email, ready to store and send. */
record RenderedMail(String subject, String body) {
}
