package com.wildrydes.lambdas.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a record component has in JSON, where it is not a Java name (the workshop's
 * {@code rfq-id}, {@code reply-to}). Read by {@link Json#write(Object)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface WireName {
    /** @return the component's name in JSON */
    String value();
}
