package dev.blockmine.loadtest.http;

/** One HTTP response as the load tool needs it. */
record HttpReply(int status, String body) {
}
