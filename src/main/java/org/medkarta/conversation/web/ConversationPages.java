package org.medkarta.conversation.web;

import org.medkarta.conversation.ConversationRooms;
import org.medkarta.identity.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The conversation page of a room, for its members (404 for everyone else), and the device check
 * before a call (SPEC J2). Other modules embed the same chat and call panel in their own pages with
 * {@code ~{conversation/panel :: panel(${room})}}.
 */
@Controller
class ConversationPages {

    private final ConversationRooms rooms;

    ConversationPages(ConversationRooms rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/conversations/{id}")
    @PreAuthorize("isAuthenticated()")
    String room(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("room", rooms.roomFor(RoomParams.room(id), user.userId()));
        return "conversation/room";
    }

    /** Camera preview, microphone level and advice when a device is missing or not allowed. */
    @GetMapping("/device-check")
    @PreAuthorize("isAuthenticated()")
    String deviceCheck() {
        return "conversation/device-check";
    }
}
