package com.wildrydes.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wildrydes.local.LocalLab;
import com.wildrydes.local.LocalSettings;
import com.wildrydes.local.lambda.LocalFunction;
import com.wildrydes.test.engines.LocalEngines;
import com.wildrydes.test.support.SynthesizedApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Lab 2's queues as buffering load balancers, through the queue's SQS API and the function's
 * concurrency (Lambda's ConcurrentExecutions): a backlog in a queue is worked by as many invocations
 * at once as the mapping's maximum concurrency allows (5 in lab 2's template), as Lambda's pollers
 * do when messages are waiting, and never by more.
 */
@ExtendWith(LocalEngines.class)
class MappingConcurrencyLocalTest {

    private static final String STACK = "wild-rydes-async-msg-2";
    private static final String FUNCTION = "CustomerAccountingFunctionFA09DB28";
    private static final int MESSAGES = 500;

    private static LocalLab lab;

    @BeforeAll
    static void start() {
        // At the demo's failure rate (the template's), with 60 s visibility timeouts made 2 s.
        lab = LocalLab.start(
                SynthesizedApp.cloudAssembly(),
                STACK,
                LocalEngines.get(),
                LocalSettings.fromSystemProperties().withTimeScale(1.0 / 30));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aBacklogIsWorkedByTheMappingsMaximumConcurrencyAtOnce() throws Exception {
        String queueUrl = lab.output("CustomerAccountingQueueUrl");
        SqsClient sqs = LocalEngines.get().sqs();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int batch = 0; batch < MESSAGES / 10; batch++) {
                int first = batch * 10;
                sent.add(senders.submit(() -> sqs.sendMessageBatch(send -> send.queueUrl(queueUrl)
                        .entries(IntStream.range(first, first + 10)
                                .mapToObj(i -> SendMessageBatchRequestEntry.builder()
                                        .id("ride" + i)
                                        .messageBody("{\"id\": \"backlog-" + i + "\", \"from\": \"Berlin\", "
                                                + "\"to\": \"Potsdam\", \"distance\": 35, \"fare\": 45.10}")
                                        .build())
                                .toList()))));
            }
            for (Future<?> batch : sent) {
                batch.get();
            }
        } finally {
            senders.shutdown();
        }
        LocalFunction function = lab.functionByLogicalId(FUNCTION);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (function.invocationCount() < MESSAGES / 10 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(
                5,
                function.peakConcurrency(),
                "invocations at once while a backlog of " + MESSAGES + " messages waited (the mapping allows 5)");
    }
}
