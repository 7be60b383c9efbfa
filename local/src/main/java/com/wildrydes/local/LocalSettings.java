package com.wildrydes.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What local mode does differently from AWS, on purpose and only when asked, so that a test or a
 * learner need not wait for AWS's timings or edit a template:
 * <ul>
 *   <li>{@code asyncRetryDelay} (system property {@code wildrydes.local.asyncRetryDelay}, an
 *       ISO-8601 duration from {@code PT0S} to {@code PT6H}, default {@code PT1M}): the wait before an asynchronous invocation's
 *       first retry; the second waits twice as long, as Lambda waits 1 and then 2 minutes;</li>
 *   <li>{@code timeScale} (system property {@code wildrydes.local.timeScale}, above 0 and at most 1, default 1): every SQS
 *       wait multiplied by it: queues' visibility timeouts and delays, and the delay of each
 *       message a function sends (for example lab 3's deadline message), rounded up to whole
 *       seconds and never below one second unless it was zero; {@code 0.0333} makes lab 2's
 *       60 s visibility timeout two seconds;</li>
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

    /** Lambda keeps an asynchronous event at most 6 hours; a first retry later than that never happens. */
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofHours(6);

    private static final String TIME_SCALE = "wildrydes.local.timeScale";
    private static final String TIME_SCALES = "a number above 0 and at most 1 (for example 0.0333 for 1/30)";
    private static final String RETRY_DELAY = "wildrydes.local.asyncRetryDelay";
    private static final String RETRY_DELAYS = "an ISO-8601 duration from PT0S to PT6H (for example PT1S)";
    private static final String IAM_DENIALS = "wildrydes.local.iamDenials";

    public LocalSettings {
        if (!validTimeScale(timeScale)) {
            throw refused(TIME_SCALE, Double.toString(timeScale), TIME_SCALES);
        }
        if (!validRetryDelay(asyncRetryDelay)) {
            throw refused(RETRY_DELAY, String.valueOf(asyncRetryDelay), RETRY_DELAYS);
        }
    }

    /**
     * The settings the command's system properties give. A value a property does not take stops
     * with an {@link IllegalArgumentException} that names the property, the value as given and
     * what the property takes.
     */
    public static LocalSettings fromSystemProperties() {
        String scale = System.getProperty(TIME_SCALE, "1");
        double timeScale;
        try {
            timeScale = Double.parseDouble(scale.strip());
        } catch (NumberFormatException notANumber) {
            throw refused(TIME_SCALE, scale, TIME_SCALES);
        }
        if (!validTimeScale(timeScale)) {
            throw refused(TIME_SCALE, scale, TIME_SCALES);
        }
        String delay = System.getProperty(RETRY_DELAY, "PT1M");
        Duration asyncRetryDelay;
        try {
            asyncRetryDelay = Duration.parse(delay.strip());
        } catch (java.time.format.DateTimeParseException notADuration) {
            throw refused(RETRY_DELAY, delay, RETRY_DELAYS);
        }
        if (!validRetryDelay(asyncRetryDelay)) {
            throw refused(RETRY_DELAY, delay, RETRY_DELAYS);
        }
        String denials = System.getProperty(IAM_DENIALS, "warn");
        if (!denials.equals("warn") && !denials.equals("fail")) {
            throw refused(IAM_DENIALS, denials, "warn or fail");
        }
        return new LocalSettings(asyncRetryDelay, timeScale, "", Map.of(), denials.equals("fail"));
    }

    private static boolean validTimeScale(double scale) {
        return scale > 0 && scale <= 1;
    }

    private static boolean validRetryDelay(Duration delay) {
        return delay != null && !delay.isNegative() && delay.compareTo(LONGEST_RETRY_DELAY) <= 0;
    }

    private static IllegalArgumentException refused(String property, String given, String expected) {
        return new IllegalArgumentException(property + " must be " + expected + ", got '" + given + "'");
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
