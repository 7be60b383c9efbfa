package com.wildrydes.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lambda's Java runtime sends a function's standard output and standard error to its log group:
 * local mode keeps both, in the order written, in the function's own group (a stack trace printed
 * by a library, an SDK warning), and nothing of another thread's.
 */
class FunctionLogsStandardErrorTest {

    @Test
    void aFunctionsStandardErrorIsKeptInItsLogGroupBesideItsStandardOutput() throws Exception {
        FunctionLogs.capture();
        FunctionLogs.LogGroup group = new FunctionLogs.LogGroup("stderr-test");
        Thread function = new Thread(() -> {
            FunctionLogs.enter(group);
            System.out.println("to standard output");
            System.err.println("to standard error");
        });
        function.start();
        function.join();
        System.err.println("this JVM's own line, no function's");

        assertEquals(List.of("to standard output", "to standard error"), group.lines());
    }
}
