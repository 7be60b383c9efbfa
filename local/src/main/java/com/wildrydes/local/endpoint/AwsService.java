package com.wildrydes.local.endpoint;

import java.util.Set;

/**
 * One AWS service behind the local endpoint: an engine it proxies to, or one local mode emulates.
 * To serve another service, implement this and add it where the command lists its services
 * ({@link LocalServices}).
 */
public interface AwsService {

    /** The service's SigV4 signing name ({@code cloudformation}, {@code lambda}, {@code logs}, {@code states}...). */
    String signingName();

    /** The {@code X-Amz-Target} prefixes the service's operations carry, for an unsigned request; none by default. */
    default Set<String> targetPrefixes() {
        return Set.of();
    }

    /** How the service writes its errors. */
    Protocol protocol();

    /**
     * Answers the request; an {@link AwsError} it throws is written in the service's protocol.
     *
     * @throws java.io.IOException when an engine it proxies to cannot be reached
     */
    AwsResponse handle(AwsRequest request) throws java.io.IOException;
}
