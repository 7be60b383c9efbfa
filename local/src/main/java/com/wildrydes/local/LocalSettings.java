package com.wildrydes.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What local mode does differently from AWS, on purpose and only when asked, so that a test or a
 * learner need not wait for AWS's timings or edit a template:
 * <ul>
 *   <li>{@code asyncRetryDelay} (system property {@code wildrydes.local.asyncRetryDelay}, an
 *       ISO-8601 duration, default {@code PT1M}): the wait before an asynchronous invocation's
 *       first retry; the second waits twice as long, as Lambda waits 1 and then 2 minutes;</li>
 *   <li>{@code timeScale} (system property {@code wildrydes.local.timeScale}, default 1): every SQS
 *       wait multiplied by it: queues' visibility timeouts and delays, and the delay of each
 *       message a function sends (for example lab 3's deadline message), rounded up to whole
 *       seconds and never below one second unless it was zero; {@code 0.0167} makes lab 2's
 *       60 s visibility timeout one second;</li>
 *   <li>{@code namePrefix}: put before every local resource name, so that several copies of one
 *       stack can share the engines (tests);</li>
 *   <li>{@code environmentOverrides}: environment variables set over the template's, by the
 *       function's logical ID (for example a backend's {@code FAILURE_RATE} of 1 in a test);</li>
 *   <li>{@code failOnIamDenial} (system property {@code wildrydes.local.iamDenials}, {@code warn} by
 *       default or {@code fail}): what the local command does when a call of the run is not allowed
 *       by the template's policies ({@link LocalLab#iamReport()}): print a warning and go on, or stop.</li>
 * </ul>
 */
public record LocalSettings(
        Duration asyncRetryDelay,
        double timeScale,
        String namePrefix,
        Map<String, Map<String, String>> environmentOverrides,
        boolean failOnIamDenial) {

    public LocalSettings {
        if (!(timeScale > 0 && timeScale <= 1)) {
            throw new IllegalArgumentException(
                    "wildrydes.local.timeScale must be above 0 and at most 1, got " + timeScale);
        }
    }

    public static LocalSettings fromSystemProperties() {
        return new LocalSettings(
                Duration.parse(System.getProperty("wildrydes.local.asyncRetryDelay", "PT1M")),
                Double.parseDouble(System.getProperty("wildrydes.local.timeScale", "1")),
                "",
                Map.of(),
                iamDenials(System.getProperty("wildrydes.local.iamDenials", "warn")));
    }

    private static boolean iamDenials(String mode) {
        return switch (mode) {
            case "warn" -> false;
            case "fail" -> true;
            default ->
                throw new IllegalArgumentException("wildrydes.local.iamDenials must be warn or fail, got " + mode);
        };
    }

    /** An SQS wait of {@code seconds} (visibility timeout or delay) on the local time scale. */
    public int scaledSeconds(int seconds) {
        return seconds == 0 ? 0 : (int) Math.max(1, Math.ceil(seconds * timeScale));
    }

    public LocalSettings withTimeScale(double scale) {
        return new LocalSettings(asyncRetryDelay, scale, namePrefix, environmentOverrides, failOnIamDenial);
    }

    public LocalSettings withAsyncRetryDelay(Duration delay) {
        return new LocalSettings(delay, timeScale, namePrefix, environmentOverrides, failOnIamDenial);
    }

    public LocalSettings withNamePrefix(String prefix) {
        return new LocalSettings(asyncRetryDelay, timeScale, prefix, environmentOverrides, failOnIamDenial);
    }

    public LocalSettings withEnvironment(String functionLogicalId, String variable, String value) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>(environmentOverrides);
        Map<String, String> ofFunction = new LinkedHashMap<>(overrides.getOrDefault(functionLogicalId, Map.of()));
        ofFunction.put(variable, value);
        overrides.put(functionLogicalId, ofFunction);
        return new LocalSettings(asyncRetryDelay, timeScale, namePrefix, overrides, failOnIamDenial);
    }
}
