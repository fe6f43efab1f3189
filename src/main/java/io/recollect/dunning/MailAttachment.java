package io.recollect.dunning;

/** A file sent with an email, kept with it so the email can be shown and sent again as it was. */
record MailAttachment(String filename, String contentType, byte[] content) {
}
