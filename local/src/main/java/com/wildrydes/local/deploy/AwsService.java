package com.wildrydes.local.deploy;

/** One emulated AWS service behind the endpoint: answers the calls routed to it. */
public interface AwsService {

    AwsResponse handle(AwsRequest request) throws Exception;
}
