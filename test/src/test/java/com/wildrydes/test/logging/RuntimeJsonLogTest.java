package com.wildrydes.test.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.logging.LogSink;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wildrydes.lambdas.backend.FailureInjector;
import com.wildrydes.lambdas.backend.RideBackendService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A handler's log line as Lambda writes it in the JSON log format: the Java runtime's own logger
 * (installed into {@link LambdaRuntime} the way the runtime installs it) formats every line with
 * its level and request id, and the README's Logs Insights query finds our fields in it.
 */
class RuntimeJsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RIDE = "{\"id\":\"r-1\",\"fare\":256.50,\"distance\":600}";

    /** What the runtime hands to the platform: one frame per line, with its level and format. */
    private record Frame(LogLevel level, LogFormat format, String text) {}

    private final List<Frame> frames = new ArrayList<>();
    private LambdaLogger original;

    @BeforeEach
    void installTheRuntimesJsonLogger() {
        original = LambdaRuntime.getLogger();
        LogSink sink = new LogSink() {
            @Override
            public void log(byte[] message) {
                log(LogLevel.UNDEFINED, LogFormat.TEXT, message);
            }

            @Override
            public void log(LogLevel level, LogFormat format, byte[] message) {
                frames.add(new Frame(level, format, new String(message, StandardCharsets.UTF_8)));
            }

            @Override
            public void close() {}
        };
        LambdaContextLogger logger = new LambdaContextLogger(sink, LogLevel.INFO, LogFormat.JSON);
        logger.setLambdaContext(new LambdaContext(
                1024,
                Long.MAX_VALUE,
                "req-1",
                null,
                null,
                "fn",
                null,
                "$LATEST",
                "arn:aws:lambda:us-east-1:123456789012:function:fn",
                null,
                null,
                null));
        ReflectUtil.setStaticField(LambdaRuntime.class, "logger", true, logger);
    }

    @AfterEach
    void restoreTheLogger() {
        ReflectUtil.setStaticField(LambdaRuntime.class, "logger", true, original);
    }

    @Test
    void eachLineCarriesTheRequestIdALevelAndOurFieldsWhichTheReadmeQueryFinds() throws IOException {
        new RideBackendService("customer-accounting", new FailureInjector(0, () -> 0.0)).process("m-1", RIDE);

        assertEquals(1, frames.size(), "one line through the runtime's logger, got " + frames);
        Frame frame = frames.get(0);
        assertEquals(LogLevel.INFO, frame.level());
        JsonNode line = JSON.readTree(frame.text());
        assertEquals("INFO", line.get("level").asText());
        assertEquals("req-1", line.get("AWSRequestId").asText());
        assertTrue(line.hasNonNull("timestamp"), frame.text());
        JsonNode ours = JSON.readTree(line.get("message").asText());
        assertEquals("ride-message", ours.get("event").asText());
        assertEquals("customer-accounting", ours.get("service").asText());

        Matcher query = readmeQuery().matcher(line.get("message").asText());
        assertTrue(query.find(), "the README's query finds nothing in " + line.get("message"));
        assertEquals("customer-accounting", query.group("service"));
        assertEquals("r-1", query.group("rideId"));
        assertEquals("processed", query.group("outcome"));
    }

    @Test
    void aSimulatedFailureIsLoggedAsAnError() {
        RideBackendService failing = new RideBackendService("extraordinary-rides", new FailureInjector(1, () -> 0.0));
        try {
            failing.process("m-2", RIDE);
        } catch (RuntimeException expected) {
            // the simulated failure
        }
        assertEquals(List.of(LogLevel.ERROR), frames.stream().map(Frame::level).toList());
    }

    /** The regular expression of lab 1's Logs Insights query (docs/lab1-fan-out.md). */
    private static Pattern readmeQuery() throws IOException {
        String parse = Files.readAllLines(Path.of("..", "docs", "lab1-fan-out.md")).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("parse message /"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docs/lab1-fan-out.md has no 'parse message /.../' query"));
        return Pattern.compile(parse.substring(parse.indexOf('/') + 1, parse.lastIndexOf('/')));
    }
}
