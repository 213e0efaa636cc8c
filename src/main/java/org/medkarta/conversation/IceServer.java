package org.medkarta.conversation;

import java.util.List;

/**
 * One entry of {@code RTCConfiguration.iceServers}.
 *
 * @param username null for STUN
 * @param credential null for STUN
 */
public record IceServer(List<String> urls, String username, String credential) {}
