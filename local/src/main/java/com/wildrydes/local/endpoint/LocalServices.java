package com.wildrydes.local.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services behind the local endpoint, found by the request's SigV4 service name or, for an
 * unsigned request, its {@code X-Amz-Target} prefix. A request for a service not served, or an
 * error inside one, is answered in that service's protocol with a message naming what was asked.
 */
public final class LocalServices {

    private final Map<String, AwsService> bySigningName = new LinkedHashMap<>();
    private final Map<String, AwsService> byTargetPrefix = new LinkedHashMap<>();

    public LocalServices(List<AwsService> services) {
        for (AwsService service : services) {
            if (bySigningName.put(service.signingName(), service) != null) {
                throw new IllegalArgumentException("Two services signed as " + service.signingName());
            }
            service.targetPrefixes().forEach(prefix -> byTargetPrefix.put(prefix, service));
        }
    }

    /** The signing names of the services served, in the order given. */
    public List<String> names() {
        return new ArrayList<>(bySigningName.keySet());
    }

    AwsResponse answer(AwsRequest request) {
        AwsService service = serviceFor(request);
        if (service == null) {
            String asked = request.signingName() != null
                    ? "service '" + request.signingName() + "'"
                    : request.target() != null
                            ? "target '" + request.target() + "'"
                            : "a request with neither a SigV4 signature nor an X-Amz-Target header (" + request.method()
                                    + " " + request.path() + ")";
            AwsError error = new AwsError(
                    400,
                    "UnknownService",
                    "Local mode's endpoint does not serve " + asked + "; it serves " + String.join(", ", names()));
            return (request.header("Content-Type") != null
                                    && request.header("Content-Type").startsWith("application/x-www-form-urlencoded")
                            ? Protocol.QUERY
                            : Protocol.AWS_JSON_1_1)
                    .error(error);
        }
        try {
            return service.handle(request);
        } catch (AwsError e) {
            return service.protocol().error(e);
        } catch (java.io.IOException e) {
            return service.protocol()
                    .error(new AwsError(
                            503,
                            "ServiceUnavailable",
                            "The local " + service + " cannot be reached: " + e.getMessage()));
        } catch (RuntimeException e) {
            System.err.println("local mode: " + service.signingName() + " failed on " + request.method() + " "
                    + request.path() + ": " + e);
            return service.protocol()
                    .error(new AwsError(500, "InternalFailure", "Local mode failed to answer: " + e.getMessage()));
        }
    }

    private AwsService serviceFor(AwsRequest request) {
        String signingName = request.signingName();
        if (signingName != null) {
            return bySigningName.get(signingName);
        }
        String target = request.target();
        if (target != null && target.contains(".")) {
            return byTargetPrefix.get(target.substring(0, target.indexOf('.')));
        }
        return null;
    }
}
