package com.wildrydes.local.cloudformation;

import java.time.Instant;

/** One line of a stack's history, as DescribeStackEvents gives it and the CDK CLI prints it. */
public record StackEvent(
        String eventId,
        String logicalId,
        String physicalId,
        String resourceType,
        Instant timestamp,
        String status,
        String reason) {}
