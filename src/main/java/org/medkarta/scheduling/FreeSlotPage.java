package org.medkarta.scheduling;

import java.util.List;

/**
 * One page of free slots ({@link SlotSearch#freeSlots}) and how many the whole search holds.
 *
 * @param total every free slot the search finds for the viewer, not only this page's
 */
public record FreeSlotPage(List<Slot> slots, long total) {

    /** A free slot with the services the viewer may book in it. */
    public record Slot(SlotView slot, List<OfferedSlot> services) {}
}
