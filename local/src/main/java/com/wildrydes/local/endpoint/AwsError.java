package com.wildrydes.local.endpoint;

/**
 * An error a service answers with, under the code and HTTP status AWS gives it (for example
 * CloudFormation's {@code ValidationError} 400, Lambda's {@code ResourceNotFoundException} 404), so
 * that an SDK or the CLI reports it as it would report AWS's. The endpoint writes it in the
 * service's protocol ({@link Protocol}).
 */
public final class AwsError extends RuntimeException {

    private final int status;
    private final String code;

    public AwsError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The operation is not one local mode serves: names it and lists the ones it does. */
    public static AwsError notServed(String service, String operation, java.util.Collection<String> served) {
        return new AwsError(
                400,
                "UnsupportedOperation",
                "Local mode does not serve " + service + " " + operation + "; it serves "
                        + String.join(", ", new java.util.TreeSet<>(served)));
    }
}
