package org.medkarta.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of checking the chain: how many entries were checked and, when the chain is broken,
 * the sequence number of the first entry whose hash does not follow from what precedes it.
 */
public record Verification(long checked, Long firstBroken) {

    @JsonProperty("intact")
    public boolean intact() {
        return firstBroken == null;
    }
}
