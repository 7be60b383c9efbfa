package com.wildrydes.local.deploy;

import com.wildrydes.local.endpoint.AwsResponse;
import com.wildrydes.local.endpoint.Protocol;
import java.util.Set;

/**
 * One of the deploy path's services (STS, SSM, S3, CloudFormation) behind the single local
 * endpoint: its signing name, the target prefix of its JSON operations, and the protocol its
 * errors are written in when something fails outside the service.
 */
final class OnTheEndpoint implements com.wildrydes.local.endpoint.AwsService {

    private final String signingName;
    private final Set<String> targetPrefixes;
    private final Protocol protocol;
    private final AwsService service;

    OnTheEndpoint(String signingName, Set<String> targetPrefixes, Protocol protocol, AwsService service) {
        this.signingName = signingName;
        this.targetPrefixes = targetPrefixes;
        this.protocol = protocol;
        this.service = service;
    }

    @Override
    public String signingName() {
        return signingName;
    }

    @Override
    public Set<String> targetPrefixes() {
        return targetPrefixes;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public AwsResponse handle(com.wildrydes.local.endpoint.AwsRequest request) {
        try {
            com.wildrydes.local.deploy.AwsResponse answer = service.handle(AwsRequest.of(request));
            return new AwsResponse(answer.status(), answer.headers(), answer.body());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return signingName;
    }
}
