package com.wildrydes.lambdas.backend;

/** Thrown on purpose, at the rate FAILURE_RATE sets, so that learners watch the retries and dead letters work. */
public class SimulatedFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatedFailureException(String service, String messageId) {
        super(service + " failed on purpose while processing message " + messageId);
    }
}
