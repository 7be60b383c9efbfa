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
 *   <li>{@code namePrefix}: put before every local resource name, so that several copies of one
 *       stack can share the engines (tests);</li>
 *   <li>{@code environmentOverrides}: environment variables set over the template's, by the
 *       function's logical ID (for example a backend's {@code FAILURE_RATE} of 1 in a test).</li>
 * </ul>
 */
public record LocalSettings(
        Duration asyncRetryDelay, String namePrefix, Map<String, Map<String, String>> environmentOverrides) {

    public static LocalSettings fromSystemProperties() {
        return new LocalSettings(
                Duration.parse(System.getProperty("wildrydes.local.asyncRetryDelay", "PT1M")), "", Map.of());
    }

    public LocalSettings withAsyncRetryDelay(Duration delay) {
        return new LocalSettings(delay, namePrefix, environmentOverrides);
    }

    public LocalSettings withNamePrefix(String prefix) {
        return new LocalSettings(asyncRetryDelay, prefix, environmentOverrides);
    }

    public LocalSettings withEnvironment(String functionLogicalId, String variable, String value) {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>(environmentOverrides);
        Map<String, String> ofFunction = new LinkedHashMap<>(overrides.getOrDefault(functionLogicalId, Map.of()));
        ofFunction.put(variable, value);
        overrides.put(functionLogicalId, ofFunction);
        return new LocalSettings(asyncRetryDelay, namePrefix, overrides);
    }
}
