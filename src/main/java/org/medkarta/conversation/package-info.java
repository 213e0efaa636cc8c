/**
 * Conversations (SPEC D4, D5, J2): rooms whose id the owning module chooses (a consultation uses
 * its own id), their members, persisted chat messages with files, read marks and unread counts,
 * real-time delivery over WebSocket/STOMP at {@code /ws} with every CONNECT, SUBSCRIBE and SEND
 * authorised per room, WebRTC call signalling between the members of a room, ICE servers with
 * time-limited TURN credentials, and the record of each call's start, end and duration. A room about
 * a patient admits whoever may act for that patient at each request (the shared Representation
 * port, which the access module answers); a call whose participants have no live WebSocket session
 * for a grace period is ended by a sweep. Calls to the patient's phone (SPEC D6) go through a
 * telephony gateway behind the {@code Telephony} port ({@link org.medkarta.conversation.PhoneCalls}):
 * an HTTP click-to-call API whose signed webhooks report the call, recorded idempotently and listed
 * with the room's calls; no phone number is kept.
 *
 * <p>It does not know what a room is for: who belongs to a consultation, when it opens and closes,
 * and what a call means for it are decided by the owning module through {@link
 * org.medkarta.conversation.ConversationRooms}; it follows {@link
 * org.medkarta.conversation.CallStarted} and {@link org.medkarta.conversation.CallEnded}. Files are
 * kept by the files module.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.conversation.ConversationRooms}: opening and closing rooms, their members,
 *       who takes part and who has the room open now (D4),
 *       tested by {@code ConversationRoomsIT};
 *   <li>{@link org.medkarta.conversation.ChatMessages}: messages and files, read marks and unread
 *       counts (D4, J2),
 *       tested by {@code ChatMessagesIT};
 *   <li>{@link org.medkarta.conversation.ConversationCalls}: call signalling, the record of each call,
 *       ICE servers (D5),
 *       tested by {@code ConversationCallsIT};
 *   <li>{@link org.medkarta.conversation.PhoneCalls}: calls to the patient's phone through the
 *       telephony gateway (D6),
 *       tested by {@code PhoneCallsIT}.
 * </ul>
 *
 * <p>Every facade admits a person to a room through the one package-private {@code RoomAccess}.
 */
@ApplicationModule(displayName = "Conversations")
package org.medkarta.conversation;

import org.springframework.modulith.ApplicationModule;
