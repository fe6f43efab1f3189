package io.recollect.dunning;

/** How a communication reached or came from the customer. */
public enum Channel {
    EMAIL, PHONE
}
