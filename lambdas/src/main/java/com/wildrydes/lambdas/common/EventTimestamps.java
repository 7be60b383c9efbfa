package com.wildrydes.lambdas.common;

import org.joda.time.DateTimeZone;
import org.joda.time.tz.UTCProvider;

/**
 * Lets Lambda's Java runtime read an event's timestamps (an SNS message's {@code Timestamp}) without
 * a time-zone database. The runtime reads them with the joda-time of the function's jar, whose
 * database the jar leaves out (event times are ISO-8601 in UTC). Left to itself, joda looks for that
 * database on first use and, not finding it, prints a stack trace to standard error before falling
 * back to UTC: Lambda writes that trace to the function's log group, outside its JSON log format,
 * on every new execution environment. Given its UTC-only provider first, joda reads the same times
 * the same way without looking.
 */
public final class EventTimestamps {

    private EventTimestamps() {}

    /** Call from a handler's constructor, before the runtime reads its first event. */
    public static void readWithoutTimeZoneDatabase() {
        DateTimeZone.setProvider(new UTCProvider());
    }
}
