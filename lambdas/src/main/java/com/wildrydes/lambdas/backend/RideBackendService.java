package com.wildrydes.lambdas.backend;

import com.wildrydes.lambdas.common.InvalidRequestException;
import com.wildrydes.lambdas.common.Json;
import com.wildrydes.lambdas.common.StructuredLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each backend service of the workshop (customer accounting, customer notification,
 * extraordinary rides) does with a completed ride: logs one structured line for it. Recording a
 * line is safe to repeat, so a redelivered message does no harm. Fails on purpose at the
 * configured rate, and on a message that is not a ride.
 */
public class RideBackendService {

    private final String serviceName;
    private final FailureInjector failures;

    public RideBackendService(String serviceName, FailureInjector failures) {
        this.serviceName = serviceName;
        this.failures = failures;
    }

    /**
     * @throws SimulatedFailureException at the configured rate
     * @throws InvalidRequestException when the message is not a ride with an id
     */
    public void process(String messageId, String body) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("service", serviceName);
        line.put("messageId", messageId);
        Map<String, Object> ride;
        try {
            ride = Json.parseObject(body);
            if (!(ride.get("id") instanceof String)) {
                throw new InvalidRequestException("id", "expected the ride's id, got " + ride.get("id"));
            }
        } catch (InvalidRequestException e) {
            line.put("outcome", "rejected");
            line.put("problem", e.getMessage());
            StructuredLog.error("ride-message", line);
            throw e;
        }
        line.put("rideId", ride.get("id"));
        line.put("fare", ride.get("fare"));
        line.put("distance", ride.get("distance"));
        if (failures.shouldFail()) {
            line.put("outcome", "simulated-failure");
            StructuredLog.error("ride-message", line);
            throw new SimulatedFailureException(serviceName, messageId);
        }
        line.put("outcome", "processed");
        StructuredLog.info("ride-message", line);
    }
}
