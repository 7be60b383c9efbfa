package com.wildrydes.lambdas.rfq;

import com.wildrydes.lambdas.common.InvalidRequestException;
import java.util.UUID;

/** Request-for-quotes IDs are UUIDs; anything else is refused before it reaches the table. */
final class RfqIds {

    private RfqIds() {}

    static String requireValid(String id) {
        try {
            if (id != null && UUID.fromString(id).toString().equals(id.toLowerCase())) {
                return id.toLowerCase();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidRequestException(RfqRequest.RFQ_ID, "expected a UUID, got \"" + id + "\"");
    }
}
