package org.medkarta.identity;

/** A one-time code is on its way (or, for an unknown phone, seems to be): how long it lives and when to ask again. */
public record CodeSent(long expiresInSeconds, long resendAfterSeconds) {}
