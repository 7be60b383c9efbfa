package com.wildrydes.lambdas.common;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Tells an AWS failure that sending the same request again can fix from one it cannot, so that an
 * API answers 503 with Retry-After only for the first kind.
 */
public final class AwsErrors {

    /** Error codes AWS documents as transient that are neither 5xx nor in the SDK's throttling list. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "RequestTimeout",
            "RequestTimeoutException",
            "PriorRequestNotComplete",
            "TransactionConflict",
            "TransactionConflictException");

    private AwsErrors() {}

    /**
     * Retryable: no answer from the service at all (network, timeout: an {@link SdkClientException}),
     * a 5xx, or throttling, including the codes the SDK's list misses (SNS's {@code Throttled},
     * {@code KMSThrottling}). Anything else the service answered (a 4xx: validation, a missing or
     * disabled resource, access denied) will be answered the same way again.
     */
    public static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            return service.isThrottlingException()
                    || service.statusCode() >= 500
                    || (code != null
                            && (code.toLowerCase(Locale.ROOT).contains("throttl") || TRANSIENT_CODES.contains(code)));
        }
        return e instanceof SdkClientException;
    }
}
