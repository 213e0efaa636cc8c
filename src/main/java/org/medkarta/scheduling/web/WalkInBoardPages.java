package org.medkarta.scheduling.web;

import org.medkarta.scheduling.WalkInBoards;
import org.medkarta.shared.TypedId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The waiting-room board for a big screen (SPEC C9, seed 002): the numbers called and their rooms in
 * big type, with a short chime. Public, like the screen on the wall: it shows no name and no medical
 * data. It follows the queue over STOMP and polls the board API when WebSocket is blocked.
 */
@Controller
class WalkInBoardPages {

    private final WalkInBoards walkInBoards;

    WalkInBoardPages(WalkInBoards walkInBoards) {
        this.walkInBoards = walkInBoards;
    }

    @GetMapping("/walk-in/board/{id}")
    String board(@PathVariable String id, Model model) {
        model.addAttribute("board", walkInBoards.board(TypedId.parse(id, "id")));
        return "scheduling/walk-in-board";
    }
}
