package com.wildrydes.local.stepfunctions;

import java.util.List;

/**
 * One finished local execution, as Step Functions' DescribeExecution and history would show it:
 * its status ({@code SUCCEEDED} or {@code FAILED}), its output (JSON text) or its error and cause,
 * and the states it entered, in order.
 */
public record StateMachineExecution(
        String executionArn, String status, String output, String error, String cause, List<String> states) {

    public StateMachineExecution {
        states = List.copyOf(states);
    }
}
