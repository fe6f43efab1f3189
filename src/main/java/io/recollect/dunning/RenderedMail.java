package io.recollect.dunning;

/** Subject, HTML body and its plain-text alternative of one email, ready to store and send. */
record RenderedMail(String subject, String html, String text) {
}
